/**
 * When a lesson counts as done: the one rule for the lesson page, module pages, the course home,
 * My training and the trainer's results.
 *
 * A lesson is done when the learner
 *  - reached its end (the end stayed in view for a moment; src/scripts/progress-ui.ts), or
 *  - pressed "Mark as read" (a shortcut, for a learner who read it elsewhere), or
 *  - finished every exercise and role-play in it at least once.
 * Why the third: a trainee who worked through a lesson's role-play has done the lesson, whether or
 * not they scrolled past the key terms at the bottom; before this rule such a lesson showed
 * "started" and the trainer saw "not read" beside a finished role-play. A lesson without exercises
 * is done only by reading it to the end (or the shortcut).
 */
import { own, type Progress } from './progress';

export type LessonState = 'new' | 'started' | 'done';

/** When the lesson was done by the rule above: the read time, else when its last exercise was finished. */
export function lessonDoneAt(p: Progress, lesson: string, exercises: readonly string[]): number | undefined {
  const read = own(p.lessons, lesson)?.read;
  if (read) return read;
  if (!exercises.length) return undefined;
  let at = 0;
  for (const id of exercises) {
    const e = own(p.exercises, id);
    if (!e || e.attempts < 1) return undefined;
    at = Math.max(at, e.finished ?? e.updated);
  }
  return at;
}

/** Not opened and nothing answered; opened or something answered; done (see lessonDoneAt). */
export function lessonState(p: Progress, lesson: string, exercises: readonly string[]): LessonState {
  if (lessonDoneAt(p, lesson, exercises) !== undefined) return 'done';
  return own(p.lessons, lesson) || exercises.some((id) => own(p.exercises, id)) ? 'started' : 'new';
}

/**
 * Where "Continue" should take the learner: the lesson they were last in, while it is not done;
 * after that, the first lesson in course order that is not done (so a lesson left half-way is not
 * skipped for one after it); none when every lesson is done or nothing is begun.
 */
export function continueLesson(
  p: Progress,
  lessons: readonly string[],
  exercisesOf: (lesson: string) => readonly string[],
): string | null {
  // Nothing begun: the home offers "Start the course", not "Continue".
  if (!Object.keys(p.lessons).length && !Object.keys(p.exercises).length) return null;
  const done = (id: string) => lessonDoneAt(p, id, exercisesOf(id)) !== undefined;
  if (p.last && lessons.includes(p.last.lesson) && !done(p.last.lesson)) return p.last.lesson;
  return lessons.find((id) => !done(id)) ?? null;
}
