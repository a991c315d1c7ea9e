/**
 * The results files of one assignment: the same typed table as CSV and as an Excel workbook. The
 * results island imports this module only when a download is asked for, and the Excel writer
 * (src/lib/xlsx.ts and its library) only when the Excel file is, so neither counts in the page's
 * JavaScript.
 */
import { csvDelimiter, toCsv, type CsvDelimiter } from './csv';
import { localDay } from './due';
import { fileSlug } from './file-name';
import type { Outline } from './outline';
import type { ResultRow, ResultTable, RowState } from './results';
import { csvRows, type SheetCell, type SheetTable } from './sheet';

/** The words a results file needs, from the page's strings. */
export type ResultsFileWords = Record<
  | 'colTrainee'
  | 'csvReadOn'
  | 'csvBest'
  | 'csvAttempts'
  | 'colRead'
  | 'csvTotal'
  | 'csvAverage'
  | 'colState'
  | 'colReported',
  string
> &
  Record<`state-${RowState}`, string>;

const fill = (t: string, v: Record<string, string>) => t.replace(/\{\{(\w+)\}\}/g, (_, k: string) => v[k] ?? '');

/**
 * One table's results: trainee, the day each lesson was done, best score and attempts per
 * exercise, lessons done and assigned (two numbers, never "2/3"), average best score, status and
 * when the report was made; `rows` in the order the page shows them.
 */
export function resultsSheet(
  table: ResultTable,
  rows: readonly ResultRow[],
  outline: Pick<Outline, 'modules' | 'exercises'>,
  words: ResultsFileWords,
): SheetTable {
  const lessons = outline.modules.flatMap((m) => m.lessons);
  const lesson = (id: string) => lessons.find((l) => l.id === id)!;
  const exercises = outline.exercises.filter((x) => table.lessons.includes(x.lesson));
  const head = [
    words.colTrainee,
    ...table.lessons.map((l) => fill(words.csvReadOn, { title: `${lesson(l).number} ${lesson(l).title}` })),
    ...exercises.flatMap((x) => [fill(words.csvBest, { title: x.title }), fill(words.csvAttempts, { title: x.title })]),
    words.colRead,
    words.csvTotal,
    words.csvAverage,
    words.colState,
    words.colReported,
  ];
  const body = rows.map((r): SheetCell[] => [
    r.name,
    ...r.cells.map((c) => (c.read ? { day: localDay(c.read) } : null)),
    ...exercises.flatMap((x): SheetCell[] => {
      const ex = r.cells.flatMap((c) => c.exercises).find((y) => y.id === x.id);
      return ex ? [{ percent: ex.best }, { int: ex.attempts }] : [null, null];
    }),
    { int: r.read },
    { int: r.total },
    r.average === undefined ? null : { percent: r.average },
    words[`state-${r.state}`],
    r.at ? { time: r.at } : null,
  ]);
  return { name: table.scope.title, head, rows: body };
}

/** The file name: the title's letters (any script), then the assignment id. */
export const resultsFileName = (table: ResultTable, extension: 'csv' | 'xlsx') =>
  `${fileSlug(table.scope.title, 'results')}-${table.scope.id}.${extension}`;

/** The CSV file's text. */
export const resultsCsv = (sheet: SheetTable, delimiter: CsvDelimiter) => toCsv(csvRows(sheet), delimiter);

/** The Excel file: its writer loads now, on first use. */
export async function resultsXlsx(sheet: SheetTable): Promise<Blob> {
  const { xlsxBlob } = await import('./xlsx');
  return xlsxBlob([sheet]);
}

/**
 * A results file as the page downloads it: CSV with the delimiter the reader's Excel expects
 * (src/lib/csv.ts `csvDelimiter`, from the page language and the browser's languages), or Excel.
 */
export async function resultsFile(
  kind: 'csv' | 'xlsx',
  table: ResultTable,
  rows: readonly ResultRow[],
  outline: Pick<Outline, 'modules' | 'exercises'>,
  words: ResultsFileWords,
  lang: string,
  browserLocales: readonly string[],
): Promise<{ name: string; blob: Blob }> {
  const sheet = resultsSheet(table, rows, outline, words);
  const blob =
    kind === 'csv'
      ? new Blob([resultsCsv(sheet, csvDelimiter(lang, browserLocales))], { type: 'text/csv;charset=utf-8' })
      : await resultsXlsx(sheet);
  return { name: resultsFileName(table, kind), blob };
}
