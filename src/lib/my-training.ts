/** The trainee's side of an assignment: progress on its lessons, and the report made from it. */
import { assignedLessons, type Assignment, type Report, type ReportScope } from './assignment';
import type { CourseIndex } from './outline';
import type { Progress } from './progress';

/** One entry per assignment and trainee: opening the same link twice does not add it twice. */
export const heldKey = (a: Pick<Assignment, 'id' | 'trainee'>) => `${a.id}:${a.trainee ?? ''}`;

/** Lessons read of those assigned. */
export function assignmentProgress(
  a: Assignment,
  progress: Progress,
  course: CourseIndex,
): { read: number; total: number } {
  const lessons = assignedLessons(a, course);
  return {
    read: lessons.filter((l) => Object.hasOwn(progress.lessons, l) && progress.lessons[l].read).length,
    total: lessons.length,
  };
}

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
    read: lessons
      .filter((l) => Object.hasOwn(progress.lessons, l) && progress.lessons[l].read)
      .map((l) => ({ lesson: l, at: progress.lessons[l].read! })),
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
