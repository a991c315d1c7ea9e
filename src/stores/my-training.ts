/** My training: the assignments a trainee holds (./training.ts), and the reports made from them. */
import { computed } from 'nanostores';
import { decodeAssignment, encodeReport, type Assignment, type Report } from '../lib/assignment';
import type { HeldAssignment } from '../lib/lists';
import { buildReport, heldKey, pathsOf } from '../lib/my-training';
import { PATHS_KEY } from '../lib/paths';
import type { CourseIndex } from '../lib/outline';
import { $progress } from './progress';
import { readRaw, writeRaw } from './storage';
import { held } from './training';

/** The held assignments, decoded (an entry this version cannot read is kept, shown as unreadable). */
export function heldAssignments(course: Pick<CourseIndex, 'modules' | 'lessons'>) {
  return computed(held.$list, (list) =>
    list.map((entry) => ({ entry, decoded: decodeAssignment(entry.code, course) })),
  );
}

/** Holds an assignment, once per assignment and trainee, checked against the freshest stored list. */
export function holdAssignment(
  code: string,
  assignment: Assignment,
  course: Pick<CourseIndex, 'modules' | 'lessons'>,
  now = Date.now(),
) {
  const key = heldKey(assignment);
  return held.add({ code, added: now } satisfies HeldAssignment, (h) => {
    const d = decodeAssignment(h.code, course);
    return d.ok && heldKey(d.value) === key;
  });
}

/** Whether an assignment like this one is already held (the same link opened again). */
export function isHeld(assignment: Assignment, course: Pick<CourseIndex, 'modules' | 'lessons'>): boolean {
  const key = heldKey(assignment);
  return held.$list.get().some((h) => {
    const d = decodeAssignment(h.code, course);
    return d.ok && heldKey(d.value) === key;
  });
}

/** The name a trainee typed for reports, kept with the assignment. */
export const setHeldName = (code: string, name: string) => held.edit(code, (x) => ({ ...x, name: name.slice(0, 60) }));

/** A report of what this browser recorded for an assignment, as a code, and the report it encodes (for its preview). */
export async function makeReport(
  a: Assignment,
  name: string,
  course: CourseIndex,
  now = Date.now(),
): Promise<{ code: string; at: number; report: Report }> {
  const report = buildReport(a, $progress.get(), course, name, now);
  return { code: await encodeReport(report), at: now, report };
}

/**
 * Keeps the summary lesson pages and the course home read (src/lib/paths.ts) in step with the held
 * assignments. Derived data, so it is written whole; written only when it changed, and a refusal
 * (storage full or blocked) only means lesson pages show no assignment, the held list is untouched.
 */
export function keepPaths(assignments: readonly Assignment[], course: Pick<CourseIndex, 'lessons'>): void {
  const value = JSON.stringify(pathsOf(assignments, course));
  if (readRaw(PATHS_KEY) !== value) writeRaw(PATHS_KEY, value);
}
