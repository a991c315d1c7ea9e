/**
 * The site search (/<lang>/search/, Pagefind; issue 16): in every language a term taught in one
 * lesson finds that lesson first, with a link to the section that teaches it; Chinese by a word
 * and by a single character; keyboard only; axe light and dark; and no search JavaScript on any
 * other page.
 */
import { axe } from './axe';
import { expect, test, type Page } from './fixtures';
import { LANGS, UI, forbidOtherHosts, type Lang } from './site';

/** "Reciprocity", taught in relationship-selling/four-elements only (content/modules.yaml `terms`). */
const LESSON = '/relationship-selling/four-elements/';
const TERM: Record<Lang, string> = { en: 'reciprocity', ms: 'timbal balik', zh: '互惠', lv: 'savstarpība' };

const lessons = (page: Page) => page.locator('#search-group-lessons + ol > li');

async function search(page: Page, lang: Lang, query: string) {
  await page.goto(`/${lang}/search/?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole('status')).toContainText(query);
}

for (const lang of LANGS) {
  test(`${lang}: the term a lesson teaches finds that lesson first, linked to its section`, async ({
    page,
    baseURL,
  }) => {
    const foreign = forbidOtherHosts(page, baseURL!);
    await search(page, lang, TERM[lang]);
    const first = lessons(page).first();
    await expect(first.locator('.search-result__title')).toHaveAttribute('href', `/${lang}${LESSON}`);
    // Its sections link to headings of that lesson, and the first one holds the term.
    const section = first.locator('.search-result__sections a').first();
    const href = (await section.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/${lang}${LESSON}#[^#]+$`));
    await section.click();
    await expect(page).toHaveURL(new RegExp(`${LESSON}#`));
    const id = decodeURIComponent(href.split('#')[1]);
    const heading = page.locator(`[id="${id}"]`);
    await expect(heading).toBeVisible();
    // The section: from that heading to the next h2.
    const text = await heading.evaluate((h) => {
      let out = h.textContent ?? '';
      for (let n = h.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling) out += n.textContent;
      return out.toLowerCase();
    });
    expect(text).toContain(TERM[lang].toLowerCase());
    expect(foreign).toEqual([]);
  });
}

test('zh: a single character finds the lessons that use it', async ({ page }) => {
  // 惠 alone, as in 互惠 (reciprocity) and 优惠 (a discount): every lesson found uses it.
  await search(page, 'zh', '惠');
  await expect(lessons(page).first()).toBeVisible();
  const hrefs = await lessons(page)
    .locator('.search-result__title')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain(`/zh${LESSON}`);
  await expect(page.locator('.search-results mark').first()).toContainText('惠');
});

test('zh: a two-character word from the middle of a term finds it too', async ({ page }) => {
  // 成本 (cost) inside 转换成本 (switching cost): the glossary entry and its lesson.
  await search(page, 'zh', '成本');
  await expect(page.locator('#search-group-glossary + ol a', { hasText: '转换成本' })).toBeVisible();
});

test('zh: excerpts join headings, list items and paragraphs as Chinese does', async ({ page }) => {
  // Pagefind alone joins blocks with an English ". " ("积极交流. 学完本课") and a space after "。";
  // scripts/lib/search-text.mjs gives it the joins instead: "。" where a block had no stop, else nothing.
  const excerpts: string[] = [];
  const records: string[] = [];
  for (const query of ['关系', '倾听', '需求', '客户']) {
    await search(page, 'zh', query);
    await expect(page.locator('.search-result__excerpt').first()).toBeVisible();
    excerpts.push(...(await page.locator('.search-result__excerpt').allTextContents()));
    records.push(
      ...(await page
        .locator('#search-group-glossary + ol, #search-group-practice + ol')
        .locator('.search-result__excerpt')
        .allTextContents()),
    );
  }
  expect(excerpts.length).toBeGreaterThan(20);
  expect(records.length).toBeGreaterThan(5);
  // No English stop after Chinese, no space after a Chinese stop.
  expect(excerpts.filter((e) => /[\p{Script=Han}。！？：；，、”）]\.|[。！？：；，、]\s/u.test(e))).toEqual([]);
  // No space between two characters of a glossary term's or an exercise's record ("谈判 与客户商讨…");
  // lessons may have one of their own (a diagram's caption puts one after its bold title).
  expect(records.filter((e) => /\p{Script=Han}\s\p{Script=Han}/u.test(e))).toEqual([]);
  // And no line starts with a stop or a comma (Pagefind may cut an excerpt just before a "。").
  expect(excerpts.filter((e) => /^[。，、；：！？]/u.test(e))).toEqual([]);
  // The joins are there: the heading "学完本课，你将能够" and the first objective, as two sentences.
  expect(excerpts).toContainEqual(expect.stringMatching(/你将能够。说出关系销售的四要素/));
});

