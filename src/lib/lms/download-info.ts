/**
 * The words around a package the trainer page builds: the description the LMS shows and the
 * file's size. Apart from ./choice.ts because only the download code (loaded on the click) uses
 * them, so they are in no page's JavaScript.
 */
import type { Locale } from '../../i18n/locales';
import type { LmsCourse } from './course';

/**
 * What the LMS shows under the title: the lessons' titles in the package's first language, as
 * `npm run package` writes it. From the built course (dist/lms/course.json), since the page's
 * outline has the page's language only and a fixed course language may be another.
 */
export function packageDescription(course: Pick<LmsCourse, 'lessons'>, lessons: readonly string[], lang: Locale) {
  return lessons
    .map((id) => course.lessons.find((l) => l.id === id)?.title[lang])
    .filter(Boolean)
    .join('; ');
}

/** A file's size for people: whole KB below one MB, MB with one decimal above, in the page's language. */
export function formatFileSize(bytes: number, lang: string): string {
  const kb = bytes / 1024;
  if (kb < 1024)
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
      Math.max(1, Math.round(kb)),
    );
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(kb / 1024);
}
