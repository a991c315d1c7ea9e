/**
 * "My training" and the trainer's results, as pure functions: the lists kept in the browser (with
 * their validation), what a report contains, due-date states, the results table, and its CSV.
 * The stores (src/stores/training.ts) persist; the islands render. Codes stay the source of truth:
 * lists keep the codes as received and decode them when shown, so nothing is stored that was not
 * checked, and an entry the course can no longer read is shown and removable, never silently lost.
 */
import { assignedLessons, daysLeft, type Assignment, type Report, type ReportScope } from './assignment';
import type { Locale } from '../i18n/locales';
import type { Progress } from './progress';

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
    (e): e is T => typeof e === 'object' && e !== null && typeof e.code === 'string' && e.code[0] === kind && CODE.test(e.code)
      && time(e.added) && (e.removed === undefined || time(e.removed)) && (e.edited === undefined || time(e.edited)) && (e.first === undefined || time(e.first))
      && (e.name === undefined || (typeof e.name === 'string' && e.name.length <= 60))
      && (e.trainees === undefined || (Array.isArray(e.trainees) && e.trainees.length <= 100 && e.trainees.every((n: unknown) => typeof n === 'string' && n.length <= 60))),
  );
  // Nothing readable is cut here: limits are kept when adding, with a message.
  return { list, status: list.length === data.length ? 'ok' : 'repaired' };
}

/** The entries shown: tombstones left out. */
export const live = <T extends ListEntry>(list: readonly T[]): T[] => list.filter((e) => e.removed === undefined);

/** Tombstones are kept this long: far longer than a tab stays open unheard. */
export const TOMBSTONE_MS = 90 * 86_400_000;

/** One entry per assignment and trainee: opening the same link twice does not add it twice. */
export const heldKey = (a: Pick<Assignment, 'id' | 'trainee'>) => `${a.id}:${a.trainee ?? ''}`;

// ---------------------------------------------------------------------------------------------
// Due dates.

export type DueState =
  | { kind: 'none' }
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'overdue'; days: number };

export function dueState(due: string | undefined, today: Date): DueState {
  if (!due) return { kind: 'none' };
  const days = daysLeft(due, today);
  return days > 0 ? { kind: 'left', days } : days === 0 ? { kind: 'today' } : { kind: 'overdue', days: -days };
}

/** 'YYYY-MM-DD' of a time in the browser's own time zone (what "on the due date" means to a person). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The trainee's side.

// The course outline a page gives its island (built by src/server/training.ts), and its ids.

export interface OutlineLesson { id: string; number: string; title: string; minutes: number; path: string }
export interface OutlineModule { id: string; number: number; title: string; minutes: number; lessons: OutlineLesson[] }
/** An exercise, its lesson, and what kind it is in the page's language ('Role-play') */
export interface OutlineExercise { id: string; lesson: string; title: string; kind: string }
export interface Outline {
  modules: OutlineModule[];
  exercises: OutlineExercise[];
  /** Each language's own name, for "course language" */
  languages: Record<Locale, string>;
}

/** The language-neutral ids of an outline, for decoding and checking codes. */
export function outlineIndex(outline: Outline): CourseIndex {
  return {
    modules: outline.modules.map((m) => m.id),
    lessons: outline.modules.flatMap((m) => m.lessons.map((l) => l.id)),
    exercises: outline.exercises,
  };
}

export interface CourseIndex {
  modules: readonly string[];
  lessons: readonly string[];
  /** Every exercise with the lesson it belongs to */
  exercises: readonly { id: string; lesson: string }[];
}

/** Lessons read of those assigned. */
export function assignmentProgress(a: Assignment, progress: Progress, course: CourseIndex): { read: number; total: number } {
  const lessons = assignedLessons(a, course);
  return { read: lessons.filter((l) => Object.hasOwn(progress.lessons, l) && progress.lessons[l].read).length, total: lessons.length };
}

