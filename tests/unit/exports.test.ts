/**
 * The trainer's files: CSV (delimiter by region, local times with offset, byte-order mark, no
 * formulas, no cell Excel turns into a date), file names in any script, the links file, and the
 * Excel workbook, read back with another library (read-excel-file) and as its raw XML.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { assignmentLinks } from '../../src/lib/assign-form';
import type { Report } from '../../src/lib/assignment';
import { csvDelimiter, toCsv } from '../../src/lib/csv';
import { zip as zipOnThread } from '../../src/lib/fflate-no-workers';
import { fileSlug } from '../../src/lib/file-name';
import { linksCsvRows, linksFile } from '../../src/lib/links-export';
import type { Outline } from '../../src/lib/outline';
import { resultsFile, resultsFileName, resultsSheet, type ResultsFileWords } from '../../src/lib/results-export';
import { resultTables } from '../../src/lib/results';
import { csvRows, localDateTime } from '../../src/lib/sheet';
import { sheetName, xlsxBlob } from '../../src/lib/xlsx';

const TZ = process.env.TZ;
afterEach(() => {
  if (TZ === undefined) delete process.env.TZ;
  else process.env.TZ = TZ;
});

describe('CSV', () => {
  it('uses the delimiter it is given, keeps the byte-order mark, and quotes cells holding either delimiter', () => {
    const csv = toCsv(
      [
        ['Vārds', 'Piezīme', 'Skaits'],
        ['Bērziņa; Anna', 'a, b', 3],
      ],
      ';',
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual(['Vārds;Piezīme;Skaits', '"Bērziņa; Anna";"a, b";3', '']);
  });

  it('defuses formulas in text, in either delimiter, but leaves numbers alone', () => {
    for (const d of [',', ';'] as const) {
      const lines = toCsv([['=1+1', '+A1', '-2', '@SUM(A1)', '\tx', -2]], d)
        .slice(1)
        .split('\r\n');
      expect(lines[0]).toBe([`"'=1+1"`, `"'+A1"`, `"'-2"`, `"'@SUM(A1)"`, `"'\tx"`, '-2'].join(d));
    }
  });

  it('picks a semicolon for Latvian pages and decimal-comma regions, a comma elsewhere', () => {
    expect(csvDelimiter('lv', ['en-US'])).toBe(';');
    expect(csvDelimiter('lv', [])).toBe(';');
    expect(csvDelimiter('en', ['lv-LV'])).toBe(';');
    expect(csvDelimiter('en', ['de-DE', 'en'])).toBe(';');
    expect(csvDelimiter('en', ['fr'])).toBe(';');
    expect(csvDelimiter('zh', ['pt-BR'])).toBe(';');
    expect(csvDelimiter('en', ['en-US'])).toBe(',');
    expect(csvDelimiter('en', ['en-GB'])).toBe(',');
    expect(csvDelimiter('ms', ['ms-MY'])).toBe(',');
    expect(csvDelimiter('zh', ['zh-CN'])).toBe(',');
    expect(csvDelimiter('ms', [])).toBe(',');
    expect(csvDelimiter('en', ['not a tag!'])).toBe(',');
  });

  it('writes times in the local time zone with its offset', () => {
    process.env.TZ = 'Europe/Riga';
    expect(localDateTime(Date.UTC(2026, 11, 5, 17, 31))).toBe('2026-12-05T19:31+02:00');
    expect(localDateTime(Date.UTC(2026, 6, 5, 17, 31))).toBe('2026-07-05T20:31+03:00');
    process.env.TZ = 'Asia/Kuala_Lumpur';
    expect(localDateTime(Date.UTC(2026, 11, 5, 20, 5))).toBe('2026-12-06T04:05+08:00');
    process.env.TZ = 'America/St_Johns';
    expect(localDateTime(Date.UTC(2026, 11, 5, 17, 31))).toBe('2026-12-05T14:01-03:30');
    process.env.TZ = 'UTC';
    expect(localDateTime(Date.UTC(2026, 11, 5, 17, 31))).toBe('2026-12-05T17:31+00:00');
  });
});

describe('file names', () => {
  it('keep the letters and digits of any script', () => {
    expect(fileSlug('Q1 onboarding', 'x')).toBe('q1-onboarding');
    expect(fileSlug('Attiecību pārdošana — 关系销售', 'x')).toBe('attiecību-pārdošana-关系销售');
    expect(fileSlug('关系销售：第一周', 'x')).toBe('关系销售-第一周');
    expect(fileSlug('ŽŪRIJAS ĢĒRBŠANĀS', 'x')).toBe('žūrijas-ģērbšanās');
    expect(fileSlug('Jualan hubungan (Minggu 1)', 'x')).toBe('jualan-hubungan-minggu-1');
    // Decomposed letters (as some keyboards type them) come out composed.
    expect(fileSlug('Pa\u0304rdos\u030cana', 'x')).toBe('pārdošana');
  });

  it('drop what Windows and macOS forbid, limit the length, and fall back when nothing is left', () => {
    expect(fileSlug('a<b>c:d"e/f\\g|h?i*j\u0000k', 'x')).toBe('a-b-c-d-e-f-g-h-i-j-k');
    expect(fileSlug(' ..//?? ', 'results')).toBe('results');
    expect(fileSlug('🎯', 'results')).toBe('results');
    expect(fileSlug('CON', 'links')).toBe('con-links');
    const long = fileSlug('关系'.repeat(50) + ' tail', 'x');
    expect(Array.from(long)).toHaveLength(60);
    expect(fileSlug('𠀀'.repeat(70), 'x')).toBe('𠀀'.repeat(60));
    expect(fileSlug(`${'a'.repeat(59)} b`, 'x')).toBe('a'.repeat(59));
  });
});

const lesson = (id: string, number: string, title: string) => ({ id, number, title, minutes: 5, path: id });
const outline: Outline = {
  modules: [
    {
      id: 'sales-and-service',
      number: 1,
      title: 'Pārdošana',
      minutes: 5,
      lessons: [lesson('sales-and-service/sales-vs-service', '1.3', 'Pārdošana un serviss')],
    },
    {
      id: 'relationship-types',
      number: 3,
      title: 'Attiecības',
      minutes: 10,
      lessons: [
        lesson('relationship-types/four-types', '3.1', 'Četri attiecību veidi'),
        lesson('relationship-types/choosing-the-level', '3.2', 'Līmeņa izvēle'),
      ],
    },
  ],
  exercises: [
    { id: 'relationship-scenarios', lesson: 'relationship-types/four-types', title: 'Scenāriji', kind: 'Vingrinājums' },
  ],
  languages: { en: 'English', ms: 'Bahasa Melayu', zh: '中文', lv: 'Latviešu' },
};
const course = {
  modules: outline.modules.map((m) => m.id),
  lessons: outline.modules.flatMap((m) => m.lessons.map((l) => l.id)),
  exercises: outline.exercises,
};

describe('links file', () => {
  it('has each link with the assignment title, due date and lessons in the page language', () => {
    const links = assignmentLinks(
      {
        id: 'abcd1234',
        title: 'Attiecību pārdošana — 关系销售',
        due: '2026-12-05',
        modules: ['relationship-types'],
        lessons: ['sales-and-service/sales-vs-service'],
      },
      ['Anna Bērziņa', '=王小明'],
      'https://course.example',
    );
    const words = {
      csvName: 'Vārds',
      csvLink: 'Saite',
      linkEveryone: 'Visiem',
      csvTitle: 'Uzdevums',
      csvDue: 'Termiņš',
      csvLessons: 'Nodarbības',
    };
    const rows = linksCsvRows(links, outline, words);
    const lessons = '1.3 Pārdošana un serviss; 3.1 Četri attiecību veidi; 3.2 Līmeņa izvēle';
    expect(rows).toEqual([
      ['Vārds', 'Saite', 'Uzdevums', 'Termiņš', 'Nodarbības'],
      ['Visiem', links[0].url, 'Attiecību pārdošana — 关系销售', '2026-12-05', lessons],
      ['Anna Bērziņa', links[1].url, 'Attiecību pārdošana — 关系销售', '2026-12-05', lessons],
      ['=王小明', links[2].url, 'Attiecību pārdošana — 关系销售', '2026-12-05', lessons],
    ]);
    const csv = toCsv(rows, ';').slice(1).split('\r\n');
    expect(csv[0]).toBe('Vārds;Saite;Uzdevums;Termiņš;Nodarbības');
    expect(csv[3]).toBe(`"'=王小明";${links[2].url};Attiecību pārdošana — 关系销售;2026-12-05;"${lessons}"`);
    const file = linksFile({ title: 'Attiecību pārdošana — 关系销售', list: links }, outline, words, 'lv', ['en-US']);
    expect(file.name).toBe('attiecību-pārdošana-关系销售-links.csv');
    expect(file.text).toBe(toCsv(rows, ';'));
    expect(linksFile({ title: '???', list: links }, outline, words, 'en', ['en-US']).name).toBe('assignment-links.csv');
    expect(linksFile({ title: 'T', list: links }, outline, words, 'en', ['en-US']).text).toBe(toCsv(rows, ','));
    // Without a due date the cell is empty.
    const undated = assignmentLinks(
      { id: 'abcd1235', title: 'T', modules: [], lessons: ['relationship-types/four-types'] },
      [],
      'https://c.example',
    );
    expect(linksCsvRows(undated, outline, words)[1].slice(2)).toEqual(['T', '', '3.1 Četri attiecību veidi']);
  });
});

const words: ResultsFileWords = {
  colTrainee: 'Trainee',
  csvReadOn: '{{title}}: done on',
  csvBest: '{{title}}: best score (%)',
  csvAttempts: '{{title}}: attempts',
  colRead: 'Lessons done',
  csvTotal: 'Lessons assigned',
  csvAverage: 'Average best score (%)',
  colState: 'Status',
  colReported: 'Report made',
  'state-done': 'Complete',
  'state-on-time': 'On time',
  'state-late': 'Late',
  'state-overdue': 'Overdue',
  'state-in-progress': 'In progress',
  'state-no-report': 'No report',
};

/** Two trainees on one assignment: Bo did lesson 3.1 and its exercise, =Anna nothing yet. */
function sample() {
  const scope = {
    id: 'abcd1234',
    title: 'Attiecību pārdošana: 关系销售 [Q1]',
    modules: ['relationship-types'],
    lessons: ['sales-and-service/sales-vs-service'],
  };
  const r = (name: string, read: string[], exercises: Report['exercises'] = []): Report => ({
    assignment: scope,
    name,
    at: Date.UTC(2026, 11, 5, 17, 31),
    read: read.map((l) => ({ lesson: l, at: Date.UTC(2026, 11, 4, 9) })),
    exercises,
  });
  const [table] = resultTables(
    [
      r(
        'Bo',
        ['relationship-types/four-types'],
        [{ id: 'relationship-scenarios', best: 0.8, latest: 0.6, attempts: 2 }],
      ),
      r('=Anna', []),
    ],
    course,
    new Date(2026, 11, 5),
  );
  return table;
}

