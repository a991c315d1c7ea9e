/**
 * The trainer's collected reports: decoding is asynchronous (they are deflated), so adding them is a
 * compare-and-swap on the stored list (./training.ts, ./storage.ts). Decoded codes are remembered: a
 * code always decodes to the same report.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';
import { decodeReport, type Decoded, type Report } from '../lib/assignment';
import { MAX_REPORTS, live, mergeLists, tombstone, type StoredReport } from '../lib/lists';
import { addReports, type AddOutcome } from '../lib/results';
import { reports } from './training';

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
  const all = await Promise.all(
    live(list).map(async (entry) => ({ entry, result: await decodeStoredReport(entry.code, course) })),
  );
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
export async function addReportCodes(
  incoming: readonly { code: string; report: Report }[],
  course: CourseIds,
  now = Date.now(),
) {
  return reports.updateAsync(async (list) => {
    const { readable, unreadable } = await decodeReports(list, course);
    const merged = addReports(readable, incoming, now, MAX_REPORTS - unreadable.length);
    // A report replaced by a newer one from the same trainee becomes a tombstone.
    const kept = new Set(merged.list.map((x) => x.entry.code));
    const replaced = readable.filter((x) => !kept.has(x.entry.code)).map((x) => tombstone(x.entry, now));
    const changed = merged.added + merged.updated > 0;
    return {
      value: changed ? mergeLists(list, [...merged.list.map((x) => x.entry), ...replaced]) : list,
      result: merged,
    };
  });
}

/** What adding these reports would do, without adding them (the preview of a report link). */
export async function previewReportCodes(
  incoming: readonly { code: string; report: Report }[],
  course: CourseIds,
): Promise<AddOutcome[]> {
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
export function decodedReports(
  course: CourseIds,
): ReadableAtom<{ readable: { entry: StoredReport; report: Report }[]; unreadable: number }> {
  const $decoded = atom<{ readable: { entry: StoredReport; report: Report }[]; unreadable: number }>({
    readable: [],
    unreadable: 0,
  });
  let latest = 0;
  onMount($decoded, () =>
    reports.$list.subscribe((list) => {
      // Decoding is asynchronous: only the newest list's result is shown.
      const run = ++latest;
      decodeReports(list, course).then(({ readable, unreadable }) => {
        if (run === latest) $decoded.set({ readable, unreadable: unreadable.length });
      });
    }),
  );
  return $decoded;
}
