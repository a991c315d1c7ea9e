/**
 * The lists behind "My training" (assignments the trainee holds), the trainer's results (reports
 * collected) and the trainer page (assignments made here), on the storage layer every stored thing
 * shares (./storage.ts): each change is applied to the freshest stored list with this tab's unsaved
 * changes merged in, so tabs and links arriving together never lose each other's entries; an
 * unreadable stored value is copied aside once before it is repaired. The actions here hold the
 * rules a list keeps (one entry per assignment, limits stated, never dropped silently).
 */
import { computed, type ReadableAtom } from 'nanostores';
import { decodeReport, type Decoded, type Report } from '../lib/assignment';
import {
  MAX_HELD, MAX_REPORTS, addReports, mergeLists, parseList,
  type AddOutcome, type HeldAssignment, type SentAssignment, type StoredReport,
} from '../lib/training';
import { ASIDE_MARK, storedValue, type DamageNotice, type StorageState } from './storage';

export const HELD_KEY = 'sales-course:training';
export const REPORTS_KEY = 'sales-course:reports';
export const SENT_KEY = 'sales-course:assigned';
export { ASIDE_MARK };

export interface StoredList<T> {
  $list: ReadableAtom<T[]>;
  /** 'repaired', 'corrupt' once, when the stored value had to be set aside */
  $notice: ReadableAtom<DamageNotice>;
  $state: ReadableAtom<StorageState>;
  /** false when the browser does not store anything now (the list then lives in this tab) */
  $saved: ReadableAtom<boolean>;
  start(): void;
  update(change: (list: T[]) => T[]): T[];
  updateAsync<R>(change: (list: T[]) => Promise<{ value: T[]; result: R }>): Promise<R>;
  /** Adds an entry unless one the same already is there, or the list is at its limit. */
  add(entry: T, same: (e: T) => boolean): 'added' | 'already' | 'limit';
  remove(code: string): void;
  /** Empties the list (after the user confirmed): written as is, nothing merged back. */
  clear(): void;
  _reset(): void;
}

export function storedList<T extends { code: string; added: number }>(key: string, kind: 'a' | 'r', max: number): StoredList<T> {
  const stored = storedValue<T[]>(key, {
    empty: () => [],
    parse: (raw) => {
      const { list, status } = parseList<T>(raw, kind, max);
      return { value: list, status };
    },
    merge: (fresh, mine, base) => mergeLists(fresh, mine, base),
  });

  function add(entry: T, same: (e: T) => boolean): 'added' | 'already' | 'limit' {
    let outcome: 'added' | 'already' | 'limit' = 'added';
    stored.update((list) => {
      if (list.some(same)) outcome = 'already';
      else if (list.length >= max) outcome = 'limit';
      else return [entry, ...list];
      return list;
    });
    return outcome;
  }

  return {
    $list: stored.$value,
    $notice: stored.$notice,
    $state: stored.$state,
    $saved: computed(stored.$state, (state) => state === 'ok'),
    start: stored.start,
    update: stored.update,
    updateAsync: stored.updateAsync,
    add,
    remove: (code) => void stored.update((list) => list.filter((e) => e.code !== code)),
    clear: () => stored.replace([]),
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
  const all = await Promise.all(list.map(async (entry) => ({ entry, result: await decodeStoredReport(entry.code, course) })));
  const readable = all.flatMap((x) => (x.result.ok ? [{ entry: x.entry, report: x.result.value }] : []));
  readable.sort((a, b) => a.entry.added - b.entry.added);
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
    const changed = merged.added + merged.updated > 0;
    return { value: changed ? [...merged.list.map((x) => x.entry), ...unreadable] : list, result: merged };
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
  const result = await addReportCodes([{ code: entry.code, report: back.value }], course, entry.added);
  return result.added > 0;
}
