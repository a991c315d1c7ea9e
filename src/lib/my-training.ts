/** The trainee's side of an assignment: progress on its lessons, and the report made from it. */
import { assignedLessons, type Assignment, type Report, type ReportScope } from './assignment';
import type { CourseIndex } from './outline';
import { lessonDoneAt } from './completion';
import type { AssignmentPath } from './paths';
import type { Progress } from './progress';

/** One entry per assignment and trainee: opening the same link twice does not add it twice. */
export const heldKey = (a: Pick<Assignment, 'id' | 'trainee'>) => `${a.id}:${a.trainee ?? ''}`;

/** Lessons done (src/lib/completion.ts) of those assigned. */
export function assignmentProgress(
  a: Assignment,
  progress: Progress,
  course: CourseIndex,
): { read: number; total: number } {
  const lessons = assignedLessons(a, course);
  return {
    read: lessons.filter((l) => lessonDoneAt(progress, l, exercisesOf(course, l)) !== undefined).length,
    total: lessons.length,
  };
}

/** The ids of a lesson's exercises and role-plays. */
export const exercisesOf = (course: Pick<CourseIndex, 'exercises'>, lesson: string) =>
  course.exercises.filter((e) => e.lesson === lesson).map((e) => e.id);

/** What the trainee's browser recorded for this assignment: assigned lessons and their exercises only. */
export function buildReport(a: Assignment, progress: Progress, course: CourseIndex, name: string, now: number): Report {
  const lessons = assignedLessons(a, course);
  const scope: ReportScope = { id: a.id, title: a.title, modules: a.modules, lessons: a.lessons };
  if (a.due) scope.due = a.due;
  return {
    assignment: scope,
    name,
    at: now,
    // Own entries only: an id like 'constructor' must not find Object.prototype's.
    // "Read" on the wire means done by the completion rule, so the trainer sees what the trainee sees.
    read: lessons.flatMap((l) => {
      const at = lessonDoneAt(progress, l, exercisesOf(course, l));
      return at === undefined ? [] : [{ lesson: l, at }];
    }),
    exercises: course.exercises
      .filter(
        (e) =>
          lessons.includes(e.lesson) &&
          Object.hasOwn(progress.exercises, e.id) &&
          progress.exercises[e.id].best !== undefined,
      )
      .map((e) => {
        const ep = progress.exercises[e.id];
        return { id: e.id, best: ep.best!, latest: ep.latest ?? ep.best!, attempts: ep.attempts };
      }),
  };
}

/**
 * What a report tells the trainer, lesson by lesson, as the trainee's preview of it: each assigned
 * lesson done (when) or not, and each of its exercises with its result, or none when not tried (a
 * report carries only the exercises tried). Read from the Report itself, the one the code encodes.
 */
export function reportSummary(
  r: Report,
  course: CourseIndex,
): { lesson: string; done?: number; exercises: { id: string; result?: Report['exercises'][number] }[] }[] {
  return assignedLessons(r.assignment, course).map((lesson) => ({
    lesson,
    done: r.read.find((x) => x.lesson === lesson)?.at,
    exercises: exercisesOf(course, lesson).map((id) => ({ id, result: r.exercises.find((x) => x.id === id) })),
  }));
}

/** The summary My training keeps: one path per held assignment (the first of two with one id). */
export function pathsOf(assignments: readonly Assignment[], course: { lessons: readonly string[] }): AssignmentPath[] {
  const out: AssignmentPath[] = [];
  for (const a of assignments) {
    if (out.some((p) => p.id === a.id)) continue;
    const path: AssignmentPath = { id: a.id, title: a.title, lessons: assignedLessons(a, course) };
    if (a.due) path.due = a.due;
    out.push(path);
  }
  return out;
}
