/**
 * The lists behind "My training" (assignments the trainee holds), the trainer's results (reports
 * collected) and the trainer page (assignments made here), on the storage layer every stored thing
 * shares (./storage.ts): each change is applied to the freshest stored list merged with this tab's
 * (entry by entry, removals kept as tombstones), so tabs and links arriving together never lose
 * each other's entries; an unreadable stored value is copied aside once before it is repaired.
 * The actions here hold the rules a list keeps (one entry per assignment, limits stated, never
 * dropped silently).
 */
import { atom, computed, onMount, type ReadableAtom } from 'nanostores';
import { decodeAssignment, decodeReport, encodeReport, type Assignment, type Decoded, type Report } from '../lib/assignment';
import {
  MAX_HELD, MAX_REPORTS, live, mergeLists, parseList, removeEntry,
  type HeldAssignment, type ListEntry, type SentAssignment, type StoredReport,
} from '../lib/lists';
import { buildReport, heldKey } from '../lib/my-training';
import type { CourseIndex } from '../lib/outline';
import { addReports, type AddOutcome } from '../lib/results';
import { $progress } from './progress';
import { ASIDE_MARK, storedValue, type DamageNotice, type StorageState } from './storage';

export const HELD_KEY = 'sales-course:training';
export const REPORTS_KEY = 'sales-course:reports';
export const SENT_KEY = 'sales-course:assigned';
export { ASIDE_MARK };

export interface StoredList<T> {
  /** The entries shown (tombstones left out) */
  $list: ReadableAtom<T[]>;
  /** 'repaired', 'corrupt' once, when the stored value had to be set aside */
  $notice: ReadableAtom<DamageNotice>;
  $state: ReadableAtom<StorageState>;
  /** false when the browser does not store anything now (the list then lives in this tab) */
  $saved: ReadableAtom<boolean>;
  start(): void;
  /** Changes the stored list, tombstones included (use removeEntry to remove). */
  update(change: (list: T[]) => T[]): T[];
  updateAsync<R>(change: (list: T[]) => Promise<{ value: T[]; result: R }>): Promise<R>;
  /** Changes one entry (a name typed): the edit is timed, so it wins over an older copy. */
  edit(code: string, change: (entry: T) => T): void;
  /** Adds an entry unless one the same already is there, or the list is at its limit. */
  add(entry: T, same: (e: T) => boolean): 'added' | 'already' | 'limit';
  remove(code: string): void;
  /** Empties the list (after the user confirmed): written as is, nothing merged back. */
  clear(): void;
  _reset(): void;
}

export function storedList<T extends ListEntry>(key: string, kind: 'a' | 'r', max: number): StoredList<T> {
  const stored = storedValue<T[]>(key, {
    empty: () => [],
    parse: (raw) => {
      const { list, status } = parseList<T>(raw, kind);
      return { value: list, status };
    },
    merge: (fresh, mine) => mergeLists(fresh, mine),
  });

  function add(entry: T, same: (e: T) => boolean): 'added' | 'already' | 'limit' {
    let outcome: 'added' | 'already' | 'limit' = 'added';
    stored.update((list) => {
      const shown = live(list);
      if (shown.some(same)) outcome = 'already';
      else if (shown.length >= max) outcome = 'limit';
      // Added again after a removal: the new entry replaces its tombstone.
      else return [entry, ...list.filter((e) => e.code !== entry.code)];
      return list;
    });
    return outcome;
  }

  return {
    $list: computed(stored.$value, (list) => live(list)),
    $notice: stored.$notice,
    $state: stored.$state,
    $saved: computed(stored.$state, (state) => state === 'ok'),
    start: stored.start,
    update: stored.update,
    updateAsync: stored.updateAsync,
    edit: (code, change) => void stored.update((list) => list.map((e) => (e.code === code && e.removed === undefined ? { ...change(e), edited: Date.now() } : e))),
    add,
    remove: (code) => void stored.update((list) => removeEntry(list, code, Date.now())),
    clear: () => void stored.update((list) => list.map((e) => (e.removed === undefined ? { ...e, removed: Math.max(Date.now(), e.added, e.edited ?? 0) } : e))),
    _reset: stored._reset,
  };
}

export const held = storedList<HeldAssignment>(HELD_KEY, 'a', MAX_HELD);
export const reports = storedList<StoredReport>(REPORTS_KEY, 'r', MAX_REPORTS);
/** Assignments the trainer made here, so results can list trainees who have not reported. */
export const sent = storedList<SentAssignment>(SENT_KEY, 'a', MAX_HELD);

// ---------------------------------------------------------------------------------------------
// Reports: decoding is asynchronous (they are deflated), so adding them is a compare-and-swap on
// the stored list. Decoded codes are remembered: a code always decodes to the same report.

