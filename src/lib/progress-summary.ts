/** Summaries of progress for pages: totals, and where to continue. */
import { lessonDoneAt } from './completion';
import type { Progress } from './progress';

/* Only lessons and exercises the course still has are counted. */

export interface ProgressSummary {
  lessonsRead: number;
  lessonsTotal: number;
  exercisesDone: number;
  exercisesTotal: number;
  /** Mean best score of the exercises done, 0 to 1 (undefined when none) */
  averageBest?: number;
}

export function summarize(
  p: Progress,
  lessonIds: readonly string[],
  exerciseIds: readonly string[] = [],
  /** A lesson's exercises, for the completion rule (src/lib/completion.ts) */
  exercisesOf: (lesson: string) => readonly string[] = () => [],
): ProgressSummary {
  const done = exerciseIds.filter((id) => (p.exercises[id]?.attempts ?? 0) > 0);
  const bests = done.map((id) => p.exercises[id].best ?? 0);
  return {
    lessonsRead: lessonIds.filter((id) => lessonDoneAt(p, id, exercisesOf(id)) !== undefined).length,
    lessonsTotal: lessonIds.length,
    exercisesDone: done.length,
    exercisesTotal: exerciseIds.length,
    averageBest: bests.length ? bests.reduce((a, b) => a + b, 0) / bests.length : undefined,
  };
}
