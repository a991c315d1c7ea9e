import { encodeAssignment } from '../../src/lib/assignment';
import { LANGUAGE_KEY } from '../../src/lib/negotiate';
import { expect, test } from './fixtures';
import { forbidOtherHosts, UI } from './site';
import { HOSTILE_RESCUE_PATHS } from '../fixtures/hostile-codes';

const cases: [string, string][] = [
  ['en-US', 'en'],
  ['en-GB', 'en'],
  ['ms', 'ms'],
  ['ms-MY', 'ms'],
  ['zh-CN', 'zh'],
  ['zh-TW', 'zh'],
  ['zh-SG', 'zh'],
  ['lv', 'lv'],
  ['lv-LV', 'lv'],
  ['de-DE', 'en'],
  ['ja-JP', 'en'],
];

for (const [browserLanguage, expected] of cases) {
  test(`/ sends a browser in ${browserLanguage} to /${expected}/`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: browserLanguage, baseURL });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`/${expected}/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', expected === 'zh' ? 'zh-CN' : expected);
    await context.close();
  });
}

test('/ replaces itself: Back from the language home does not bounce through /', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'lv-LV', baseURL });
  const page = await context.newPage();
  await page.goto('/en/');
  await page.goto('/');
  await expect(page).toHaveURL(/\/lv\/$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/$/);
  await context.close();
});

// What the switcher remembered is read back by the redirect only when it is exactly one of the
// languages; anything else (damaged, written by hand, an attempt at a path) is ignored.
for (const damaged of ['../evil', 'xx', '//evil.example', 'lv/../../', 'LV', '']) {
  test(`a damaged remembered language (${JSON.stringify(damaged)}) is ignored: the browser decides`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ locale: 'ms-MY', baseURL });
    // Stored before any page runs, as if left there earlier.
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [LANGUAGE_KEY, damaged]);
    const page = await context.newPage();
    const foreign = forbidOtherHosts(page, baseURL!);
    await page.goto('/');
    await expect(page).toHaveURL(/\/ms\/$/);
    const code = encodeAssignment({ id: 'dmg00001', title: 'Damaged', modules: ['relationship-types'], lessons: [] });
    await page.goto(`/my-training/#${code}`);
    await expect(page).toHaveURL(new RegExp(`/ms/my-training/#${code.replace(/[.]/g, '\\.')}$`));
    await page.goto('/trainer/results/');
    await expect(page).toHaveURL(/\/ms\/trainer\/results\/$/);
    expect(foreign).toEqual([]);
    await context.close();
  });
}

test('a remembered language wins over the browser on every page outside the languages', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: 'en-US', baseURL });
  await context.addInitScript((key) => localStorage.setItem(key, 'zh'), LANGUAGE_KEY);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/zh\/$/);
  await page.goto('/trainer/results/#r1.cut');
  await expect(page).toHaveURL(/\/zh\/trainer\/results\/(#.*)?$/);
  await context.close();
});

test('/ without JavaScript offers the four languages as plain links', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ms-MY', baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/$/);
  const links = page.locator('main a');
  await expect(links).toHaveText(['English', 'Bahasa Melayu', '中文', 'Latviešu']);
  await page.getByRole('link', { name: 'Bahasa Melayu' }).click();
  await expect(page).toHaveURL(/\/ms\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ms');
  await context.close();
});

// The 404 pages put back a '#' that a mail or chat app percent-encoded (src/lib/hash-rescue.ts),
// but only towards this site's own code pages: the path is not trusted as a target.
for (const path of HOSTILE_RESCUE_PATHS) {
  test(`the 404 page's '#' rescue does not redirect ${path}`, async ({ page, baseURL }) => {
    const foreign = forbidOtherHosts(page, baseURL!);
    // Joined as text: page.goto('//evil.example/…') would resolve against the base to another host.
    const address = `${baseURL}${path}`;
    // Our server already refuses or collapses some of these (400, or 301 for '//'); a static host
    // may serve its 404 page for them instead, and that is where the rescue script must hold. So
    // the address gets the 404 page a host would send for it.
    const notFound = path.startsWith('/en/') ? '/en/404/' : '/404.html';
    await page.route(
      (url) => url.host === new URL(address).host && url.pathname === new URL(address).pathname,
      async (route) => {
        route.fulfill({ response: await route.fetch({ url: `${baseURL}${notFound}` }), status: 404 });
      },
    );
    const response = await page.goto(address);
    expect(response?.status()).toBe(404);
    await page.waitForLoadState('networkidle');
    const url = new URL(page.url());
    expect(url.host).toBe(new URL(baseURL!).host);
    // Not even a redirect within the site: the 404 page stays, at the address as typed.
    expect(url.pathname).toBe(new URL(address).pathname);
    expect(url.hash).toBe('');
    // The English 404 (under /en/) and the one outside the languages both start with the English title.
    await expect(page.locator('h1')).toHaveText(UI.en.notFound.title);
    expect(foreign).toEqual([]);
  });
}

test("the 404 page's '#' rescue opens a real code, with trailing punctuation, outside the languages too", async ({
  page,
  baseURL,
}) => {
  const foreign = forbidOtherHosts(page, baseURL!);
  const code = encodeAssignment({ id: 'pct00002', title: 'Rescued', modules: ['relationship-types'], lessons: [] });
  await page.goto(`/my-training/%23${code}).`);
  // /my-training/ then sends an English browser on to /en/my-training/, keeping the code.
  await expect(page).toHaveURL(new RegExp(`/en/my-training/#${code.replace(/[.]/g, '\\.')}\\)\\.$`));
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.getByTestId('assignment-preview')).toContainText('Rescued');
  // A cut-off report still reaches the results page (which then says the link is damaged and
  // clears it from the address), not a 404.
  await page.goto(`/en/trainer/results/%23r1.cut`);
  await expect(page).toHaveURL(/\/en\/trainer\/results\/(#.*)?$/);
  await expect(page.locator('h1')).toHaveText(UI.en.results.title);
  expect(foreign).toEqual([]);
});
