/**
 * What the trainer and "My training" pages give their islands: the course outline in the page's
 * language (ids, numbers, titles, minutes) and every exercise with its lesson. Plain data, so the
 * islands need neither the content collections nor i18next.
 */
import { LOCALE_IDS, LOCALES, type Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/t';
import { getCourse } from './course';
import { getExercises, getRolePlays } from './exercises';

export interface OutlineLesson { id: string; number: string; title: string; minutes: number; path: string }
export interface OutlineModule { id: string; number: number; title: string; minutes: number; lessons: OutlineLesson[] }
export interface OutlineExercise { id: string; lesson: string; title: string }
export interface Outline {
  modules: OutlineModule[];
  exercises: OutlineExercise[];
  /** Each language's own name, for "course language" */
  languages: Record<Locale, string>;
}

export async function courseOutline(locale: Locale): Promise<Outline> {
  const t = useTranslations(locale);
  const course = await getCourse();
  const text = course.text[locale];
  const order = course.lessons.map((l) => l.id);
  const exercises = [
    ...(await getRolePlays()).map((r) => ({ id: r.id, lesson: r.lesson, title: r.byLocale[locale].title })),
    ...(await getExercises()).map((e) => ({ id: e.id, lesson: e.lesson, title: e.byLocale[locale].title })),
  ].sort((a, b) => order.indexOf(a.lesson) - order.indexOf(b.lesson));
  return {
    modules: course.modules.map((m) => ({
      id: m.id,
      number: m.number,
      title: t('module.numbered', { number: m.number, title: text.modules[m.id].title }),
      minutes: m.minutes,
      lessons: m.lessons.map((l) => ({ id: l.id, number: `${m.number}.${l.number}`, title: text.lessons[l.id].title, minutes: l.minutes, path: `${m.id}/${l.slug}` })),
    })),
    exercises,
    languages: Object.fromEntries(LOCALE_IDS.map((l) => [l, LOCALES[l].label])) as Record<Locale, string>,
  };
}
