import { describe, expect, it } from 'vitest';
import { alternatePaths, localePath, splitLocalePath, switchLocalePath } from '../../src/lib/urls';

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

  it('lists every language version', () => {
    expect(alternatePaths('/en/x/')).toEqual([
      { locale: 'en', path: '/en/x/' },
      { locale: 'ms', path: '/ms/x/' },
      { locale: 'zh', path: '/zh/x/' },
      { locale: 'lv', path: '/lv/x/' },
    ]);
  });
});
