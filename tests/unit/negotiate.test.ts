import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALE_IDS } from '../../src/i18n/locales';
import { languageRedirectScript, pickFrom, pickLocale } from '../../src/lib/negotiate';

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
  });

  it('offers every language of src/i18n/locales.ts, and only those', () => {
    for (const locale of LOCALE_IDS) expect(pickLocale([`${locale}-XX`])).toBe(locale);
    expect(pickLocale(['de'])).toBe(DEFAULT_LOCALE);
  });
});

describe('languageRedirectScript', () => {
  /** Runs the inline script as a browser would, with the given preferred languages and hash. */
  function redirectFrom(languages: string[], path = '', hash = ''): string {
    let target = '';
    const location = {
      hash,
      replace: (to: string) => {
        target = to;
      },
    };
    // eslint-disable-next-line no-new-func
    new Function('navigator', 'location', languageRedirectScript(path))(
      { languages, language: languages[0] },
      location,
    );
    return target;
  }

  it('goes to the page under the browser language, keeping the hash', () => {
    for (const locale of LOCALE_IDS) expect(redirectFrom([locale])).toBe(`/${locale}/`);
    expect(redirectFrom(['zh-TW'], 'my-training/', '#a1.x.y')).toBe('/zh/my-training/#a1.x.y');
    expect(redirectFrom(['de-DE'], 'trainer/results/')).toBe(`/${DEFAULT_LOCALE}/trainer/results/`);
    expect(redirectFrom([])).toBe(`/${DEFAULT_LOCALE}/`);
  });
});
