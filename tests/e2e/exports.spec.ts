/**
 * The results page's Excel download, in a browser under the site's Content-Security-Policy: the
 * workbook is read back with read-excel-file (numbers are numbers, dates dates, text text) and as
 * raw XML; a class big enough that fflate would have used a blob: worker still downloads.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { encodeReport, type Report, type ReportScope } from '../../src/lib/assignment';
import { expect, test, type Page } from './fixtures';
import { UI } from './site';

test.use({ locale: 'lv-LV', timezoneId: 'Europe/Riga' });

const LV = UI.lv.results;
const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{?(\w+)\}?\}/g, (_, k: string) => String(v[k]));
const MINUTE = 60_000;
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A download button: its label, then (for screen readers) the assignment's title. */
const button = (label: string, title: string) => new RegExp(`^${escape(label)}\\s*: ${escape(title)}$`);

/** The clock in Riga at a moment, as Excel keeps it (no time zone): in a Date's UTC fields. */
function rigaClock(ms: number, day = false): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Riga',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(ms)
      .map((p) => [p.type, Number(p.value)]),
  );
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, day ? 0 : parts.hour, day ? 0 : parts.minute));
}

/** A date read back, to the second (a serial day number read back may be a millisecond off). */
const toSecond = (d: unknown) => (d instanceof Date ? new Date(Math.round(d.getTime() / 1000) * 1000) : d);

