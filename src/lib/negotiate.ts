/**
 * Picks the course language from the browser's preferred languages (navigator.languages).
 * Malay for ms / ms-MY, Chinese for any zh (zh-TW readers still get Simplified, the only Chinese
 * we have), Latvian for lv, English otherwise.
 *
 * Kept self-contained (no imports, no closures) because its source is inlined into the `/`
 * page as a tiny script: the redirect must run before anything paints.
 */
export function pickLocale(languages: readonly string[]): 'en' | 'ms' | 'zh' | 'lv' {
  for (const language of languages) {
    const primary = String(language).toLowerCase().split(/[-_]/)[0];
    if (primary === 'en' || primary === 'ms' || primary === 'zh' || primary === 'lv') return primary;
  }
  return 'en';
}

/**
 * The inline script of a page outside the languages (`/`, `/my-training/`, `/trainer/results/`):
 * goes to the same page under the browser's language, keeping what follows '#'.
 */
export function languageRedirectScript(path = ''): string {
  return `(function(){var pick=${pickLocale.toString()};var l=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||''];location.replace('/'+pick(l)+'/'+${JSON.stringify(path)}+location.hash);})();`;
}
