/**
 * The trainer's side: the codes in pasted text, adding reports (newer replaces older, limits kept),
 * the results tables (scope, rows, states, totals) and their sort order. Their files (CSV, Excel)
 * are src/lib/results-export.ts, loaded when asked for.
 */
import { assignedLessons, daysLeft, type Report, type ReportScope } from './assignment';
import { localDay } from './due';
import { MAX_REPORTS, type StoredReport } from './lists';
import type { CourseIndex } from './outline';

/**
 * The codes in pasted text, with their line numbers. A line may be a bare code, a link, or a
 * sentence around a link ("Here is my report: https://…#r1.…"), so anything shaped like a code is
 * taken from it; a line with nothing like a code is returned whole, to be refused with a reason.
 */
export function pastedCodes(text: string): { line: number; code: string }[] {
  return text.split(/\r?\n/).flatMap((raw, i) => {
    const line = raw.trim();
    if (!line) return [];
    const found = [...line.matchAll(/(?:^|[#\s(<["'«“‘])([ar]\d{1,3}\.[A-Za-z0-9_-]+(?:\.[0-9a-z]*)?)/g)].map(
      (m) => m[1],
    );
    return (found.length ? found : [line]).map((code) => ({ line: i + 1, code }));
  });
}

/** The same trainee's name however it was typed: case, spaces and Unicode form do not matter. */
const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
export const rowKey = (assignment: string, name: string) => `${assignment}:${nameKey(name)}`;
export const reportKey = (r: Report) => rowKey(r.assignment.id, r.name);

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
): {
  list: { entry: StoredReport; report: Report }[];
  outcomes: AddOutcome[];
  added: number;
  updated: number;
  unchanged: number;
  older: number;
  limit: number;
} {
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
      list[i] = {
        entry: { code: item.code, added, first: list[i].entry.first ?? list[i].entry.added },
        report: item.report,
      };
      return 'updated';
    }
    return item.code === list[i].entry.code || !newer(list[i].report, item.report) ? 'unchanged' : 'older';
  });
  const count = (o: AddOutcome) => outcomes.filter((x) => x === o).length;
  return {
    list,
    outcomes,
    added: count('added'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    older: count('older'),
    limit: count('limit'),
  };
}

export type RowState = 'done' | 'on-time' | 'late' | 'overdue' | 'in-progress' | 'no-report';

export interface ResultCell {
  lesson: string;
  /** When it was done (src/lib/completion.ts), if it was */
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
  /** When the last assigned lesson was done, once all are */
  finished?: number;
  /** The assignment as this trainee's report describes it, when that differs from the table's */
  conflict?: ReportScope;
}

