/**
 * The course as an LMS package's frame needs it (src/lib/lms/course.ts): lessons with their
 * exercises and titles in every language, and the answer key that tells the LMS whether each
 * answer was right. Built once per build and written into the frame page.
 */
import { LOCALE_IDS, type Locale } from '../i18n/locales';
import type { KeyEntry, LmsCourse, LmsExercise } from '../lib/lms/course';
import { getCourse } from './course';
import { getExercises, getRolePlays, lessonExercises } from './exercises';

const byLocale = (f: (l: Locale) => string) =>
  Object.fromEntries(LOCALE_IDS.map((l) => [l, f(l)])) as Record<Locale, string>;

export async function getLmsCourse(): Promise<LmsCourse> {
  const course = await getCourse();
  const exercisesOf = await lessonExercises();
  const exercises: LmsExercise[] = [];
  for (const e of await getExercises()) {
    const view = e.byLocale.en;
    const key: Record<string, KeyEntry> = {};
    if (view.shape === 'questions') {
      for (const item of view.items)
        for (const q of item.questions) {
          const at = q.options.findIndex((o) => o.id === q.correct);
          // An ordered question's neighbours of the right answer earn half (src/lib/quiz.ts).
          const partly = q.ordered
            ? [q.options[at - 1]?.id, q.options[at + 1]?.id].filter((x): x is string => !!x)
            : [];
          key[`${item.id}/${q.id}`] = partly.length ? { right: [q.correct], partly } : { right: [q.correct] };
        }
    } else {
      for (const card of view.cards) key[card.id] = { right: [card.category] };
    }
    exercises.push({ id: e.id, lesson: e.lesson, shape: view.shape === 'questions' ? 'quiz' : 'cards', key });
  }
  for (const rp of await getRolePlays()) {
    const key: Record<string, KeyEntry> = {};
    for (const [turnId, turn] of Object.entries(rp.byLocale.en.turns)) {
      if (!turn.choices) continue;
      key[turnId] = {
        right: turn.choices.filter((c) => c.quality === 'good').map((c) => c.id),
        partly: turn.choices.filter((c) => c.quality === 'ok').map((c) => c.id),
      };
    }
    exercises.push({ id: rp.id, lesson: rp.lesson, shape: 'turns', key });
  }
  return {
    lessons: course.lessons.map((l) => ({
      id: l.id,
      module: l.moduleId,
      exercises: exercisesOf[l.id] ?? [],
      title: byLocale((lang) => course.text[lang].lessons[l.id].title),
    })),
    modules: course.modules.map((m) => ({
      id: m.id,
      title: byLocale((lang) => course.text[lang].modules[m.id].title),
    })),
    exercises,
  };
}
