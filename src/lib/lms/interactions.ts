/**
 * One LMS interaction per answer the learner gives: each question answered, each card placed,
 * each role-play choice. The LMS cannot be asked what it already holds (SCORM 1.2's interactions
 * are write-only), so answers are found by comparing the progress before and after each change:
 * what the learner answers in this session is reported once, and a relaunch reports nothing again
 * from the restored record.
 */
import { own, type Progress } from '../progress';
import type { LmsCourse, LmsExercise } from './course';

export type InteractionResult = 'correct' | 'wrong' | 'neutral';

export interface Interaction {
  /** `<exercise>.<question>`: unique per question, no spaces (SCORM identifiers) */
  id: string;
  exercise: string;
  lesson: string;
  /** What the learner chose: an option, category or choice id */
  response: string;
  result: InteractionResult;
  /** When it was answered (ms since epoch) */
  at: number;
}

function judge(ex: LmsExercise, key: string, value: string): InteractionResult {
  const entry = own(ex.key, key);
  if (!entry) return 'wrong';
  if (entry.right.includes(value)) return 'correct';
  return entry.partly?.includes(value) ? 'neutral' : 'wrong';
}

const idOf = (exercise: string, key: string) => `${exercise}.${key}`.replace(/[^A-Za-z0-9._-]/g, '.');

/** The answers given between two records of progress, for the exercises in `only`. */
export function newInteractions(
  before: Progress,
  after: Progress,
  course: LmsCourse,
  only: ReadonlySet<string>,
): Interaction[] {
  const out: Interaction[] = [];
  for (const ex of course.exercises) {
    if (!only.has(ex.id)) continue;
    const now = own(after.exercises, ex.id);
    if (!now) continue;
    const was = own(before.exercises, ex.id);
    // Starting again empties the answers: from then on everything is new, even an answer equal to
    // the last attempt's. (A finished attempt keeps its answers, so more attempts alone is no sign.)
    const newAttempt = !!was && Object.keys(was.answers).some((k) => !Object.hasOwn(now.answers, k));
    const old = newAttempt ? {} : (was?.answers ?? {});
    for (const [key, value] of Object.entries(now.answers)) {
      const prior = Object.hasOwn(old, key) ? old[key] : undefined;
      if (ex.shape === 'cards') {
        if (!Array.isArray(value)) continue;
        const seen = Array.isArray(prior) ? prior.length : 0;
        for (const v of value.slice(seen))
          if (typeof v === 'string')
            out.push({
              id: idOf(ex.id, key),
              exercise: ex.id,
              lesson: ex.lesson,
              response: v,
              result: judge(ex, key, v),
              at: now.updated,
            });
      } else if (typeof value === 'string' && value !== prior) {
        out.push({
          id: idOf(ex.id, key),
          exercise: ex.id,
          lesson: ex.lesson,
          response: value,
          result: judge(ex, key, value),
          at: now.updated,
        });
      }
    }
  }
  return out;
}
