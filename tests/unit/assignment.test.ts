import { describe, expect, it } from 'vitest';
import {
  assignedLessons, checksum, cleanText, daysLeft, decodeAssignment, decodeReport, encodeAssignment, encodeReport,
  newAssignmentId, MAX_CODE_CHARS, type Assignment, type Report,
} from '../../src/lib/assignment';

const course = {
  modules: ['sales-and-service', 'relationship-selling', 'relationship-types', 'listening-and-communicating'],
  lessons: [
    'sales-and-service/what-sales-is', 'sales-and-service/what-service-is', 'sales-and-service/sales-vs-service',
    'relationship-selling/what-relationship-selling-is', 'relationship-selling/relationship-oriented-selling',
    'relationship-selling/building-the-relationship', 'relationship-selling/qualifying-prospects', 'relationship-selling/four-elements',
    'relationship-types/four-types', 'relationship-types/choosing-the-level',
    'listening-and-communicating/listening-and-responding', 'listening-and-communicating/active-communication', 'listening-and-communicating/business-courtesy',
  ],
  exercises: ['hammer-price', 'relationship-scenarios', 'sales-or-service-sort'],
};

const full: Assignment = {
  id: 'k3v9x2ab',
  title: 'Q1 onboarding — 关系销售 — Attiecību pārdošana',
  due: '2026-12-15',
  note: 'Finish before our team meeting. Pabeidziet līdz sanāksmei.',
  lang: 'ms',
  modules: course.modules,
  lessons: [],
  trainee: 'Siti Nurhaliza',
};

