/** My training: the assignments a trainee holds (./training.ts), and the reports made from them. */
import { computed } from 'nanostores';
import { decodeAssignment, encodeReport, type Assignment } from '../lib/assignment';
import type { HeldAssignment } from '../lib/lists';
import { buildReport, heldKey } from '../lib/my-training';
import type { CourseIndex } from '../lib/outline';
import { $progress } from './progress';
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

/** A report of what this browser recorded for an assignment, as a code. */
export async function makeReport(
  a: Assignment,
  name: string,
  course: CourseIndex,
  now = Date.now(),
): Promise<{ code: string; at: number }> {
  return { code: await encodeReport(buildReport(a, $progress.get(), course, name, now)), at: now };
}
