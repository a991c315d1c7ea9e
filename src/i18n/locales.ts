/**
 * The one locale table, and the one place the list of languages is written. Everything else that
 * needs the list (pages, URL parsing, the inline redirect and 404 scripts, tests) derives it from
 * here, so adding a language is one entry plus its src/i18n/ui/<id>.json and content.
 * The URL slug (`zh`) and the BCP-47 language tag (`zh-CN`) differ for Chinese, so both are kept;
 * `label` names each language in its own script for the switcher.
 */
export const LOCALES = {
  en: { tag: 'en', label: 'English', speech: 'en' },
  ms: { tag: 'ms', label: 'Bahasa Melayu', speech: 'ms' },
  zh: { tag: 'zh-CN', label: '中文', speech: 'zh-CN' },
  lv: { tag: 'lv', label: 'Latviešu', speech: 'lv' },
} as const;

export type Locale = keyof typeof LOCALES;

/** A language tag of the course (`<html lang>`, Intl), e.g. 'zh-CN'. */
export type LanguageTag = (typeof LOCALES)[Locale]['tag'];

/** Locales in the order they are offered to the learner. */
export const LOCALE_IDS = Object.keys(LOCALES) as Locale[];

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The locale ids as a regular-expression alternation ('en|ms|zh|lv'), for patterns that must match
 * a language segment (the v1 progress migration, the inline 404 script). Ids are plain lowercase
 * letters, so nothing needs escaping; a unit test holds that.
 */
export const LOCALE_PATTERN = LOCALE_IDS.join('|');

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}
