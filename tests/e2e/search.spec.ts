/**
 * The site search (/<lang>/search/, Pagefind; issue 16): in every language a term taught in one
 * lesson finds that lesson first, with a link to the section that teaches it; Chinese by a word
 * and by a single character; keyboard only; axe light and dark; and no search JavaScript on any
 * other page. Every other page has the header's search form, a plain GET form to the search page
 * (src/layouts/Base.astro): searched from a lesson in every language, by keyboard, on a phone
 * (where the menu's magnifier stands in for it) and by axe.
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

/** The header's search field of a page (every page but the search page has one). */
const headerField = (page: Page, lang: Lang) =>
  page.getByRole('banner').getByRole('search').getByRole('searchbox', { name: UI[lang].search.headerLabel });

/** The search page's address for a query, as a GET form writes it (a space as '+'). */
const searchUrl = (lang: Lang, query: string) =>
  new RegExp(`/${lang}/search/\\?${new URLSearchParams({ q: query }).toString().replace(/[+%]/g, '\\$&')}$`);

for (const lang of LANGS) {
  test(`${lang}: the header's field on a lesson searches the course, loading nothing before`, async ({
    page,
    baseURL,
  }) => {
    const foreign = forbidOtherHosts(page, baseURL!);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    // Another lesson than the one that teaches the term.
    await page.goto(`/${lang}/sales-and-service/what-sales-is/`);
    await page.waitForLoadState('networkidle');
    const field = headerField(page, lang);
    await field.fill(TERM[lang]);
    await page.waitForLoadState('networkidle');
    // Nothing of the search until the learner submits: the form is plain HTML.
    expect(requests.filter((p) => p.startsWith('/pagefind/') || /search/i.test(p))).toEqual([]);
    await field.press('Enter');
    await expect(page).toHaveURL(searchUrl(lang, TERM[lang]));
    // The search page runs it at once, and focus is on the line saying what was found.
    const status = page.getByRole('status');
    await expect(status).toContainText(TERM[lang]);
    await expect(status).toBeFocused();
    await expect(lessons(page).first().locator('.search-result__title')).toHaveAttribute('href', `/${lang}${LESSON}`);
    // One search field there, the page's own, holding the query.
    await expect(page.getByRole('search')).toHaveCount(1);
    await expect(page.getByRole('searchbox')).toHaveValue(TERM[lang]);
    expect(requests).toContain('/pagefind/pagefind.js');
    expect(foreign).toEqual([]);
  });
}

