import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { encodeAssignment, type Assignment, type Report } from '../../src/lib/assignment';
import { emptyProgress, type Progress } from '../../src/lib/progress';
import { qrPath } from '../../src/lib/qr';
import { toCsv } from '../../src/lib/csv';
import { dueState } from '../../src/lib/due';
import { live, mergeLists, parseList, removeEntry, TOMBSTONE_MS, type HeldAssignment } from '../../src/lib/lists';
import { assignmentProgress, buildReport, heldKey, reportSummary } from '../../src/lib/my-training';
import type { CourseIndex } from '../../src/lib/outline';
import { addReports, pastedCodes, resultTables, sortRows } from '../../src/lib/results';

const course: CourseIndex = {
  modules: ['sales-and-service', 'relationship-types'],
  lessons: [
    'sales-and-service/what-sales-is',
    'sales-and-service/what-service-is',
    'sales-and-service/sales-vs-service',
    'relationship-types/four-types',
    'relationship-types/choosing-the-level',
  ],
  exercises: [
    { id: 'sales-or-service-sort', lesson: 'sales-and-service/sales-vs-service' },
    { id: 'relationship-scenarios', lesson: 'relationship-types/four-types' },
  ],
};
const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();
const assignment: Assignment = {
  id: 'abcd1234',
  title: 'Onboarding',
  due: '2026-11-20',
  modules: ['relationship-types'],
  lessons: ['sales-and-service/sales-vs-service'],
  trainee: 'Anna',
};

function progressWith(read: string[], exercises: Record<string, [number, number]> = {}): Progress {
  const p = emptyProgress();
  for (const l of read) p.lessons[l] = { opened: day(1), read: day(18) };
  for (const [id, [best, attempts]] of Object.entries(exercises))
    p.exercises[id] = { attempts, best, latest: best, answers: {}, updated: day(18) };
  return p;
}

