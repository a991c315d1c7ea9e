/**
 * The trainer's desk (issue 14): 30 trainees on three assignments, read on a 1366 × 768 laptop in
 * every language and on a 390 px phone. Who is late and who scored lowest without scrolling
 * sideways; one trainee's and one lesson's detail a keyboard press away; a report just pasted is
 * marked (not by colour alone), in view and focused. Reports are made here with encodeReport.
 */
import { expect, test, type Page } from './fixtures';
import { axe } from './axe';
import { encodeReport } from '../../src/lib/assignment';
import { allCodes, exerciseTitle, LOWEST, now, PLANS, reportOf, seed } from './desk-data';
import { LANGS, UI, type Lang } from './site';

const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');
const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{?(\w+)\}?\}/g, (_, k: string) => String(v[k]));

async function pasteAll(page: Page, lang: Lang) {
  const T = UI[lang].results;
  await page.goto(`/${lang}/trainer/results/`);
  await hydrated(page);
  await page.getByLabel(T.pasteLabel).fill((await allCodes()).join('\n'));
  await page.getByRole('button', { name: T.add }).click();
  await expect(page.getByText(fillIn(T.addedCount, { added: 29, updated: 0, unchanged: 0 }))).toBeVisible();
}

async function noSidewaysScroll(page: Page) {
  const {
    page: pageWidth,
    inner,
    boxes,
  } = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    inner: innerWidth,
    boxes: [...document.querySelectorAll<HTMLElement>('.table-scroll, .trainer-results table, .result-cards')].map(
      (b) => [b.scrollWidth, b.clientWidth],
    ),
  }));
  expect(pageWidth).toBeLessThanOrEqual(inner);
  for (const [scroll, client] of boxes) expect(scroll).toBeLessThanOrEqual(client);
}

