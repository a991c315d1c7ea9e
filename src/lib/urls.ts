/**
 * The one reader of locale URLs: src/middleware.ts (the locale of every page), the components
 * inside lessons, the language switcher and the v1 progress migration all parse paths here.
 */
import { DEFAULT_LOCALE, isLocale, LOCALE_IDS, LOCALE_PATTERN, type Locale } from '../i18n/locales';

/** Builds a site path for a locale from segments: localePath('ms', 'a', 'b') -> '/ms/a/b/'. */
export function localePath(locale: Locale, ...segments: string[]): string {
  const rest = segments.filter(Boolean).map(encodeURIComponent).join('/');
  return rest ? `/${locale}/${rest}/` : `/${locale}/`;
}

/** Splits '/lv/x/y/' into its locale and the language-neutral rest ('x/y'), or null if not localized. */
export function splitLocalePath(pathname: string): { locale: Locale; rest: string } | null {
  const parts = pathname.split('/').filter(Boolean);
  const [first, ...rest] = parts;
  if (!isLocale(first)) return null;
  return { locale: first, rest: rest.join('/') };
}

/** The locale a path is in: its first segment when that is a locale, else the default (/, /404/, /my-training/). */
export function localeOfPath(pathname: string): Locale {
  return splitLocalePath(pathname)?.locale ?? DEFAULT_LOCALE;
}

// Strict on purpose (one slash between segments, ids as the course writes them): it reads keys of
// stored v1 progress, where anything else is damage to drop, not a path to tidy up.
const LESSON_PATH = new RegExp(`^/(?:${LOCALE_PATTERN})/([a-z0-9-]+)/([a-z0-9-]+)/?$`);

/** The language-neutral lesson id of a lesson page's path: '/lv/module/lesson/' -> 'module/lesson', else null. */
export function lessonIdOfPath(path: string): string | null {
  const match = LESSON_PATH.exec(path);
  return match ? `${match[1]}/${match[2]}` : null;
}

/** The same page in another language: '/en/m/l/' -> '/zh/m/l/'. Unlocalized paths go to that language's home. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const split = splitLocalePath(pathname);
  if (!split) return `/${to}/`;
  return split.rest ? `/${to}/${split.rest}/` : `/${to}/`;
}

/** Every language version of a page, for the switcher and hreflang alternates. */
export function alternatePaths(pathname: string): { locale: Locale; path: string }[] {
  return LOCALE_IDS.map((locale) => ({ locale, path: switchLocalePath(pathname, locale) }));
}
