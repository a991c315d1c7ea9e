/**
 * What a certificate of completion shows, from the learner's progress and an assignment (or the
 * whole course): the lessons with when each was done, each exercise's best score, and the date the
 * last lesson was done. Pure: src/islands/Certificate.tsx renders it. A certificate exists only
 * when every lesson in scope is done by the completion rule (./completion.ts), the same rule My
 * training, the report and the trainer's results use, so the certificate never claims more than
 * the report would.
 */
import { assignedLessons, checksum, type Assignment } from './assignment';
import { lessonDoneAt } from './completion';
import { exercisesOf, heldKey } from './my-training';
import type { CourseIndex } from './outline';
import { own, type Progress } from './progress';

export interface CertificateLesson {
  lesson: string;
  /** When the lesson was done (ms) */
  done: number;
  /** Each of the lesson's exercises and role-plays: its best score (0–1), none when never finished */
  exercises: { id: string; best?: number }[];
}

export type CertificateData =
  | { complete: true; lessons: CertificateLesson[]; /** when the last lesson was done (ms) */ completed: number }
  | { complete: false; done: number; total: number };

/** The certificate for a set of lessons (in course order), or how far from one the learner is. */
export function certificateOf(lessons: readonly string[], progress: Progress, course: CourseIndex): CertificateData {
  const lines: CertificateLesson[] = [];
  for (const lesson of lessons) {
    const ids = exercisesOf(course, lesson);
    const done = lessonDoneAt(progress, lesson, ids);
    if (done === undefined) continue;
    // Own entries only: an id like 'constructor' must not find Object.prototype's.
    lines.push({ lesson, done, exercises: ids.map((id) => ({ id, best: own(progress.exercises, id)?.best })) });
  }
  // An empty scope is never "complete": there would be nothing to certify.
  if (!lessons.length || lines.length < lessons.length)
    return { complete: false, done: lines.length, total: lessons.length };
  return { complete: true, lessons: lines, completed: Math.max(...lines.map((l) => l.done)) };
}

export const assignmentCertificate = (a: Assignment, progress: Progress, course: CourseIndex) =>
  certificateOf(assignedLessons(a, course), progress, course);

export const courseCertificate = (progress: Progress, course: CourseIndex) =>
  certificateOf(course.lessons, progress, course);

/**
 * The id a certificate link carries (`?a=<id>`) for a held assignment: the assignment's id and a
 * checksum of the trainee's name, since one browser can hold the same assignment twice (the team
 * link and a personal one), as My training's cards do.
 */
export const certificateId = (a: Pick<Assignment, 'id' | 'trainee'>) => `${a.id}-${checksum(heldKey(a))}`;

/** The name on a certificate: the one in a personal link, else the one the trainee typed (trimmed). */
export const certificateName = (a: Pick<Assignment, 'trainee'> | null, typed: string | undefined) =>
  (a?.trainee ?? typed ?? '').trim();

// ---------------------------------------------------------------------------------------------
// The name typed for the whole course's certificate (there is no assignment to keep it with).

export interface StoredName {
  name: string;
  /** When it was typed (ms) */
  edited: number;
}

/** Reads the stored name; anything else is no name. */
export function parseName(raw: string | null): StoredName | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(raw) as Partial<StoredName> | null;
    return v && typeof v.name === 'string' && typeof v.edited === 'number' && Number.isFinite(v.edited)
      ? { name: v.name.slice(0, 60), edited: v.edited }
      : null;
  } catch {
    return null;
  }
}

/**
 * Two tabs' names: the later edit wins; at the same moment, the greater text, so the merge is
 * commutative, associative and idempotent like every other (src/stores/storage.ts).
 */
export function mergeName(a: StoredName | null, b: StoredName | null): StoredName | null {
  if (!a || !b) return a ?? b;
  if (a.edited !== b.edited) return a.edited > b.edited ? a : b;
  return a.name >= b.name ? a : b;
}
