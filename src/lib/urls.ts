import { isLocale, LOCALE_IDS, type Locale } from '../i18n/locales';

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
