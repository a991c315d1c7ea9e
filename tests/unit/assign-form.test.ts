/** The trainer's form as pure functions: problems by field, the assignment built, its links and links file. */
import { describe, expect, it } from 'vitest';
import { assignmentLinks, buildAssignment, traineeNames, type AssignForm } from '../../src/lib/assign-form';
import { decodeAssignment } from '../../src/lib/assignment';
import { linksCsvRows } from '../../src/lib/links-export';
import type { Outline } from '../../src/lib/outline';

const lesson = (id: string) => ({ id, number: '', title: id, minutes: 5, path: id });
const outline: Outline = {
  modules: [
    {
      id: 'sales-and-service',
      number: 1,
      title: 'S',
      minutes: 10,
      lessons: [lesson('sales-and-service/what-sales-is'), lesson('sales-and-service/what-service-is')],
    },
    {
      id: 'relationship-types',
      number: 2,
      title: 'R',
      minutes: 10,
      lessons: [lesson('relationship-types/four-types'), lesson('relationship-types/choosing-the-level')],
    },
  ],
  exercises: [],
  languages: { en: 'English', ms: 'Bahasa Melayu', zh: '中文', lv: 'Latviešu' },
};
const course = {
  modules: outline.modules.map((m) => m.id),
  lessons: outline.modules.flatMap((m) => m.lessons.map((l) => l.id)),
};
const form = (over: Partial<AssignForm> = {}): AssignForm => ({
  chosen: new Set(),
  title: '',
  due: '',
  note: '',
  language: '',
  names: '',
  ...over,
});

describe('the assignment form', () => {
  it('names every problem by field, in the order of the form', () => {
    const names = Array.from({ length: 101 }, (_, i) => `T${i}`).join('\n');
    const built = buildAssignment(
      form({ title: '\u3164\u2800', due: '2026-01-01', names }),
      outline,
      '2026-12-05',
      () => 'abcd1234',
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.problems)).toEqual(['lessons', 'title', 'due', 'trainees']);
    expect(built.problems.trainees).toEqual({ key: 'traineesTooMany', values: { max: 100 } });
    const long = buildAssignment(
      form({ chosen: new Set(['relationship-types/four-types']), title: 'T', names: 'x'.repeat(61) }),
      outline,
      '2026-12-05',
      () => 'abcd1234',
    );
    expect(!long.ok && long.problems.trainees).toEqual({ key: 'traineeTooLong', values: { name: 'x'.repeat(61) } });
  });

  it('collapses whole modules to their id, keeps single lessons, cleans text, and its code decodes', () => {
    const built = buildAssignment(
      form({
        chosen: new Set([
          'relationship-types/four-types',
          'relationship-types/choosing-the-level',
          'sales-and-service/what-sales-is',
        ]),
        title: '  Q1\u200b onboarding ',
        due: '2026-12-05',
        note: 'Read first',
        language: 'lv',
        names: 'Anna\n\nanna\n Bo \n\u2060',
      }),
      outline,
      '2026-12-05',
      () => 'abcd1234',
    );
    expect(built).toEqual({
      ok: true,
      assignment: {
        id: 'abcd1234',
        title: 'Q1 onboarding',
        modules: ['relationship-types'],
        lessons: ['sales-and-service/what-sales-is'],
        due: '2026-12-05',
        note: 'Read first',
        lang: 'lv',
      },
      trainees: ['Anna', 'Bo'],
    });
    if (!built.ok) return;
    const links = assignmentLinks(built.assignment, built.trainees, 'https://course.example');
    expect(links.map((l) => l.name ?? null)).toEqual([null, 'Anna', 'Bo']);
    expect(links[0].url.startsWith('https://course.example/lv/my-training/#a1.')).toBe(true);
    const personal = decodeAssignment(links[2].url, course);
    expect(personal.ok && personal.value.trainee).toBe('Bo');
    expect(
      linksCsvRows(links, outline, {
        csvName: 'Name',
        csvLink: 'Link',
        linkEveryone: 'Everyone',
        csvTitle: 'Assignment',
        csvDue: 'Due',
        csvLessons: 'Lessons',
      }).map((r) => r[0]),
    ).toEqual(['Name', 'Everyone', 'Anna', 'Bo']);
  });

  it("a learner's-choice assignment links to /my-training/, which picks the learner's language", () => {
    const built = buildAssignment(
      form({ chosen: new Set(['relationship-types/four-types']), title: 'T' }),
      outline,
      '2026-12-05',
      () => 'abcd1234',
    );
    expect(
      built.ok && assignmentLinks(built.assignment, [], 'http://x')[0].url.startsWith('http://x/my-training/#a1.'),
    ).toBe(true);
  });

  it('reads names one per line, dropping blanks, repeats and invisible-only lines', () => {
    expect(traineeNames('Anna\r\n  anna \n\n\u00ad\nЗоя\n王小明')).toEqual(['Anna', 'Зоя', '王小明']);
  });
});
