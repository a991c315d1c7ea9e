/**
 * The course model: modules and lessons in order, with each language's words, built from the
 * content collections and checked across them. Pure: takes plain data, so it is unit-tested
 * without Astro. Every problem names the file and the field, and all are reported at once.
 */

export interface ModuleInput {
  id: string;
  order: number;
  lessons: { id: string; minutes: number; terms?: string[] }[];
}
export interface LessonInput {
  /** Collection id: '<lang>/<module>/<lesson>' */
  id: string;
  filePath: string;
  data: { title: string; description: string; objectives: string[] };
}
export interface ModuleTextInput {
  /** Collection id: the language, from content/module-text/<lang>.yaml */
  id: string;
  filePath: string;
  data: Record<string, { title: string; summary: string }>;
}

export interface CourseLesson {
  /** Language-neutral id: '<module>/<lesson>' */
  id: string;
  moduleId: string;
  slug: string;
  /** Position in its module, from 1 */
  number: number;
  minutes: number;
  /** Glossary ids this lesson teaches */
  terms: string[];
  previous: string | null;
  next: string | null;
}
export interface CourseModule {
  id: string;
  /** Position in the course, from 1 */
  number: number;
  minutes: number;
  lessons: CourseLesson[];
}
export interface LessonText {
  entryId: string;
  title: string;
  description: string;
  objectives: string[];
}
export interface Course<L extends string = string> {
  modules: CourseModule[];
  lessons: CourseLesson[];
  text: Record<L, { modules: Record<string, { title: string; summary: string }>; lessons: Record<string, LessonText> }>;
}

/** Paths under /<lang>/ that are pages of their own, so no module may take them. */
export const RESERVED_SLUGS = ['404', 'glossary', 'progress', 'trainer', 'my-training', 'search', 'about'];

export class ContentError extends Error {
  constructor(public problems: string[]) {
    super(`The course content has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ContentError';
  }
}

const MODULES_FILE = 'content/modules.yaml';

/** Builds the course and checks it across files; throws ContentError listing every problem. */
export function buildCourse<L extends string>(
  locales: readonly L[],
  modulesIn: ModuleInput[],
  lessonsIn: LessonInput[],
  moduleTextIn: ModuleTextInput[],
  glossaryIds: readonly string[] = [],
): Course<L> {
  const problems: string[] = [];
  const sorted = [...modulesIn].sort((a, b) => a.order - b.order);

  // Structure: unique module ids and order numbers, lessons listed once.
  const orderOwner = new Map<number, string>();
  const lessonOwner = new Map<string, string>();
  for (const m of sorted) {
    if (RESERVED_SLUGS.includes(m.id))
      problems.push(`${MODULES_FILE}: module "${m.id}", field "id": "${m.id}" is reserved for a page of the site`);
    const other = orderOwner.get(m.order);
    if (other)
      problems.push(
        `${MODULES_FILE}: module "${m.id}", field "order": ${m.order} is already the order of module "${other}"`,
      );
    else orderOwner.set(m.order, m.id);
    for (const l of m.lessons) {
      const key = `${m.id}/${l.id}`;
      if (lessonOwner.has(key))
        problems.push(`${MODULES_FILE}: module "${m.id}", field "lessons": lesson "${l.id}" is listed twice`);
      lessonOwner.set(key, m.id);
      for (const term of l.terms ?? []) {
        if (!glossaryIds.includes(term))
          problems.push(
            `${MODULES_FILE}: lesson "${key}", field "terms": "${term}" is not a term in content/glossary.yaml`,
          );
      }
    }
  }

  // Lessons: every file belongs to a known language and module, and is listed.
  const byLocale = new Map<string, Map<string, LessonInput>>(locales.map((l) => [l, new Map()]));
  for (const entry of lessonsIn) {
    const parts = entry.id.split('/');
    if (parts.length !== 3) {
      problems.push(`${entry.filePath}: path must be content/lessons/<language>/<module>/<lesson>.mdx`);
      continue;
    }
    const [locale, moduleId, slug] = parts;
    if (!byLocale.has(locale)) {
      problems.push(`${entry.filePath}: folder "${locale}" is not a course language (${locales.join(', ')})`);
      continue;
    }
    if (!sorted.some((m) => m.id === moduleId)) {
      problems.push(`${entry.filePath}: module "${moduleId}" (its folder) does not exist in ${MODULES_FILE}`);
      continue;
    }
    if (!lessonOwner.has(`${moduleId}/${slug}`)) {
      problems.push(
        `${entry.filePath}: lesson "${slug}" is not listed in the "lessons" of module "${moduleId}" in ${MODULES_FILE}`,
      );
      continue;
    }
    byLocale.get(locale)!.set(`${moduleId}/${slug}`, entry);
  }

  // Every listed lesson exists in every language.
  for (const key of lessonOwner.keys()) {
    const haveIt = locales.filter((l) => byLocale.get(l)!.has(key));
    for (const locale of locales) {
      if (!byLocale.get(locale)!.has(key)) {
        const where = haveIt.length
          ? `it exists in ${haveIt.join(', ')} but not in ${locale}`
          : `it is listed in ${MODULES_FILE} but has no file in any language`;
        problems.push(`content/lessons/${locale}/${key}.mdx: missing lesson: ${where}`);
      }
    }
  }

  // Module words in every language.
  const textByLocale = new Map(moduleTextIn.map((t) => [t.id, t]));
  for (const locale of locales) {
    const t = textByLocale.get(locale);
    if (!t) {
      problems.push(`content/module-text/${locale}.yaml: missing: module titles for "${locale}"`);
      continue;
    }
    for (const m of sorted)
      if (!t.data[m.id]) problems.push(`${t.filePath}: field "${m.id}": no title and summary for module "${m.id}"`);
    for (const key of Object.keys(t.data))
      if (!sorted.some((m) => m.id === key))
        problems.push(`${t.filePath}: field "${key}": module "${key}" does not exist in ${MODULES_FILE}`);
  }
  for (const t of moduleTextIn)
    if (!(locales as readonly string[]).includes(t.id))
      problems.push(`${t.filePath}: "${t.id}" is not a course language (${locales.join(', ')})`);

  if (problems.length) throw new ContentError(problems);

  const modules: CourseModule[] = sorted.map((m, i) => ({
    id: m.id,
    number: i + 1,
    minutes: m.lessons.reduce((sum, l) => sum + l.minutes, 0),
    lessons: m.lessons.map((l, j) => ({
      id: `${m.id}/${l.id}`,
      moduleId: m.id,
      slug: l.id,
      number: j + 1,
      minutes: l.minutes,
      terms: l.terms ?? [],
      previous: null,
      next: null,
    })),
  }));
  const lessons = modules.flatMap((m) => m.lessons);
  lessons.forEach((l, i) => {
    l.previous = lessons[i - 1]?.id ?? null;
    l.next = lessons[i + 1]?.id ?? null;
  });

  const text = Object.fromEntries(
    locales.map((locale) => [
      locale,
      {
        modules: textByLocale.get(locale)!.data,
        lessons: Object.fromEntries([...byLocale.get(locale)!].map(([key, e]) => [key, { entryId: e.id, ...e.data }])),
      },
    ]),
  ) as Course<L>['text'];

  return { modules, lessons, text };
}
