import { describe, expect, it } from 'vitest';
import {
  buildCourse,
  ContentError,
  type LessonInput,
  type ModuleInput,
  type ModuleTextInput,
} from '../../src/lib/course';

// A two-language course on purpose, not the site's list: buildCourse takes its locales as an argument.
const LOCALES = ['en', 'ms'] as const;

function lesson(id: string, title = id): LessonInput {
  return { id, filePath: `content/lessons/${id}.mdx`, data: { title, description: 'd', objectives: ['o'] } };
}
function texts(modules: string[], locales: readonly string[] = LOCALES): ModuleTextInput[] {
  return locales.map((l) => ({
    id: l,
    filePath: `content/module-text/${l}.yaml`,
    data: Object.fromEntries(modules.map((m) => [m, { title: `${m} ${l}`, summary: 's' }])),
  }));
}
const modules: ModuleInput[] = [
  { id: 'second', order: 2, lessons: [{ id: 'c', minutes: 4 }] },
  {
    id: 'first',
    order: 1,
    lessons: [
      { id: 'a', minutes: 5 },
      { id: 'b', minutes: 6 },
    ],
  },
];
const lessons = ['first/a', 'first/b', 'second/c'].flatMap((k) => LOCALES.map((l) => lesson(`${l}/${k}`)));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ContentError) return e.problems;
    throw e;
  }
  throw new Error('expected a ContentError');
}

describe('buildCourse', () => {
  it('orders modules and lessons and links previous/next across modules', () => {
    const course = buildCourse(LOCALES, modules, lessons, texts(['first', 'second']));
    expect(course.modules.map((m) => [m.id, m.number, m.minutes])).toEqual([
      ['first', 1, 11],
      ['second', 2, 4],
    ]);
    expect(course.lessons.map((l) => l.id)).toEqual(['first/a', 'first/b', 'second/c']);
    expect(course.lessons[1]).toMatchObject({ number: 2, previous: 'first/a', next: 'second/c' });
    expect(course.lessons[0].previous).toBeNull();
    expect(course.lessons[2].next).toBeNull();
    expect(course.text.ms.lessons['second/c'].entryId).toBe('ms/second/c');
    expect(course.text.en.modules.first.title).toBe('first en');
  });

  it('names the missing file when a lesson exists in one language only', () => {
    const problems = problemsOf(() =>
      buildCourse(
        LOCALES,
        modules,
        lessons.filter((l) => l.id !== 'ms/first/b'),
        texts(['first', 'second']),
      ),
    );
    expect(problems).toEqual(['content/lessons/ms/first/b.mdx: missing lesson: it exists in en but not in ms']);
  });

  it('names the file of a lesson whose module does not exist', () => {
    const problems = problemsOf(() =>
      buildCourse(LOCALES, modules, [...lessons, lesson('en/nowhere/x')], texts(['first', 'second'])),
    );
    expect(problems).toEqual([
      'content/lessons/en/nowhere/x.mdx: module "nowhere" (its folder) does not exist in content/modules.yaml',
    ]);
  });

  it('names a lesson file that its module does not list', () => {
    const problems = problemsOf(() =>
      buildCourse(
        LOCALES,
        modules,
        [...lessons, lesson('en/first/z'), lesson('ms/first/z')],
        texts(['first', 'second']),
      ),
    );
    expect(problems[0]).toBe(
      'content/lessons/en/first/z.mdx: lesson "z" is not listed in the "lessons" of module "first" in content/modules.yaml',
    );
  });

  it('names a folder that is not a course language', () => {
    const problems = problemsOf(() =>
      buildCourse(LOCALES, modules, [...lessons, lesson('de/first/a')], texts(['first', 'second'])),
    );
    expect(problems).toEqual(['content/lessons/de/first/a.mdx: folder "de" is not a course language (en, ms)']);
  });

  it('refuses duplicate module order numbers, naming the field', () => {
    const dup = [{ ...modules[0], order: 1 }, modules[1]];
    const problems = problemsOf(() => buildCourse(LOCALES, dup, lessons, texts(['first', 'second'])));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^content\/modules\.yaml: module "(first|second)", field "order": 1 is already the order of module "(first|second)"$/,
    );
  });

  it('refuses a lesson listed twice in a module', () => {
    const dup = [{ ...modules[1], lessons: [...modules[1].lessons, { id: 'a', minutes: 3 }] }, modules[0]];
    const problems = problemsOf(() => buildCourse(LOCALES, dup, lessons, texts(['first', 'second'])));
    expect(problems).toEqual(['content/modules.yaml: module "first", field "lessons": lesson "a" is listed twice']);
  });

  it('refuses a listed lesson that has no file at all', () => {
    const more = [{ ...modules[1], lessons: [...modules[1].lessons, { id: 'ghost', minutes: 3 }] }, modules[0]];
    const problems = problemsOf(() => buildCourse(LOCALES, more, lessons, texts(['first', 'second'])));
    expect(problems).toContain(
      'content/lessons/en/first/ghost.mdx: missing lesson: it is listed in content/modules.yaml but has no file in any language',
    );
  });

  it('refuses a module id that a site page needs', () => {
    const problems = problemsOf(() =>
      buildCourse(
        LOCALES,
        [{ id: 'glossary', order: 9, lessons: [{ id: 'q', minutes: 1 }] }],
        ['en', 'ms'].map((l) => lesson(`${l}/glossary/q`)),
        texts(['glossary']),
      ),
    );
    expect(problems).toEqual([
      'content/modules.yaml: module "glossary", field "id": "glossary" is reserved for a page of the site',
    ]);
  });

  it('needs every module title in every language, and no stray ones', () => {
    const t = texts(['first', 'second']);
    delete t[1].data.second;
    t[0].data.third = { title: 't', summary: 's' };
    const problems = problemsOf(() => buildCourse(LOCALES, modules, lessons, t));
    expect(problems).toEqual([
      'content/module-text/en.yaml: field "third": module "third" does not exist in content/modules.yaml',
      'content/module-text/ms.yaml: field "second": no title and summary for module "second"',
    ]);
  });

  it('refuses a declared term that the glossary does not have', () => {
    const withTerms = [
      { ...modules[1], lessons: [{ id: 'a', minutes: 5, terms: ['trust', 'nonsense'] }, modules[1].lessons[1]] },
      modules[0],
    ];
    const problems = problemsOf(() => buildCourse(LOCALES, withTerms, lessons, texts(['first', 'second']), ['trust']));
    expect(problems).toEqual([
      'content/modules.yaml: lesson "first/a", field "terms": "nonsense" is not a term in content/glossary.yaml',
    ]);
    const course = buildCourse(
      LOCALES,
      [{ ...withTerms[0], lessons: [{ id: 'a', minutes: 5, terms: ['trust'] }, modules[1].lessons[1]] }, modules[0]],
      lessons,
      texts(['first', 'second']),
      ['trust'],
    );
    expect(course.lessons[0].terms).toEqual(['trust']);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(() =>
      buildCourse(LOCALES, modules, [lesson('en/first/a')], texts(['first', 'second'], ['en'])),
    );
    expect(problems.length).toBeGreaterThan(3);
    expect(problems).toContain('content/module-text/ms.yaml: missing: module titles for "ms"');
  });
});
