import { describe, expect, it } from 'vitest';
import { continueLesson, lessonDoneAt, lessonState } from '../../src/lib/completion';
import { emptyProgress, markRead, openLesson, type Progress } from '../../src/lib/progress';
import { finishAttempt, saveAnswer } from '../../src/lib/exercise-progress';

const L1 = 'sales-and-service/what-sales-is';
const L2 = 'sales-and-service/what-service-is';
const L3 = 'relationship-types/four-types';
const EXERCISES: Record<string, string[]> = { [L1]: [], [L2]: ['sort-a', 'roleplay-b'], [L3]: ['quiz-c'] };
const of = (l: string) => EXERCISES[l] ?? [];
const finish = (p: Progress, id: string, at: number) =>
  finishAttempt(saveAnswer(p, id, 'q1', 'x', undefined, at - 1), id, 0.5, at);

describe('the completion rule', () => {
  it('a lesson nobody opened is new; opened, started; read to the end, done at the read time', () => {
    let p = emptyProgress();
    expect(lessonState(p, L1, of(L1))).toBe('new');
    p = openLesson(p, L1, 10);
    expect(lessonState(p, L1, of(L1))).toBe('started');
    expect(lessonDoneAt(p, L1, of(L1))).toBeUndefined();
    p = markRead(p, L1, 20);
    expect(lessonState(p, L1, of(L1))).toBe('done');
    expect(lessonDoneAt(p, L1, of(L1))).toBe(20);
  });

  it('every exercise finished once makes the lesson done, at the last one finished', () => {
    let p = openLesson(emptyProgress(), L2, 1);
    p = finish(p, 'sort-a', 100);
    expect(lessonState(p, L2, of(L2))).toBe('started');
    p = finish(p, 'roleplay-b', 200);
    expect(lessonState(p, L2, of(L2))).toBe('done');
    expect(lessonDoneAt(p, L2, of(L2))).toBe(200);
  });

  it('an answer given without finishing is started, not done; a lesson without exercises needs reading', () => {
    const p = saveAnswer(emptyProgress(), 'quiz-c', 'q1', 'x', undefined, 5);
    expect(lessonState(p, L3, of(L3))).toBe('started');
    expect(lessonDoneAt(openLesson(emptyProgress(), L1, 1), L1, [])).toBeUndefined();
  });

  it('reading wins over exercises: marked read before any exercise is done at the read time', () => {
    const p = markRead(openLesson(emptyProgress(), L2, 1), L2, 7);
    expect(lessonDoneAt(p, L2, of(L2))).toBe(7);
  });

  it('ids such as "constructor" are not found on Object.prototype', () => {
    expect(lessonState(emptyProgress(), 'constructor', ['toString'])).toBe('new');
  });
});

describe('continueLesson', () => {
  const ids = [L1, L2, L3];
  it('nothing begun: none (the home offers to start)', () => {
    expect(continueLesson(emptyProgress(), ids, of)).toBeNull();
  });
  it('the last lesson while it is not done', () => {
    expect(continueLesson(openLesson(emptyProgress(), L2, 1), ids, of)).toBe(L2);
  });
  it('once the last lesson is done, the first lesson not done in course order, not one after it', () => {
    // Opened lesson 1 and left it, then did lesson 2's exercises: lesson 1 is still to finish.
    let p = openLesson(emptyProgress(), L1, 1);
    p = openLesson(p, L2, 2);
    p = finish(finish(p, 'sort-a', 3), 'roleplay-b', 4);
    expect(continueLesson(p, ids, of)).toBe(L1);
    p = markRead(p, L1, 5);
    expect(continueLesson(p, ids, of)).toBe(L3);
  });
  it('every lesson done: none; a last lesson the course no longer has is passed over', () => {
    let p = emptyProgress();
    for (const [i, id] of ids.entries()) p = markRead(openLesson(p, id, i + 1), id, i + 1);
    expect(continueLesson(p, ids, of)).toBeNull();
    expect(continueLesson(openLesson(emptyProgress(), 'gone/lesson', 1), ids, of)).toBe(L1);
  });
});

describe('assignment paths kept for lesson pages', () => {
  it('keeps well-formed paths only, the title as plain text up to 80 characters', async () => {
    const { parsePaths } = await import('../../src/lib/paths');
    expect(parsePaths(null)).toEqual([]);
    expect(parsePaths('{not json')).toEqual([]);
    expect(parsePaths('{"id":"abcd1234"}')).toEqual([]);
    const raw = JSON.stringify([
      { id: 'abcd1234', title: 'x'.repeat(90), due: '2026-12-24', lessons: [L1, '../evil', 'javascript:alert(1)', L3] },
      { id: '../../x', title: 'bad id', lessons: [L1] },
      { id: 'efgh5678', title: 'no lessons', lessons: ['<b>'] },
      { id: 'ijkl9012', title: 'due is not a day', due: 'soon', lessons: [L2] },
    ]);
    expect(parsePaths(raw)).toEqual([
      { id: 'abcd1234', title: 'x'.repeat(80), due: '2026-12-24', lessons: [L1, L3] },
      { id: 'ijkl9012', title: 'due is not a day', lessons: [L2] },
    ]);
  });

  it('My training writes one path per assignment, its lessons in course order', async () => {
    const { pathsOf } = await import('../../src/lib/my-training');
    const course = { lessons: [L1, L2, L3] };
    const a = {
      id: 'abcd1234',
      title: 'Onboarding',
      due: '2026-12-24',
      modules: ['relationship-types'],
      lessons: [L2],
    };
    expect(pathsOf([a, { ...a, trainee: 'Anna' }], course)).toEqual([
      { id: 'abcd1234', title: 'Onboarding', due: '2026-12-24', lessons: [L2, L3] },
    ]);
  });
});