const HEAD = [
  'Trainee',
  '1.3 Pārdošana un serviss: done on',
  '3.1 Četri attiecību veidi: done on',
  '3.2 Līmeņa izvēle: done on',
  'Scenāriji: best score (%)',
  'Scenāriji: attempts',
  'Lessons done',
  'Lessons assigned',
  'Average best score (%)',
  'Status',
  'Report made',
];

describe('results file', () => {
  it('types every cell: numbers, percents, days, times and text; lessons done and assigned apart', () => {
    process.env.TZ = 'Europe/Riga';
    const table = sample();
    const sheet = resultsSheet(table, table.rows, outline, words);
    expect(sheet.head).toEqual(HEAD);
    expect(sheet.rows).toEqual([
      [
        '=Anna',
        null,
        null,
        null,
        null,
        null,
        { int: 0 },
        { int: 3 },
        null,
        'In progress',
        { time: Date.UTC(2026, 11, 5, 17, 31) },
      ],
      [
        'Bo',
        null,
        { day: '2026-12-04' },
        null,
        { percent: 0.8 },
        { int: 2 },
        { int: 1 },
        { int: 3 },
        { percent: 0.8 },
        'In progress',
        { time: Date.UTC(2026, 11, 5, 17, 31) },
      ],
    ]);
    const csv = csvRows(sheet);
    expect(csv[2]).toEqual(['Bo', '', '2026-12-04', '', 80, 2, 1, 3, 80, 'In progress', '2026-12-05T19:31+02:00']);
    // Nothing shaped like "2/3" (a date to English Excel) in any cell.
    expect(csv.flat().filter((c) => typeof c === 'string' && /^\d+\s*\/\s*\d+$/.test(c))).toEqual([]);
    const text = toCsv(csv, ';');
    expect(text).toContain(`\r\n"'=Anna";;;;;;0;3;;In progress;2026-12-05T19:31+02:00\r\n`);
    expect(resultsFileName(table, 'xlsx')).toBe('attiecību-pārdošana-关系销售-q1-abcd1234.xlsx');
  });

  it('is a CSV or an Excel file with its name, as the page downloads it', async () => {
    const table = sample();
    const csv = await resultsFile('csv', table, table.rows, outline, words, 'lv', ['en-US']);
    expect(csv.name).toBe('attiecību-pārdošana-关系销售-q1-abcd1234.csv');
    expect(csv.blob.type).toBe('text/csv;charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.blob.arrayBuffer());
    expect(text.startsWith(`\ufeff${HEAD.slice(0, 2).join(';')};`)).toBe(true);
    const xlsx = await resultsFile('xlsx', table, table.rows, outline, words, 'en', ['en-US']);
    expect(xlsx.name.endsWith('-abcd1234.xlsx')).toBe(true);
    expect(xlsx.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('Excel workbook', () => {
  it('reads back with real numbers, dates and text, in the right rows and columns', async () => {
    process.env.TZ = 'Europe/Riga';
    const table = sample();
    const sheet = resultsSheet(table, table.rows, outline, words);
    const second = { ...sheet, name: sheet.name, rows: sheet.rows.slice(1) };
    const blob = await xlsxBlob([sheet, second]);
    const book = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
    // Sheet names Excel accepts: no [ ] : and at most 31 characters, each different.
    expect(book.map((s) => s.sheet)).toEqual([
      'Attiecību pārdošana 关系销售 Q1',
      'Attiecību pārdošana 关系销售 Q1 (2)',
    ]);
    const [rows] = book.map((s) => s.data);
    expect(rows[0]).toEqual(HEAD);
    const [anna, bo] = rows.slice(1);
    expect(anna).toEqual([
      '=Anna',
      null,
      null,
      null,
      null,
      null,
      0,
      3,
      null,
      'In progress',
      // The clock in Riga when the report was made (Excel keeps no time zone).
      new Date(Date.UTC(2026, 11, 5, 19, 31)),
    ]);
    expect(bo).toEqual([
      'Bo',
      null,
      new Date(Date.UTC(2026, 11, 4)),
      null,
      0.8,
      2,
      1,
      3,
      0.8,
      'In progress',
      new Date(Date.UTC(2026, 11, 5, 19, 31)),
    ]);
    expect(typeof bo[4]).toBe('number');
    expect(bo[2]).toBeInstanceOf(Date);
    expect(book[1].data.slice(1).map((r) => r[0])).toEqual(['Bo']);
  });

  it('stores text as text (not formulas), formats numbers and dates, and keeps a bold header row in view', async () => {
    const table = sample();
    const blob = await xlsxBlob([resultsSheet(table, table.rows, outline, words)]);
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    const styles = strFromU8(files['xl/styles.xml']);
    const strings = strFromU8(files['xl/sharedStrings.xml']);
    expect(xml).not.toContain('<f>');
    expect(strings).toContain('<t>=Anna</t>');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toMatch(/<pane [^>]*xSplit="1"/);
    for (const format of ['0%', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm']) expect(styles).toContain(`formatCode="${format}"`);
    // The header cells' style uses a bold font.
    const headStyle = Number(/<c r="A1" s="(\d+)"/.exec(xml)?.[1]);
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf ([^>]*)>/g)].map((m) => m[1]);
    const fontId = Number(/fontId="(\d+)"/.exec(xfs[headStyle])?.[1]);
    const fonts = [...styles.slice(styles.indexOf('<fonts')).matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]);
    expect(fonts[fontId]).toContain('<b/>');
  });

  it('names sheets as Excel allows', () => {
    expect(sheetName('a/b\\c?d*e[f]g:h')).toBe('a b c d e f g h');
    expect(sheetName("'quoted'")).toBe('quoted');
    expect(sheetName('  ')).toBe('Sheet');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('😀'.repeat(20))).toBe('😀'.repeat(15));
    expect(sheetName('Same', ['same'])).toBe('Same (2)');
    expect(sheetName('y'.repeat(40), ['y'.repeat(31)])).toBe(`${'y'.repeat(27)} (2)`);
  });
});

describe('zip without workers', () => {
  it('zips a file far over 160 KB on this thread, as fflate does', async () => {
    const saved = globalThis.Worker;
    (globalThis as { Worker?: unknown }).Worker = class {
      constructor() {
        throw new Error('no workers');
      }
    };
    try {
      const big = new TextEncoder().encode('<row>'.repeat(100_000));
      const zipped = await new Promise<Uint8Array>((resolve, reject) =>
        zipOnThread({ 'a.xml': big, 'b.txt': new Uint8Array([1, 2]) }, (err, data) =>
          err ? reject(err) : resolve(data),
        ),
      );
      const back = unzipSync(zipped);
      expect(back['a.xml']).toEqual(big);
      expect(back['b.txt']).toEqual(new Uint8Array([1, 2]));
      expect(zipped.length).toBeLessThan(zipSync({ 'a.xml': big }, { level: 0 }).length);
    } finally {
      (globalThis as { Worker?: unknown }).Worker = saved;
    }
  });
});
