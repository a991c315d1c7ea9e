/** The course outline a page gives its island (built by src/server/training.ts), and its ids. */
import type { Locale } from '../i18n/locales';

export interface OutlineLesson {
  id: string;
  number: string;
  title: string;
  minutes: number;
  path: string;
}
export interface OutlineModule {
  id: string;
  number: number;
  title: string;
  minutes: number;
  lessons: OutlineLesson[];
}
/** An exercise, its lesson, and what kind it is in the page's language ('Role-play') */
export interface OutlineExercise {
  id: string;
  lesson: string;
  title: string;
  kind: string;
}
export interface Outline {
  modules: OutlineModule[];
  exercises: OutlineExercise[];
  /** Each language's own name, for "course language" */
  languages: Record<Locale, string>;
}

/** The language-neutral ids of an outline, for decoding and checking codes. */
export function outlineIndex(outline: Outline): CourseIndex {
  return {
    modules: outline.modules.map((m) => m.id),
    lessons: outline.modules.flatMap((m) => m.lessons.map((l) => l.id)),
    exercises: outline.exercises,
  };
}

export interface CourseIndex {
  modules: readonly string[];
  lessons: readonly string[];
  /** Every exercise with the lesson it belongs to */
  exercises: readonly { id: string; lesson: string }[];
}
