/** The stored lists behind "My training" and the results page, against a fake localStorage. */
import { beforeEach, describe, expect, it } from 'vitest';
import { storedList } from '../../../src/stores/training';
import type { HeldAssignment } from '../../../src/lib/lists';

class FakeStorage {
  data = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(k, v);
  }
}

let storage: FakeStorage;
function installWindow(blocked = false) {
  (globalThis as Record<string, unknown>).window = {
    get localStorage() {
      if (blocked) throw new DOMException('denied', 'SecurityError');
      return storage;
    },
    addEventListener: () => {},
  };
}
const KEY = 'test:held';
const a = (n: number): HeldAssignment => ({ code: `a1.payload${n}.abc`, added: n });

beforeEach(() => {
  storage = new FakeStorage();
  installWindow();
});

describe('stored lists', () => {
  it('load, update and persist', () => {
    storage.data.set(KEY, JSON.stringify([a(1)]));
    const list = storedList<HeldAssignment>(KEY, 'a', 10);
    list.start();
    expect(list.$list.get()).toEqual([a(1)]);
    list.update((l) => [a(2), ...l]);
    expect(JSON.parse(storage.data.get(KEY)!)).toEqual([a(2), a(1)]);
  });

  it('keep an unreadable value aside before anything overwrites it, and say so', () => {
    storage.data.set(KEY, '{"this is": "not a list"}');
    const list = storedList<HeldAssignment>(KEY, 'a', 10);
    list.start();
    expect(list.$notice.get()).toBe('corrupt');
    expect(list.$list.get()).toEqual([]);
    const aside = [...storage.data].filter(([k]) => k.startsWith(`${KEY}:unreadable:`));
    expect(aside.map(([, v]) => v)).toEqual(['{"this is": "not a list"}']);
    list.update(() => [a(3)]);
    expect(aside.length).toBe(1);
    expect([...storage.data].filter(([k]) => k.startsWith(`${KEY}:unreadable:`))).toHaveLength(1);
  });

  it('keep the readable entries of a damaged list, and a copy of the whole', () => {
    storage.data.set(KEY, JSON.stringify([a(1), { code: '<img src=x onerror=alert(1)>', added: 2 }]));
    const list = storedList<HeldAssignment>(KEY, 'a', 10);
    list.start();
    expect(list.$notice.get()).toBe('repaired');
    expect(list.$list.get()).toEqual([a(1)]);
    expect([...storage.data.keys()].some((k) => k.startsWith(`${KEY}:unreadable:`))).toBe(true);
  });

  it('work in memory when storage is blocked or full, and say it is not saved', () => {
    installWindow(true);
    const blocked = storedList<HeldAssignment>(KEY, 'a', 10);
    blocked.start();
    expect(blocked.$saved.get()).toBe(false);
    blocked.update(() => [a(1)]);
    expect(blocked.$list.get()).toEqual([a(1)]);
    expect(blocked.$saved.get()).toBe(false);

    installWindow();
    storage.data.set(KEY, JSON.stringify([a(1)]));
    storage.full = true;
    const full = storedList<HeldAssignment>(KEY, 'a', 10);
    full.start();
    full.update((l) => [...l, a(2)]);
    expect(full.$list.get()).toEqual([a(1), a(2)]);
    expect(full.$saved.get()).toBe(false);
    expect(JSON.parse(storage.data.get(KEY)!)).toEqual([a(1)]);
  });
});
