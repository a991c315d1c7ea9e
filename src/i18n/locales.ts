/**
 * The list of languages and the locale table, in one place. Everything else that needs the list
 * (pages, URL parsing, the inline redirect and 404 scripts, tests) derives it from here, so adding
 * a language is one id, one table entry (the type check asks for it) plus its
 * src/i18n/ui/<id>.json and content.
 * The URL slug (`zh`) and the BCP-47 language tag (`zh-CN`) differ for Chinese, so both are kept;
 * `label` names each language in its own script for the switcher.
 */
/** Locales in the order they are offered to the learner: the list of the site's languages. */
export const LOCALE_IDS = ['en', 'ms', 'zh', 'lv'] as const;

export type Locale = (typeof LOCALE_IDS)[number];

/** Each locale's tag and label; a Record over Locale, so a language missing here fails the type check. */
export const LOCALES = {
  en: { tag: 'en', label: 'English', speech: 'en' },
  ms: { tag: 'ms', label: 'Bahasa Melayu', speech: 'ms' },
  zh: { tag: 'zh-CN', label: '中文', speech: 'zh-CN' },
  lv: { tag: 'lv', label: 'Latviešu', speech: 'lv' },
} as const satisfies Record<Locale, { tag: string; label: string; speech: string }>;

/** A language tag of the course (`<html lang>`, Intl), e.g. 'zh-CN'. */
export type LanguageTag = (typeof LOCALES)[Locale]['tag'];

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The locale ids as a regular-expression alternation ('en|ms|zh|lv'), for patterns that must match
 * a language segment (the v1 progress migration, the inline 404 script). Ids are plain lowercase
 * letters, so nothing needs escaping; a unit test holds that.
 */
export const LOCALE_PATTERN = LOCALE_IDS.join('|');

// The list, not the table: browser code that only checks ids (progress, links) then carries no labels.
export function isLocale(value: unknown): value is Locale {
  return (LOCALE_IDS as readonly unknown[]).includes(value);
}