describe('My training', () => {
  it('counts lessons read of those assigned, whole modules and single lessons together', () => {
    const p = progressWith(['relationship-types/four-types', 'sales-and-service/what-sales-is']);
    expect(assignmentProgress(assignment, p, course)).toEqual({ read: 1, total: 3 });
  });

  it('reports only the assigned lessons and their exercises, with the name given', () => {
    const p = progressWith(['relationship-types/four-types', 'sales-and-service/what-sales-is'], {
      'relationship-scenarios': [0.8, 2],
      'sales-or-service-sort': [0.5, 1],
    });
    const p2 = { ...p, exercises: { ...p.exercises, 'not-started': { attempts: 0, answers: {}, updated: 1 } } };
    const r = buildReport(assignment, p2, course, 'Anna', day(24));
    expect(r.assignment).toEqual({
      id: 'abcd1234',
      title: 'Onboarding',
      due: '2026-11-20',
      modules: ['relationship-types'],
      lessons: ['sales-and-service/sales-vs-service'],
    });
    // Read to the end, and done by the completion rule: the sort is its lesson's only exercise.
    expect(r.read).toEqual([
      { lesson: 'sales-and-service/sales-vs-service', at: day(18) },
      { lesson: 'relationship-types/four-types', at: day(18) },
    ]);
    expect(r.exercises).toEqual([
      { id: 'sales-or-service-sort', best: 0.5, latest: 0.5, attempts: 1 },
      { id: 'relationship-scenarios', best: 0.8, latest: 0.8, attempts: 2 },
    ]);
  });

  it('summarises a report as the trainer will read it: every assigned lesson, done or not, with its exercises', () => {
    const p = progressWith(['relationship-types/four-types'], { 'sales-or-service-sort': [0.5, 3] });
    p.exercises['sales-or-service-sort'].latest = 0.25;
    p.lessons['relationship-types/choosing-the-level'] = { opened: day(2) };
    const r = buildReport(assignment, p, course, 'Anna', day(24));
    expect(reportSummary(r, course)).toEqual([
      // Done by the completion rule: its only exercise is finished.
      {
        lesson: 'sales-and-service/sales-vs-service',
        done: day(18),
        exercises: [
          {
            id: 'sales-or-service-sort',
            result: { id: 'sales-or-service-sort', best: 0.5, latest: 0.25, attempts: 3 },
          },
        ],
      },
      // Read, its exercise not tried: the report carries nothing for it.
      { lesson: 'relationship-types/four-types', done: day(18), exercises: [{ id: 'relationship-scenarios' }] },
      // Opened only: not done, as the trainer sees it.
      { lesson: 'relationship-types/choosing-the-level', exercises: [] },
    ]);
    // Only what the report holds: another trainee's report of nothing lists the same lessons, none done.
    const empty = buildReport(assignment, emptyProgress(), course, 'Bo', day(24));
    expect(reportSummary(empty, course).map((x) => [x.lesson, x.done])).toEqual([
      ['sales-and-service/sales-vs-service', undefined],
      ['relationship-types/four-types', undefined],
      ['relationship-types/choosing-the-level', undefined],
    ]);
  });

  it('tells days left, due today and overdue', () => {
    expect(dueState(undefined, new Date(2026, 10, 24))).toEqual({ kind: 'none' });
    expect(dueState('2026-11-25', new Date(2026, 10, 24))).toEqual({ kind: 'left', days: 1 });
    expect(dueState('2026-11-24', new Date(2026, 10, 24, 23))).toEqual({ kind: 'today' });
    expect(dueState('2026-11-20', new Date(2026, 10, 24))).toEqual({ kind: 'overdue', days: 4 });
  });

  it('keys held assignments by assignment and trainee, so the same link is held once', () => {
    expect(heldKey(assignment)).toBe(heldKey({ ...assignment }));
    expect(heldKey(assignment)).not.toBe(heldKey({ ...assignment, trainee: 'Juris' }));
  });

  it('reads stored lists: drops what is not a code, refuses what is not a list', () => {
    const good = { code: 'a1.eyJ9.abc', added: 1 };
    expect(parseList(null, 'a')).toEqual({ list: [], status: 'empty' });
    expect(parseList(JSON.stringify([good]), 'a')).toEqual({ list: [good], status: 'ok' });
    expect(
      parseList(JSON.stringify([good, { code: '<script>', added: 1 }, 42, { code: 'r1.eyJ9.abc', added: 1 }]), 'a'),
    ).toEqual({ list: [good], status: 'repaired' });
    expect(parseList(JSON.stringify([{ ...good, removed: 1e20 }]), 'a').status).toBe('repaired');
    expect(parseList('{"not":"a list"}', 'a').status).toBe('corrupt');
    expect(parseList('{broken', 'a').status).toBe('corrupt');
  });
});

