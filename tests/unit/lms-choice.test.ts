/** "Download for your LMS" on the trainer page as pure decisions: problems by field, the package's choices. */
import { describe, expect, it } from 'vitest';
import { lmsChoice, packageLanguages, parseMastery, type LmsForm } from '../../src/lib/lms/choice';
import { formatFileSize, packageDescription } from '../../src/lib/lms/download-info';
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
const form = (over: Partial<LmsForm> = {}): LmsForm => ({
  chosen: new Set(['relationship-types/four-types']),
  title: 'Q1',
  language: '',
  format: 'scorm12',
  rule: 'completed',
  mastery: '80',
  ...over,
});

describe('the mastery score', () => {
  it('takes a whole percent from 1 to 100 as a fraction', () => {
    expect(parseMastery('1')).toBe(0.01);
    expect(parseMastery(' 75 ')).toBe(0.75);
    expect(parseMastery('100')).toBe(1);
    expect(parseMastery('080')).toBe(0.8);
  });

  it('refuses anything else rather than rounding or guessing', () => {
    for (const text of ['', ' ', '0', '101', '1000', '-5', '+80', '75.5', '1e2', '80%', 'abc', '０８０'])
      expect(parseMastery(text), text).toBeNull();
  });
});

describe('the package languages', () => {
  it('is the fixed language alone', () => {
    expect(packageLanguages('lv', 'en')).toEqual(['lv']);
    expect(packageLanguages('ms', 'zh')).toEqual(['ms']);
  });

  it("is all four for the learner's choice, the page's language first", () => {
    expect(packageLanguages('', 'en')).toEqual(['en', 'ms', 'zh', 'lv']);
    expect(packageLanguages('', 'zh')).toEqual(['zh', 'en', 'ms', 'lv']);
    expect(packageLanguages('', 'lv')).toEqual(['lv', 'en', 'ms', 'zh']);
  });
});

describe("the trainer's LMS choice", () => {
  it('names every problem by field, in the order of the page', () => {
    const r = lmsChoice(form({ chosen: new Set(), title: ' \u200b ', rule: 'passed', mastery: '0' }), outline, 'en');
    expect(r).toEqual({
      ok: false,
      problems: { lessons: 'nothingChosen', title: 'titleMissing', mastery: 'lmsMasteryInvalid' },
    });
    expect(lmsChoice(form({ rule: 'passed', mastery: '101' }), outline, 'en')).toEqual({
      ok: false,
      problems: { mastery: 'lmsMasteryInvalid' },
    });
  });

  it('ignores the mastery field while the LMS judges completion only', () => {
    const r = lmsChoice(form({ mastery: 'nonsense' }), outline, 'en');
    expect(r.ok && r.choice).toEqual({
      format: 'scorm12',
      languages: ['en', 'ms', 'zh', 'lv'],
      lessons: ['relationship-types/four-types'],
      title: 'Q1',
    });
    expect(r.ok && 'mastery' in r.choice).toBe(false);
  });

  it('makes the choice: lessons in course order, the title cleaned, mastery as a fraction', () => {
    const r = lmsChoice(
      form({
        chosen: new Set([
          'relationship-types/choosing-the-level',
          'unknown/lesson',
          'sales-and-service/what-sales-is',
          'relationship-types/four-types',
        ]),
        title: '  Q1\u200b onboarding ',
        language: 'lv',
        format: 'scorm2004',
        rule: 'passed',
        mastery: '75',
      }),
      outline,
      'en',
    );
    expect(r).toEqual({
      ok: true,
      choice: {
        format: 'scorm2004',
        languages: ['lv'],
        lessons: [
          'sales-and-service/what-sales-is',
          'relationship-types/four-types',
          'relationship-types/choosing-the-level',
        ],
        mastery: 0.75,
        title: 'Q1 onboarding',
      },
    });
  });
});

describe('the package description and size', () => {
  const course = {
    lessons: [
      { id: 'a/one', module: 'a', exercises: [], title: { en: 'One', ms: 'Satu', zh: '一', lv: 'Viens' } },
      { id: 'a/two', module: 'a', exercises: [], title: { en: 'Two', ms: 'Dua', zh: '二', lv: 'Divi' } },
    ],
  };

  it("joins the lessons' titles in the package's first language, as npm run package does", () => {
    expect(packageDescription(course, ['a/one', 'a/two'], 'lv')).toBe('Viens; Divi');
    expect(packageDescription(course, ['a/two'], 'zh')).toBe('二');
    expect(packageDescription(course, ['a/gone', 'a/one'], 'en')).toBe('One');
  });

  it('says KB below a megabyte and MB above, in the page language', () => {
    expect(formatFileSize(300, 'en')).toBe('1 kB');
    expect(formatFileSize(512 * 1024, 'en')).toBe('512 kB');
    expect(formatFileSize(3.25 * 1024 * 1024, 'en')).toBe('3.3 MB');
    expect(formatFileSize(3.25 * 1024 * 1024, 'lv')).toBe(
      new Intl.NumberFormat('lv', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(3.25),
    );
    expect(formatFileSize(3.25 * 1024 * 1024, 'lv')).toContain('3,3');
  });
});
