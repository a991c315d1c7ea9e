import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  loadProgress,
  markRead,
  mergeProgress,
  openLesson,
  resetProgress,
  MAX_STORED_CHARS,
  type Progress,
} from '../../src/lib/progress';
import { finishAttempt, restartExercise, saveAnswer } from '../../src/lib/exercise-progress';
import { createExport, exportFileName } from '../../src/lib/progress-export';
import { importInto, parseImport } from '../../src/lib/progress-file';
import { summarize } from '../../src/lib/progress-summary';

const L1 = 'sales-and-service/what-sales-is';
const L2 = 'sales-and-service/what-service-is';
const L3 = 'relationship-types/four-types';
const EX = 'roleplay-hammer-price';

describe('reducers', () => {
  it('records the first opening and the last place', () => {
    let p = openLesson(emptyProgress(), L1, 100);
    p = openLesson(p, L1, 200);
    expect(p.lessons[L1]).toEqual({ opened: 100 });
    expect(p.last).toEqual({ lesson: L1, at: 200 });
  });

  it('marks a lesson read once, keeping the first time', () => {
    let p = markRead(emptyProgress(), L1, 300);
    p = markRead(p, L1, 400);
    expect(p.lessons[L1]).toEqual({ opened: 300, read: 300 });
  });

  it('keeps the answers and position of the current attempt, attempts and best and latest scores', () => {
    let p = saveAnswer(emptyProgress(), EX, 'turn-1', 'b', 'turn-2', 10);
    p = saveAnswer(p, EX, 'turn-2', 'a', 'turn-3', 20);
    expect(p.exercises[EX]).toMatchObject({
      answers: { 'turn-1': 'b', 'turn-2': 'a' },
      position: 'turn-3',
      attempts: 0,
      updated: 20,
    });
    p = finishAttempt(p, EX, 0.8, 30);
    p = restartExercise(p, EX, 40);
    p = finishAttempt(p, EX, 0.5, 50);
    expect(p.exercises[EX]).toMatchObject({ attempts: 2, best: 0.8, latest: 0.5, answers: {}, finished: 50 });
  });

  it('does not change its input', () => {
    const p = emptyProgress();
    markRead(p, L1, 1);
    saveAnswer(p, EX, 'a', 1, undefined, 1);
    expect(p).toEqual(emptyProgress());
  });
});

describe('mergeProgress', () => {
  const tabA = finishAttempt(openLesson(emptyProgress(), L1, 100), EX, 0.9, 150);
  const tabB = markRead(openLesson(emptyProgress(), L2, 120), L2, 160);

  it('keeps an exercise finished in one tab and a lesson read in the other', () => {
    const merged = mergeProgress(tabA, tabB);
    expect(merged.exercises[EX]).toMatchObject({ attempts: 1, best: 0.9 });
    expect(merged.lessons[L2].read).toBe(160);
    expect(merged.lessons[L1]).toEqual({ opened: 100 });
    expect(merged.last).toEqual({ lesson: L2, at: 120 });
  });

  it('is commutative, associative and idempotent', () => {
    const tabC = saveAnswer(markRead(emptyProgress(), L1, 90), EX, 't1', 'x', 't2', 170);
    expect(mergeProgress(tabA, tabB)).toEqual(mergeProgress(tabB, tabA));
    expect(mergeProgress(mergeProgress(tabA, tabB), tabC)).toEqual(mergeProgress(tabA, mergeProgress(tabB, tabC)));
    const all = mergeProgress(mergeProgress(tabA, tabB), tabC);
    expect(mergeProgress(all, all)).toEqual(all);
    expect(mergeProgress(all, tabA)).toEqual(all);
  });

  it("takes the best score and most attempts, and the newer attempt's answers", () => {
    const older = finishAttempt(emptyProgress(), EX, 1, 10);
    const newer = saveAnswer(finishAttempt(emptyProgress(), EX, 0.4, 20), EX, 't1', 'c', 't2', 30);
    const merged = mergeProgress(older, newer);
    expect(merged.exercises[EX]).toMatchObject({
      best: 1,
      latest: 0.4,
      attempts: 1,
      answers: { t1: 'c' },
      position: 't2',
      updated: 30,
    });
  });

  it('read stays read, with the earliest times', () => {
    const a = markRead(openLesson(emptyProgress(), L1, 50), L1, 80);
    const b = openLesson(emptyProgress(), L1, 40);
    expect(mergeProgress(a, b).lessons[L1]).toEqual({ opened: 40, read: 80 });
  });

  it('a reset in one tab is not undone by older work from another', () => {
    const reset = resetProgress(200);
    const merged = mergeProgress(reset, mergeProgress(tabA, tabB));
    expect(merged.lessons).toEqual({});
    expect(merged.exercises).toEqual({});
    expect(merged.last).toBeUndefined();
    // Work done after the reset survives.
    const after = markRead(emptyProgress(), L3, 250);
    expect(mergeProgress(reset, after).lessons[L3]).toEqual({ opened: 250, read: 250 });
  });
});

