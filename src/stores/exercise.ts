/** Exercise actions on the progress store (./progress.ts), for the islands of lesson pages that have an exercise. */
import { finishAttempt, restartExercise, saveAnswer, setPosition } from '../lib/exercise-progress';
import { updateProgress } from './progress';

// Exercise actions (role-plays and the other exercises): answers and position of the current
// attempt, a finished attempt's score, a new attempt.

/** Saves an answer; when it ends the exercise, the attempt is scored in the same change. */
export function answerExercise(
  id: string,
  key: string,
  answer: unknown,
  position: string | undefined,
  finalScore?: number,
): void {
  updateProgress((p) => {
    const now = Date.now();
    const answered = saveAnswer(p, id, key, answer, position, now);
    return finalScore === undefined ? answered : finishAttempt(answered, id, finalScore, now);
  });
}

/** Moves within the current attempt (e.g. on to the next customer turn). */
export function moveInExercise(id: string, position: string | undefined): void {
  updateProgress((p) => setPosition(p, id, position, Date.now()));
}

/** Starts a new attempt: answers cleared, attempts and best and latest scores kept. */
export function restartExerciseAttempt(id: string): void {
  updateProgress((p) => restartExercise(p, id, Date.now()));
}
