/** The checked course, loaded once per build from the content collections. */
import { getCollection } from 'astro:content';
import { LOCALE_IDS, type Locale } from '../i18n/locales';
import { buildCourse, type Course, type CourseLesson, type CourseModule } from '../lib/course';

let cached: Promise<Course<Locale>> | undefined;

export function getCourse(): Promise<Course<Locale>> {
  cached ??= (async () => {
    const [modules, lessons, moduleText, glossary] = await Promise.all([
      getCollection('modules'),
      getCollection('lessons'),
      getCollection('moduleText'),
      getCollection('glossary'),
    ]);
    return buildCourse(
      LOCALE_IDS,
      modules.map((m) => m.data),
      lessons.map((l) => ({ id: l.id, filePath: l.filePath ?? `content/lessons/${l.id}.mdx`, data: l.data })),
      moduleText.map((t) => ({ id: t.id, filePath: t.filePath ?? `content/module-text/${t.id}.yaml`, data: t.data })),
      glossary.map((g) => g.data.id),
    );
  })();
  return cached;
}

export function findModule(course: Course, id: string): CourseModule {
  const m = course.modules.find((x) => x.id === id);
  if (!m) throw new Error(`No module "${id}"`);
  return m;
}

export function findLesson(course: Course, id: string): CourseLesson {
  const l = course.lessons.find((x) => x.id === id);
  if (!l) throw new Error(`No lesson "${id}"`);
  return l;
}