test('keyboard only: from any page to a result', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/ms/glossary/');
  // Tab from the top reaches the header's field early (skip link, site name, field).
  const field = headerField(page, 'ms');
  let tabs = 0;
  while (tabs < 5 && !(await field.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  await expect(field).toBeFocused();
  await page.keyboard.type(TERM.ms);
  await page.keyboard.press('Enter');
  // The search is in the address, to share or to keep across a language switch.
  await expect(page).toHaveURL(/\/ms\/search\/\?q=timbal\+balik$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(UI.ms.search.title);
  const status = page.getByRole('status');
  await expect(status).toContainText(TERM.ms);
  await expect(status).toBeFocused();
  // From the line that says what was found, Tab goes on to the first result.
  await page.keyboard.press('Tab');
  await expect(lessons(page).first().locator('.search-result__title')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/ms${LESSON}$`));
});

test('keyboard only, on a phone: the menu’s magnifier, then the search page’s field', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/ms/glossary/');
  // No room for a field in the header: the menu's magnifier (named for screen readers) instead.
  await expect(headerField(page, 'ms')).toBeHidden();
  const link = page
    .getByRole('navigation', { name: UI.ms.nav.main })
    .getByRole('link', { name: UI.ms.search.linkShort });
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
  await expect(page).toHaveURL(/\?q=timbal\+balik$/);
  // Searching there leaves focus in the field: Tab, the button, Tab, the first result.
  await expect(box).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(lessons(page).first().locator('.search-result__title')).toBeFocused();
});

for (const width of [320, 390, 1366]) {
  test(`the header at ${width} px: one way to search, and no taller than the search page's`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const lang of LANGS) {
      // The search page's header has no form: the header as it was before the form.
      await page.goto(`/${lang}/search/`);
      const plain = (await page.locator('.site-header').boundingBox())!.height;
      await expect(
        page.getByRole('navigation', { name: UI[lang].nav.main }).locator('a[href$="/search/"]'),
      ).toBeVisible();
      await page.goto(`/${lang}${LESSON}`);
      const field = headerField(page, lang);
      const link = page.getByRole('navigation', { name: UI[lang].nav.main }).locator('a[href$="/search/"]');
      // The field where it fits (from 896 px), the menu's link below that; never both, never neither.
      if (width >= 896) {
        await expect(field).toBeVisible();
        await expect(link).toBeHidden();
        // The placeholder is whole in the field.
        expect(
          await field.evaluate((el: HTMLInputElement) => {
            const c = document.createElement('canvas').getContext('2d')!;
            c.font = getComputedStyle(el).font;
            const s = getComputedStyle(el);
            return (
              c.measureText(el.placeholder).width <=
              el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)
            );
          }),
          lang,
        ).toBe(true);
      } else {
        await expect(field).toBeHidden();
        await expect(link).toBeVisible();
      }
      expect((await page.locator('.site-header').boundingBox())!.height, lang).toBeLessThanOrEqual(plain + 0.5);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), lang).toBeLessThanOrEqual(width);
      // The site's name stays whole beside it.
      expect(await page.locator('.site-name span').evaluate((el) => el.scrollWidth <= el.clientWidth), lang).toBe(true);
    }
  });

  // On a phone (the form hidden, the menu's magnifier shown) and on a laptop (the form shown).
  if (width === 390) continue;
  test(`a lesson with the header's search form passes axe at ${width} px, light and dark`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const lang of LANGS) {
      await page.goto(`/${lang}${LESSON}`);
      await expect(page.locator('.header-search')).toHaveCount(1);
      await axe(page, `${lang} lesson at ${width} px`);
    }
  });
}

test('a search that finds nothing says so', async ({ page }) => {
  await search(page, 'lv', 'zzzqqq');
  await expect(page.getByRole('status')).toHaveText(UI.lv.search.none.replace('{{query}}', 'zzzqqq'));
  await expect(page.locator('.search-result')).toHaveCount(0);
});

test('more results than shown: the true count, then "Show more" loads the next ones and takes focus there', async ({
  page,
}) => {
  const s = UI.en.search;
  await search(page, 'en', 'customer');
  // What Pagefind itself finds for the query, asked in the page.
  const total = await page.evaluate(async () => {
    const pf = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
    return (await pf.search('customer')).results.length as number;
  });
  expect(total).toBeGreaterThan(40);
  await expect(page.getByRole('status')).toHaveText(
    s.results_other.replace('{{count}}', String(total)).replace('{{query}}', 'customer'),
  );
  const results = page.locator('.search-result');
  await expect(results).toHaveCount(20);
  await expect(page.locator('.search-more')).toContainText(`Showing 20 of ${total}`);
  const more = page.getByRole('button', { name: s.more });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(results).toHaveCount(40);
  await expect(page.locator('.search-result a:focus')).toHaveCount(1);
  for (let shown = 40; shown < total; shown += 20) {
    await more.click();
    await expect(results).toHaveCount(Math.min(shown + 20, total));
  }
  await expect(page.locator('.search-more')).toHaveCount(0);
  // Group headings count what is listed, and add up to the total.
  const counts = await page.locator('.search-group h2').allTextContents();
  expect(counts.map((c) => Number(/\((\d+)\)/.exec(c)![1])).reduce((a, b) => a + b, 0)).toBe(total);
});

test("a lesson's sections listed do not repeat its title, and a long query is repeated short", async ({ page }) => {
  await search(page, 'zh', '倾听');
  await expect(page.locator('.search-result')).not.toHaveCount(0);
  await expect(page.locator('.search-result__sections a[href$="#lesson-title"]')).toHaveCount(0);
  const long = '倾听 '.repeat(300).trim();
  await page.goto(`/zh/search/?q=${encodeURIComponent(long)}`);
  await expect(page.getByRole('status')).toContainText('…');
  expect((await page.getByRole('status').textContent())!.length).toBeLessThan(100);
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
