/**
 * Smaller validation holes (issue 11, item 11): invisible names and titles, impossible scores in
 * reports, repeated entries, and ids that are also names of Object.prototype members.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, decodeAssignment, readReport } from '../../src/lib/assignment';
import { finishAttempt, restartExercise, saveAnswer, setPosition } from '../../src/lib/exercise-progress';
import {
  emptyProgress,
  loadProgress,
  markRead,
  mergeProgress,
  openLesson,
  validateV2,
  PROGRESS_VERSION,
  type Progress,
} from '../../src/lib/progress';
import { assignmentProgress, buildReport } from '../../src/lib/my-training';
import type { CourseIndex } from '../../src/lib/outline';
import { forge, VALID_REPORT } from '../fixtures/hostile-codes';

const course = {
  modules: ['sales-and-service', 'relationship-types'],
  lessons: ['sales-and-service/what-sales-is', 'relationship-types/four-types'],
  exercises: ['relationship-scenarios', 'hammer-price'],
};
const NOW = Date.UTC(2026, 10, 24, 9, 30);
const report = (extra: Record<string, unknown>) => readReport({ ...VALID_REPORT, ...extra }, course, NOW);

/** Each shows nothing on its own. */
const INVISIBLES = [
  '\u3164',
  '\u2800',
  '\u00ad',
  '\u2060',
  '\u115f',
  '\u1160',
  '\uffa0',
  '\u180e',
  '\u2061',
  '\u2062',
  '\u2063',
  '\u2064',
  '\u034f',
  '\ufe00',
  '\ufe0f',
  '\u200d',
  '\u200c',
];

describe('names and titles of invisible characters', () => {
  it('are empty, alone, repeated, or mixed with spaces', () => {
    for (const c of INVISIBLES) {
      const hex = c.codePointAt(0)!.toString(16);
      expect(cleanText(c, 60), hex).toBe('');
      expect(cleanText(`${c}${c}${c}`, 60), hex).toBe('');
      expect(cleanText(` ${c} \u3000${c} `, 60), hex).toBe('');
    }
    expect(cleanText(INVISIBLES.join(''), 60)).toBe('');
  });

  it('are refused as a title, a trainee and a report name', () => {
    for (const c of INVISIBLES) {
      const hex = c.codePointAt(0)!.toString(16);
      expect(
        decodeAssignment(forge('a', 1, { i: 'abcd1234', t: c, m: ['relationship-types'], l: [] }), course),
        hex,
      ).toEqual({ ok: false, error: 'bad-data', detail: 'title' });
      expect(
        decodeAssignment(
          forge('a', 1, { i: 'abcd1234', t: 'T', m: ['relationship-types'], l: [], p: `${c}${c}` }),
          course,
        ),
        hex,
      ).toEqual({ ok: false, error: 'bad-data', detail: 'trainee' });
      expect(report({ n: ` ${c} ` }), hex).toEqual({ ok: false, error: 'bad-data', detail: 'name' });
    }
  });

  it('keep real names in any script, with joiners inside them', () => {
    for (const name of [
      '王小明',
      'Ēriks Bērziņš',
      'محمد الأحمد',
      'मोहन दास',
      'Siti Nurhaliza',
      'Ana 👩\u200d💻',
      'مهسا\u200cرضایی',
      'क्\u200dष',
      'Anna ❤\ufe0f',
      '김민준',
    ]) {
      expect(cleanText(name, 60), name).toBe(name);
    }
  });

  it('lose a soft hyphen inside a word and invisible padding around a name', () => {
    expect(cleanText('Anna\u00adMaria', 60)).toBe('AnnaMaria');
    expect(cleanText('\u3164Anna\u2800', 60)).toBe('Anna');
    expect(cleanText('\u2060 Zane \u200d', 60)).toBe('Zane');
  });
});

describe('report scores and entries', () => {
  const x = (...items: unknown[]) => report({ x: items });
  const refused = { ok: false, error: 'bad-data', detail: 'exercises' };

  it('refuse a best score above 100 %', () => {
    expect(x(['hammer-price', 101, 50, 1])).toEqual(refused);
  });

  it('refuse a score with no attempt finished', () => {
    expect(x(['hammer-price', 80, 80, 0])).toEqual(refused);
    expect(x(['hammer-price', 80, 80, 1])).toMatchObject({
      ok: true,
      value: { exercises: [{ id: 'hammer-price', best: 0.8, latest: 0.8, attempts: 1 }] },
    });
  });

  it('refuse a latest score above the best (the best is the highest of all attempts)', () => {
    expect(x(['hammer-price', 60, 61, 2])).toEqual(refused);
    expect(x(['hammer-price', 61, 60, 2])).toMatchObject({ ok: true });
  });

  it('refuse an exercise or a lesson listed twice', () => {
    expect(x(['hammer-price', 60, 60, 1], ['relationship-scenarios', 60, 60, 1], ['hammer-price', 90, 90, 2])).toEqual(
      refused,
    );
    const read = ['relationship-types/four-types', 29_000_000];
    expect(report({ r: [read, read] })).toEqual({ ok: false, error: 'bad-data', detail: 'lessons' });
    expect(report({ r: [read] })).toMatchObject({ ok: true });
  });
});

