/** The store actions islands call: stores that start themselves, holding assignments, decoded reports, reports made. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  decodeReport,
  encodeAssignment,
  encodeReport,
  type Assignment,
  type Report,
} from '../../../src/lib/assignment';
import { markRead } from '../../../src/lib/progress';
import { _resetForTests, updateProgress } from '../../../src/stores/progress';
import { holdAssignment, isHeld, makeReport, setHeldName } from '../../../src/stores/my-training';
import { addReportCodes, decodedReports } from '../../../src/stores/reports';
import { restoreMade } from '../../../src/stores/made';
import { HELD_KEY, SENT_KEY, held, reports, sent, storedList } from '../../../src/stores/training';
import { MAX_HELD, type SentAssignment } from '../../../src/lib/lists';
import { FakeStorage, installWindow } from './fake-storage';

let storage: FakeStorage;
const course = {
  modules: ['relationship-types'],
  lessons: ['relationship-types/four-types', 'relationship-types/choosing-the-level'],
  exercises: [{ id: 'relationship-scenarios', lesson: 'relationship-types/four-types' }],
};
const ids = { ...course, exercises: course.exercises.map((x) => x.id) };
const a: Assignment = { id: 'abcd1234', title: 'Onboarding', modules: ['relationship-types'], lessons: [] };

beforeEach(() => {
  storage = new FakeStorage();
  installWindow(storage);
  held._reset();
  reports._reset();
  _resetForTests();
});

describe('store actions', () => {
  it('a list starts itself when something first listens to it, or reads it', () => {
    storage.data.set(HELD_KEY, JSON.stringify([{ code: 'a1.eyJ9.abc', added: 1 }]));
    const seen: number[] = [];
    const stop = held.$list.subscribe((l) => seen.push(l.length));
    expect(seen.at(-1)).toBe(1);
    stop();
    held._reset();
    expect(held.$list.get()).toHaveLength(1);
    held._reset();
    expect(held.$saved.get()).toBe(true);
    expect(held.$list.get()).toHaveLength(1);
  });

  it('holds an assignment once per assignment and trainee', () => {
    expect(holdAssignment('a1.x.y', a, course)).toBe('added');
    expect(isHeld(a, course)).toBe(false); // 'a1.x.y' is no real code: nothing decodes to it
    const code = encodeAssignment(a);
    expect(holdAssignment(code, a, course)).toBe('added');
    expect(isHeld(a, course)).toBe(true);
    expect(holdAssignment(code, a, course)).toBe('already');
    const forAnna = { ...a, trainee: 'Anna' };
    expect(holdAssignment(encodeAssignment(forAnna), forAnna, course)).toBe('added');
    setHeldName(code, 'Bo');
    expect(held.$list.get().find((h) => h.code === code)?.name).toBe('Bo');
  });

  it('decoded reports follow the stored list', async () => {
    const report: Report = { assignment: a, name: 'Anna', at: 1_700_000_040_000, read: [], exercises: [] };
    const $decoded = decodedReports(ids);
    const seen: number[] = [];
    const stop = $decoded.subscribe((d) => seen.push(d.readable.length));
    await addReportCodes([{ code: await encodeReport(report), report }], ids);
    await expect.poll(() => seen.at(-1)).toBe(1);
    expect($decoded.get().readable[0].report.name).toBe('Anna');
    stop();
    expect(reports.$list.get()).toHaveLength(1);
  });

  it("a report is made from the learner's own progress", async () => {
    updateProgress((p) => markRead(p, 'relationship-types/four-types', 1_700_000_000_000));
    const { code, at } = await makeReport(a, 'Zane', course, 1_700_000_100_000);
    expect(at).toBe(1_700_000_100_000);
    const back = await decodeReport(code, ids, 1_700_000_100_000);
    expect(back.ok && back.value.read.map((r) => r.lesson)).toEqual(['relationship-types/four-types']);
    expect(back.ok && back.value.name).toBe('Zane');
  });
});

describe('the trainer’s made assignments', () => {
  it('Undo of a removal brings the assignment back with its trainees, and keeps another tab’s addition', () => {
    sent._reset();
    const made = (n: number, trainees?: string[]): SentAssignment => ({
      code: `a1.made${n}.abc`,
      added: n,
      ...(trainees ? { trainees } : {}),
    });
    sent.add(made(1, ['Anna', 'Bo']), (x) => x.code === made(1).code);
    sent.add(made(2), (x) => x.code === made(2).code);
    // Another tab, open before the removal and not told of it, makes an assignment afterwards.
    const otherTab = storedList<SentAssignment>(SENT_KEY, 'a', MAX_HELD);
    otherTab.start();
    const removed = sent.$list.get().find((x) => x.code === made(1).code)!;
    sent.remove(removed.code);
    expect(otherTab.$list.get()).toHaveLength(2);
    otherTab.add(made(3), (x) => x.code === made(3).code);
    expect(restoreMade(removed, 10)).toBe('restored');
    const stored = JSON.parse(storage.data.get(SENT_KEY)!) as SentAssignment[];
    expect(stored.map((x) => [x.code, x.removed ?? null])).toEqual([
      ['a1.made3.abc', null],
      ['a1.made2.abc', null],
      ['a1.made1.abc', null],
    ]);
    expect(sent.$list.get()[2]).toMatchObject({ trainees: ['Anna', 'Bo'], added: 1 });
    expect(restoreMade(removed, 11)).toBe('already');
  });
});
