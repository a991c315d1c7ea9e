/**
 * What the LMS is told about the learner: completion by the package's rule, the score, and
 * passed/failed against the mastery score. One function for SCORM 1.2, SCORM 2004 and cmi5.
 *
 * Decided: the package is complete when every lesson in it is done by the course's own rule
 * (src/lib/completion.ts: read to the end, marked done, or every exercise in it finished). The
 * score is the average of the best scores of every exercise and role-play in the package, an
 * exercise never finished counting 0 — the same "average best" the trainer's results show, over
 * the whole package so an LMS score cannot rise by skipping exercises. Passed/failed is judged once
 * the package is complete, and may change from failed to passed when the learner improves.
 */
import { lessonState } from '../completion';
import { own, type Progress } from '../progress';
import type { LmsCourse, PackageConfig } from './course';

export interface LmsStatus {
  completed: boolean;
  lessonsDone: number;
  lessonsTotal: number;
  /** 0..1; undefined when the package has no exercises */
  score?: number;
  /** Only with a mastery score, once complete */
  success?: 'passed' | 'failed';
}

/** Every exercise id of the package's lessons, in course order. */
export function packageExercises(course: LmsCourse, pkg: Pick<PackageConfig, 'lessons'>): string[] {
  return course.lessons.filter((l) => pkg.lessons.includes(l.id)).flatMap((l) => l.exercises);
}

/** The learner's status in the package (see above). */
export function lmsStatus(p: Progress, course: LmsCourse, pkg: Pick<PackageConfig, 'lessons' | 'mastery'>): LmsStatus {
  const exercisesOf = (id: string) => course.lessons.find((l) => l.id === id)?.exercises ?? [];
  const lessonsDone = pkg.lessons.filter((id) => lessonState(p, id, exercisesOf(id)) === 'done').length;
  const completed = lessonsDone === pkg.lessons.length;
  const ids = packageExercises(course, pkg);
  const score = ids.length
    ? ids.reduce((sum, id) => sum + (own(p.exercises, id)?.best ?? 0), 0) / ids.length
    : undefined;
  const status: LmsStatus = { completed, lessonsDone, lessonsTotal: pkg.lessons.length };
  if (score !== undefined) status.score = Math.round(score * 10000) / 10000;
  if (pkg.mastery !== undefined && completed) status.success = (score ?? 1) >= pkg.mastery - 1e-9 ? 'passed' : 'failed';
  return status;
}