for (const lang of LANGS) {
  test(`${lang}: 30 trainees on three assignments read at 1366 × 768 without sideways scrolling`, async ({ page }) => {
    test.setTimeout(120_000);
    const T = UI[lang].results;
    await page.setViewportSize({ width: 1366, height: 768 });
    await seed(page);
    await pasteAll(page, lang);
    const sections = page.locator('section.results-assignment');
    await expect(sections).toHaveCount(3);
    await expect(page.locator('.results-table tbody tr[data-trainee]')).toHaveCount(30);
    await noSidewaysScroll(page);

    // The figures at the top of the first assignment: five of 10 done (0, 3, 4, 7, 8), late, overdue.
    const first = page.locator('section[data-assignment="desk0001"]');
    const cohort = first.getByTestId('cohort');
    await expect(cohort.locator('[data-figure="complete"] dd')).toHaveText(
      fillIn(T.figCompleteValue, { done: 5, total: 10, rate: '50%' }),
    );
    // 3 and 7 finished after the due date; 1, 5 (most done) and 2, 6 (nothing) are overdue.
    await expect(cohort.locator('[data-figure="behind"] dd')).toHaveText(
      fillIn(T.figBehindValue, { late: 2, overdue: 4 }),
    );
    await expect(cohort.locator('[data-figure="no-report"] dd')).toHaveText('1');
    // Every one of the 7 who tried either exercise scored under 100 %; the scenarios' average is lower.
    await expect(cohort.locator('[data-figure="hardest"] dd')).toHaveText(
      fillIn(T.figHardestValue, { title: exerciseTitle(lang, 'relationship-scenarios'), missed: 7, tried: 7 }),
    );

    // Who scored lowest: sort by average best score, ascending; the row first, its status in view.
    const table = first.locator('.results-table');
    const sortAverage = first.getByRole('button', { name: fillIn(T.sortBy, { column: T.colAverage }) });
    await sortAverage.click();
    await expect(table.locator('thead th[aria-sort="ascending"]')).toContainText(T.colAverage);
    const top = table.locator('tbody tr[data-trainee]').first();
    await expect(top).toHaveAttribute('data-trainee', LOWEST);
    await expect(top.locator('td[data-col="average"]')).toHaveText('10%');
    await expect(top.locator('td[data-col="state"]')).toHaveText(T['state-overdue']);
    await expect(top.locator('td[data-col="state"]')).toBeInViewport();
    await expect(top.locator('td[data-col="actions"]').getByRole('button').last()).toBeInViewport();
    // Who is late: sort by status puts the not reported, then the overdue, then the late first.
    await first.getByRole('button', { name: fillIn(T.sortBy, { column: T.colState }) }).click();
    await expect(table.locator('tbody tr[data-trainee]').first()).toHaveAttribute('data-state', 'no-report');
    await expect(table.locator('tbody tr[data-trainee]').nth(1)).toHaveAttribute('data-state', 'overdue');
    await noSidewaysScroll(page);

    // One trainee's detail, with the keyboard.
    const details = table
      .locator(`tr[data-trainee="${LOWEST}"]`)
      .getByRole('button', { name: new RegExp(`^${T.details}\\W+${LOWEST}$`) });
    await details.focus();
    await page.keyboard.press('Enter');
    await expect(details).toHaveAttribute('aria-expanded', 'true');
    const detail = first.getByTestId('trainee-detail');
    await expect(detail.getByRole('heading', { name: fillIn(T.detailHeading, { name: LOWEST }) })).toBeVisible();
    await expect(detail.locator('tbody tr')).toHaveCount(3);
    await expect(detail.locator('tr[data-lesson="relationship-types/four-types"]')).toHaveAttribute('data-read', 'no');
    await expect(detail.locator('tr[data-lesson="relationship-types/choosing-the-level"]')).toContainText(
      fillIn(T.exerciseShort, { best: '5%', latest: '0%', attempts: fillIn(T.attempts_other, { count: 2 }) }),
    );
    await noSidewaysScroll(page);
    await axe(page, `${lang} trainee detail open`);
    await page.keyboard.press('Enter');
    await expect(details).toHaveAttribute('aria-expanded', 'false');
    await expect(detail).toHaveCount(0);

    // One lesson across the trainees, with the keyboard.
    const lessonRow = first.locator('.lesson-table tr[data-lesson="relationship-types/choosing-the-level"]');
    await expect(lessonRow.locator('td').first()).toHaveText(fillIn(T.readCount, { read: 7, total: 10 }));
    const lessonButton = lessonRow.getByRole('button');
    await lessonButton.focus();
    await page.keyboard.press('Space');
    await expect(lessonButton).toHaveAttribute('aria-expanded', 'true');
    const byLesson = first.getByTestId('lesson-detail');
    await expect(byLesson.getByRole('heading')).toBeVisible();
    await expect(byLesson.locator('tbody tr')).toHaveCount(10);
    await expect(byLesson.locator('tr[data-trainee="Pēteris Kļaviņš"]')).toContainText(T['state-no-report']);
    await expect(byLesson.locator(`tr[data-trainee="${LOWEST}"]`)).toHaveAttribute('data-read', 'yes');
    await noSidewaysScroll(page);
    await axe(page, `${lang} lesson detail open`);

    // A newer report from one trainee, pasted: that row is marked, in view and focused.
    const newer = await encodeReport(reportOf(PLANS[2], 2, now));
    await page.getByLabel(T.pasteLabel).fill(newer);
    await page.getByRole('button', { name: T.add }).click();
    await expect(page.getByText(fillIn(T.addedCount, { added: 0, updated: 1, unchanged: 0 }))).toBeVisible();
    const fresh = page.locator('tr[data-fresh]');
    await expect(fresh).toHaveCount(1);
    await expect(fresh).toHaveAttribute('data-trainee', 'Tan Wei Ming');
    await expect(fresh.locator('.fresh-badge')).toHaveText(T.fresh);
    await expect(fresh.locator('th')).toBeFocused();
    await expect(fresh.locator('td[data-col="state"]')).toBeInViewport();
    // Scanned from the top: mid-scroll, the sticky site header half covers some row's buttons,
    // which axe's target-size rule counts against whichever row happens to be under it.
    await page.evaluate(() => scrollTo(0, 0));
    await axe(page, `${lang} a report just added`);
  });
}