describe('results', () => {
  const scope = {
    id: 'abcd1234',
    title: 'Onboarding',
    due: '2026-11-20',
    modules: ['relationship-types'],
    lessons: ['sales-and-service/sales-vs-service'],
  };
  const report = (
    name: string,
    read: [string, number][],
    at = day(24),
    exercises: Report['exercises'] = [],
  ): Report => ({ assignment: scope, name, at, read: read.map(([lesson, t]) => ({ lesson, at: t })), exercises });
  const all: [string, number][] = [
    ['sales-and-service/sales-vs-service', day(15)],
    ['relationship-types/four-types', day(16)],
    ['relationship-types/choosing-the-level', day(19)],
  ];

  it('keeps one report per trainee and assignment: a newer one replaces, an older one changes nothing', () => {
    const first = addReports([], [{ code: 'r1.a.b', report: report('Anna', [], day(20)) }], 1);
    expect(first).toMatchObject({ added: 1, updated: 0 });
    const newer = addReports(first.list, [{ code: 'r1.c.d', report: report('  anna ', all, day(22)) }], 2);
    expect(newer).toMatchObject({ added: 0, updated: 1 });
    expect(newer.list).toHaveLength(1);
    expect(newer.list[0].entry.code).toBe('r1.c.d');
    const older = addReports(newer.list, [{ code: 'r1.e.f', report: report('Anna', [], day(21)) }], 3);
    // An older report says so ("older than the report you have"), not "already here".
    expect(older).toMatchObject({ added: 0, updated: 0, unchanged: 0, older: 1, outcomes: ['older'] });
    expect(older.list[0].entry.code).toBe('r1.c.d');
  });

  it('past the limit, a new trainee\'s report is refused and counted, never dropped while saying "added"', () => {
    const two = addReports(
      [],
      [
        { code: 'r1.a.b', report: report('Anna', []) },
        { code: 'r1.c.d', report: report('Bo', []) },
      ],
      1,
      2,
    );
    expect(two).toMatchObject({ added: 2, limit: 0 });
    const more = addReports(
      two.list,
      [
        { code: 'r1.e.f', report: report('Cai', []) },
        { code: 'r1.g.h', report: report('Anna', all, day(25)) },
      ],
      2,
      2,
    );
    // Cai does not fit; Anna's newer report still replaces hers (it takes no new place).
    expect(more.outcomes).toEqual(['limit', 'updated']);
    expect(more.list.map((x) => x.report.name)).toEqual(['Anna', 'Bo']);
  });

  it("the assignment is the trainer's own copy, else the first report seen; a report that disagrees is a conflict, not applied", () => {
    const hostile = {
      ...scope,
      title: 'Everything, due yesterday',
      due: '2026-01-01',
      modules: ['relationship-types', 'listening'],
    };
    const first = report('Anna', all);
    const later: Report = { ...report('Mallory', [], day(25)), assignment: hostile };
    // Mallory's report came after Anna's: Anna's copy defines the table, whatever the times say.
    const [table] = resultTables([first, later], course, new Date(2026, 10, 24));
    expect(table.scope).toEqual(scope);
    expect(table.lessons).toHaveLength(3);
    expect(table.rows.find((r) => r.name === 'Mallory')!.conflict).toEqual(hostile);
    expect(table.rows.find((r) => r.name === 'Anna')!.conflict).toBeUndefined();
    // With the trainer's own copy, that one speaks, even when a report came first.
    const [own] = resultTables([later, first], course, new Date(2026, 10, 24), [{ scope, trainees: [] }]);
    expect(own.scope).toEqual(scope);
    expect(own.rows.find((r) => r.name === 'Mallory')!.conflict).toEqual(hostile);
  });

  it("keeps the order reports arrived in: a batch one millisecond apart, a replacement keeps its trainee's first-seen time", () => {
    const first = addReports([], [{ code: 'r1.a.b', report: report('Anna', []) }], 100);
    const batch = addReports(
      first.list,
      [
        { code: 'r1.c.d', report: report('Anna', all, day(25)) },
        { code: 'r1.e.f', report: report('Zed', []) },
        { code: 'r1.g.h', report: report('Bo', []) },
      ],
      500,
    );
    expect(batch.list.map((x) => [x.report.name, x.entry.added, x.entry.first ?? null])).toEqual([
      ['Anna', 500, 100],
      ['Zed', 501, null],
      ['Bo', 502, null],
    ]);
  });

  it('shows one row per trainee even when a list holds two reports from the same trainee', () => {
    const [table] = resultTables(
      [report('Anna', [], day(20)), report('anna', all, day(22))],
      course,
      new Date(2026, 10, 24),
    );
    expect(table.rows.map((r) => [r.name, r.read])).toEqual([['anna', 3]]);
  });

  it('builds trainees × assigned lessons with status, scores, due state and totals', () => {
    const [table] = resultTables(
      [
        report('Juris', all.slice(0, 1), day(24), [
          { id: 'sales-or-service-sort', best: 0.9, latest: 0.9, attempts: 3 },
          { id: 'relationship-scenarios', best: 0.5, latest: 0.5, attempts: 1 },
        ]),
        report('Anna', all),
        report(
          'Bo',
          all.map(([l]) => [l, day(21)]),
        ),
      ],
      course,
      new Date(2026, 10, 24),
    );
    expect(table.lessons).toEqual([
      'sales-and-service/sales-vs-service',
      'relationship-types/four-types',
      'relationship-types/choosing-the-level',
    ]);
    expect(table.rows.map((r) => [r.name, r.read, r.total, r.state])).toEqual([
      ['Anna', 3, 3, 'on-time'],
      ['Bo', 3, 3, 'late'],
      // Read one; the other done by the completion rule (its only exercise tried), from an older report.
      ['Juris', 2, 3, 'overdue'],
    ]);
    const juris = table.rows[2];
    expect(juris.average).toBeCloseTo(0.7);
    expect(juris.cells[1].exercises).toEqual([{ id: 'relationship-scenarios', best: 0.5, latest: 0.5, attempts: 1 }]);
    expect(juris.days).toBe(-4);
    expect(juris.cells[1].read).toBe(day(24));
    // Totals over the group: read by per lesson, complete, average of those with scores.
    expect(table.totals).toEqual({ readBy: [3, 3, 2], complete: 2, average: juris.average });
  });

  it('sorts by any column, both ways, names in the reader’s alphabet', () => {
    const [table] = resultTables(
      [report('Ēriks', all.slice(0, 2)), report('Anna', all), report('Zane', [])],
      course,
      new Date(2026, 10, 10),
    );
    expect(sortRows(table.rows, 'name', 'ascending', 'lv').map((r) => r.name)).toEqual(['Anna', 'Ēriks', 'Zane']);
    expect(sortRows(table.rows, 'read', 'descending').map((r) => r.read)).toEqual([3, 2, 0]);
    expect(sortRows(table.rows, 'state', 'ascending').map((r) => r.state)).toEqual([
      'in-progress',
      'in-progress',
      'on-time',
    ]);
  });
});

