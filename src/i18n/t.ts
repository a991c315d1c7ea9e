/**
 * UI strings through i18next, on the server only. Pages call `useTranslations(locale)` and pass the
 * strings an island needs as props, so i18next never ships to the browser.
 */
import i18next, { type TFunction } from 'i18next';
import { LOCALE_IDS, type Locale } from './locales';
import en from './ui/en.json';
import ms from './ui/ms.json';
import zh from './ui/zh.json';
import lv from './ui/lv.json';
import type { UiStrings } from './strings';

/**
 * Typed as the English file (src/i18n/strings.ts): a key missing in another language fails the
 * type check too. The JSON imports have to be written out, but the Record<Locale, …> type holds
 * them to src/i18n/locales.ts: a locale without its file, or a file for no locale, fails the check.
 */
export const UI_STRINGS: Readonly<Record<Locale, UiStrings>> = { en, ms, zh, lv };

const instances = new Map<Locale, TFunction>();

/** Returns `t` for a locale. A missing key throws: a page must never show a raw key or fall back silently. */
export function useTranslations(locale: Locale): TFunction {
  const cached = instances.get(locale);
  if (cached) return cached;
  const instance = i18next.createInstance();
  instance.init({
    lng: locale,
    // No fallback language: a key missing in Malay must not quietly show English.
    fallbackLng: false,
    resources: Object.fromEntries(LOCALE_IDS.map((l) => [l, { translation: UI_STRINGS[l] }])),
    initAsync: false,
    interpolation: { escapeValue: false }, // Astro escapes on output
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => {
      throw new Error(`Missing UI string "${key}" for locale "${locale}" (src/i18n/ui/${locale}.json)`);
    },
  });
  const t = instance.getFixedT(locale);
  instances.set(locale, t);
  return t;
}
