/**
 * Impossible times (issue 11, item 4): a report or a progress record dated far in the future, or
 * at a time no Date can hold, is refused when read, and showing a date never throws.
 */
import { describe, expect, it } from 'vitest';
import { decodeReport, encodeReport, readReport, type Report } from '../../src/lib/assignment';
import { formatDate, formatDue } from '../../src/lib/dates';
import { loadProgress, PROGRESS_VERSION } from '../../src/lib/progress';
import { createExport } from '../../src/lib/progress-export';
import { parseImport } from '../../src/lib/progress-file';
import { forgeReport, VALID_REPORT } from '../fixtures/hostile-codes';

const course = {
  modules: ['sales-and-service', 'relationship-types'],
  lessons: ['sales-and-service/what-sales-is', 'relationship-types/four-types'],
  exercises: ['relationship-scenarios'],
};
const MINUTE = 60_000;
const DAY = 86_400_000;
/** A fixed "now" for the reader's clock: 24 Nov 2026, 09:30 UTC. */
const NOW = Date.UTC(2026, 10, 24, 9, 30);
const nowMinute = NOW / MINUTE;
const report = (extra: Record<string, unknown>) => ({ ...VALID_REPORT, w: nowMinute, ...extra });

describe('report times', () => {
  it("refuse a report dated in the year 273859, which would pin the trainee's row forever", () => {
    // 1.4e11 minutes: under the old limit of 1.44e11, so it used to be accepted.
    expect(readReport(report({ w: 1.4e11 }), course, NOW)).toEqual({ ok: false, error: 'bad-data', detail: 'time' });
  });

  it("refuse a report more than a day ahead of the reader's clock, and accept one a little ahead", () => {
    expect(readReport(report({ w: nowMinute + 2 * 24 * 60 }), course, NOW)).toEqual({
      ok: false,
      error: 'bad-data',
      detail: 'time',
    });
    expect(readReport(report({ w: nowMinute + 23 * 60 }), course, NOW)).toMatchObject({
      ok: true,
      value: { at: NOW + 23 * 60 * MINUTE },
    });
  });

  it('check against the real clock when no time is given (the islands pass none)', async () => {
    const future = Math.floor((Date.now() + 3 * DAY) / MINUTE);
    expect(readReport(report({ w: future }), course)).toEqual({ ok: false, error: 'bad-data', detail: 'time' });
    expect(await decodeReport(await forgeReport(report({ w: future })), course)).toEqual({
      ok: false,
      error: 'bad-data',
      detail: 'time',
    });
    const present = Math.floor(Date.now() / MINUTE);
    expect(await decodeReport(await forgeReport(report({ w: present })), course)).toMatchObject({ ok: true });
  });

  it("pass the reader's clock through decodeReport", async () => {
    const code = await forgeReport(report({ w: nowMinute + 2 * 24 * 60 }));
    expect(await decodeReport(code, course, NOW)).toEqual({ ok: false, error: 'bad-data', detail: 'time' });
    expect(await decodeReport(code, course, NOW + 2 * DAY)).toMatchObject({ ok: true });
  });

  it('refuse a lesson read after the report was made', () => {
    const read = (minute: number) => report({ r: [['relationship-types/four-types', minute]] });
    expect(readReport(read(nowMinute + 1), course, NOW)).toEqual({ ok: false, error: 'bad-data', detail: 'time' });
    expect(readReport(read(nowMinute), course, NOW)).toMatchObject({
      ok: true,
      value: { read: [{ lesson: 'relationship-types/four-types', at: NOW }] },
    });
  });

  it("are encoded so they read back: a lesson read on a clock running ahead is sent at the report's time", async () => {
    const r: Report = {
      assignment: { id: 'k3v9x2ab', title: 'T', modules: ['relationship-types'], lessons: [] },
      name: 'Anna',
      at: NOW,
      read: [{ lesson: 'relationship-types/four-types', at: NOW + 5 * MINUTE }],
      exercises: [],
    };
    expect(await decodeReport(await encodeReport(r), course, NOW)).toEqual({
      ok: true,
      value: { ...r, read: [{ lesson: 'relationship-types/four-types', at: NOW }] },
    });
  });
});

