import { expect, test } from './fixtures';

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
