import { encodeAssignment } from '../../src/lib/assignment';
import { LANGUAGE_KEY } from '../../src/lib/negotiate';
import { expect, test, type Page } from './fixtures';
import { LABELS, LANGS, TAGS, UI, forbidOtherHosts, lessonPages, type Lang } from './site';

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

/** Chooses a language with the switcher of the page that is open, and waits for its page. */
async function switchTo(page: Page, to: Lang): Promise<void> {
  await page.locator('.lang-switcher summary').click();
  await page.getByRole('link', { name: LABELS[to], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', TAGS[to]);
}

const code = encodeAssignment({
  id: 'lang0001',
  title: 'Chosen language',
  modules: ['relationship-types'],
  lessons: [],
});
const codeInUrl = code.replace(/[.]/g, '\\.');

test('the language chosen with the switcher is where / and a learner-choice link open', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: 'en-US', baseURL });
  const page = await context.newPage();
  const foreign = forbidOtherHosts(page, baseURL!);
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  await page.goto(`/en/${lesson}`);
  await switchTo(page, 'lv');
  await expect(page).toHaveURL(new RegExp(`/lv/${lesson}$`));
  expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY)).toBe('lv');
  await page.goto('/');
  await expect(page).toHaveURL(/\/lv\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
  // An assignment link with no language in it (the trainer left the choice to the learner).
  await page.goto(`/my-training/#${code}`);
  await expect(page).toHaveURL(new RegExp(`/lv/my-training/#${codeInUrl}$`));
  await expect(page.getByTestId('assignment-preview')).toContainText('Chosen language');
  await expect(page.locator('h1')).toHaveText(UI.lv.training.title);
  // A later choice replaces the earlier one.
  await page.goto(`/lv/${lesson}`);
  await switchTo(page, 'zh');
  await page.goto('/');
  await expect(page).toHaveURL(/\/zh\/$/);
  expect(foreign).toEqual([]);
  await context.close();
});

test('opening a page in another language is not choosing it: / still follows the browser', async ({
  browser,
  baseURL,
}) => {
  // A shared /lv/ link opened by a Malay learner.
  const context = await browser.newContext({ locale: 'ms-MY', baseURL });
  const page = await context.newPage();
  await page.goto(`/lv/${lesson}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
  await page.goto('/');
  await expect(page).toHaveURL(/\/ms\/$/);
  expect(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY)).toBeNull();
  await context.close();
});

// Storage that refuses: blocked (reading window.localStorage throws, as with cookies blocked) or
// full (every write throws the quota error). Either way the switcher still goes to the other
// language, nothing is remembered, and `/` still follows the browser.
const refusals = {
  blocked: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  },
  full: () => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
};
for (const [name, refuse] of Object.entries(refusals)) {
  test(`with storage ${name}, the switcher still switches and / follows the browser`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ locale: 'en-US', baseURL });
    await context.addInitScript(refuse);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/en/${lesson}`);
    await switchTo(page, 'lv');
    await expect(page).toHaveURL(new RegExp(`/lv/${lesson}$`));
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await page.goto(`/my-training/#${code}`);
    await expect(page).toHaveURL(new RegExp(`/en/my-training/#${codeInUrl}$`));
    expect(errors).toEqual([]);
    await context.close();
  });
}