describe('assignment codes', () => {
  it('round-trip, with Chinese and Latvian text intact', () => {
    const code = encodeAssignment(full);
    expect(code).toMatch(/^a1\.[A-Za-z0-9_-]+\.[0-9a-z]+$/);
    expect(decodeAssignment(code, course)).toEqual({ ok: true, value: full });
  });

  it('stay short: all four modules fit a link a phone can scan as a QR code', () => {
    const code = encodeAssignment({ id: 'k3v9x2ab', title: 'Relationship selling: the whole course', modules: course.modules, lessons: [] });
    expect(code.length).toBeLessThan(250);
  });

  it('accept a leading # (pasted from a link)', () => {
    expect(decodeAssignment(`#${encodeAssignment(full)}`, course).ok).toBe(true);
  });

  it('list the assigned lessons in course order, whole modules and single lessons together', () => {
    const a: Assignment = { id: 'abcd1234', title: 'T', modules: ['relationship-types'], lessons: ['sales-and-service/what-sales-is'] };
    expect(assignedLessons(a, course)).toEqual(['sales-and-service/what-sales-is', 'relationship-types/four-types', 'relationship-types/choosing-the-level']);
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

/** Builds a code with a correct checksum around any payload, as a hand-editor could. */
const forge = (kind: 'a' | 'r', version: number, data: unknown) => {
  const payload = btoa(unescape(encodeURIComponent(JSON.stringify(data)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${kind}${version}.${payload}.${checksum(payload)}`;
};

describe('hostile and damaged assignment codes are refused, never thrown', () => {
  const good = encodeAssignment(full);
  const cases: [string, string, string][] = [
    ['empty', '', 'empty'],
    ['spaces', '   ', 'empty'],
    ['truncated (the end of the link lost)', good.slice(0, good.length - 9), 'bad-format'],
    ['part of the payload lost', good.replace(/^(a1\.[A-Za-z0-9_-]{10})[A-Za-z0-9_-]{6}/, '$1'), 'bad-checksum'],
    ['one character changed', good.replace(/\.(.)/, (_, c) => `.${c === 'e' ? 'f' : 'e'}`), 'bad-checksum'],
    ['checksum removed', good.split('.').slice(0, 2).join('.'), 'bad-format'],
    ['oversized', `a1.${'A'.repeat(MAX_CODE_CHARS)}.abc`, 'too-long'],
    ['unknown version', forge('a', 7, { i: 'abcd1234', t: 'T', m: ['relationship-types'], l: [] }), 'unknown-version'],
    ['a report offered as an assignment', encodeReport({ assignment: 'abcd1234', name: 'A', at: 1, read: [], exercises: [] }), 'bad-format'],
    ['not base64', 'a1.%%%%.abc', 'bad-format'],
    ['JSON array', forge('a', 1, [1, 2, 3]), 'bad-data'],
    ['no title', forge('a', 1, { i: 'abcd1234', m: ['relationship-types'], l: [] }), 'bad-data'],
    ['title too long', forge('a', 1, { i: 'abcd1234', t: 'x'.repeat(500), m: ['relationship-types'], l: [] }), 'bad-data'],
    ['script in the id', forge('a', 1, { i: '<script>', t: 'T', m: ['relationship-types'], l: [] }), 'bad-data'],
    ['unknown module', forge('a', 1, { i: 'abcd1234', t: 'T', m: ['hacking-101'], l: [] }), 'unknown-item'],
    ['unknown lesson', forge('a', 1, { i: 'abcd1234', t: 'T', m: [], l: ['sales-and-service/no-such-lesson'] }), 'unknown-item'],
    ['path traversal as a lesson', forge('a', 1, { i: 'abcd1234', t: 'T', m: [], l: ['../../etc/passwd'] }), 'bad-data'],
    ['nothing assigned', forge('a', 1, { i: 'abcd1234', t: 'T', m: [], l: [] }), 'bad-data'],
    ['impossible date', forge('a', 1, { i: 'abcd1234', t: 'T', m: ['relationship-types'], l: [], d: '2026-02-31' }), 'bad-data'],
    ['unknown language', forge('a', 1, { i: 'abcd1234', t: 'T', m: ['relationship-types'], l: [], g: 'xx' }), 'bad-data'],
    ['a list of 5000 items', forge('a', 1, { i: 'abcd1234', t: 'T', m: Array(5000).fill('relationship-types'), l: [] }), 'too-long'],
    ['invalid UTF-8', `a1.${'_-8'}.${checksum('_-8')}`, 'bad-format'],
  ];
  for (const [name, code, error] of cases) {
    it(name, () => {
      const result = decodeAssignment(code, course);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toBe(error);
    });
  }

  it('keeps names and notes as plain text: markup stays text, control characters go', () => {
    const a = decodeAssignment(forge('a', 1, { i: 'abcd1234', t: '<img src=x onerror=alert(1)>', m: ['relationship-types'], l: [], n: 'javascript:alert(1)\u202e\u0000', p: 'Anna\u200b Bērziņa' }), course);
    expect(a).toEqual({
      ok: true,
      value: { id: 'abcd1234', title: '<img src=x onerror=alert(1)>', modules: ['relationship-types'], lessons: [], note: 'javascript:alert(1)', trainee: 'Anna Bērziņa' },
    });
    expect(cleanText(42, 10)).toBeNull();
  });
});

describe('reports', () => {
  const report: Report = {
    assignment: 'k3v9x2ab',
    name: '王小明',
    at: Date.UTC(2026, 10, 24),
    read: [{ lesson: 'relationship-types/four-types', at: Date.UTC(2026, 10, 20) }],
    exercises: [{ id: 'relationship-scenarios', best: 0.85, latest: 0.7, attempts: 2 }],
  };

  it('round-trip and stay short', () => {
    const code = encodeReport(report);
    expect(code).toMatch(/^r1\./);
    expect(code.length).toBeLessThan(300);
    expect(decodeReport(code, course)).toEqual({ ok: true, value: report });
  });

  it('refuse truncation, foreign ids, impossible scores and hostile names', () => {
    const code = encodeReport(report);
    expect(decodeReport(code.slice(0, -3), course)).toMatchObject({ ok: false, error: 'bad-checksum' });
    expect(decodeReport(forge('r', 1, { a: 'k3v9x2ab', n: 'A', t: 1, l: [['x/y', 1]], x: [] }), course)).toMatchObject({ ok: false, error: 'unknown-item' });
    expect(decodeReport(forge('r', 1, { a: 'k3v9x2ab', n: 'A', t: 1, l: [], x: [['hammer-price', 150, 10, 1]] }), course)).toMatchObject({ ok: false, error: 'bad-data' });
    expect(decodeReport(forge('r', 1, { a: 'k3v9x2ab', n: 'x'.repeat(100), t: 1, l: [], x: [] }), course)).toMatchObject({ ok: false, error: 'bad-data' });
    expect(decodeReport(forge('r', 2, { a: 'k3v9x2ab', n: 'A', t: 1, l: [], x: [] }), course)).toMatchObject({ ok: false, error: 'unknown-version' });
    const xss = decodeReport(forge('r', 1, { a: 'k3v9x2ab', n: '<script>alert(1)</script>', t: 1, l: [], x: [] }), course);
    expect(xss).toMatchObject({ ok: true, value: { name: '<script>alert(1)</script>' } });
  });
});