describe('loadProgress', () => {
  const good: Progress = markRead(finishAttempt(openLesson(emptyProgress(), L1, 1), EX, 0.5, 2), L1, 3);

  it('reads what it wrote', () => {
    expect(loadProgress(JSON.stringify(good))).toEqual({ progress: good, status: 'ok', dropped: [] });
  });

  it('treats nothing stored as empty', () => {
    expect(loadProgress(null).status).toBe('empty');
    expect(loadProgress('').status).toBe('empty');
  });

  it('refuses truncated JSON as corrupt without throwing', () => {
    const raw = JSON.stringify(good);
    expect(loadProgress(raw.slice(0, raw.length - 7))).toMatchObject({ status: 'corrupt', progress: emptyProgress() });
  });

  it('refuses values of the wrong type', () => {
    for (const raw of ['42', '"text"', 'null', '[1,2]', 'true']) expect(loadProgress(raw).status, raw).toBe('corrupt');
  });

  it('keeps every valid entry of a partly corrupt record and names the rest', () => {
    const raw = JSON.stringify({
      version: 2,
      lessons: { [L1]: { opened: 1, read: 2 }, [L2]: { opened: 'yesterday' }, 'Not An Id': { opened: 1 } },
      exercises: {
        [EX]: { attempts: 1, best: 0.7, answers: {}, updated: 5 },
        broken: { attempts: -1, answers: {}, updated: 1 },
        worse: 'x',
      },
      last: { lesson: L1, at: 'soon' },
    });
    const result = loadProgress(raw);
    expect(result.status).toBe('repaired');
    expect(result.progress.lessons).toEqual({ [L1]: { opened: 1, read: 2 } });
    expect(Object.keys(result.progress.exercises)).toEqual([EX]);
    expect(result.dropped.sort()).toEqual(
      ['exercises.broken', 'exercises.worse', 'last', `lessons.${L2}`, 'lessons.Not An Id'].sort(),
    );
  });

  it('rejects scores outside 0..1 and oversized answers', () => {
    const raw = JSON.stringify({
      version: 2,
      lessons: {},
      exercises: {
        a: { attempts: 1, best: 7, answers: {}, updated: 1 },
        b: { attempts: 0, answers: { x: 'y'.repeat(30_000) }, updated: 1 },
      },
    });
    expect(loadProgress(raw)).toMatchObject({ status: 'repaired', dropped: ['exercises.a', 'exercises.b'] });
  });

  it('does not try to read a 5 MB value', () => {
    const huge = JSON.stringify({ version: 2, lessons: {}, exercises: {}, junk: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.length).toBeGreaterThan(MAX_STORED_CHARS);
    expect(loadProgress(huge).status).toBe('corrupt');
  });

  it('recognises a record from a newer version and does not read it as this one', () => {
    expect(loadProgress(JSON.stringify({ version: 9, lessons: { [L1]: { opened: 1 } } }))).toMatchObject({
      status: 'unknown-version',
      progress: emptyProgress(),
    });
    expect(loadProgress(JSON.stringify({ version: 'two' })).status).toBe('corrupt');
  });

  it('keeps progress of lessons the course no longer has, and leaves them out of the totals', () => {
    const p = markRead(markRead(emptyProgress(), L1, 1), 'old-module/removed-lesson', 2);
    const loaded = loadProgress(JSON.stringify(p));
    expect(loaded.progress.lessons['old-module/removed-lesson']).toBeDefined();
    expect(summarize(loaded.progress, [L1, L2])).toEqual({
      lessonsRead: 1,
      lessonsTotal: 2,
      exercisesDone: 0,
      exercisesTotal: 0,
      averageBest: undefined,
    });
  });
});

describe('migration from v1', () => {
  it('turns URL keys into language-neutral ids and merges the same lesson read in two languages', () => {
    const v1 = {
      version: 1,
      lessons: {
        '/ms/sales-and-service/what-sales-is/': { opened: 10, done: true, at: 20 },
        '/lv/sales-and-service/what-sales-is/': { opened: 5 },
        '/zh/relationship-types/four-types/': { opened: 30, done: false },
        '/de/nothing/here/': { opened: 1 },
      },
      scores: { 'roleplay-hammer-price': { best: 0.75, attempts: 2 }, 'Bad Id': { best: 2, attempts: 1 } },
    };
    const result = loadProgress(JSON.stringify(v1));
    expect(result.status).toBe('migrated');
    expect(result.progress.version).toBe(2);
    expect(result.progress.lessons).toEqual({ [L1]: { opened: 5, read: 20 }, [L3]: { opened: 30 } });
    expect(result.progress.exercises['roleplay-hammer-price']).toMatchObject({ attempts: 2, best: 0.75 });
    expect(result.dropped.sort()).toEqual(['lessons./de/nothing/here/', 'scores.Bad Id']);
    // And the migrated record loads as a plain v2 record afterwards.
    expect(loadProgress(JSON.stringify(result.progress)).status).toBe('ok');
  });
});

describe('export and import', () => {
  const p = markRead(finishAttempt(emptyProgress(), EX, 0.6, 5), L1, 6);
  const now = Date.UTC(2026, 10, 24, 9, 30);

  it('round-trips', () => {
    const file = JSON.stringify(createExport(p, now));
    expect(parseImport(file)).toEqual({ ok: true, progress: p, exportedAt: '2026-11-24T09:30:00.000Z' });
    expect(exportFileName(now)).toBe('sales-course-progress-2026-11-24.json');
  });

  it('refuses what is not a progress export, and damaged files, whole', () => {
    expect(parseImport('not json at all')).toEqual({ ok: false, error: 'not-json' });
    expect(parseImport(JSON.stringify({ hello: 'world' }))).toEqual({ ok: false, error: 'not-progress' });
    expect(parseImport(JSON.stringify(p))).toEqual({ ok: false, error: 'not-progress' });
    const damaged = createExport(p, now) as unknown as { progress: { lessons: Record<string, unknown> } };
    damaged.progress.lessons['x/y'] = { opened: 'never' };
    expect(parseImport(JSON.stringify(damaged))).toEqual({ ok: false, error: 'damaged' });
    const future = { ...createExport(p, now), version: 3 };
    expect(parseImport(JSON.stringify(future))).toEqual({ ok: false, error: 'unknown-version' });
    const file = JSON.stringify(createExport(p, now));
    expect(parseImport(file.slice(0, -10))).toEqual({ ok: false, error: 'not-json' });
    expect(parseImport('x'.repeat(MAX_STORED_CHARS + 1))).toEqual({ ok: false, error: 'too-large' });
  });

  it('importing merges: nothing the learner has is lost, the better result wins', () => {
    const mine = markRead(finishAttempt(emptyProgress(), EX, 0.9, 50), L2, 51);
    const imported = parseImport(JSON.stringify(createExport(p, now)));
    if (!imported.ok) throw new Error('expected ok');
    const merged = mergeProgress(mine, imported.progress);
    expect(Object.keys(merged.lessons).sort()).toEqual([L1, L2]);
    expect(merged.exercises[EX]).toMatchObject({ best: 0.9, latest: 0.9 });
  });
});

describe('importInto', () => {
  it('brings imported work back after a reset in this browser', () => {
    const before = markRead(finishAttempt(emptyProgress(), EX, 0.7, 10), L1, 20);
    const afterReset = markRead(resetProgress(100), L2, 150);
    const merged = importInto(afterReset, before);
    expect(merged.lessons[L1]).toEqual({ opened: 20, read: 20 });
    expect(merged.lessons[L2]).toEqual({ opened: 150, read: 150 });
    expect(merged.exercises[EX]).toMatchObject({ best: 0.7, attempts: 1 });
    expect(merged.resetAt).toBeUndefined();
  });
});
