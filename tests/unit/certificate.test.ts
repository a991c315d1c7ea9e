/** What a certificate shows (src/lib/certificate.ts), and the name kept for the whole course's. */
import { describe, expect, it } from 'vitest';
import {
  assignmentCertificate,
  certificateId,
  certificateName,
  certificateOf,
  courseCertificate,
  mergeName,
  parseName,
} from '../../src/lib/certificate';
import { checksum, type Assignment } from '../../src/lib/assignment';
import { finishAttempt, saveAnswer } from '../../src/lib/exercise-progress';
import { emptyProgress, markRead, openLesson, type Progress } from '../../src/lib/progress';
import type { CourseIndex } from '../../src/lib/outline';

const L1 = 'sales-and-service/what-sales-is';
const L2 = 'sales-and-service/what-service-is';
const L3 = 'relationship-types/four-types';
const COURSE: CourseIndex = {
  modules: ['sales-and-service', 'relationship-types'],
  lessons: [L1, L2, L3],
  exercises: [
    { id: 'sort-a', lesson: L2 },
    { id: 'roleplay-b', lesson: L2 },
    { id: 'quiz-c', lesson: L3 },
  ],
};
const A: Assignment = { id: 'abcd1234', title: 'Week one', modules: ['sales-and-service'], lessons: [] };
const finish = (p: Progress, id: string, score: number, at: number) =>
  finishAttempt(saveAnswer(p, id, 'q1', 'x', undefined, at - 1), id, score, at);

describe('certificates', () => {
  it('an assignment with a lesson not done has no certificate, and says how far it is', () => {
    const p = markRead(emptyProgress(), L1, 100);
    expect(assignmentCertificate(A, p, COURSE)).toEqual({ complete: false, done: 1, total: 2 });
    // Started is not done: an answer given without finishing does not count.
    const q = saveAnswer(p, 'sort-a', 'q1', 'x', undefined, 150);
    expect(assignmentCertificate(A, q, COURSE).complete).toBe(false);
  });

  it('complete by the completion rule: lessons in course order with dates, best scores, the last date', () => {
    let p = markRead(emptyProgress(), L1, 300);
    p = finish(p, 'sort-a', 0.5, 100);
    p = finish(p, 'sort-a', 0.9, 150);
    p = finish(p, 'sort-a', 0.4, 160);
    p = finish(p, 'roleplay-b', 0.75, 200);
    expect(assignmentCertificate(A, p, COURSE)).toEqual({
      complete: true,
      completed: 300,
      lessons: [
        { lesson: L1, done: 300, exercises: [] },
        {
          lesson: L2,
          done: 200,
          exercises: [
            { id: 'sort-a', best: 0.9 },
            { id: 'roleplay-b', best: 0.75 },
          ],
        },
      ],
    });
  });

  it('a lesson read to its end counts without its exercises; they show as not tried', () => {
    let p = markRead(emptyProgress(), L1, 10);
    p = markRead(p, L2, 20);
    const c = assignmentCertificate(A, p, COURSE);
    expect(c.complete && c.lessons[1].exercises).toEqual([
      { id: 'sort-a', best: undefined },
      { id: 'roleplay-b', best: undefined },
    ]);
  });

  it('the whole course needs every lesson; an empty scope is never complete', () => {
    let p = markRead(markRead(emptyProgress(), L1, 10), L2, 20);
    expect(courseCertificate(p, COURSE)).toEqual({ complete: false, done: 2, total: 3 });
    p = finish(openLesson(p, L3, 25), 'quiz-c', 1, 30);
    const c = courseCertificate(p, COURSE);
    expect(c.complete && [c.completed, c.lessons.map((l) => l.lesson)]).toEqual([30, [L1, L2, L3]]);
    expect(certificateOf([], p, COURSE).complete).toBe(false);
  });

  it('an exercise id like "constructor" finds nothing inherited', () => {
    const course: CourseIndex = { ...COURSE, exercises: [{ id: 'constructor', lesson: L1 }] };
    const c = certificateOf([L1], markRead(emptyProgress(), L1, 5), course);
    expect(c.complete && c.lessons[0].exercises).toEqual([{ id: 'constructor', best: undefined }]);
  });

  it('ids tell the team link from a personal one; the link’s name comes before the typed one', () => {
    expect(certificateId(A)).toBe(`abcd1234-${checksum('abcd1234:')}`);
    expect(certificateId({ ...A, trainee: 'Anna' })).not.toBe(certificateId(A));
    expect(certificateName({ trainee: 'Anna' }, 'Bo')).toBe('Anna');
    expect(certificateName({}, '  Bo  ')).toBe('Bo');
    expect(certificateName(null, undefined)).toBe('');
  });

  it('the course name: read safely, and merged commutatively, associatively, idempotently', () => {
    expect(parseName(null)).toBeNull();
    expect(parseName('{')).toBeNull();
    expect(parseName('{"name":5,"edited":1}')).toBeNull();
    expect(parseName(JSON.stringify({ name: 'x'.repeat(80), edited: 1 }))?.name).toHaveLength(60);
    const a = { name: 'Anna', edited: 1 };
    const b = { name: 'Anna B', edited: 2 };
    const c = { name: 'Zed', edited: 2 };
    for (const [x, y] of [
      [a, b],
      [b, c],
      [a, null],
    ] as const)
      expect(mergeName(x, y)).toEqual(mergeName(y, x));
    expect(mergeName(a, b)).toEqual(b);
    expect(mergeName(b, c)).toEqual(c);
    expect(mergeName(mergeName(a, b), c)).toEqual(mergeName(a, mergeName(b, c)));
    expect(mergeName(b, b)).toEqual(b);
  });
});
