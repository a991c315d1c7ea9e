import { describe, expect, it } from 'vitest';
import {
  assignedLessons,
  cleanText,
  daysLeft,
  decodeAssignment,
  decodeReport,
  encodeAssignment,
  encodeReport,
  newAssignmentId,
  reportData,
  type Assignment,
  type Report,
} from '../../src/lib/assignment';
import {
  forge,
  forgeReport,
  hostileAssignments,
  hostileReports,
  REPORT_SAMPLE as report,
  VALID_REPORT,
  ASSIGNMENT_SAMPLE,
  COURSE_LESSONS,
  COURSE_MODULES,
} from '../fixtures/hostile-codes';

const course = {
  modules: COURSE_MODULES,
  lessons: COURSE_LESSONS,
  exercises: [
    'hammer-price',
    'relationship-scenarios',
    'sales-or-service-sort',
    'four-elements-match',
    'which-approach-fits',
    'quiet-customer',
    'angry-customer',
    'price-objection',
  ],
};

const full: Assignment = ASSIGNMENT_SAMPLE;

describe('assignment codes', () => {
  it('round-trip, with Chinese and Latvian text intact', () => {
    const code = encodeAssignment(full);
    expect(code).toMatch(/^a1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
    expect(decodeAssignment(code, course)).toEqual({ ok: true, value: full });
  });

  it('stay short: all four modules fit a link a phone can scan as a QR code', () => {
    const code = encodeAssignment({
      id: 'k3v9x2ab',
      title: 'Relationship selling: the whole course',
      modules: course.modules,
      lessons: [],
    });
    console.log(`4-module assignment code: ${code.length} characters`);
    expect(code.length).toBeLessThan(250);
  });

  it('accept a leading # (pasted from a link), and a whole link with the punctuation mail and chat add around it', () => {
    const code = encodeAssignment(full);
    expect(decodeAssignment(`#${code}`, course).ok).toBe(true);
    for (const pasted of [
      `(https://x.example/ms/my-training/#${code}).`,
      `“${code}”`,
      `<https://x.example/my-training/#${code}>`,
      `${code}!\n`,
    ]) {
      expect(decodeAssignment(pasted, course), pasted).toEqual({ ok: true, value: full });
    }
  });

  it('list the assigned lessons in course order, whole modules and single lessons together', () => {
    const a: Assignment = {
      id: 'abcd1234',
      title: 'T',
      modules: ['relationship-types'],
      lessons: ['sales-and-service/what-sales-is'],
    };
    expect(assignedLessons(a, course)).toEqual([
      'sales-and-service/what-sales-is',
      'relationship-types/four-types',
      'relationship-types/choosing-the-level',
    ]);
  });

  it('count days left and overdue', () => {
    expect(daysLeft('2026-11-30', new Date(2026, 10, 24))).toBe(6);
    expect(daysLeft('2026-11-20', new Date(2026, 10, 24))).toBe(-4);
  });

  it('make random ids', () => {
    expect(newAssignmentId()).toMatch(/^[0-9a-z]{8}$/);
    expect(newAssignmentId()).not.toBe(newAssignmentId());
  });
});

describe('hostile and damaged assignment codes are refused, never thrown', () => {
  const cases = hostileAssignments();
  for (const [name, code, error] of cases) {
    it(name, () => {
      const result = decodeAssignment(code, course);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toBe(error);
    });
  }

  it('keeps names and notes as plain text: markup stays text, control characters go', () => {
    const a = decodeAssignment(
      forge('a', 1, {
        i: 'abcd1234',
        t: '<img src=x onerror=alert(1)>',
        m: ['relationship-types'],
        l: [],
        n: 'javascript:alert(1)\u202e\u0000',
        p: 'Anna\u200b Bērziņa',
      }),
      course,
    );
    expect(a).toEqual({
      ok: true,
      value: {
        id: 'abcd1234',
        title: '<img src=x onerror=alert(1)>',
        modules: ['relationship-types'],
        lessons: [],
        note: 'javascript:alert(1)',
        trainee: 'Anna Bērziņa',
      },
    });
    expect(cleanText(42, 10)).toBeNull();
    // Joiners stay: they are part of emoji and of Persian and Indic names.
    expect(cleanText('Ana 👩\u200d💻', 20)).toBe('Ana 👩\u200d💻');
    expect(cleanText('مهسا\u200cرضایی', 20)).toBe('مهسا\u200cرضایی');
    expect(cleanText('\u200b\u200f\u200e', 20)).toBe('');
  });
});

describe('reports', () => {
  const minute = (y: number, m: number, d: number, h = 9) => Date.UTC(y, m, d, h, 30);
  it('round-trip, carrying what was assigned so the trainer needs nothing else', async () => {
    const code = await encodeReport(report);
    expect(code).toMatch(/^r1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
    expect(await decodeReport(code, course)).toEqual({ ok: true, value: report });
    expect(await decodeReport(`http://localhost:4321/en/trainer/results/#${code}`, course)).toEqual({
      ok: true,
      value: report,
    });
  });

  it('stay short: a whole-course report with every lesson read and every exercise done', async () => {
    const all: Report = {
      ...report,
      assignment: {
        id: 'k3v9x2ab',
        title: 'Relationship selling: the whole course',
        modules: course.modules,
        lessons: [],
      },
      read: course.lessons.map((lesson, i) => ({ lesson, at: minute(2026, 10, 10 + i) })),
      exercises: course.exercises.map((id, i) => ({ id, best: (80 + i) / 100, latest: 0.7, attempts: i + 1 })),
    };
    const code = await encodeReport(all);
    console.log(`whole-course report: ${code.length} characters (JSON ${JSON.stringify(reportData(all)).length})`);
    expect(code.length).toBeLessThan(JSON.stringify(reportData(all)).length);
    expect(await decodeReport(code, course)).toEqual({ ok: true, value: all });
  });

  for (const [name, make, error] of hostileReports) {
    it(`refuse ${name}`, async () => {
      const result = await decodeReport(await make(), course);
      expect(result).toMatchObject({ ok: false, error });
    });
  }

  it('keep hostile names as text', async () => {
    const xss = await decodeReport(await forgeReport({ ...VALID_REPORT, n: '<img src=x onerror=alert(1)>' }), course);
    expect(xss).toMatchObject({ ok: true, value: { name: '<img src=x onerror=alert(1)>' } });
  });
});
