/**
 * Excel workbooks from typed tables (src/lib/sheet.ts), written by write-excel-file (about 20 KB
 * gzipped with its zip library, fflate). Only ever imported dynamically, when a trainer asks for
 * an Excel file, so it is not part of any page's JavaScript. In the site's build its zip step is
 * synchronous (astro.config.mjs, src/lib/fflate-no-workers.ts): fflate would otherwise start a
 * worker from a blob: address for a large sheet, which the Content-Security-Policy forbids.
 */
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/universal';
import type { SheetCell, SheetTable } from './sheet';

/** Number formats: ISO-style dates read the same in every language's Excel. */
export const XLSX_FORMATS = { int: '0', percent: '0%', day: 'yyyy-mm-dd', time: 'yyyy-mm-dd hh:mm' } as const;

/**
 * Excel stores a date and time without a time zone, as the clock shows it: the moment `ms` as the
 * computer's clock showed it, carried in a Date's UTC fields (which the writer reads).
 */
const wallClock = (ms: number) => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);

function xlsxCell(cell: SheetCell): Cell {
  if (cell === null) return null;
  if (typeof cell === 'string') return { type: String, value: cell };
  if ('int' in cell) return { type: Number, value: cell.int, format: XLSX_FORMATS.int };
  if ('percent' in cell) return { type: Number, value: cell.percent, format: XLSX_FORMATS.percent };
  if ('day' in cell) return { type: Date, value: new Date(`${cell.day}T00:00:00Z`), format: XLSX_FORMATS.day };
  return { type: Date, value: wallClock(cell.time), format: XLSX_FORMATS.time };
}

/**
 * A sheet name Excel accepts, from a title: without []:*?/\ , at most 31 characters (whole
 * characters, not half an emoji), not empty, and not a repeat of an earlier sheet's name.
 */
export function sheetName(title: string, taken: readonly string[] = []): string {
  let base =
    title
      .replace(/[[\]:*?/\\\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '') || 'Sheet';
  const fit = (text: string, max: number) => {
    let out = '';
    for (const ch of text) {
      if (out.length + ch.length > max) break;
      out += ch;
    }
    return out.trim();
  };
  base = fit(base, 31);
  let name = base;
  for (let n = 2; taken.some((t) => t.toLowerCase() === name.toLowerCase()); n++)
    name = `${fit(base, 31 - ` (${n})`.length)} (${n})`;
  return name;
}

/** The workbook's sheets: a bold header row and the first column kept in view, columns sized to their header. */
export function xlsxSheets(tables: readonly SheetTable[]): Sheet<Blob>[] {
  const names: string[] = [];
  return tables.map((t) => {
    const name = sheetName(t.name, names);
    names.push(name);
    const head: Row = t.head.map((text) => ({ type: String, value: text, fontWeight: 'bold', wrap: true }));
    return {
      sheet: name,
      data: [head, ...t.rows.map((r) => r.map(xlsxCell))],
      stickyRowsCount: 1,
      stickyColumnsCount: 1,
      columns: t.head.map((text, i) => ({ width: i === 0 ? 24 : Math.min(Math.max(text.length * 0.6, 11), 24) })),
    };
  });
}

/** The .xlsx file. */
export function xlsxBlob(tables: readonly SheetTable[]): Promise<Blob> {
  return writeXlsxFile(xlsxSheets(tables)).toBlob();
}
