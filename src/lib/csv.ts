/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese and Latvian names),
 * CRLF lines, quoted fields, and the delimiter the reader's Excel expects (`csvDelimiter`). A text
 * cell starting with = + - @ (or a tab or carriage return) is prefixed with ' so a name from a
 * report cannot become a spreadsheet formula; numbers are written as they are.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[], delimiter: CsvDelimiter = ','): string {
  const cell = (v: string | number) => {
    let text = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",;\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\ufeff' + rows.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

export type CsvDelimiter = ',' | ';';

/**
 * The delimiter Excel expects when a CSV is opened with a double-click, which is the list separator
 * of the computer's regional settings: a semicolon wherever numbers are written with a decimal
 * comma (Latvia and most of Europe, Brazil, Indonesia…), since a comma there belongs to numbers;
 * a comma elsewhere (Malaysia, China, the English-speaking world). The region is guessed from the
 * browser's preferred language (`navigator.languages`), which usually follows the computer's; a
 * Latvian page always gets a semicolon, since trainers in Latvia often use an English browser on
 * Latvian regional settings. Without a browser language, the page language decides.
 */
export function csvDelimiter(pageLang: string, browserLocales: readonly string[] = []): CsvDelimiter {
  if (pageLang.toLowerCase().startsWith('lv')) return ';';
  const locale = browserLocales.find((l) => l.trim()) ?? pageLang;
  let decimal = '.';
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    // A malformed language tag: keep the comma.
  }
  return decimal === ',' ? ';' : ',';
}