/** What the trainee's browser recorded for this assignment: assigned lessons and their exercises only. */
export function buildReport(a: Assignment, progress: Progress, course: CourseIndex, name: string, now: number): Report {
  const lessons = assignedLessons(a, course);
  const scope: ReportScope = { id: a.id, title: a.title, modules: a.modules, lessons: a.lessons };
  if (a.due) scope.due = a.due;
  return {
    assignment: scope,
    name,
    at: now,
    // Own entries only: an id like 'constructor' must not find Object.prototype's.
    read: lessons.filter((l) => Object.hasOwn(progress.lessons, l) && progress.lessons[l].read).map((l) => ({ lesson: l, at: progress.lessons[l].read! })),
    exercises: course.exercises
      .filter((e) => lessons.includes(e.lesson) && Object.hasOwn(progress.exercises, e.id) && progress.exercises[e.id].best !== undefined)
      .map((e) => {
        const ep = progress.exercises[e.id];
        return { id: e.id, best: ep.best!, latest: ep.latest ?? ep.best!, attempts: ep.attempts };
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The trainer's side.

/**
 * The codes in pasted text, with their line numbers. A line may be a bare code, a link, or a
 * sentence around a link ("Here is my report: https://…#r1.…"), so anything shaped like a code is
 * taken from it; a line with nothing like a code is returned whole, to be refused with a reason.
 */
export function pastedCodes(text: string): { line: number; code: string }[] {
  return text.split(/\r?\n/).flatMap((raw, i) => {
    const line = raw.trim();
    if (!line) return [];
    const found = [...line.matchAll(/(?:^|[#\s(<\["'«“‘])([ar]\d{1,3}\.[A-Za-z0-9_-]+(?:\.[0-9a-z]*)?)/g)].map((m) => m[1]);
    return (found.length ? found : [line]).map((code) => ({ line: i + 1, code }));
  });
}

/** The same trainee's name however it was typed: case, spaces and Unicode form do not matter. */
const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
export const reportKey = (r: Report) => `${r.assignment.id}:${nameKey(r.name)}`;

/** Recorded work only grows, so of two reports made in the same minute the one with more is newer. */
const recorded = (r: Report) => r.read.length + r.exercises.reduce((n, e) => n + e.attempts, 0);
const newer = (a: Report, b: Report) => a.at > b.at || (a.at === b.at && recorded(a) > recorded(b));

export type AddOutcome = 'added' | 'updated' | 'unchanged' | 'older' | 'limit';

/**
 * Adds decoded reports to the stored ones. A newer report from the same trainee for the same
 * assignment replaces the older; an identical one changes nothing ('unchanged'), an older one
 * neither ('older'). A report from a new trainee past `max` stored reports is not added
 * ('limit'): the caller says so, nothing is dropped silently. One outcome per incoming report.
 */
export function addReports(
  stored: readonly { entry: StoredReport; report: Report }[],
  incoming: readonly { code: string; report: Report }[],
  now: number,
  max = MAX_REPORTS,
): { list: { entry: StoredReport; report: Report }[]; outcomes: AddOutcome[]; added: number; updated: number; unchanged: number; older: number; limit: number } {
  const list = [...stored];
  // One millisecond apart, so the order reports arrived in (in a paste or a link) is kept.
  const outcomes = incoming.map((item, n): AddOutcome => {
    const added = now + n;
    const i = list.findIndex((x) => reportKey(x.report) === reportKey(item.report));
    if (i === -1) {
      if (list.length >= max) return 'limit';
      list.push({ entry: { code: item.code, added }, report: item.report });
      return 'added';
    }
    if (newer(item.report, list[i].report)) {
      // The trainee's row keeps its place in the order reports were first seen.
      list[i] = { entry: { code: item.code, added, first: list[i].entry.first ?? list[i].entry.added }, report: item.report };
      return 'updated';
    }
    return item.code === list[i].entry.code || !newer(list[i].report, item.report) ? 'unchanged' : 'older';
  });
  const count = (o: AddOutcome) => outcomes.filter((x) => x === o).length;
  return { list, outcomes, added: count('added'), updated: count('updated'), unchanged: count('unchanged'), older: count('older'), limit: count('limit') };
}

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

/** A list with one entry removed: a tombstone in its place. */
export const removeEntry = <T extends ListEntry>(list: readonly T[], code: string, now: number): T[] =>
  list.map((e) => (e.code === code && e.removed === undefined ? { ...e, removed: Math.max(now, e.added, e.edited ?? 0) } : e));

export type RowState = 'done' | 'on-time' | 'late' | 'overdue' | 'in-progress' | 'no-report';

export interface ResultCell {
  lesson: string;
  /** When it was read, if it was */
  read?: number;
  /** The lesson's exercises this trainee tried */
  exercises: Report['exercises'];
}

export interface ResultRow {
  name: string;
  /** When the report was made; absent for a trainee named in the assignment who has not reported */
  at?: number;
  cells: ResultCell[];
  read: number;
  total: number;
  /** Average best score over the assigned exercises tried (0–1) */
  average?: number;
  state: RowState;
  /** Days left (positive) or overdue (negative), when there is a due date */
  days?: number;
  /** The assignment as this trainee's report describes it, when that differs from the table's */
  conflict?: ReportScope;
}

/** Whether two copies of an assignment agree on what was assigned (title, due date, lessons). */
export function sameScope(a: ReportScope, b: ReportScope): boolean {
  const set = (x: readonly string[]) => [...x].sort().join(' ');
  return a.title === b.title && (a.due ?? '') === (b.due ?? '') && set(a.modules) === set(b.modules) && set(a.lessons) === set(b.lessons);
}

export interface ResultTable {
  scope: ReportScope;
  lessons: string[];
  rows: ResultRow[];
  /** The whole group: how many read each lesson, how many are complete, the average score */
  totals: { readBy: number[]; complete: number; average?: number };
}

/**
 * One table per assignment: its trainees × its lessons, with status, scores, due state and totals.
 * `reports` come in the order they were added (the first one seen defines an assignment the
 * trainer did not make here). Assignments the trainer made in this browser (`sent`) define their
 * own scope, add the trainees named in them who have not reported yet, and appear before any
 * report arrives.
 */
export function resultTables(
  reports: readonly Report[],
  course: CourseIndex,
  today: Date,
  sent: readonly { scope: ReportScope; trainees: readonly string[] }[] = [],
): ResultTable[] {
  // An assignment of the trainer's own shows once it names trainees or has a report.
  const ids = [...new Set([...sent.filter((x) => x.trainees.length).map((x) => x.scope.id), ...reports.map((r) => r.assignment.id)])];
  return ids.map((id) => {
    const all = reports.filter((r) => r.assignment.id === id);
    const mine = sent.find((x) => x.scope.id === id);
    // The trainer's own copy speaks for the assignment; else the first report seen. A report
    // cannot redefine the assignment for everyone: one that describes it differently is marked.
    const scope = mine?.scope ?? all[0].assignment;
    // One row per trainee: the newest report (two tabs adding at once may have kept both).
    const group = all.filter((r) => !all.some((o) => o !== r && reportKey(o) === reportKey(r) && (newer(o, r) || (!newer(r, o) && all.indexOf(o) < all.indexOf(r)))));
    const lessons = assignedLessons({ ...scope }, course);
    const days = scope.due ? daysLeft(scope.due, today) : undefined;
    const rows = group.map((r): ResultRow => {
      const cells = lessons.map((lesson) => ({
        lesson,
        read: r.read.find((x) => x.lesson === lesson)?.at,
        exercises: r.exercises.filter((e) => course.exercises.some((x) => x.id === e.id && x.lesson === lesson)),
      }));
      const read = cells.filter((c) => c.read).length;
      const tried = cells.flatMap((c) => c.exercises);
      const average = tried.length ? tried.reduce((sum, e) => sum + e.best, 0) / tried.length : undefined;
      let state: RowState;
      if (read === lessons.length) {
        const finished = Math.max(...cells.map((c) => c.read!));
        state = !scope.due ? 'done' : localDay(finished) <= scope.due ? 'on-time' : 'late';
      } else state = days !== undefined && days < 0 ? 'overdue' : 'in-progress';
      const row: ResultRow = { name: r.name, at: r.at, cells, read, total: lessons.length, average, state, days };
      if (!sameScope(r.assignment, scope)) row.conflict = r.assignment;
      return row;
    });
    const reported = new Set(rows.map((r) => nameKey(r.name)));
    for (const name of mine?.trainees ?? []) {
      if (reported.has(nameKey(name))) continue;
      reported.add(nameKey(name));
      rows.push({ name, cells: lessons.map((lesson) => ({ lesson, exercises: [] })), read: 0, total: lessons.length, state: 'no-report', days });
    }
    const scored = rows.filter((r) => r.average !== undefined);
    const totals = {
      readBy: lessons.map((_, i) => rows.filter((r) => r.cells[i].read).length),
      complete: rows.filter((r) => r.read === r.total).length,
      average: scored.length ? scored.reduce((sum, r) => sum + r.average!, 0) / scored.length : undefined,
    };
    return { scope, lessons, rows: sortRows(rows, 'name', 'ascending'), totals };
  });
}

export type SortKey = 'name' | 'read' | 'average' | 'state' | 'at';
const STATE_ORDER: RowState[] = ['no-report', 'overdue', 'late', 'in-progress', 'on-time', 'done'];

export function sortRows(rows: readonly ResultRow[], key: SortKey, direction: 'ascending' | 'descending', locale = 'en'): ResultRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const value = (r: ResultRow) => (key === 'read' ? r.read : key === 'average' ? r.average ?? -1 : key === 'state' ? STATE_ORDER.indexOf(r.state) : r.at ?? -1);
  const sorted = [...rows].sort((a, b) => (key === 'name' ? collator.compare(a.name, b.name) : value(a) - value(b)) || collator.compare(a.name, b.name));
  return direction === 'ascending' ? sorted : sorted.reverse();
}

// ---------------------------------------------------------------------------------------------
// CSV.

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese and Latvian names),
 * CRLF lines, quoted fields. A cell starting with = + - @ is prefixed with ' so a name from a
 * report cannot become a spreadsheet formula.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    let text = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