test('on a 390 px phone: cards, no sideways scroll, same figures and actions', async ({ page }) => {
  test.setTimeout(120_000);
  const T = UI.lv.results;
  await page.setViewportSize({ width: 390, height: 844 });
  await seed(page);
  await pasteAll(page, 'lv');
  await expect(page.locator('.results-table tbody tr[data-trainee]')).toHaveCount(0);
  const cards = page.locator('li.result-card');
  await expect(cards).toHaveCount(30);
  await noSidewaysScroll(page);
  const first = page.locator('section[data-assignment="desk0001"]');
  await expect(first.getByTestId('cohort').locator('[data-figure="complete"] dd')).toHaveText(
    fillIn(T.figCompleteValue, { done: 5, total: 10, rate: '50%' }),
  );
  // Sorted by score, lowest first.
  await first.getByLabel(T.sortLabel).selectOption('average');
  const top = first.locator('li.result-card').first();
  await expect(top).toHaveAttribute('data-trainee', LOWEST);
  await expect(top.locator('[data-col="state"] dd')).toHaveText(T['state-overdue']);
  await first.getByLabel(T.orderLabel).selectOption('descending');
  await expect(first.locator('li.result-card').first()).not.toHaveAttribute('data-trainee', LOWEST);
  await first.getByLabel(T.orderLabel).selectOption('ascending');
  // Details open in the card.
  const details = top.getByRole('button', { name: new RegExp(`^${T.details}`) });
  await details.click();
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await expect(top.getByTestId('trainee-detail')).toBeVisible();
  await noSidewaysScroll(page);
  // The lesson view too.
  await first
    .locator('.lesson-table tr[data-lesson="relationship-types/choosing-the-level"]')
    .getByRole('button')
    .click();
  await expect(first.getByTestId('lesson-detail').locator('tbody tr')).toHaveCount(10);
  await noSidewaysScroll(page);
  await axe(page, 'phone cards with details open');
  // A newer report marked in its card, in view; remove and Undo work from the card.
  await page.getByLabel(T.pasteLabel).fill(await encodeReport(reportOf(PLANS[1], 6, now)));
  await page.getByRole('button', { name: T.add }).click();
  // Until this report is added, the 29 of the first paste are the marked ones.
  await expect(page.getByText(fillIn(T.addedCount, { added: 0, updated: 1, unchanged: 0 }))).toBeVisible();
  const fresh = page.locator('li[data-fresh]');
  await expect(fresh).toHaveAttribute('data-trainee', 'Ieva Ozola');
  await expect(fresh.locator('.fresh-badge')).toHaveText(T.fresh);
  await expect(fresh.locator('h3')).toBeFocused();
  await expect(fresh.locator('[data-col="state"]')).toBeInViewport();
  await noSidewaysScroll(page);
  await axe(page, 'phone card just added');
  await fresh.getByRole('button', { name: new RegExp(`^${T.removeOne}\\W+Ieva Ozola$`) }).click();
  await expect(page.locator('li[data-trainee="Ieva Ozola"]')).toHaveCount(0);
  await page.getByRole('button', { name: T.undo }).click();
  await expect(page.locator('li[data-trainee="Ieva Ozola"]')).toHaveCount(1);
});

test('a report link accepted: its row is marked, in view and focused', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seed(page);
  await pasteAll(page, 'en');
  const code = await encodeReport(reportOf(PLANS[2], 9, now));
  await page.goto(`/en/trainer/results/#${code}`);
  await hydrated(page);
  await page.getByRole('button', { name: UI.en.results.previewAdd }).click();
  const fresh = page.locator('tr[data-fresh]');
  await expect(fresh).toHaveAttribute('data-trainee', 'Dace Kalniņa');
  await expect(fresh.locator('th')).toBeFocused();
  await expect(fresh).toBeInViewport();
  await expect(page.getByRole('status')).toContainText(
    fillIn(UI.en.results.addedCount, { added: 0, updated: 1, unchanged: 0 }),
  );
});