describe('CSV', () => {
  it('starts with a byte-order mark, quotes what needs it, and defuses formulas', () => {
    const csv = toCsv([
      ['Name', 'Link'],
      ['Bērziņa, Anna', 'say "hi"'],
      ['王小明', '=HYPERLINK("http://x")'],
      ['-1', 42],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Name,Link',
      '"Bērziņa, Anna","say ""hi"""',
      `王小明,"'=HYPERLINK(""http://x"")"`,
      `"'-1",42`,
      '',
    ]);
  });
});

describe('QR codes', () => {
  /** Paints the SVG path's runs into pixels (4 per module, a 4-module quiet zone) and decodes them. */
  function scan(url: string): string | undefined {
    const { size, path } = qrPath(url);
    const scale = 4,
      quiet = 4,
      width = (size + 2 * quiet) * scale;
    const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
    for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
      for (let py = (y + quiet) * scale; py < (y + quiet + 1) * scale; py++) {
        for (let px = (x + quiet) * scale; px < (x + quiet + w) * scale; px++)
          pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      }
    }
    return jsQR(pixels, width, width)?.data;
  }
  const modules = ['sales-and-service', 'relationship-selling', 'relationship-types', 'listening-and-communicating'];

  it('of a four-module assignment link scan back to the same link, at a size a phone reads from a screen', () => {
    const plain = `https://training.example.com/lv/my-training/#${encodeAssignment({ id: 'k3v9x2ab', title: 'Relationship selling: the whole course', due: '2026-12-15', modules, lessons: [] })}`;
    expect(scan(plain)).toBe(plain);
    expect(encode(plain, { ecc: 'L' }).version).toBeLessThanOrEqual(11); // 61 modules a side
    const personal = `https://training.example.com/my-training/#${encodeAssignment({
      id: 'k3v9x2ab',
      title: 'Q1 onboarding: relationship selling',
      due: '2026-12-15',
      modules,
      lessons: [],
      note: 'Please finish before our team meeting on Friday.',
      trainee: 'Anna Bērziņa',
    })}`;
    expect(scan(personal)).toBe(personal);
    expect(encode(personal, { ecc: 'L' }).version).toBeLessThanOrEqual(14); // 73 modules a side
  });
});

