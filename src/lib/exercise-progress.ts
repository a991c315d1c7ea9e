/**
 * Reducers of an exercise's progress (role-plays and the other exercises): answers and position of
 * the current attempt, a finished attempt's score, a new attempt. Apart from ./progress.ts so that
 * pages without an exercise do not load them.
 */
import { own, type ExerciseProgress, type Progress } from './progress';

function exercise(p: Progress, id: string, now: number): ExerciseProgress {
  return own(p.exercises, id) ?? { attempts: 0, answers: {}, updated: now };
}

/** Saves one answer of the current attempt, and where the learner now is in it. */
export function saveAnswer(
  p: Progress,
  id: string,
  key: string,
  answer: unknown,
  position: string | undefined,
  now: number,
): Progress {
  const ex = exercise(p, id, now);
  return {
    ...p,
    exercises: { ...p.exercises, [id]: { ...ex, answers: { ...ex.answers, [key]: answer }, position, updated: now } },
  };
}

/** Moves the learner within the current attempt without answering (e.g. "next turn"). */
export function setPosition(p: Progress, id: string, position: string | undefined, now: number): Progress {
  const ex = exercise(p, id, now);
  return { ...p, exercises: { ...p.exercises, [id]: { ...ex, position, updated: now } } };
}

/** Finishes the current attempt with a score from 0 to 1; its answers stay for the summary. */
export function finishAttempt(p: Progress, id: string, score: number, now: number): Progress {
  const ex = exercise(p, id, now);
  const s = Math.min(1, Math.max(0, score));
  return {
    ...p,
    exercises: {
      ...p.exercises,
      [id]: {
        ...ex,
        attempts: ex.attempts + 1,
        latest: s,
        best: Math.max(ex.best ?? 0, s),
        finished: now,
        updated: now,
      },
    },
  };
}

/** Starts a new attempt: answers and position cleared, attempts and scores kept. */
export function restartExercise(p: Progress, id: string, now: number): Progress {
  const ex = exercise(p, id, now);
  return { ...p, exercises: { ...p.exercises, [id]: { ...ex, answers: {}, position: undefined, updated: now } } };
}
