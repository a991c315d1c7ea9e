/**
 * Undo for a removal from a stored list (./lists.ts). Kept apart from lists.ts, which the trainer,
 * results and My training pages share in one file: only the page that offers this Undo (the
 * trainer's, for assignments made) loads it.
 */
import { live, mergeLists, type ListEntry } from './lists';

export type RestoreOutcome = 'restored' | 'already' | 'limit';

/**
 * Puts a removed entry back as it was (its data, its place in the list) into the freshest list.
 * It comes back as an edit made after its removal: the merge with other tabs' copies (mergeLists:
 * the later change of an entry wins) then keeps it back, and what other tabs added meanwhile stays.
 * Nothing changes when the entry is there again already (made again, here or in another tab), or
 * when the list reached its limit meanwhile (the caller says so: it is not dropped silently).
 */
export function restoreEntry<T extends ListEntry>(
  list: readonly T[],
  entry: T,
  now: number,
  max: number,
): { list: T[]; outcome: RestoreOutcome } {
  const shown = live(list);
  if (shown.some((e) => e.code === entry.code)) return { list: [...list], outcome: 'already' };
  if (shown.length >= max) return { list: [...list], outcome: 'limit' };
  // Later than its tombstone (removed at or after every earlier change of the entry), even within one millisecond.
  const edited = Math.max(now, ...list.filter((e) => e.code === entry.code).map((e) => e.removed! + 1));
  const back: T = { ...entry, edited };
  delete back.removed;
  return { list: mergeLists(list, [back], now), outcome: 'restored' };
}