describe('pasted reports', () => {
  it('take codes from bare lines, links and sentences, with their line numbers', () => {
    const text = [
      'r1.abc.def',
      '',
      'Here is my report: https://x.example/lv/trainer/results/#r1.ghi.jkl).',
      'two on a line: r1.aaa.bbb r1.ccc.ddd',
      'just words',
      '  #r1.truncated',
    ].join('\r\n');
    expect(pastedCodes(text)).toEqual([
      { line: 1, code: 'r1.abc.def' },
      { line: 3, code: 'r1.ghi.jkl' },
      { line: 4, code: 'r1.aaa.bbb' },
      { line: 4, code: 'r1.ccc.ddd' },
      { line: 5, code: 'just words' },
      { line: 6, code: 'r1.truncated' },
    ]);
  });
});

describe('results with the trainer’s own assignments', () => {
  const scope = { id: 'abcd1234', title: 'Onboarding', modules: ['relationship-types'], lessons: [] };
  it('list named trainees who have not reported yet', () => {
    const report: Report = {
      assignment: scope,
      name: 'anna',
      at: day(20),
      read: [{ lesson: 'relationship-types/four-types', at: day(19) }],
      exercises: [],
    };
    const other = { id: 'zzzz9999', title: 'Later', modules: ['sales-and-service'], lessons: [] };
    const tables = resultTables([report], course, new Date(2026, 10, 24), [
      { scope, trainees: ['Anna', 'Bo'] },
      { scope: other, trainees: [] },
    ]);
    // The one with no trainees named and no report has nothing to show yet.
    expect(tables.map((t) => t.scope.id)).toEqual(['abcd1234']);
    expect(tables[0].rows.map((r) => [r.name, r.state, r.at ?? null])).toEqual([
      ['anna', 'in-progress', day(20)],
      ['Bo', 'no-report', null],
    ]);
    expect(tables[0].totals.readBy).toEqual([1, 0]);
    expect(sortRows(tables[0].rows, 'state', 'ascending').map((r) => r.name)).toEqual(['Bo', 'anna']);
  });
});

describe('reports made in the same minute', () => {
  it('the one with more recorded work is the newer', () => {
    const scope = { id: 'abcd1234', title: 'T', modules: ['relationship-types'], lessons: [] };
    const r = (read: number): Report => ({
      assignment: scope,
      name: 'Anna',
      at: day(20),
      read: course.lessons.slice(3, 3 + read).map((lesson) => ({ lesson, at: day(20) })),
      exercises: [],
    });
    const first = addReports([], [{ code: 'r1.a.b', report: r(0) }], 1);
    expect(addReports(first.list, [{ code: 'r1.c.d', report: r(1) }], 2)).toMatchObject({ updated: 1 });
    expect(addReports(first.list, [{ code: 'r1.a.b', report: r(0) }], 2)).toMatchObject({ unchanged: 1 });
  });
});

describe('merging stored lists', () => {
  const e = (code: string, added: number, extra: Partial<HeldAssignment> = {}): HeldAssignment => ({
    code,
    added,
    ...extra,
  });
  it('keeps every entry either copy has, and a removal (a tombstone) wins over the older addition', () => {
    const stored = [e('c', 3), e('a', 1)]; // another tab added c
    const mine = [e('d', 4), e('a', 1, { removed: 5 }), e('b', 2)]; // this tab added d, b and removed a
    const merged = mergeLists(stored, mine, 10);
    expect(merged.map((x) => [x.code, x.removed ?? null])).toEqual([
      ['d', null],
      ['c', null],
      ['b', null],
      ['a', 5],
    ]);
    expect(live(merged).map((x) => x.code)).toEqual(['d', 'c', 'b']);
  });
  it('an entry added again after its removal is back', () => {
    expect(live(mergeLists([e('a', 1, { removed: 5 })], [e('a', 6)], 10)).map((x) => x.code)).toEqual(['a']);
  });
  it('the later edit wins (a name typed)', () => {
    expect(mergeLists([e('a', 1)], [e('a', 1, { name: 'Anna', edited: 2 })], 10)).toEqual([
      e('a', 1, { name: 'Anna', edited: 2 }),
    ]);
  });
  it('is commutative, associative and idempotent, so copies that missed each other converge', () => {
    const x = [e('a', 1), e('b', 2, { removed: 3 })];
    const y = [e('b', 2), e('c', 4)];
    const z = [e('a', 1, { removed: 6 }), e('d', 5, { edited: 7, name: 'Bo' })];
    const m = (p: typeof x, q: typeof x) => mergeLists(p, q, 10);
    expect(m(x, y)).toEqual(m(y, x));
    expect(m(m(x, y), z)).toEqual(m(x, m(y, z)));
    expect(m(m(x, y), m(x, y))).toEqual(m(x, y));
  });
  it('forgets tombstones after 90 days, and removeEntry leaves one', () => {
    expect(mergeLists([e('a', 1, { removed: 2 })], [], 2 + TOMBSTONE_MS + 1)).toEqual([]);
    expect(removeEntry([e('a', 1), e('b', 2)], 'a', 9)).toEqual([e('a', 1, { removed: 9 }), e('b', 2)]);
  });
});

