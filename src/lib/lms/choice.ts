/**
 * The trainer page's "Download for your LMS" as pure decisions: the form above (lessons, title,
 * course language) plus the format and how the LMS judges become a PackageChoice, or the problems
 * to show by field. The island renders them; src/islands/lms-download.ts builds the zip, with the
 * description and the size it says from ./download-info.ts.
 *
 * Only types come from ./course and ./package: this file is in the trainer page's own JavaScript,
 * while the package code (fflate, the manifests) loads on the click.
 */
import { LOCALE_IDS, type Locale } from '../../i18n/locales';
import { cleanText, LIMITS } from '../assignment';
import type { Outline } from '../outline';
import type { LmsFormat } from './course';
import type { PackageChoice } from './package';

/** How the LMS judges the learner: completion only, or also passed/failed against a mastery score. */
export type LmsRule = 'completed' | 'passed';

export interface LmsForm {
  /** Lesson ids ticked in the form above */
  chosen: ReadonlySet<string>;
  title: string;
  /** The form's "Course language": one language, or '' for the learner's choice */
  language: '' | Locale;
  format: LmsFormat;
  rule: LmsRule;
  /** The mastery score as typed (a percent), read only when `rule` is 'passed' */
  mastery: string;
}

export type LmsField = 'lessons' | 'title' | 'mastery';
/** The key of each problem's message in the trainer strings (the first two are the form's own). */
export type LmsProblemKey = 'nothingChosen' | 'titleMissing' | 'lmsMasteryInvalid';

export type LmsChoiceResult =
  | { ok: true; choice: Omit<PackageChoice, 'description'> }
  | { ok: false; problems: Partial<Record<LmsField, LmsProblemKey>> };

export const DEFAULT_MASTERY = '80';

/** A mastery score typed as a whole percent from 1 to 100, as 0.01..1; null for anything else. */
export function parseMastery(text: string): number | null {
  const t = text.trim();
  // Digits only: '75.5', '1e2', '+80' and '' are refused rather than rounded or guessed at.
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 100 ? n / 100 : null;
}

/**
 * The package's languages: the fixed one, or every language with the page's first (the package
 * opens in its first language, and the trainer reads this page in theirs).
 */
export function packageLanguages(language: '' | Locale, pageLocale: Locale): Locale[] {
  if (language) return [language];
  return [pageLocale, ...LOCALE_IDS.filter((l) => l !== pageLocale)];
}

/** Checks the form and makes the package's choices: problems in the order of the page. */
export function lmsChoice(form: LmsForm, outline: Outline, pageLocale: Locale): LmsChoiceResult {
  const problems: Partial<Record<LmsField, LmsProblemKey>> = {};
  // In course order, whatever order they were ticked in.
  const lessons = outline.modules.flatMap((m) => m.lessons.map((l) => l.id)).filter((id) => form.chosen.has(id));
  const title = cleanText(form.title, LIMITS.title);
  const mastery = form.rule === 'passed' ? parseMastery(form.mastery) : undefined;
  if (!lessons.length) problems.lessons = 'nothingChosen';
  if (!title) problems.title = 'titleMissing';
  if (mastery === null) problems.mastery = 'lmsMasteryInvalid';
  if (Object.keys(problems).length || !title || mastery === null) return { ok: false, problems };
  return {
    ok: true,
    choice: {
      format: form.format,
      languages: packageLanguages(form.language, pageLocale),
      lessons,
      ...(mastery !== undefined ? { mastery } : {}),
      title,
    },
  };
}
