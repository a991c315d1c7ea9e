import type { PluralForms } from '../i18n/strings';

import { fill } from './fill';

export { fill };

/**
 * Picks an i18next plural form (key_one, key_other, key_zero…) for a number, in the browser.
 * `key` must name a string that has a `key_other` in `strings` (NoInfer: the key alone decides
 * which, so a misspelt key is a type error rather than an inferred new key).
 */
export function plural<K extends string>(
  strings: PluralForms<NoInfer<K>>,
  key: K,
  count: number,
  lang: string,
  values: Record<string, string | number> = {},
): string {
  const form = new Intl.PluralRules(lang).select(count);
  // TypeScript cannot resolve a mapped type indexed by a generic template, so read through plain records.
  const forms: Partial<Record<string, string>> = strings;
  const other = (strings as Readonly<Record<`${K}_other`, string>>)[`${key}_other`];
  return fill(forms[`${key}_${form}`] ?? other, { ...values, count });
}

/** A score from 0 to 1 as a whole percent, or a dash when there is none. */
export const percent = (value?: number) => (value === undefined ? '–' : `${Math.round(value * 100)}%`);

/** What a date that cannot be shown (a damaged or impossible time) shows instead. */
