import { describe, expect, it } from 'vitest';
import { LOCALES, LOCALE_IDS } from '../../src/i18n/locales';
import { UI_STRINGS, useTranslations } from '../../src/i18n/t';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Keys without plural suffixes: 'module.lessonCount_one' -> 'module.lessonCount'. */
const baseKeys = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, '')));

describe('UI strings', () => {
  const en = flatten(UI_STRINGS.en as Tree);
  const enBase = baseKeys(Object.keys(en));
  const pluralKeys = new Set(
    Object.keys(en)
      .filter((k) => PLURAL.test(k))
      .map((k) => k.replace(PLURAL, '')),
  );

  for (const locale of LOCALE_IDS) {
    const strings = flatten(UI_STRINGS[locale] as Tree);
    const categories = new Intl.PluralRules(LOCALES[locale].tag).resolvedOptions().pluralCategories;

    it(`${locale} has every key English has, and no other`, () => {
      const missing = [...enBase].filter((k) => !pluralKeys.has(k) && !(k in strings));
      expect(missing, `missing in src/i18n/ui/${locale}.json`).toEqual([]);
      const extra = [...baseKeys(Object.keys(strings))].filter((k) => !enBase.has(k));
      expect(extra, `unknown keys in src/i18n/ui/${locale}.json`).toEqual([]);
    });

    it(`${locale} has every plural form its language needs (${categories.join(', ')})`, () => {
      const missing = [...pluralKeys].flatMap((k) =>
        categories.filter((c) => !(`${k}_${c}` in strings)).map((c) => `${k}_${c}`),
      );
      expect(missing).toEqual([]);
    });

    it(`${locale} has no empty string and keeps every {{placeholder}} of English`, () => {
      for (const [key, value] of Object.entries(strings)) {
        expect(value.trim(), key).not.toBe('');
        const enValue = en[key] ?? en[`${key.replace(PLURAL, '')}_other`];
        const wanted = (enValue.match(/{{\w+}}/g) ?? []).sort();
        expect((value.match(/{{\w+}}/g) ?? []).sort(), `${locale}: ${key}`).toEqual(wanted);
      }
    });
  }

  it('fills placeholders and chooses plural forms per language', () => {
    expect(useTranslations('en')('module.lessonCount', { count: 1 })).toBe('1 lesson');
    expect(useTranslations('en')('module.lessonCount', { count: 3 })).toBe('3 lessons');
    expect(useTranslations('ms')('module.lessonCount', { count: 3 })).toBe('3 pelajaran');
    expect(useTranslations('zh')('module.label', { number: 2 })).toBe('模块 2');
    expect(useTranslations('lv')('module.totalTime', { count: 21 })).toBe('aptuveni 21 minūte');
    expect(useTranslations('lv')('module.totalTime', { count: 5 })).toBe('aptuveni 5 minūtes');
  });

  it('throws on a key that does not exist instead of showing it', () => {
    expect(() => useTranslations('ms')('nav.doesNotExist')).toThrow(
      /Missing UI string "nav.doesNotExist" for locale "ms"/,
    );
  });
});
