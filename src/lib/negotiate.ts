/**
 * Picks the course language from the browser's preferred languages (navigator.languages), by the
 * primary subtag: Malay for ms / ms-MY, Chinese for any zh (zh-TW readers still get Simplified,
 * the only Chinese we have), Latvian for lv, the default (English) otherwise. Which languages
 * exist comes from src/i18n/locales.ts.
 */
import { DEFAULT_LOCALE, LOCALE_IDS, type Locale } from '../i18n/locales';

/**
 * The choice itself, over any list of ids. Kept self-contained (no imports, no closures) because
 * its source is inlined into the redirect pages as a tiny script (the redirect must run before
 * anything paints); the script passes the list and the default in as literals.
 */
export function pickFrom(languages: readonly string[], ids: readonly string[], fallback: string): string {
  for (const language of languages) {
    const primary = String(language).toLowerCase().split(/[-_]/)[0];
    if (ids.includes(primary)) return primary;
  }
  return fallback;
}

/** The course language for a browser's preferred languages. */
export function pickLocale(languages: readonly string[]): Locale {
  return pickFrom(languages, LOCALE_IDS, DEFAULT_LOCALE) as Locale;
}

/**
 * The inline script of a page outside the languages (`/`, `/my-training/`, `/trainer/results/`):
 * goes to the same page under the browser's language, keeping what follows '#'.
 */
export function languageRedirectScript(path = ''): string {
  return `(function(){var pick=${pickFrom.toString()};var l=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||''];location.replace('/'+pick(l,${JSON.stringify(LOCALE_IDS)},${JSON.stringify(DEFAULT_LOCALE)})+'/'+${JSON.stringify(path)}+location.hash);})();`;
}