/** Whether two copies of an assignment agree on what was assigned (title, due date, lessons). */
export function sameScope(a: ReportScope, b: ReportScope): boolean {
  const set = (x: readonly string[]) => [...x].sort().join(' ');
  return (
    a.title === b.title &&
    (a.due ?? '') === (b.due ?? '') &&
    set(a.modules) === set(b.modules) &&
    set(a.lessons) === set(b.lessons)
  );
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
  const ids = [
    ...new Set([
      ...sent.filter((x) => x.trainees.length).map((x) => x.scope.id),
      ...reports.map((r) => r.assignment.id),
    ]),
  ];
  return ids.map((id) => {
    const all = reports.filter((r) => r.assignment.id === id);
    const mine = sent.find((x) => x.scope.id === id);
    // The trainer's own copy speaks for the assignment; else the first report seen. A report
    // cannot redefine the assignment for everyone: one that describes it differently is marked.
    const scope = mine?.scope ?? all[0].assignment;
    // One row per trainee: the newest report (two tabs adding at once may have kept both).
    const group = all.filter(
      (r) =>
        !all.some(
          (o) =>
            o !== r &&
            reportKey(o) === reportKey(r) &&
            (newer(o, r) || (!newer(r, o) && all.indexOf(o) < all.indexOf(r))),
        ),
    );
    const lessons = assignedLessons({ ...scope }, course);
    const days = scope.due ? daysLeft(scope.due, today) : undefined;
    const rows = group.map((r): ResultRow => {
      const cells = lessons.map((lesson) => {
        const exercises = r.exercises.filter((e) => course.exercises.some((x) => x.id === e.id && x.lesson === lesson));
        // The completion rule (src/lib/completion.ts): a report from before it lists only lessons
        // read to the end; a lesson whose every exercise it shows tried was done by the report's time.
        const all = course.exercises.filter((x) => x.lesson === lesson);
        const tried = all.length > 0 && all.every((x) => exercises.some((e) => e.id === x.id && e.attempts > 0));
        return { lesson, read: r.read.find((x) => x.lesson === lesson)?.at ?? (tried ? r.at : undefined), exercises };
      });
      const read = cells.filter((c) => c.read).length;
      const tried = cells.flatMap((c) => c.exercises);
      const average = tried.length ? tried.reduce((sum, e) => sum + e.best, 0) / tried.length : undefined;
      let state: RowState;
      let finished: number | undefined;
      if (read === lessons.length) {
        finished = Math.max(...cells.map((c) => c.read!));
        state = !scope.due ? 'done' : localDay(finished) <= scope.due ? 'on-time' : 'late';
      } else state = days !== undefined && days < 0 ? 'overdue' : 'in-progress';
      const row: ResultRow = { name: r.name, at: r.at, cells, read, total: lessons.length, average, state, days };
      if (finished !== undefined) row.finished = finished;
      if (!sameScope(r.assignment, scope)) row.conflict = r.assignment;
      return row;
    });
    const reported = new Set(rows.map((r) => nameKey(r.name)));
    for (const name of mine?.trainees ?? []) {
      if (reported.has(nameKey(name))) continue;
      reported.add(nameKey(name));
      rows.push({
        name,
        cells: lessons.map((lesson) => ({ lesson, exercises: [] })),
        read: 0,
        total: lessons.length,
        state: 'no-report',
        days,
      });
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

/** The columns of the summary table, each sortable. */
export type SortKey = 'name' | 'state' | 'read' | 'average' | 'due' | 'at';
export const SORT_KEYS: readonly SortKey[] = ['name', 'state', 'read', 'average', 'due', 'at'];
const STATE_ORDER: RowState[] = ['no-report', 'overdue', 'late', 'in-progress', 'on-time', 'done'];

/**
 * Where a row stands against the due date, in days: for a trainee not done yet, the days left
 * (negative: overdue); once done, how many days before the due date the last lesson was done
 * (negative: that many days late). Undefined with no due date.
 */
export function dueDays(row: ResultRow, due: string | undefined): number | undefined {
  if (!due) return undefined;
  if (row.finished === undefined) return row.days;
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${localDay(row.finished)}T00:00:00Z`)) / 86_400_000);
}

/**
 * The rows in the order of one column, ties by name. Ascending puts what needs the trainer first
 * where a column has a direction of its own: status from "no report" to done, due from the most
 * overdue (trainees not done before those done, however early). A row with nothing to show in the
 * column (no score, no report, no due date) comes after the others either way: no score is not
 * the lowest score.
 */
export function sortRows(
  rows: readonly ResultRow[],
  key: SortKey,
  direction: 'ascending' | 'descending',
  locale = 'en',
  due?: string,
): ResultRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const value = (r: ResultRow): number | undefined => {
    switch (key) {
      case 'read':
        return r.read;
      case 'average':
        return r.average;
      case 'state':
        return STATE_ORDER.indexOf(r.state);
      case 'due': {
        // Done rows after every row still open: 10 000 days is beyond any due date's reach.
        const days = dueDays(r, due);
        return days === undefined ? days : days + (r.finished === undefined ? 0 : 10_000);
      }
      default:
        return r.at;
    }
  };
  const byName = (a: ResultRow, b: ResultRow) => collator.compare(a.name, b.name);
  const known = rows.filter((r) => key === 'name' || value(r) !== undefined);
  const sorted = known.sort((a, b) => (key === 'name' ? 0 : value(a)! - value(b)!) || byName(a, b));
  if (direction === 'descending') sorted.reverse();
  return [...sorted, ...rows.filter((r) => !known.includes(r)).sort(byName)];
}

/**
 * The figures a trainer quotes about one assignment's group.
 *
 * "Which exercise most people got wrong first": a report carries only each exercise's best and
 * latest score and its number of attempts, never the first attempt's score, so that question
 * cannot be answered exactly. The figure here counts, per exercise, the trainees who tried it and
 * were not right first time as far as a report can show: they needed more than one attempt, or
 * their one attempt was short of full marks. Only one attempt at 100 % is certainly right first
 * time; more than one attempt is counted as a miss because a retry is what a wrong answer prompts
 * (a trainee who redid a perfect first attempt is counted too: the page says what is counted).
 * The exercise with the most such trainees is named; ties go to the lower average best score,
 * then to the earlier exercise in the course.
 */
export interface Cohort {
  trainees: number;
  /** Trainees who have done every assigned lesson */
  done: number;
  /** done / trainees (0–1), when there are trainees */
  rate?: number;
  /** The average of the trainees' average best scores (0–1) */
  average?: number;
  late: number;
  overdue: number;
  noReport: number;
  /** Whether any trainee tried any assigned exercise */
  tried: boolean;
  hardest?: ExerciseFigure;
}

export interface ExerciseFigure {
  id: string;
  /** Trainees who tried it */
  tried: number;
  /** Of those, not right first time (more than one attempt, or one short of full marks) */
  missed: number;
  /** Average best score of those who tried it (0–1) */
  average: number;
}

/** Full marks as a report carries them (to the percent). */
const full = (score: number) => Math.round(score * 100) >= 100;

/** Per exercise of the given ones (in course order), how the trainees who tried it did. */
export function exerciseFigures(rows: readonly ResultRow[], exercises: readonly string[]): ExerciseFigure[] {
  return exercises.flatMap((id) => {
    const tries = rows.flatMap((r) => r.cells.flatMap((c) => c.exercises)).filter((e) => e.id === id && e.attempts);
    if (!tries.length) return [];
    return [
      {
        id,
        tried: tries.length,
        missed: tries.filter((e) => e.attempts > 1 || !full(e.best)).length,
        average: tries.reduce((sum, e) => sum + e.best, 0) / tries.length,
      },
    ];
  });
}

export function cohortFigures(table: ResultTable, course: Pick<CourseIndex, 'exercises'>): Cohort {
  const { rows } = table;
  const count = (state: RowState) => rows.filter((r) => r.state === state).length;
  const done = rows.filter((r) => r.read === r.total).length;
  const figures = exerciseFigures(
    rows,
    course.exercises.filter((x) => table.lessons.includes(x.lesson)).map((x) => x.id),
  );
  // The most trainees not right first time; ties to the lower average, then the course order (stable sort).
  const hardest = figures.filter((f) => f.missed > 0).sort((a, b) => b.missed - a.missed || a.average - b.average)[0];
  const cohort: Cohort = {
    trainees: rows.length,
    done,
    average: table.totals.average,
    late: count('late'),
    overdue: count('overdue'),
    noReport: count('no-report'),
    tried: figures.length > 0,
  };
  if (rows.length) cohort.rate = done / rows.length;
  if (hardest) cohort.hardest = hardest;
  return cohort;
}

/** One lesson across the trainees: each one's row (status), when they did it and their exercises. */
export interface LessonEntry {
  name: string;
  row: ResultRow;
  read?: number;
  exercises: Report['exercises'];
}

/**
 * One lesson across an assignment's trainees, in the order of `rows` (the table's current sort):
 * who did it and when, each one's exercises, how many did it, and each exercise's figures.
 */
export function lessonView(
  table: Pick<ResultTable, 'lessons'>,
  rows: readonly ResultRow[],
  lesson: string,
  course: Pick<CourseIndex, 'exercises'>,
): { lesson: string; entries: LessonEntry[]; done: number; exercises: ExerciseFigure[]; ids: string[] } {
  const i = table.lessons.indexOf(lesson);
  const entries = rows.map((row) => ({
    name: row.name,
    row,
    read: row.cells[i]?.read,
    exercises: row.cells[i]?.exercises ?? [],
  }));
  const ids = course.exercises.filter((x) => x.lesson === lesson).map((x) => x.id);
  return {
    lesson,
    entries,
    done: entries.filter((e) => e.read).length,
    exercises: exerciseFigures(rows, ids),
    ids,
  };
}
