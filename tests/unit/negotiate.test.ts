import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/lib/negotiate';

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
    const source = pickLocale.toString();
    // eslint-disable-next-line no-new-func
    const copy = new Function(`return (${source})`)() as typeof pickLocale;
    expect(copy(['lv'])).toBe('lv');
  });
});
