/**
 * The storage layer every stored list and the progress record share, against a fake localStorage
 * with interleaving writers: several store instances on one key are several tabs (each has its own
 * memory, as a tab does), and storage events are delivered late or not at all.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeReport, type Report } from '../../../src/lib/assignment';
import type { StoredReport } from '../../../src/lib/lists';
import {
  emptyProgress,
  loadProgress,
  markRead,
  mergeProgress,
  openLesson,
  type Progress,
} from '../../../src/lib/progress';
import { ASIDE_MAX, ASIDE_MARK, setAsideForDownload, storedValue } from '../../../src/stores/storage';
import { addReportCodes } from '../../../src/stores/reports';
import { REPORTS_KEY, reports, storedList } from '../../../src/stores/training';
import { FakeStorage, installWindow, type StorageListener } from './fake-storage';

let storage: FakeStorage;
let listeners: StorageListener[];
const KEY = 'sales-course:reports';
const tab = () => storedList<StoredReport>(KEY, 'r', 2000);
const entry = (n: number): StoredReport => ({ code: `r1.code${n}.abc`, added: n });
const storedCodes = () => (JSON.parse(storage.data.get(KEY) ?? '[]') as StoredReport[]).map((e) => e.code).sort();
const asideKeys = (key = KEY) => [...storage.data.keys()].filter((k) => k.startsWith(key + ASIDE_MARK));

/** A small seeded random, so an interleaving that fails can be run again. */
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

beforeEach(() => {
  storage = new FakeStorage();
  listeners = [];
  installWindow(storage, listeners);
  reports._reset();
});

describe('many tabs and links at once', () => {
  it('ten report links opened at once keep all ten', () => {
    // Every tab reads the (empty) list before any of them adds its report.
    const tabs = Array.from({ length: 10 }, tab);
    tabs.forEach((t) => t.start());
    tabs.forEach((t, i) => expect(t.add(entry(i), (e) => e.code === entry(i).code)).toBe('added'));
    expect(storedCodes()).toHaveLength(10);
  });

  it('four tabs adding 20 entries each, interleaved, with no storage events: 80 of 80 kept', () => {
    for (const seed of [1, 2, 3]) {
      storage.data.clear();
      const tabs = Array.from({ length: 4 }, tab);
      tabs.forEach((t) => t.start());
      const next = random(seed);
      const queue = tabs.flatMap((t, i) => Array.from({ length: 20 }, (_, j) => ({ t, n: i * 100 + j })));
      while (queue.length) {
        const { t, n } = queue.splice(Math.floor(next() * queue.length), 1)[0];
        t.update((l) => [entry(n), ...l]);
      }
      expect(storedCodes()).toHaveLength(80);
    }
  });

  it('four tabs whose changes wait (decoding), interleaved, with late storage events: 80 of 80 kept', async () => {
    const tabs = Array.from({ length: 4 }, tab);
    tabs.forEach((t) => t.start());
    const next = random(7);
    const pause = () => new Promise((r) => setTimeout(r, Math.floor(next() * 3)));
    await Promise.all(
      tabs.map(async (t, i) => {
        for (let j = 0; j < 20; j++) {
          await t.updateAsync(async (l) => {
            await pause(); // another tab writes while this one decodes
            return { value: [entry(i * 100 + j), ...l], result: null };
          });
          // Now and then the other tabs hear of it (late, as a busy tab would).
          if (next() < 0.3) listeners.forEach((fn) => fn({ key: KEY, newValue: storage.data.get(KEY) ?? null }));
        }
      }),
    );
    expect(storedCodes()).toHaveLength(80);
  });

  it('adding real report codes while another tab adds its own keeps both', async () => {
    const scope = { id: 'abcd1234', title: 'Onboarding', modules: ['sales-and-service'], lessons: [] };
    const course = { modules: ['sales-and-service'], lessons: ['sales-and-service/what-sales-is'], exercises: [] };
    const make = async (name: string) => {
      const report: Report = { assignment: scope, name, at: 1_700_000_040_000, read: [], exercises: [] };
      return { code: await encodeReport(report), report };
    };
    const [anna, bo] = await Promise.all([make('Anna'), make('Bo')]);
    const other = tab();
    other.start();
    reports.start();
    // The other tab writes while this one is still decoding the stored list.
    const adding = addReportCodes([anna], course, 5);
    other.add({ code: bo.code, added: 4 }, (e) => e.code === bo.code);
    const result = await adding;
    expect(result.added).toBe(1);
    expect(storedCodes()).toEqual([anna.code, bo.code].sort());
  });

  it('a removal in one tab is not brought back by another tab that still had the entry', () => {
    const a = tab();
    const b = tab();
    a.start();
    a.add(entry(1), () => false);
    b.start(); // b has entry 1 in memory
    a.remove(entry(1).code);
    b.add(entry(2), () => false); // no storage event reached b
    expect(b.$list.get().map((e) => e.code)).toEqual([entry(2).code]);
    a.add(entry(3), () => false);
    expect(
      a.$list
        .get()
        .map((e) => e.code)
        .sort(),
    ).toEqual([entry(2).code, entry(3).code]);
  });

  it("a tab that wrote without another tab's entry (it read a moment too early) puts it back when it hears of it", () => {
    const a = tab();
    const b = tab();
    a.start();
    b.start();
    a.add(entry(1), () => false);
    const aWrote = storage.data.get(KEY)!;
    // b's read did not see a's write yet (as a browser may show it late): b writes over it.
    storage.data.set(KEY, '[]');
    b.add(entry(2), () => false);
    expect(storedCodes()).toEqual([entry(2).code]);
    // The storage events arrive: a hears b's write and writes back the union.
    listeners.forEach((fn) => fn({ key: KEY, newValue: storage.data.get(KEY)! }));
    expect(storedCodes()).toEqual([entry(1).code, entry(2).code]);
    expect(aWrote).toContain(entry(1).code);
  });
});

