/** The progress store against a fake localStorage: aside, repair, quota, blocked storage, two tabs. */
import { beforeEach, describe, expect, it } from 'vitest';
import { markRead, openLesson } from '../../../src/lib/progress';
import {
  $notice,
  $progress,
  $storageState,
  ASIDE_PREFIX,
  STORAGE_KEY,
  _resetForTests,
  resetAllProgress,
  startProgress,
  updateProgress,
} from '../../../src/stores/progress';
import { importProgress } from '../../../src/stores/progress-import';
import { FakeStorage, installWindow as install, type StorageListener } from './fake-storage';

let storage: FakeStorage;
const listeners: StorageListener[] = [];
const installWindow = (blocked = false) => install(storage, listeners, blocked);
const L1 = 'sales-and-service/what-sales-is';
const L2 = 'sales-and-service/what-service-is';
const asideValues = () => [...storage.data].filter(([k]) => k.startsWith(ASIDE_PREFIX)).map(([, v]) => v);

beforeEach(() => {
  storage = new FakeStorage();
  listeners.length = 0;
  _resetForTests();
  installWindow();
});

describe('progress store', () => {
  it('saves every change and reads it back', () => {
    updateProgress((p) => markRead(p, L1, 5));
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).lessons[L1]).toEqual({ opened: 5, read: 5 });
    _resetForTests();
    startProgress();
    expect($progress.get().lessons[L1].read).toBe(5);
  });

  it('sets an unreadable value aside, tells the learner, and starts clean', () => {
    storage.setItem(STORAGE_KEY, '{"version":2,"lessons":{');
    startProgress();
    expect($notice.get()).toBe('corrupt');
    expect(asideValues()).toEqual(['{"version":2,"lessons":{']);
    // The clean record is written back at once, so the next page does not find the damage again.
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toEqual({ version: 2, lessons: {}, exercises: {} });
    for (let load = 0; load < 12; load++) {
      _resetForTests();
      startProgress();
    }
    expect(asideValues()).toHaveLength(1);
  });

  it('keeps the valid part of a partly damaged record, written back at once, raw kept aside', () => {
    const raw = JSON.stringify({
      version: 2,
      lessons: { [L1]: { opened: 1, read: 2 }, [L2]: { opened: -4 } },
      exercises: {},
    });
    storage.setItem(STORAGE_KEY, raw);
    startProgress();
    expect($notice.get()).toBe('repaired');
    expect(Object.keys($progress.get().lessons)).toEqual([L1]);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).lessons).toEqual({ [L1]: { opened: 1, read: 2 } });
    expect(asideValues()).toEqual([raw]);
  });

  it('sets even a 5 MB value aside when it fits twice; never removes it first', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    storage.quota = 2 * huge.length + 1000;
    storage.setItem(STORAGE_KEY, huge);
    startProgress();
    expect($notice.get()).toBe('corrupt');
    expect(asideValues()).toEqual([huge]);
  });

  it('leaves a damaged value that cannot be copied where it is, untouched, and works in memory', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    storage.quota = huge.length + 1000;
    storage.setItem(STORAGE_KEY, huge);
    startProgress();
    expect($storageState.get()).toBe('full');
    updateProgress((p) => markRead(p, L1, 1));
    expect($progress.get().lessons[L1].read).toBe(1);
    expect(storage.getItem(STORAGE_KEY)).toBe(huge);
    expect(asideValues()).toEqual([]);
  });

  it('a full quota still shows (and exports) the saved record', () => {
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify(markRead(openLesson({ version: 2, lessons: {}, exercises: {} }, L1, 1), L1, 2)),
    );
    storage.quota = 0;
    startProgress();
    expect($progress.get().lessons[L1].read).toBe(2);
    updateProgress((p) => markRead(p, L2, 3));
    expect($storageState.get()).toBe('full');
    expect(Object.keys($progress.get().lessons).sort()).toEqual([L1, L2]);
  });

  it('getItem that throws: nothing throws, the record is not written over, work goes on in memory', () => {
    const saved = JSON.stringify(markRead({ version: 2, lessons: {}, exercises: {} }, L1, 2));
    storage.setItem(STORAGE_KEY, saved);
    storage.readsThrow = true;
    expect(() => startProgress()).not.toThrow();
    updateProgress((p) => markRead(p, L2, 3));
    expect($storageState.get()).toBe('unavailable');
    expect($progress.get().lessons[L2].read).toBe(3);
    storage.readsThrow = false;
    expect(storage.getItem(STORAGE_KEY)).toBe(saved);
  });

  it('keeps working in memory and says so when the quota is full', () => {
    startProgress();
    storage.quota = 10;
    updateProgress((p) => markRead(p, L1, 1));
    expect($storageState.get()).toBe('full');
    expect($progress.get().lessons[L1].read).toBe(1);
  });

  it('keeps working in memory when storage is blocked', () => {
    _resetForTests();
    installWindow(true);
    updateProgress((p) => markRead(p, L2, 3));
    expect($storageState.get()).toBe('unavailable');
    expect($progress.get().lessons[L2].read).toBe(3);
  });

  it("never overwrites another tab's work: each change applies to the freshest stored record", () => {
    startProgress();
    updateProgress((p) => openLesson(p, L1, 1));
    // Another tab saves a lesson read (its own merged record).
    storage.setItem(STORAGE_KEY, JSON.stringify(markRead(JSON.parse(storage.getItem(STORAGE_KEY)!), L2, 2)));
    updateProgress((p) => markRead(p, L1, 3));
    const saved = JSON.parse(storage.getItem(STORAGE_KEY)!);
    expect(saved.lessons[L1].read).toBe(3);
    expect(saved.lessons[L2].read).toBe(2);
  });

  it("takes in another tab's change from the storage event", () => {
    startProgress();
    const other = JSON.stringify(markRead({ version: 2, lessons: {}, exercises: {} }, L2, 9));
    listeners.forEach((fn) => fn({ key: STORAGE_KEY, newValue: other }));
    expect($progress.get().lessons[L2].read).toBe(9);
  });

  it('reset forgets everything; an import afterwards brings a file back', () => {
    updateProgress((p) => markRead(p, L1, 1));
    const exported = $progress.get();
    resetAllProgress(10);
    expect($progress.get().lessons).toEqual({});
    importProgress(exported);
    expect($progress.get().lessons[L1].read).toBe(1);
  });
});
