import { describe, expect, it } from 'vitest';
import { live, mergeLists, removeEntry, type SentAssignment } from '../../src/lib/lists';
import { restoreEntry } from '../../src/lib/restore';

const e = (code: string, added: number, extra: Partial<SentAssignment> = {}): SentAssignment => ({
  code,
  added,
  ...extra,
});

describe('restoring a removed entry (Undo)', () => {
  const made = e('a', 1, { trainees: ['Anna', 'Bo'] });

  it('brings it back with its data and its place, as a change newer than the removal', () => {
    const removed = removeEntry([e('b', 2), made], 'a', 5);
    const { list, outcome } = restoreEntry(removed, made, 9, 10);
    expect(outcome).toBe('restored');
    expect(list).toEqual([e('b', 2), e('a', 1, { trainees: ['Anna', 'Bo'], edited: 9 })]);
    expect(list[1].removed).toBeUndefined();
  });

  it('wins over the tombstone even in the millisecond of the removal, or with a clock behind it', () => {
    const removed = removeEntry([made], 'a', 5);
    for (const now of [5, 3]) {
      const { list } = restoreEntry(removed, made, now, 10);
      expect(list[0].edited).toBe(6);
      // Another tab still holding the tombstone, or the entry from before: the restored one wins.
      expect(live(mergeLists(removed, list, 10))).toEqual(list);
      expect(live(mergeLists([made], list, 10))).toEqual(list);
    }
  });

  it('keeps what other tabs added or removed meanwhile', () => {
    // This tab removed a; another tab then added c and removed b; this tab's Undo runs on the freshest list.
    const fresh = mergeLists(removeEntry([e('b', 2), made], 'a', 5), [e('c', 6), e('b', 2, { removed: 7 })], 8);
    const { list } = restoreEntry(fresh, made, 9, 10);
    expect(live(list).map((x) => x.code)).toEqual(['c', 'a']);
    expect(list.find((x) => x.code === 'b')?.removed).toBe(7);
  });

  it('changes nothing when the entry is back already, or the list is full', () => {
    const again = [e('a', 7)];
    expect(restoreEntry(again, made, 9, 10)).toEqual({ list: again, outcome: 'already' });
    const full = [e('x', 6), e('y', 7), e('a', 1, { removed: 5 })];
    expect(restoreEntry(full, made, 9, 2)).toEqual({ list: full, outcome: 'limit' });
  });

  it('restores an entry whose tombstone is gone (forgotten, or never stored)', () => {
    expect(restoreEntry([], made, 9, 10)).toEqual({ list: [{ ...made, edited: 9 }], outcome: 'restored' });
  });
});