describe('progress times', () => {
  const stored = (data: Record<string, unknown>) =>
    JSON.stringify({ version: PROGRESS_VERSION, lessons: {}, exercises: {}, ...data });
  const good = { opened: NOW - DAY, read: NOW - 1000 };

  it('drop a time no Date can hold (1e20), keeping the rest, as a repair', () => {
    const result = loadProgress(
      stored({
        lessons: { 'sales-and-service/what-sales-is': good, 'relationship-types/four-types': { opened: 1e20 } },
      }),
      NOW,
    );
    expect(result.status).toBe('repaired');
    expect(result.dropped).toEqual(['lessons.relationship-types/four-types']);
    expect(result.progress.lessons).toEqual({ 'sales-and-service/what-sales-is': good });
  });

  it('drop times more than a day ahead of the clock, in every field that holds one', () => {
    const later = NOW + 2 * DAY;
    const ex = { attempts: 1, best: 0.5, latest: 0.5, answers: {}, updated: NOW };
    const result = loadProgress(
      stored({
        lessons: {
          'sales-and-service/what-sales-is': { opened: NOW, read: later },
          'relationship-types/four-types': { opened: 1e20 },
        },
        exercises: { a: { ...ex, updated: later }, b: { ...ex, finished: later }, c: ex },
        last: { lesson: 'sales-and-service/what-sales-is', at: later },
        resetAt: 1e20,
      }),
      NOW,
    );
    expect(result.status).toBe('repaired');
    expect(result.dropped.sort()).toEqual([
      'exercises.a',
      'exercises.b',
      'last',
      'lessons.relationship-types/four-types',
      'lessons.sales-and-service/what-sales-is',
      'resetAt',
    ]);
    expect(result.progress).toEqual({ version: PROGRESS_VERSION, lessons: {}, exercises: { c: ex } });
  });

  it("keep a time a little ahead of the clock (another device's clock, a time zone change)", () => {
    const result = loadProgress(
      stored({ lessons: { 'sales-and-service/what-sales-is': { opened: NOW + 3_600_000 } } }),
      NOW,
    );
    expect(result).toMatchObject({ status: 'ok', dropped: [] });
  });

  it('check against the real clock when no time is given', () => {
    expect(loadProgress(stored({ resetAt: Date.now() + 3 * DAY })).status).toBe('repaired');
    expect(loadProgress(stored({ resetAt: Date.now() })).status).toBe('ok');
  });
});

describe('progress file times', () => {
  const p = {
    version: PROGRESS_VERSION,
    lessons: { 'sales-and-service/what-sales-is': { opened: NOW - DAY } },
    exercises: {},
  } as const;
  const file = (data: Record<string, unknown>) => JSON.stringify({ ...createExport(p as never, NOW), ...data });

  it('refuse a file with an impossible time as damaged', () => {
    const bad = file({ progress: { ...p, lessons: { 'sales-and-service/what-sales-is': { opened: 1e20 } } } });
    expect(parseImport(bad, NOW)).toEqual({ ok: false, error: 'damaged' });
    const ahead = file({ progress: { ...p, resetAt: NOW + 2 * DAY } });
    expect(parseImport(ahead, NOW)).toEqual({ ok: false, error: 'damaged' });
  });

  it('show the export time only when it is one: an ISO string that reads back, or milliseconds', () => {
    const at = (exportedAt: unknown) => {
      const result = parseImport(file({ exportedAt }), NOW);
      return result.ok ? result.exportedAt : result.error;
    };
    expect(at('2026-11-23T08:00:00.000Z')).toBe('2026-11-23T08:00:00.000Z');
    expect(at(NOW - DAY)).toBe(new Date(NOW - DAY).toISOString());
    // Free text Date.parse reads as some date: not the file's export time.
    for (const text of ['2026', 'March 7', '1 1 1', 'Tue, 24 Nov 2026 09:30:00 GMT', '2026-11-23'])
      expect(at(text), text).toBe('');
    // Impossible or future times.
    for (const value of [
      1e20,
      -1,
      NaN,
      NOW + 2 * DAY,
      '+275760-09-13T00:00:00.001Z',
      new Date(NOW + 2 * DAY).toISOString(),
    ])
      expect(at(value), String(value)).toBe('');
    expect(at(undefined)).toBe('');
  });
});

describe('date display', () => {
  it('shows a time as the reader writes dates', () => {
    expect(formatDate(NOW, 'en')).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(NOW));
    expect(formatDate(NOW, 'lv', true)).toBe(
      new Intl.DateTimeFormat('lv', { dateStyle: 'medium', timeStyle: 'short' }).format(NOW),
    );
    expect(formatDate(new Date(NOW).toISOString(), 'zh-CN')).toBe(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium' }).format(NOW),
    );
    expect(formatDue('2026-12-15', 'en')).toBe('Dec 15, 2026');
  });

  it('shows an en dash, never throws, for a time that cannot be shown', () => {
    for (const t of [1e20, -1e20, NaN, Infinity, 'not a date', '']) {
      expect(formatDate(t, 'en'), String(t)).toBe('–');
      expect(formatDate(t, 'en', true), String(t)).toBe('–');
    }
    expect(formatDate(NOW, 'not a language!')).toBe('–');
    for (const due of ['2026-02-31', '2026-13-01', 'soon', '', '+275760-09-14'])
      expect(formatDue(due, 'en'), due).toBe('–');
  });
});

describe('dates in the reader’s own variant of the page language', () => {
  it('takes the browser’s region for the same language, else the page’s tag', async () => {
    const { regional } = await import('../../src/lib/dates');
    expect(regional('en', ['en-GB', 'lv'])).toBe('en-GB');
    expect(regional('en', ['lv-LV', 'en-AU'])).toBe('en-AU');
    expect(regional('lv', ['en-GB'])).toBe('lv');
    expect(regional('ms', ['ms'])).toBe('ms');
    expect(
      new Intl.DateTimeFormat(regional('en', ['en-GB']), { dateStyle: 'medium', timeZone: 'UTC' }).format(
        Date.UTC(2026, 11, 5),
      ),
    ).toBe('5 Dec 2026');
  });
});