describe('tabs hearing each other', () => {
  it('stop writing once they agree: no endless back and forth', () => {
    const codec = {
      empty: emptyProgress,
      parse: (raw: string | null) => ({ value: loadProgress(raw).progress, status: loadProgress(raw).status }),
      merge: (a: Progress, b: Progress) => mergeProgress(a, b),
    };
    const one = storedValue('test:progress', codec);
    const two = storedValue('test:progress', codec);
    one.start();
    two.start();
    let writes = 0;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (k: string, v: string) => {
      if (k === 'test:progress') writes++;
      setItem(k, v);
    };
    one.update((p) => markRead(openLesson(p, 'a/b', 1), 'a/b', 2));
    // Two tabs that missed each other's last write, then hear everything, round after round.
    storage.data.set('test:progress', JSON.stringify(openLesson(emptyProgress(), 'c/d', 3)));
    two.update((p) => openLesson(p, 'e/f', 4));
    for (let round = 0; round < 10; round++)
      listeners.forEach((fn) => fn({ key: 'test:progress', newValue: storage.data.get('test:progress')! }));
    expect(writes).toBeLessThanOrEqual(4);
    expect(Object.keys(JSON.parse(storage.data.get('test:progress')!).lessons).sort()).toEqual(['a/b', 'c/d', 'e/f']);
  });
});

