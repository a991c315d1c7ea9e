/**
 * The trainer's desk (issue 14): the summary table's sort by every column, its due column, the
 * cohort figures above each table, and one lesson across the trainees.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/assignment';
import type { CourseIndex } from '../../src/lib/outline';
import {
  addReports,
  cohortFigures,
  dueDays,
  exerciseFigures,
  lessonView,
  resultTables,
  SORT_KEYS,
  sortRows,
  type ResultRow,
} from '../../src/lib/results';

const course: CourseIndex = {
  modules: ['m1', 'm2'],
  lessons: ['m1/a', 'm1/b', 'm2/c'],
  exercises: [
    { id: 'sort', lesson: 'm1/a' },
    { id: 'quiz', lesson: 'm1/b' },
    { id: 'other', lesson: 'm2/c' },
  ],
};
const day = (d: number, h = 10) => new Date(2026, 10, d, h).getTime();
const scope = { id: 'grp00001', title: 'Group', due: '2026-11-20', modules: ['m1'], lessons: [] };
type Try = Report['exercises'][number];
const ex = (id: string, best: number, attempts = 1, latest = best): Try => ({ id, best, latest, attempts });
const report = (name: string, read: [string, number][], at: number, exercises: Try[] = []): Report => ({
  assignment: scope,
  name,
  at,
  read: read.map(([lesson, when]) => ({ lesson, at: when })),
  exercises,
});

// Today 22 November; due the 20th. Lesson m1/b is done by its only exercise when tried.
const today = new Date(2026, 10, 22);
const group = () =>
  resultTables(
    [
      // Done on time (18th), full marks first time in 'sort', two tries at 'quiz'.
      report('Anna', [['m1/a', day(18)]], day(18), [ex('sort', 1), ex('quiz', 1, 2)]),
      // Done late (21st).
      report(
        'Bo',
        [
          ['m1/a', day(21)],
          ['m1/b', day(21)],
        ],
        day(21),
        [ex('sort', 0.6), ex('quiz', 0.5, 1)],
      ),
      // Half done: overdue.
      report('Cai', [['m1/a', day(19)]], day(19), [ex('sort', 0.9, 3, 0.7)]),
      // Nothing done, nothing tried: overdue, no score.
      report('Dita', [], day(15)),
    ],
    course,
    today,
    [{ scope, trainees: ['Anna', 'Eva'] }],
  )[0];

const names = (rows: readonly ResultRow[]) => rows.map((r) => r.name);

describe('the summary table', () => {
  it('has one row per trainee with status, n of m, average and, once done, when', () => {
    const table = group();
    expect(table.rows.map((r) => [r.name, r.state, r.read, r.total])).toEqual([
      ['Anna', 'on-time', 2, 2],
      ['Bo', 'late', 2, 2],
      ['Cai', 'overdue', 1, 2],
      ['Dita', 'overdue', 0, 2],
      ['Eva', 'no-report', 0, 2],
    ]);
    expect(table.rows[0].finished).toBe(day(18));
    expect(table.rows[2].finished).toBeUndefined();
  });

  it('says where each row stands against the due date: days left or overdue, or how early or late it was done', () => {
    const table = group();
    expect(table.rows.map((r) => dueDays(r, scope.due))).toEqual([2, -1, -2, -2, -2]);
    expect(dueDays(table.rows[0], undefined)).toBeUndefined();
  });

  it('sorts by every column, both ways, a row with nothing to show in it last either way', () => {
    const table = group();
    const by = (key: (typeof SORT_KEYS)[number], direction: 'ascending' | 'descending' = 'ascending') =>
      names(sortRows(table.rows, key, direction, 'en', scope.due));
    expect(SORT_KEYS).toEqual(['name', 'state', 'read', 'average', 'due', 'at']);
    expect(by('name')).toEqual(['Anna', 'Bo', 'Cai', 'Dita', 'Eva']);
    expect(by('name', 'descending')).toEqual(['Eva', 'Dita', 'Cai', 'Bo', 'Anna']);
    // No report, overdue, late, on time: what needs the trainer first.
    expect(by('state')).toEqual(['Eva', 'Cai', 'Dita', 'Bo', 'Anna']);
    expect(by('read', 'descending')).toEqual(['Bo', 'Anna', 'Cai', 'Eva', 'Dita']);
    // Lowest score first; no score is not the lowest score, so Dita and Eva come last both ways.
    expect(by('average')).toEqual(['Bo', 'Cai', 'Anna', 'Dita', 'Eva']);
    expect(by('average', 'descending')).toEqual(['Anna', 'Cai', 'Bo', 'Dita', 'Eva']);
    // The most overdue of those not done first, then those done, the latest of them first.
    expect(by('due')).toEqual(['Cai', 'Dita', 'Eva', 'Bo', 'Anna']);
    expect(by('at')).toEqual(['Dita', 'Anna', 'Cai', 'Bo', 'Eva']);
    expect(by('at', 'descending')).toEqual(['Bo', 'Cai', 'Anna', 'Dita', 'Eva']);
  });

  it('with no due date, the due column sorts by name', () => {
    const [table] = resultTables(
      [report('Zed', [], day(1)), report('Al', [], day(2))].map((r) => ({
        ...r,
        assignment: { ...scope, due: undefined },
      })),
      course,
      today,
    );
    expect(names(sortRows(table.rows, 'due', 'ascending', 'en'))).toEqual(['Al', 'Zed']);
  });
});

describe('cohort figures', () => {
  it('gives completion, average, late, overdue and not reported', () => {
    const c = cohortFigures(group(), course);
    expect(c).toMatchObject({ trainees: 5, done: 2, rate: 0.4, late: 1, overdue: 2, noReport: 1, tried: true });
    // The average of the trainees' averages: Anna 1, Bo 0.55, Cai 0.9.
    expect(c.average).toBeCloseTo((1 + 0.55 + 0.9) / 3);
  });

  it('names the exercise most trainees did not get right first time (more than one attempt, or under 100 %)', () => {
    const c = cohortFigures(group(), course);
    // sort: Anna right first time; Bo 60 % in one; Cai three attempts → 2 of 3.
    // quiz: Anna two attempts; Bo 50 % in one → 2 of 2. A tie on 2: the lower average (quiz, 75 %) wins.
    expect(c.hardest).toEqual({ id: 'quiz', tried: 2, missed: 2, average: 0.75 });
    expect(exerciseFigures(group().rows, ['sort', 'quiz', 'other'])).toEqual([
      { id: 'sort', tried: 3, missed: 2, average: (1 + 0.6 + 0.9) / 3 },
      { id: 'quiz', tried: 2, missed: 2, average: 0.75 },
    ]);
  });

  it('names none when everyone tried got full marks at once, and says when nothing was tried', () => {
    const perfect = resultTables([report('Anna', [], day(18), [ex('sort', 1)])], course, today)[0];
    expect(cohortFigures(perfect, course)).toMatchObject({ tried: true, done: 0, rate: 0 });
    expect(cohortFigures(perfect, course).hardest).toBeUndefined();
    const none = resultTables([report('Dita', [], day(15))], course, today)[0];
    expect(cohortFigures(none, course)).toMatchObject({ tried: false, average: undefined });
    expect(cohortFigures(none, course).hardest).toBeUndefined();
  });

  it('counts only the assignment’s own exercises', () => {
    // 'other' is in m2, not assigned: a report carrying it (from a longer copy) does not make it the hardest.
    const table = resultTables([report('Anna', [], day(18), [ex('other', 0.1, 4), ex('sort', 1)])], course, today)[0];
    expect(cohortFigures(table, course).hardest).toBeUndefined();
  });
});

describe('one lesson across the trainees', () => {
  it('lists each trainee in the table’s order: when done, their exercises, and the lesson’s figures', () => {
    const table = group();
    const rows = sortRows(table.rows, 'average', 'ascending', 'en', scope.due);
    const v = lessonView(table, rows, 'm1/b', course);
    expect(v.ids).toEqual(['quiz']);
    expect(v.entries.map((e) => [e.name, e.read ?? null, e.exercises])).toEqual([
      ['Bo', day(21), [ex('quiz', 0.5, 1)]],
      ['Cai', null, []],
      // Done by the completion rule: its only exercise tried, by the report's time.
      ['Anna', day(18), [ex('quiz', 1, 2)]],
      ['Dita', null, []],
      ['Eva', null, []],
    ]);
    expect(v.done).toBe(2);
    expect(v.exercises).toEqual([{ id: 'quiz', tried: 2, missed: 2, average: 0.75 }]);
    expect(lessonView(table, rows, 'm1/a', course).done).toBe(3);
  });
});

describe('an older report', () => {
  it('says it is older than the one stored ("older than the report you have"), not "already here"', () => {
    const newer = addReports([], [{ code: 'r1.n.1', report: report('Anna', [['m1/a', day(18)]], day(18)) }], 1);
    const older = addReports(newer.list, [{ code: 'r1.o.1', report: report('Anna', [], day(10)) }], 2);
    expect(older.outcomes).toEqual(['older']);
    expect(older.list).toEqual(newer.list);
  });
});
