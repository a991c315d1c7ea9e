import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, isLocale, LOCALE_IDS, LOCALE_PATTERN } from '../../src/i18n/locales';
import {
  alternatePaths,
  lessonIdOfPath,
  localeOfPath,
  localePath,
  splitLocalePath,
  switchLocalePath,
} from '../../src/lib/urls';

describe('localized URLs', () => {
  it('builds paths with a trailing slash', () => {
    expect(localePath('ms')).toBe('/ms/');
    expect(localePath('zh', 'sales-and-service', 'what-sales-is')).toBe('/zh/sales-and-service/what-sales-is/');
  });

  it('splits a path into locale and the language-neutral rest', () => {
    expect(splitLocalePath('/lv/a/b/')).toEqual({ locale: 'lv', rest: 'a/b' });
    expect(splitLocalePath('/lv/')).toEqual({ locale: 'lv', rest: '' });
    expect(splitLocalePath('/de/a/')).toBeNull();
    expect(splitLocalePath('/')).toBeNull();
  });

  it('switches language and keeps the page', () => {
    expect(switchLocalePath('/en/relationship-types/four-types/', 'zh')).toBe('/zh/relationship-types/four-types/');
    expect(switchLocalePath('/ms/', 'lv')).toBe('/lv/');
    expect(switchLocalePath('/unknown/page/', 'ms')).toBe('/ms/');
  });

  it('lists every language version, in the order of src/i18n/locales.ts', () => {
    expect(alternatePaths('/en/x/')).toEqual(LOCALE_IDS.map((locale) => ({ locale, path: `/${locale}/x/` })));
  });

  it('gives every path one locale: its first segment, else the default', () => {
    for (const locale of LOCALE_IDS) {
      expect(localeOfPath(`/${locale}/`)).toBe(locale);
      expect(localeOfPath(`/${locale}/a/b/`)).toBe(locale);
    }
    expect(localeOfPath('/')).toBe(DEFAULT_LOCALE);
    expect(localeOfPath('/404/')).toBe(DEFAULT_LOCALE);
    expect(localeOfPath('/my-training/')).toBe(DEFAULT_LOCALE);
    expect(localeOfPath('/de/a/')).toBe(DEFAULT_LOCALE);
    // Inherited object keys are not locales.
    expect(localeOfPath('/constructor/')).toBe(DEFAULT_LOCALE);
  });

  it('reads a lesson id from a lesson path in any language, strictly', () => {
    for (const locale of LOCALE_IDS) expect(lessonIdOfPath(`/${locale}/m-1/l-2/`)).toBe('m-1/l-2');
    expect(lessonIdOfPath('/lv/m/l')).toBe('m/l');
    expect(lessonIdOfPath('/de/m/l/')).toBeNull();
    expect(lessonIdOfPath('/en/m/')).toBeNull();
    expect(lessonIdOfPath('/en/m/l/x/')).toBeNull();
    expect(lessonIdOfPath('//en/m/l/')).toBeNull();
    expect(lessonIdOfPath('/en/M/l/')).toBeNull();
    expect(lessonIdOfPath('x/en/m/l/')).toBeNull();
  });
});

describe('the locale list', () => {
  it('has ids a URL segment and a regular expression take as they are', () => {
    // LOCALE_PATTERN joins the ids unescaped, and the inline scripts put ids in paths.
    for (const locale of LOCALE_IDS) expect(locale).toMatch(/^[a-z]{2,3}$/);
    expect(new RegExp(`^(?:${LOCALE_PATTERN})$`).source).toBe(`^(?:${LOCALE_IDS.join('|')})$`);
    for (const locale of LOCALE_IDS) expect(isLocale(locale)).toBe(true);
    expect(isLocale('toString')).toBe(false);
  });
});
