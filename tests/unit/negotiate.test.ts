import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALE_IDS } from '../../src/i18n/locales';
import { LANGUAGE_KEY, languageRedirectScript, pickFrom, pickLocale } from '../../src/lib/negotiate';

describe('pickLocale', () => {
  it.each([
    [['ms'], 'ms'],
    [['ms-MY', 'en'], 'ms'],
    [['zh-CN'], 'zh'],
    [['zh-TW'], 'zh'],
    [['zh-Hans-SG'], 'zh'],
    [['ZH_hk'], 'zh'],
    [['lv-LV'], 'lv'],
    [['en-GB'], 'en'],
    [['de-DE', 'fr'], 'en'],
    [['de-DE', 'lv'], 'lv'],
    [['fr', 'ms-MY', 'zh'], 'ms'],
    [[], 'en'],
    [[''], 'en'],
  ])('%j -> %s', (languages, expected) => {
    expect(pickLocale(languages)).toBe(expected);
  });

  it('is self-contained, since its source is inlined into the / page', () => {
    const source = pickFrom.toString();
    // eslint-disable-next-line no-new-func
    const copy = new Function(`return (${source})`)() as typeof pickFrom;
    expect(copy(['lv'], LOCALE_IDS, DEFAULT_LOCALE)).toBe('lv');
    expect(copy(['en-US'], LOCALE_IDS, DEFAULT_LOCALE, 'ms')).toBe('ms');
    expect(copy(['en-US'], LOCALE_IDS, DEFAULT_LOCALE, '../evil')).toBe('en');
  });

  it('offers every language of src/i18n/locales.ts, and only those', () => {
    for (const locale of LOCALE_IDS) expect(pickLocale([`${locale}-XX`])).toBe(locale);
    expect(pickLocale(['de'])).toBe(DEFAULT_LOCALE);
  });
});

describe('pickLocale with a remembered language', () => {
  it('prefers the language the learner chose over the browser languages', () => {
    expect(pickLocale(['en-US'], 'lv')).toBe('lv');
    expect(pickLocale(['ms-MY', 'zh'], 'en')).toBe('en');
    expect(pickLocale([], 'zh')).toBe('zh');
    for (const locale of LOCALE_IDS) expect(pickLocale(['de-DE'], locale)).toBe(locale);
  });

  it.each([
    ['../evil'],
    ['//evil.example'],
    ['xx'],
    ['LV'],
    ['lv-LV'],
    [' lv'],
    ['lv/'],
    [''],
    ['null'],
    [null],
    [undefined],
    [42],
    [['lv']],
    [{ toString: () => 'lv' }],
  ])('ignores a remembered value that is not exactly one of the ids: %j', (remembered) => {
    expect(pickLocale(['ms-MY'], remembered)).toBe('ms');
    expect(pickLocale(['de'], remembered)).toBe(DEFAULT_LOCALE);
  });
});

describe('languageRedirectScript', () => {
  /**
   * Runs the inline script as a browser would, with the given preferred languages, hash and
   * storage (by default none at all: `localStorage` is undefined, as where it does not exist).
   */
  function redirectFrom(languages: string[], path = '', hash = '', storage?: unknown): string {
    let target = '';
    const location = {
      hash,
      replace: (to: string) => {
        target = to;
      },
    };
    // eslint-disable-next-line no-new-func
    new Function('navigator', 'location', 'localStorage', languageRedirectScript(path))(
      { languages, language: languages[0] },
      location,
      storage,
    );
    return target;
  }
  /** A storage holding `value` under the language key, and nothing else. */
  const holding = (value: string) => ({ getItem: (key: string) => (key === LANGUAGE_KEY ? value : null) });

  it('goes to the page under the browser language, keeping the hash', () => {
    for (const locale of LOCALE_IDS) expect(redirectFrom([locale])).toBe(`/${locale}/`);
    expect(redirectFrom(['zh-TW'], 'my-training/', '#a1.x.y')).toBe('/zh/my-training/#a1.x.y');
    expect(redirectFrom(['de-DE'], 'trainer/results/')).toBe(`/${DEFAULT_LOCALE}/trainer/results/`);
    expect(redirectFrom([])).toBe(`/${DEFAULT_LOCALE}/`);
  });

  it('goes to the remembered language, keeping the path and the hash', () => {
    expect(redirectFrom(['en-US'], '', '', holding('lv'))).toBe('/lv/');
    expect(redirectFrom(['en-US'], 'my-training/', '#a1.x.y', holding('lv'))).toBe('/lv/my-training/#a1.x.y');
    expect(redirectFrom(['lv'], 'trainer/results/', '#r1.z', holding('ms'))).toBe('/ms/trainer/results/#r1.z');
  });

  it('ignores a damaged remembered value: the browser language decides', () => {
    for (const value of ['../evil', '//evil.example/', 'xx', 'LV', '']) {
      expect(redirectFrom(['ms-MY'], 'my-training/', '#a1.x', holding(value))).toBe('/ms/my-training/#a1.x');
    }
  });

  it('still redirects by the browser language when storage is blocked or empty', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(redirectFrom(['zh-TW'], 'my-training/', '#a1.x', blocked)).toBe('/zh/my-training/#a1.x');
    expect(redirectFrom(['lv'], '', '', { getItem: () => null })).toBe('/lv/');
    // No storage object at all (undefined): reading it throws, and that is caught too.
    expect(redirectFrom(['ms'])).toBe('/ms/');
  });

  it('reads the key the switcher writes', () => {
    expect(LANGUAGE_KEY).toBe('sales-course:language');
    expect(languageRedirectScript()).toContain(JSON.stringify(LANGUAGE_KEY));
  });
});