describe('storage that refuses', () => {
  it('getItem that throws: the list works in memory, says it is not saved, and nothing throws', () => {
    storage.data.set(KEY, JSON.stringify([entry(1)]));
    storage.readsThrow = true;
    const t = tab();
    expect(() => t.start()).not.toThrow();
    expect(t.add(entry(2), () => false)).toBe('added');
    expect(t.$list.get().map((e) => e.added)).toEqual([2]);
    expect(t.$saved.get()).toBe(false);
    expect(t.$state.get()).toBe('unavailable');
    // Nothing stored was touched.
    storage.readsThrow = false;
    expect(storedCodes()).toEqual([entry(1).code]);
  });

  it('a full quota still shows what is stored; what could not be saved is written once there is room', () => {
    storage.data.set(KEY, JSON.stringify([entry(1)]));
    storage.quota = storage.used();
    const t = tab();
    t.start();
    expect(t.$list.get()).toEqual([entry(1)]);
    t.add(entry(2), () => false);
    expect(t.$state.get()).toBe('full');
    expect(t.$list.get().map((e) => e.added)).toEqual([2, 1]);
    storage.quota = Infinity;
    t.add(entry(3), () => false);
    expect(t.$state.get()).toBe('ok');
    expect(storedCodes()).toEqual([entry(1), entry(2), entry(3)].map((e) => e.code).sort());
  });

  it('"full" and "blocked" are told apart', () => {
    const t = tab();
    t.start();
    storage.writesBlocked = true;
    t.add(entry(1), () => false);
    expect(t.$state.get()).toBe('unavailable');
    storage.writesBlocked = false;
    storage.quota = 0;
    t.add(entry(2), () => false);
    expect(t.$state.get()).toBe('full');
  });

  it('a list at its limit refuses a new entry and says so; nothing is dropped', () => {
    const small = storedList<StoredReport>(KEY, 'r', 3);
    small.start();
    [1, 2, 3].forEach((n) => expect(small.add(entry(n), () => false)).toBe('added'));
    expect(small.add(entry(4), () => false)).toBe('limit');
    expect(small.add(entry(2), (e) => e.code === entry(2).code)).toBe('already');
    expect(storedCodes()).toEqual([entry(1), entry(2), entry(3)].map((e) => e.code).sort());
  });
});

describe('damaged values', () => {
  it('are copied aside once, however many times the page loads, and repaired at once', () => {
    const damaged = JSON.stringify([entry(1), { code: '<img src=x onerror=alert(1)>', added: 2 }]);
    storage.data.set(KEY, damaged);
    for (let load = 0; load < 13; load++) {
      const t = tab();
      t.start();
      expect(t.$list.get()).toEqual([entry(1)]);
    }
    expect(asideKeys().map((k) => storage.data.get(k))).toEqual([damaged]);
    expect(JSON.parse(storage.data.get(KEY)!)).toEqual([entry(1)]);
  });

  it('the same damage arriving again is not copied again', () => {
    for (let load = 0; load < 5; load++) {
      storage.data.set(KEY, '{broken'); // e.g. an old copy of the site writes it back
      const t = tab();
      t.start();
      expect(t.$notice.get()).toBe('corrupt');
    }
    expect(asideKeys()).toHaveLength(1);
  });

  it(`keep at most ${ASIDE_MAX} aside copies per key, the newest`, () => {
    for (let n = 0; n < 6; n++) {
      storage.data.set(KEY, `{broken ${n}`);
      tab().start();
    }
    const kept = asideKeys().map((k) => storage.data.get(k));
    expect(kept).toHaveLength(ASIDE_MAX);
    expect(kept).toEqual(expect.arrayContaining(['{broken 5', '{broken 4', '{broken 3']));
  });

  it('a damaged value that cannot be copied stays where it is, untouched, and is offered for download', () => {
    const huge = `[${'x'.repeat(50_000)}`;
    storage.data.set(KEY, huge);
    storage.quota = storage.used() + 100; // no room for a second copy
    const t = tab();
    t.start();
    expect(t.$state.get()).toBe('full');
    t.add(entry(1), () => false); // works in memory, never over the original
    expect(t.$list.get()).toEqual([entry(1)]);
    expect(storage.data.get(KEY)).toBe(huge);
    expect(setAsideForDownload()[KEY]).toBe(huge);
  });
});

describe('the reports list itself', () => {
  it('is kept under its own key', () => {
    expect(REPORTS_KEY).toBe(KEY);
  });
});