async function download(page: Page, name: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the results page downloads Excel workbooks with real numbers, dates and text, without leaving the site', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      elsewhere.push(r.url());
  });
  const now = Math.floor(Date.now() / MINUTE) * MINUTE - 30 * MINUTE;
  const small: ReportScope = {
    id: 'xlsx0001',
    title: 'Attiecību pārdošana — 关系销售',
    modules: ['relationship-types'],
    lessons: [],
  };
  const whole: ReportScope = {
    id: 'xlsx0002',
    title: 'Viss kurss',
    modules: ['sales-and-service', 'relationship-selling', 'relationship-types', 'listening-and-communicating'],
    lessons: [],
  };
  const readAt = now - 26 * 60 * MINUTE;
  const reports: Report[] = [
    {
      assignment: small,
      name: 'Anna Bērziņa',
      at: now,
      read: [{ lesson: 'relationship-types/four-types', at: readAt }],
      exercises: [{ id: 'relationship-scenarios', best: 0.75, latest: 0.5, attempts: 3 }],
    },
    { assignment: small, name: '=王小明', at: now, read: [], exercises: [] },
    { assignment: small, name: '6/6', at: now, read: [], exercises: [] },
  ];
  // A class whose sheet is far over the 160 KB at which fflate would zip in a blob: worker.
  const lessons = readFileSync('content/modules.yaml', 'utf8')
    .split('\n- id: ')
    .slice(1)
    .flatMap((m) => [...m.matchAll(/^ {4}- id: ([\w-]+)/gm)].map((l) => `${m.split('\n')[0].trim()}/${l[1]}`));
  const exercises = ['four-elements-match', 'relationship-scenarios', 'sales-or-service-sort', 'which-approach-fits'];
  for (let i = 1; i <= 300; i++) {
    reports.push({
      assignment: whole,
      name: `Dalībnieks ${String(i).padStart(3, '0')}`,
      at: now,
      read: lessons.map((lesson) => ({ lesson, at: readAt })),
      exercises: exercises.map((id, n) => ({
        id,
        best: ((i + n) % 101) / 100,
        latest: ((i + n) % 101) / 100,
        attempts: 1 + (i % 4),
      })),
    });
  }
  const codes = await Promise.all(reports.map(encodeReport));

  await page.goto('/lv/trainer/results/');
  await page.waitForSelector('astro-island:not([ssr])');
  await page.getByLabel(LV.pasteLabel).fill(codes.join('\n'));
  await page.getByRole('button', { name: LV.add }).click();
  await expect(page.getByRole('button', { name: button(LV.xlsx, small.title) })).toBeVisible({ timeout: 30_000 });

  // The small class, cell by cell.
  const file = await download(page, button(LV.xlsx, small.title));
  expect(file.name).toBe('attiecību-pārdošana-关系销售-xlsx0001.xlsx');
  const [sheet] = await readXlsxFile(file.bytes);
  expect(sheet.sheet).toBe('Attiecību pārdošana — 关系销售');
  const [head, ...rows] = sheet.data;
  const col = (title: string) => head.indexOf(title);
  const best = head.findIndex((h) => String(h).endsWith(fillIn(LV.csvBest, { title: '' })));
  const doneOn = head.flatMap((h, i) => (String(h).endsWith(fillIn(LV.csvReadOn, { title: '' })) ? [i] : []));
  expect(head[0]).toBe(LV.colTrainee);
  expect(doneOn).toHaveLength(2);
  expect(rows.map((r) => r[0]).sort()).toEqual(['6/6', '=王小明', 'Anna Bērziņa']);
  const row = (name: string) => rows.find((r) => r[0] === name)!;
  const anna = row('Anna Bērziņa');
  // Lesson 3.1 read; 3.2 done by its exercise, at the report's time.
  expect(toSecond(anna[doneOn[0]])).toEqual(rigaClock(readAt, true));
  expect(toSecond(anna[doneOn[1]])).toEqual(rigaClock(now, true));
  expect(anna[best]).toBe(0.75);
  expect(anna[best + 1]).toBe(3);
  expect(anna[col(LV.colRead)]).toBe(2);
  expect(anna[col(LV.csvTotal)]).toBe(2);
  expect(anna[col(LV.csvAverage)]).toBe(0.75);
  expect(anna[col(LV.colState)]).toBe(LV['state-done']);
  expect(toSecond(anna[col(LV.colReported)])).toEqual(rigaClock(now));
  // A name that looks like a formula or a date stays text.
  expect(row('=王小明')[col(LV.colRead)]).toBe(0);
  expect(row('6/6')[col(LV.csvTotal)]).toBe(2);
  const xml = unzipSync(new Uint8Array(file.bytes));
  expect(strFromU8(xml['xl/worksheets/sheet1.xml'])).not.toContain('<f>');
  expect(strFromU8(xml['xl/worksheets/sheet1.xml'])).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);

  // The CSV beside it: semicolons on a Latvian page, times in Riga time with the offset.
  const csv = await download(page, button(LV.csv, small.title));
  expect(csv.name).toBe('attiecību-pārdošana-关系销售-xlsx0001.csv');
  const lines = csv.bytes.toString('utf8').split('\r\n');
  expect(lines[0].startsWith(`\ufeff${LV.colTrainee};`)).toBe(true);
  const annaLine = lines.find((l) => l.startsWith('Anna Bērziņa;'));
  expect(annaLine).toMatch(
    /^Anna Bērziņa;\d{4}-\d{2}-\d{2};\d{4}-\d{2}-\d{2};75;3;2;2;75;[^;]+;\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+0[23]:00$/,
  );
  expect(lines.find((l) => l.includes('王小明'))).toMatch(/^"'=王小明";/);

  // The whole course for 300 trainees.
  const big = await download(page, button(LV.xlsx, whole.title));
  expect(strFromU8(unzipSync(new Uint8Array(big.bytes))['xl/worksheets/sheet1.xml']).length).toBeGreaterThan(160_000);
  const [bigSheet] = await readXlsxFile(big.bytes);
  expect(bigSheet.data).toHaveLength(301);
  const last = bigSheet.data[300];
  expect(last[0]).toBe('Dalībnieks 300');
  expect(last.slice(1, 1 + lessons.length).map(toSecond)).toEqual(lessons.map(() => rigaClock(readAt, true)));
  expect(last.filter((v) => typeof v === 'number')).toHaveLength(exercises.length * 2 + 3);

  await expect(page.getByText(LV.downloadFailed)).toHaveCount(0);
  expect(elsewhere).toEqual([]);
});
