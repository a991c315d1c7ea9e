/**
 * What an LMS package knows about the course and about itself. The course part is written into
 * the package's frame page at build time (src/server/lms.ts); the package part is the small file
 * a trainer's choices make (lms-package.json, written by src/lib/lms/package.ts), read and checked
 * here when the package starts.
 */
import { isLocale, type Locale } from '../../i18n/locales';
import { isRecord } from '../progress';
import type { LmsFormat } from './manifest';

/** How one answer is judged: the values that are right, and those that are partly right. */
export interface KeyEntry {
  right: string[];
  partly?: string[];
}

export interface LmsExercise {
  id: string;
  lesson: string;
  /** quiz: one option per question; cards: every placement tried for a card; turns: one choice per turn */
  shape: 'quiz' | 'cards' | 'turns';
  key: Record<string, KeyEntry>;
}

export interface LmsCourse {
  lessons: { id: string; module: string; exercises: string[]; title: Record<Locale, string> }[];
  modules: { id: string; title: Record<Locale, string> }[];
  exercises: LmsExercise[];
}

export type { LmsFormat };
export const LMS_FORMATS: readonly LmsFormat[] = ['scorm12', 'scorm2004', 'cmi5'];

/** A package: the trainer's choices. */
export interface PackageConfig {
  version: 1;
  /** Stable id of this package: [a-z0-9-], also in the manifest */
  id: string;
  format: LmsFormat;
  /** The package's languages, the first one the default; more than one = the learner may switch */
  languages: Locale[];
  /** Lesson ids, in course order */
  lessons: string[];
  /** Passed/failed against this score (0..1); absent = completion only */
  mastery?: number;
  /** The title the trainer gave, shown by the LMS */
  title: string;
}

export const PACKAGE_FILE = 'lms-package.json';

/** A package file's config when it is one this release can run, else null (the frame then says so). */
export function parsePackageConfig(value: unknown, course: LmsCourse): PackageConfig | null {
  if (!isRecord(value) || value.version !== 1) return null;
  const { id, format, languages, lessons, mastery, title } = value;
  if (typeof id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(id)) return null;
  if (!LMS_FORMATS.includes(format as LmsFormat)) return null;
  if (!Array.isArray(languages) || !languages.length || !languages.every(isLocale)) return null;
  if (new Set(languages).size !== languages.length) return null;
  const known = new Set(course.lessons.map((l) => l.id));
  if (!Array.isArray(lessons) || !lessons.length || !lessons.every((l) => typeof l === 'string' && known.has(l)))
    return null;
  if (mastery !== undefined && (typeof mastery !== 'number' || !(mastery > 0 && mastery <= 1))) return null;
  if (typeof title !== 'string' || !title.trim()) return null;
  const order = course.lessons.map((l) => l.id);
  return {
    version: 1,
    id,
    format: format as LmsFormat,
    languages: languages as Locale[],
    lessons: [...new Set(lessons as string[])].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    ...(mastery !== undefined ? { mastery } : {}),
    title: title.trim(),
  };
}

/** The package path of a lesson page in a language: 'en/module/lesson/index.html'. */
export const lessonFile = (lang: Locale, lesson: string): string => `${lang}/${lesson}/index.html`;

/** The lesson and language of a package path, or null for any other page (the glossary). */
export function lessonOfFile(path: string, course: LmsCourse): { lang: Locale; lesson: string } | null {
  const m = /(?:^|\/)([a-z]{2})\/([a-z0-9-]+\/[a-z0-9-]+)\/(?:index\.html)?$/.exec(path);
  if (!m || !isLocale(m[1]) || !course.lessons.some((l) => l.id === m[2])) return null;
  return { lang: m[1], lesson: m[2] };
}