type CourseIds = Parameters<typeof decodeReport>[1];
const decodedCodes = new Map<string, Promise<Decoded<Report>>>();

export function decodeStoredReport(code: string, course: CourseIds): Promise<Decoded<Report>> {
  let found = decodedCodes.get(code);
  if (!found) {
    found = decodeReport(code, course);
    decodedCodes.set(code, found);
  }
  return found;
}

/** The stored reports, decoded: the readable ones in the order they were added, and the rest. */
export async function decodeReports(list: readonly StoredReport[], course: CourseIds) {
  const all = await Promise.all(live(list).map(async (entry) => ({ entry, result: await decodeStoredReport(entry.code, course) })));
  const readable = all.flatMap((x) => (x.result.ok ? [{ entry: x.entry, report: x.result.value }] : []));
  // In the order trainees' reports were first seen: the first report defines an assignment the trainer did not make here.
  readable.sort((a, b) => (a.entry.first ?? a.entry.added) - (b.entry.first ?? b.entry.added));
  return { readable, unreadable: all.filter((x) => !x.result.ok).map((x) => x.entry) };
}

/**
 * Adds decoded reports to the freshest stored list: a newer report from the same trainee replaces
 * the older; identical or older ones change nothing; past the limit, new trainees' reports are not
 * added and counted. Unreadable stored entries are kept as they are.
 */
export async function addReportCodes(incoming: readonly { code: string; report: Report }[], course: CourseIds, now = Date.now()) {
  return reports.updateAsync(async (list) => {
    const { readable, unreadable } = await decodeReports(list, course);
    const merged = addReports(readable, incoming, now, MAX_REPORTS - unreadable.length);
    // A report replaced by a newer one from the same trainee becomes a tombstone.
    const kept = new Set(merged.list.map((x) => x.entry.code));
    const replaced = readable.filter((x) => !kept.has(x.entry.code)).map((x) => ({ ...x.entry, removed: Math.max(now, x.entry.added) }));
    const changed = merged.added + merged.updated > 0;
    return { value: changed ? mergeLists(list, [...merged.list.map((x) => x.entry), ...replaced]) : list, result: merged };
  });
}

/** What adding these reports would do, without adding them (the preview of a report link). */
export async function previewReportCodes(incoming: readonly { code: string; report: Report }[], course: CourseIds): Promise<AddOutcome[]> {
  reports.start();
  const { readable, unreadable } = await decodeReports(reports.$list.get(), course);
  return addReports(readable, incoming, Date.now(), MAX_REPORTS - unreadable.length).outcomes;
}

/** Puts a removed report back, unless a report from the same trainee arrived meanwhile. */
export async function restoreReport(entry: StoredReport, course: CourseIds): Promise<boolean> {
  const back = await decodeStoredReport(entry.code, course);
  if (!back.ok) return false;
  // Added again now: later than its removal, so the tombstone gives way.
  const result = await addReportCodes([{ code: entry.code, report: back.value }], course);
  return result.added > 0;
}

/** The stored reports, decoded and kept current: the readable ones in the order first seen, and how many are not. */
export function decodedReports(course: CourseIds): ReadableAtom<{ readable: { entry: StoredReport; report: Report }[]; unreadable: number }> {
  const $decoded = atom<{ readable: { entry: StoredReport; report: Report }[]; unreadable: number }>({ readable: [], unreadable: 0 });
  let latest = 0;
  onMount($decoded, () =>
    reports.$list.subscribe((list) => {
      // Decoding is asynchronous: only the newest list's result is shown.
      const run = ++latest;
      decodeReports(list, course).then(({ readable, unreadable }) => {
        if (run === latest) $decoded.set({ readable, unreadable: unreadable.length });
      });
    }));
  return $decoded;
}

// ---------------------------------------------------------------------------------------------
// My training: the assignments a trainee holds, and the reports made from them.

/** The held assignments, decoded (an entry this version cannot read is kept, shown as unreadable). */
export function heldAssignments(course: Pick<CourseIndex, 'modules' | 'lessons'>) {
  return computed(held.$list, (list) => list.map((entry) => ({ entry, decoded: decodeAssignment(entry.code, course) })));
}

/** Holds an assignment, once per assignment and trainee, checked against the freshest stored list. */
export function holdAssignment(code: string, assignment: Assignment, course: Pick<CourseIndex, 'modules' | 'lessons'>, now = Date.now()) {
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
export async function makeReport(a: Assignment, name: string, course: CourseIndex, now = Date.now()): Promise<{ code: string; at: number }> {
  return { code: await encodeReport(buildReport(a, $progress.get(), course, name, now)), at: now };
}
