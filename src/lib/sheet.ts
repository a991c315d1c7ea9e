/**
 * A table to export, with typed cells, written out as CSV here and as an Excel workbook by
 * src/lib/xlsx.ts. Typing each cell once keeps the two files in step: a number stays a number,
 * a date a date, and text text (no "2/3" that Excel turns into a date).
 */
export type SheetCell =
  | string
  /** A whole number (attempts, lessons) */
  | { int: number }
  /** A share from 0 to 1: a whole percent in CSV, a number with a % format in Excel */
  | { percent: number }
  /** A calendar day, 'YYYY-MM-DD' */
  | { day: string }
  /** A moment (milliseconds), shown in the computer's time zone */
  | { time: number }
  | null;

export interface SheetTable {
  /** The sheet's name (an assignment's title) */
  name: string;
  head: string[];
  rows: SheetCell[][];
}

/** The CSV form of a cell: numbers as numbers, a day as ISO date, a time as local time with its offset. */
export function csvValue(cell: SheetCell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if ('int' in cell) return cell.int;
  if ('percent' in cell) return Math.round(cell.percent * 100);
  if ('day' in cell) return cell.day;
  return localDateTime(cell.time);
}

/** A table's rows for `toCsv`: the header, then the body. */
export const csvRows = (table: SheetTable): (string | number)[][] => [
  table.head,
  ...table.rows.map((r) => r.map(csvValue)),
];

/**
 * A time in the computer's own time zone with its offset, to the minute (ISO 8601:
 * '2026-12-05T19:31+02:00'), so a reader sees the time the trainee saw, and the moment is exact.
 */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}
