/**
 * What the trainer, "My training", results and progress pages give their islands: the course
 * outline in the page's language (ids, numbers, titles, minutes) and every exercise with its lesson
 * and kind. Plain data, so the islands need neither the content collections nor i18next.
 */
import { LOCALE_IDS, LOCALES, type Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/t';
import { getCourse } from './course';
import { getExercises, getRolePlays } from './exercises';
import type { Outline } from '../lib/outline';

export async function courseOutline(locale: Locale): Promise<Outline> {
  const t = useTranslations(locale);
  const course = await getCourse();
  const text = course.text[locale];
  const order = course.lessons.map((l) => l.id);
  const exercises = [
    ...(await getRolePlays()).map((r) => ({
      id: r.id,
      lesson: r.lesson,
      title: r.byLocale[locale].title,
      kind: t('roleplay.kind'),
    })),
    ...(await getExercises()).map((e) => ({
      id: e.id,
      lesson: e.lesson,
      title: e.byLocale[locale].title,
      kind: t(`quiz.kind-${e.kind}`),
    })),
  ].sort((a, b) => order.indexOf(a.lesson) - order.indexOf(b.lesson));
  return {
    modules: course.modules.map((m) => ({
      id: m.id,
      number: m.number,
      title: t('module.numbered', { number: m.number, title: text.modules[m.id].title }),
      minutes: m.minutes,
      lessons: m.lessons.map((l) => ({
        id: l.id,
        number: `${m.number}.${l.number}`,
        title: text.lessons[l.id].title,
        minutes: l.minutes,
        path: `${m.id}/${l.slug}`,
      })),
    })),
    exercises,
    languages: Object.fromEntries(LOCALE_IDS.map((l) => [l, LOCALES[l].label])) as Record<Locale, string>,
  };
}
