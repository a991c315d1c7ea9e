import { expect, test } from './fixtures';
import { LABELS, LANGS, TAGS, UI, lessonPages } from './site';

const lesson = lessonPages('en')[0].replace(/^\/en\//, ''); // 'sales-and-service/what-sales-is/'

for (const from of LANGS) {
  for (const to of LANGS.filter((l) => l !== from)) {
    test(`the switcher takes a ${from} lesson to the same lesson in ${to}`, async ({ page }) => {
      await page.goto(`/${from}/${lesson}`);
      const title = await page.locator('h1').textContent();
      await page.locator('.lang-switcher summary').click();
      await page.getByRole('link', { name: LABELS[to], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${to}/${lesson}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', TAGS[to]);
      // A different language, so a different title, in the same place of the course.
      await expect(page.locator('h1')).not.toHaveText(title ?? '');
      await expect(page.locator('.breadcrumbs li')).toHaveCount(3);
    });
  }
}

test('the switcher names each language in its own script and marks the current one', async ({ page }) => {
  await page.goto(`/zh/${lesson}`);
  const nav = page.getByRole('navigation', { name: UI.zh.nav.language });
  await nav.locator('summary').click();
  const links = nav.getByRole('link');
  await expect(links).toHaveText(['English', 'Bahasa Melayu', '中文', 'Latviešu']);
  await expect(nav.locator('a[aria-current="true"]')).toHaveText('中文');
  for (const lang of LANGS) await expect(nav.locator(`a[data-locale="${lang}"]`)).toHaveAttribute('lang', TAGS[lang]);
});

test('the switcher works by keyboard alone', async ({ page }) => {
  await page.goto(`/en/${lesson}`);
  const summary = page.locator('.lang-switcher summary');
  // Tab from the top of the page until the switcher has focus: it must be reachable.
  for (let i = 0; i < 10 && !(await summary.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.lang-switcher details')).toHaveAttribute('open', '');
  // English, Bahasa Melayu, 中文, Latviešu: three Tabs reach Chinese.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '中文', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/zh/${lesson}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('switching language keeps the place in the lesson: the same section is on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto('/lv/relationship-types/four-types/');
  const sections = page.locator('main :is(h2, h3)');
  const index = 5;
  await sections.nth(index).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.locator('.lang-switcher summary').click();
  await page.getByRole('link', { name: '中文', exact: true }).click();
  await expect(page).toHaveURL(/\/zh\/relationship-types\/four-types\/#s5$/);
  await expect(page.locator('main :is(h2, h3)').nth(index)).toBeInViewport();
});
