/**
 * The one locale table. The URL slug (`zh`) and the BCP-47 language tag (`zh-CN`) differ for
 * Chinese, so both are kept; `label` names each language in its own script for the switcher.
 */
export const LOCALES = {
  en: { tag: 'en', label: 'English', speech: 'en' },
  ms: { tag: 'ms', label: 'Bahasa Melayu', speech: 'ms' },
  zh: { tag: 'zh-CN', label: '中文', speech: 'zh-CN' },
  lv: { tag: 'lv', label: 'Latviešu', speech: 'lv' },
} as const;

export type Locale = keyof typeof LOCALES;

/** Locales in the order they are offered to the learner. */
export const LOCALE_IDS = Object.keys(LOCALES) as Locale[];

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}
