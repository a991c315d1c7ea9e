/**
 * A missing page's 404, through the server. Every localized page's language, title, description,
 * canonical, hreflang and switcher links are read from the built HTML in tests/dist/pages.test.ts.
 */
import { expect, test } from './fixtures';
import { UI } from './site';

test('a missing page gets its language’s 404, with a 404 status', async ({ page }) => {
  const cases: [string, string, string][] = [
    ['/ms/tiada-halaman/', 'ms', UI.ms.notFound.title],
    ['/zh/sales-and-service/nope/', 'zh-CN', UI.zh.notFound.title],
    ['/lv/nav/', 'lv', UI.lv.notFound.title],
    ['/en/nothing-here/', 'en', 'Page not found'],
  ];
  for (const [url, lang, heading] of cases) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('h1')).toHaveText(heading);
  }
  const response = await page.goto('/no-language/here/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: /Latviešu/ })).toHaveAttribute('href', '/lv/');
});
