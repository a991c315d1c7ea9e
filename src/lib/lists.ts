/**
 * The lists kept in the browser (assignments a trainee holds, reports a trainer collected,
 * assignments a trainer made), as pure functions: their entries, validation and merge. Codes stay
 * the source of truth: lists keep the codes as received and decode them when shown, so nothing is
 * stored that was not checked, and an entry the course can no longer read is shown and removable,
 * never silently lost. src/stores/training.ts persists them through src/stores/storage.ts.
 */

export const MAX_HELD = 100;
export const MAX_REPORTS = 2000;

/**
 * What every stored list entry has. A removed entry stays a while as a tombstone (`removed`), so a
 * tab that has not heard of the removal yet cannot bring it back when the lists merge.
 */
export interface ListEntry {
  code: string;
  /** When it was added (ms) */
  added: number;
  /** When it was removed (ms): a tombstone, not shown */
  removed?: number;
  /** When it was last edited (ms), e.g. the name typed for reports */
  edited?: number;
  /** A report that replaced an older one from the same trainee: when that trainee's first report arrived */
  first?: number;
}

export interface HeldAssignment extends ListEntry {
  /** The assignment code, exactly as in the link */
  code: string;
  /** The name the trainee typed for reports, when the link had none */
  name?: string;
}

export type StoredReport = ListEntry;

/** An assignment the trainer made in this browser: its code for everyone, and the trainees named. */
export interface SentAssignment extends ListEntry {
  trainees?: string[];
}

export type ListStatus = 'ok' | 'empty' | 'repaired' | 'corrupt';

const CODE = /^[ar]\d{1,3}\.[A-Za-z0-9_-]+\.[0-9a-z]{1,7}$/;

/**
 * Reads a stored list. Entries that are not even shaped like a code are dropped ('repaired': the
 * caller keeps the raw value aside first); a value that is not a list at all is 'corrupt'.
 */
export function parseList<T extends ListEntry>(raw: string | null, kind: 'a' | 'r'): { list: T[]; status: ListStatus } {
  if (raw === null || raw === '') return { list: [], status: 'empty' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { list: [], status: 'corrupt' };
  }
  if (!Array.isArray(data)) return { list: [], status: 'corrupt' };
  const time = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 8.64e15;
  const list = data.filter(
    (e): e is T =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.code === 'string' &&
      e.code[0] === kind &&
      CODE.test(e.code) &&
      time(e.added) &&
      (e.removed === undefined || time(e.removed)) &&
      (e.edited === undefined || time(e.edited)) &&
      (e.first === undefined || time(e.first)) &&
      (e.name === undefined || (typeof e.name === 'string' && e.name.length <= 60)) &&
      (e.trainees === undefined ||
        (Array.isArray(e.trainees) &&
          e.trainees.length <= 100 &&
          e.trainees.every((n: unknown) => typeof n === 'string' && n.length <= 60))),
  );
  // Nothing readable is cut here: limits are kept when adding, with a message.
  return { list, status: list.length === data.length ? 'ok' : 'repaired' };
}

/** The entries shown: tombstones left out. */
export const live = <T extends ListEntry>(list: readonly T[]): T[] => list.filter((e) => e.removed === undefined);

/** Tombstones are kept this long: far longer than a tab stays open unheard. */
export const TOMBSTONE_MS = 90 * 86_400_000;

/** The version of one entry that wins: the later of an addition and a removal, then the later edit. */
function winner<T extends ListEntry>(a: T, b: T): T {
  const changed = (e: T) => Math.max(e.added, e.removed ?? -1, e.edited ?? -1);
  if (changed(a) !== changed(b)) return changed(a) > changed(b) ? a : b;
  // Same time: a removal wins over an addition made in that same millisecond; then a stable choice.
  if ((a.removed === undefined) !== (b.removed === undefined)) return a.removed !== undefined ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/**
 * Merges two copies of a stored list (this tab's and the stored one, or another tab's), entry by
 * entry: the later change of each entry wins, a removal included (kept as a tombstone). Like the
 * progress merge, it is commutative, associative and idempotent, so copies that missed each other's
 * writes (browsers may show a tab another tab's write a moment late) combine without losing either.
 * Tombstones older than TOMBSTONE_MS before `now` are forgotten. Newest first, a stable order.
 */
export function mergeLists<T extends ListEntry>(a: readonly T[], b: readonly T[], now = Date.now()): T[] {
  const by = new Map<string, T>();
  for (const e of [...a, ...b]) {
    const other = by.get(e.code);
    by.set(e.code, other ? winner(other, e) : e);
  }
  return [...by.values()]
    .filter((e) => e.removed === undefined || e.removed > now - TOMBSTONE_MS)
    .sort((x, y) => y.added - x.added || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

/** An entry removed: its tombstone, dated no earlier than its own last change, so the removal wins. */
export const tombstone = <T extends ListEntry>(e: T, now: number): T => ({
  ...e,
  removed: Math.max(now, e.added, e.edited ?? 0),
});

/** A list with the entries `which` picks removed (every live one by default): tombstones in their place. */
export const removeEntries = <T extends ListEntry>(
  list: readonly T[],
  now: number,
  which: (e: T) => boolean = () => true,
): T[] => list.map((e) => (e.removed === undefined && which(e) ? tombstone(e, now) : e));

/** A list with one entry removed: a tombstone in its place. */
export const removeEntry = <T extends ListEntry>(list: readonly T[], code: string, now: number): T[] =>
  removeEntries(list, now, (e) => e.code === code);
