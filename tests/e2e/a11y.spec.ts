/** axe-core on every page of every language, in light and dark; and no request leaves the site. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { forbidOtherHosts, localizedPages } from './site';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const pathname of ['/404.html', ...localizedPages()]) {
  test(`no accessibility violations on ${pathname}, light and dark`, async ({ page, baseURL }) => {
    const foreign = forbidOtherHosts(page, baseURL!);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(pathname);
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
