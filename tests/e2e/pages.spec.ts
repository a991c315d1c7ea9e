/** Every localized page: language, title, description, canonical, hreflang, and the switcher's links. */
import { expect, test } from './fixtures';
import { LANGS, SITE_NAMES, TAGS, UI, langOf, localizedPages } from './site';

const pages = localizedPages();

test('the build has a home, module pages, lesson pages and a 404 in every language', () => {
  for (const lang of LANGS) {
    const mine = pages.filter((p) => p.startsWith(`/${lang}/`));
    expect(mine).toContain(`/${lang}/`);
    expect(mine).toContain(`/${lang}/404/`);
    expect(mine.filter((p) => p.split('/').filter(Boolean).length === 2).length).toBeGreaterThan(1);
    expect(mine.filter((p) => p.split('/').filter(Boolean).length === 3).length).toBeGreaterThan(0);
  }
  // The same pages in every language.
  const neutral = (l: string) => pages.filter((p) => p.startsWith(`/${l}/`)).map((p) => p.slice(l.length + 1));
  for (const lang of LANGS) expect(neutral(lang)).toEqual(neutral('en'));
});

for (const pathname of pages) {
  test(`head and switcher of ${pathname}`, async ({ page, request, baseURL }) => {
    const lang = langOf(pathname);
    const response = await page.goto(pathname);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', TAGS[lang]);
    await expect(page).toHaveTitle(new RegExp(SITE_NAMES[lang]));
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.trim().length).toBeGreaterThan(10);

    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical!).pathname).toBe(pathname);

    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')] as [string, string]),
    );
    expect(alternates.map(([h]) => h).sort()).toEqual(['en', 'lv', 'ms', 'x-default', 'zh-CN']);
    for (const [hreflang, href] of alternates) {
      const target = new URL(href).pathname;
      const expectedLang = hreflang === 'x-default' ? 'en' : LANGS.find((l) => TAGS[l] === hreflang)!;
      expect(target).toBe(pathname.replace(/^\/[a-z]{2}\//, `/${expectedLang}/`));
      // It points at a page that exists.
      expect((await request.get(new URL(target, baseURL).href)).status(), target).toBe(200);
    }

    const switcherTargets = await page.locator('.lang-switcher a').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(switcherTargets).toEqual(LANGS.map((l) => pathname.replace(/^\/[a-z]{2}\//, `/${l}/`)));
  });
}

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