describe('ids that name Object.prototype members', () => {
  const IDS = [
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    'propertyIsEnumerable',
    'toLocaleString',
  ];

  it('start as new exercises in the reducers', () => {
    for (const id of IDS) {
      let p = saveAnswer(emptyProgress(), id, 'q1', 'b', 'q2', 10);
      expect(p.exercises[id], id).toEqual({ attempts: 0, answers: { q1: 'b' }, position: 'q2', updated: 10 });
      p = finishAttempt(emptyProgress(), id, 0.5, 20);
      expect(p.exercises[id], id).toEqual({
        attempts: 1,
        best: 0.5,
        latest: 0.5,
        answers: {},
        finished: 20,
        updated: 20,
      });
      expect(setPosition(emptyProgress(), id, 't1', 30).exercises[id], id).toEqual({
        attempts: 0,
        answers: {},
        position: 't1',
        updated: 30,
      });
      expect(restartExercise(emptyProgress(), id, 40).exercises[id], id).toEqual({
        attempts: 0,
        answers: {},
        position: undefined,
        updated: 40,
      });
      // Lesson ids have a slash, but the reducers must not depend on that.
      expect(openLesson(emptyProgress(), id, 50).lessons[id], id).toEqual({ opened: 50 });
      expect(markRead(emptyProgress(), id, 60).lessons[id], id).toEqual({ opened: 60, read: 60 });
    }
  });

  it('merge with records that lack them, either way round, and stay JSON', () => {
    for (const id of IDS) {
      const one = finishAttempt(emptyProgress(), id, 0.75, 100);
      const expected = {
        version: PROGRESS_VERSION,
        lessons: {},
        exercises: { [id]: { attempts: 1, best: 0.75, latest: 0.75, answers: {}, finished: 100, updated: 100 } },
      };
      expect(mergeProgress(emptyProgress(), one), id).toEqual(expected);
      expect(mergeProgress(one, emptyProgress()), id).toEqual(expected);
      expect(JSON.parse(JSON.stringify(mergeProgress(emptyProgress(), one))), id).toEqual(expected);
      const lessons: Progress = { ...emptyProgress(), lessons: { [id]: { opened: 5 } } };
      expect(mergeProgress(emptyProgress(), lessons).lessons, id).toEqual({ [id]: { opened: 5 } });
    }
  });

  it('load from storage (constructor passes the id pattern; capitals and __proto__ do not, and change nothing)', () => {
    const ex = { attempts: 2, best: 0.9, latest: 0.5, answers: {}, updated: 100 };
    const raw = `{"version":2,"lessons":{},"exercises":{"constructor":${JSON.stringify(ex)},"toString":${JSON.stringify(ex)},"__proto__":${JSON.stringify(ex)}}}`;
    const result = loadProgress(raw, NOW);
    expect(result.status).toBe('repaired');
    expect(result.dropped).toEqual(['exercises.toString', 'exercises.__proto__']);
    expect(Object.keys(result.progress.exercises)).toEqual(['constructor']);
    expect(result.progress.exercises.constructor).toEqual(ex);
    // Merged with a record without it, it stays the learner's own.
    expect(mergeProgress(emptyProgress(), result.progress).exercises).toEqual({ constructor: ex });
    expect(Object.getPrototypeOf(result.progress.exercises)).toBe(Object.prototype);
    // A record without the fields at all: nothing inherited is taken for them.
    expect(validateV2(Object.create({ lessons: { 'a/b': { opened: 1 } }, resetAt: 5 }), NOW)).toEqual({
      progress: emptyProgress(),
      dropped: [],
    });
  });

  it("are looked up as the learner's own in a report and in assignment progress", () => {
    const index: CourseIndex = {
      modules: ['m'],
      lessons: ['m/l'],
      exercises: IDS.map((id) => ({ id, lesson: 'm/l' })),
    };
    const a = { id: 'abcd1234', title: 'T', modules: ['m'], lessons: [] };
    // Only toString was tried: the others must not appear from Object.prototype.
    const p = finishAttempt(markRead(emptyProgress(), 'm/l', 10), 'toString', 0.5, 20);
    expect(buildReport(a, p, index, 'Anna', 30).exercises).toEqual([
      { id: 'toString', best: 0.5, latest: 0.5, attempts: 1 },
    ]);
    expect(assignmentProgress(a, p, index)).toEqual({ read: 1, total: 1 });
    expect(buildReport(a, emptyProgress(), index, 'Anna', 30)).toMatchObject({ read: [], exercises: [] });
  });
});

describe('progress scores as a report needs them', () => {
  const stored = (ex: Record<string, unknown>) =>
    JSON.stringify({ version: 2, lessons: {}, exercises: { e: { answers: {}, updated: 100, ...ex } } });

  it('drop a score with no attempt, or a latest score above the best', () => {
    expect(loadProgress(stored({ attempts: 0, best: 0.5, latest: 0.5 }), NOW)).toMatchObject({
      status: 'repaired',
      dropped: ['exercises.e'],
    });
    expect(loadProgress(stored({ attempts: 2, best: 0.5, latest: 0.6 }), NOW)).toMatchObject({
      status: 'repaired',
      dropped: ['exercises.e'],
    });
    expect(loadProgress(stored({ attempts: 2, latest: 0.6 }), NOW)).toMatchObject({
      status: 'repaired',
      dropped: ['exercises.e'],
    });
    expect(loadProgress(stored({ attempts: 2, best: 0.6, latest: 0.5 }), NOW)).toMatchObject({ status: 'ok' });
    expect(loadProgress(stored({ attempts: 0 }), NOW)).toMatchObject({ status: 'ok' });
  });

  it('count a migrated v1 score as at least one attempt', () => {
    const v1 = JSON.stringify({ version: 1, lessons: {}, scores: { e: { best: 0.5, attempts: 0 } } });
    expect(loadProgress(v1, NOW).progress.exercises.e).toMatchObject({ attempts: 1, best: 0.5 });
  });
});