describe('results file', () => {
  it('has a column per lesson and exercise, and one row per trainee in the order shown', async () => {
    const { resultsSheet } = await import('../../src/lib/results-export');
    const { csvRows } = await import('../../src/lib/sheet');
    const scope = {
      id: 'abcd1234',
      title: 'T',
      modules: ['relationship-types'],
      lessons: ['sales-and-service/sales-vs-service'],
    };
    const r = (name: string, read: string[], exercises: Report['exercises'] = []): Report => ({
      assignment: scope,
      name,
      at: Date.UTC(2026, 10, 24, 9),
      read: read.map((lesson) => ({ lesson, at: Date.UTC(2026, 10, 20, 9) })),
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
      new Date(2026, 10, 24),
    );
    const lesson = (id: string, number: string) => ({ id, number, title: id.split('/')[1], minutes: 5, path: id });
    const outline = {
      modules: [
        {
          id: 'sales-and-service',
          number: 1,
          title: 'S',
          minutes: 5,
          lessons: [lesson('sales-and-service/sales-vs-service', '1.3')],
        },
        {
          id: 'relationship-types',
          number: 3,
          title: 'R',
          minutes: 10,
          lessons: [
            lesson('relationship-types/four-types', '3.1'),
            lesson('relationship-types/choosing-the-level', '3.2'),
          ],
        },
      ],
      exercises: [
        { id: 'relationship-scenarios', lesson: 'relationship-types/four-types', title: 'Scenarios', kind: 'Exercise' },
      ],
    };
    const words = {
      colTrainee: 'Trainee',
      csvReadOn: '{{title}}: read on',
      csvBest: '{{title}}: best',
      csvAttempts: '{{title}}: attempts',
      colRead: 'Read',
      csvTotal: 'Assigned',
      csvAverage: 'Average',
      colState: 'Status',
      colReported: 'Reported',
      'state-done': 'Done',
      'state-on-time': 'On time',
      'state-late': 'Late',
      'state-overdue': 'Overdue',
      'state-in-progress': 'In progress',
      'state-no-report': 'No report',
    };
    const rows = csvRows(resultsSheet(table, table.rows, outline, words));
    expect(rows[0]).toEqual([
      'Trainee',
      '1.3 sales-vs-service: read on',
      '3.1 four-types: read on',
      '3.2 choosing-the-level: read on',
      'Scenarios: best',
      'Scenarios: attempts',
      'Read',
      'Assigned',
      'Average',
      'Status',
      'Reported',
    ]);
    expect(rows.slice(1).map((row) => row.slice(0, 8))).toEqual([
      ['=Anna', '', '', '', '', '', 0, 3],
      ['Bo', '', localDayOf(Date.UTC(2026, 10, 20, 9)), '', 80, 2, 1, 3],
    ]);
    expect(toCsv(rows)).toContain("'=Anna");
  });
});

function localDayOf(ms: number) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