test('the parts of a role-play’s record read as sentences', async ({ page }) => {
  await search(page, 'en', 'impact hammer');
  // Title, customer, role, company: separate lines of content/roleplays/en/hammer-price.yaml.
  await expect(page.locator('#search-group-practice + ol .search-result__excerpt').first()).toContainText(
    'impact hammer. Mr. Zhang. Head of quality control. A valve manufacturer.',
  );
});

test('exercises and role-plays are found by their text and link to the exercise in its lesson', async ({ page }) => {
  // The customer in the impact-hammer role-play (content/roleplays/en/hammer-price.yaml).
  await search(page, 'en', 'impact hammer');
  const practice = page.locator('#search-group-practice + ol > li').first();
  await expect(practice.locator('a')).toHaveAttribute(
    'href',
    '/en/listening-and-communicating/listening-and-responding/#x-hammer-price',
  );
  await expect(practice.locator('.meta')).toContainText(UI.en.search.roleplay);
  await practice.locator('a').click();
  await expect(page.locator('[data-exercise-id="hammer-price"]')).toBeInViewport();
});

test('keyboard only: from any page to a result', async ({ page }) => {
  await page.goto('/ms/glossary/');
  // The header's search entry is a plain link in the main menu.
  const link = page.getByRole('navigation', { name: UI.ms.nav.main }).getByRole('link', { name: UI.ms.search.link });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ms\/search\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(UI.ms.search.title);
  // Tab reaches the field (labelled, described by the hint); Enter searches.
  const box = page.getByRole('searchbox', { name: UI.ms.search.label });
  for (let i = 0; i < 30 && !(await box.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.type(TERM.ms);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(TERM.ms);
  // The search is in the address, to share or to keep across a language switch.
  await expect(page).toHaveURL(/\?q=timbal\+balik$/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(lessons(page).first().locator('.search-result__title')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/ms${LESSON}$`));
});

test('a search that finds nothing says so', async ({ page }) => {
  await search(page, 'lv', 'zzzqqq');
  await expect(page.getByRole('status')).toHaveText(UI.lv.search.none.replace('{{query}}', 'zzzqqq'));
  await expect(page.locator('.search-result')).toHaveCount(0);
});

test('switching language keeps the search', async ({ page }) => {
  await search(page, 'en', 'reciprocity');
  await page.locator('.lang-switcher summary').click();
  await page.getByRole('link', { name: 'Latviešu', exact: true }).click();
  await expect(page).toHaveURL(/\/lv\/search\/\?q=reciprocity$/);
  await expect(page.getByRole('searchbox')).toHaveValue('reciprocity');
});

for (const lang of LANGS) {
  test(`${lang}: the search page with results passes axe, light and dark`, async ({ page }) => {
    await search(page, lang, TERM[lang]);
    await expect(lessons(page).first()).toBeVisible();
    await axe(page, `${lang} search`);
  });
}

test('a lesson page loads nothing of the search', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`/en${LESSON}`);
  await page.waitForLoadState('networkidle');
  await page.goto('/zh/glossary/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => p.startsWith('/pagefind/') || /search/i.test(p))).toEqual([]);
});

test('the search page loads Pagefind only when the learner starts to search', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/en/search/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
  await page.getByRole('searchbox').fill('trust');
  await expect(page.getByRole('status')).toContainText('trust');
  expect(requests).toContain('/pagefind/pagefind.js');
  // Only this language's index: no other language's metadata was fetched.
  expect(requests.filter((p) => /\/pagefind\/pagefind\.(ms|zh-cn|lv)_/.test(p))).toEqual([]);
});

test('offline, search says it needs a connection and points to the glossary; a failure online still says reload', async ({
  page,
  context,
}) => {
  const status = page.locator('[data-search-status]');
  for (const lang of LANGS) {
    const s = UI[lang].search;
    await page.goto(`/${lang}/search/`);
    await context.setOffline(true);
    await page.locator('main').getByRole('searchbox').fill(TERM[lang]);
    // Reloading cannot help offline: not "reload the page", but why, and where the terms are.
    await expect(status).toHaveText(s.offline.replace('{{glossary}}', s.offlineGlossary));
    await expect(status.getByRole('link', { name: s.offlineGlossary })).toHaveAttribute('href', `/${lang}/glossary/`);
    if (lang === 'zh') await axe(page, 'search offline');
    await context.setOffline(false);
  }

  // Online, search that cannot load (a broken release): reloading is the advice.
  await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 500, body: '' }));
  await page.goto('/en/search/');
  await page.locator('main').getByRole('searchbox').fill('trust');
  await expect(status).toHaveText(UI.en.search.failed);
});
