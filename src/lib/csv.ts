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
