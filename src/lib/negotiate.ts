/**
 * Picks the course language: the one the learner last chose with the language switcher, if it is
 * one of ours; otherwise from the browser's preferred languages (navigator.languages), by the
 * primary subtag: Malay for ms / ms-MY, Chinese for any zh (zh-TW readers still get Simplified,
 * the only Chinese we have), Latvian for lv, the default (English) otherwise. Which languages
 * exist comes from src/i18n/locales.ts.
 */
import { DEFAULT_LOCALE, LOCALE_IDS, type Locale } from '../i18n/locales';

/**
 * Where the language the learner chose is kept (localStorage). Written only by an explicit choice,
 * the switcher (src/scripts/same-place.ts): opening a page in a language does not count, so a
 * shared /lv/ link opened once does not change where `/` sends a Malay learner.
 */
export const LANGUAGE_KEY = 'sales-course:language';

/**
 * The choice itself, over any list of ids. Kept self-contained (no imports, no closures) because
 * its source is inlined into the redirect pages as a tiny script (the redirect must run before
 * anything paints); the script passes the list and the default in as literals.
 * `remembered` is what storage held: anything (damaged, another site's, null); it wins only when
 * it is exactly one of the ids, so it can never become an arbitrary path.
 */
export function pickFrom(
  languages: readonly string[],
  ids: readonly string[],
  fallback: string,
  remembered?: unknown,
): string {
  if (typeof remembered === 'string' && ids.includes(remembered)) return remembered;
  for (const language of languages) {
    const primary = String(language).toLowerCase().split(/[-_]/)[0];
    if (ids.includes(primary)) return primary;
  }
  return fallback;
}

/** The course language for a browser's preferred languages and what storage remembered, if anything. */
export function pickLocale(languages: readonly string[], remembered?: unknown): Locale {
  return pickFrom(languages, LOCALE_IDS, DEFAULT_LOCALE, remembered) as Locale;
}

/**
 * The inline script of a page outside the languages (`/`, `/my-training/`, `/trainer/results/`):
 * goes to the same page under the remembered or the browser's language, keeping what follows '#'.
 * Storage may be blocked (reading `localStorage` throws) or absent: then the browser's language
 * decides, and the redirect still happens.
 */
export function languageRedirectScript(path = ''): string {
  return `(function(){var pick=${pickFrom.toString()};var r;try{r=localStorage.getItem(${JSON.stringify(LANGUAGE_KEY)});}catch(e){}var l=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||''];location.replace('/'+pick(l,${JSON.stringify(LOCALE_IDS)},${JSON.stringify(DEFAULT_LOCALE)},r)+'/'+${JSON.stringify(path)}+location.hash);})();`;
}
