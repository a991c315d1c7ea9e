/**
 * axe-core, light and dark on the same page load: every English page, and one page of each kind
 * (home, a module, a lesson with each kind of exercise and one without, glossary, progress,
 * My training, trainer, results, 404) in each of the other languages. The islands' states are
 * axed where they are reached (training, exercises and role-play specs). That no page requests
 * another host is checked on every page of every language in csp.spec.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { LANGS, forbidOtherHosts, localizedPages, onePageOfEachKind, pageKind } from './site';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const english = ['/404.html', ...localizedPages().filter((p) => p.startsWith('/en/'))];
const others = LANGS.filter((l) => l !== 'en').flatMap((l) => onePageOfEachKind(l));

test('the sample covers every kind of page in every language', () => {
  const kinds = new Set(localizedPages().map(pageKind));
  expect(kinds.size).toBeGreaterThanOrEqual(12);
  for (const lang of LANGS.filter((l) => l !== 'en')) {
    expect(new Set(others.filter((p) => p.startsWith(`/${lang}/`)).map(pageKind)), lang).toEqual(kinds);
  }
});

for (const pathname of [...english, ...others]) {
  test(`no accessibility violations on ${pathname}, light and dark`, async ({ page, baseURL }) => {
    const foreign = forbidOtherHosts(page, baseURL!);
    await page.goto(pathname);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect
        .poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme)
        .toBe(scheme === 'dark');
      expect(await violations(page), scheme).toEqual([]);
    }
    expect(foreign).toEqual([]);
  });
}

test('the language list at / (as seen without JavaScript) has no accessibility violations', async ({ page }) => {
  // axe itself needs JavaScript, so serve '/' without its redirect script instead of turning JS off.
  await page.route('**/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script>[\s\S]*?<\/script>/, '');
    await route.fulfill({ response, body });
  });
  await page.goto('/');
  await expect(page.locator('main a')).toHaveCount(4);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await violations(page), scheme).toEqual([]);
  }
});

test('the language switcher, opened, has no accessibility violations', async ({ page }) => {
  await page.goto('/lv/');
  await page.locator('.lang-switcher summary').click();
  expect(await violations(page, '.lang-switcher')).toEqual([]);
});
