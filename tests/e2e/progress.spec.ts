/** Learner progress: kept across languages, tabs, damage, blocked storage, export/reset/import. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const KEY = 'sales-course:progress';
// The words on screen, from the same UI strings the site is built from.
const ui = (lang: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'src/i18n/ui', `${lang}.json`), 'utf8'));
const MS = ui('ms');
const ZH = ui('zh');
const LV = ui('lv');
const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{?(\w+)\}?\}/g, (_, k: string) => String(v[k]));
const L1 = 'sales-and-service/what-sales-is';
const L2 = 'sales-and-service/what-service-is';

const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');
const tick = (page: Page, lesson: string) => page.locator(`.module-card [data-lesson-state="${lesson}"]`);

test('a lesson read in Malay is ticked in Latvian, with module progress and "continue"', async ({ page }) => {
  await page.goto(`/ms/${L1}/`);
  await page.getByRole('button', { name: MS.progress.markRead }).click();
  await expect(page.getByText(MS.progress.isRead)).toBeVisible();

  await page.goto('/lv/');
  await expect(tick(page, L1)).toHaveAttribute('data-state', 'done');
  await expect(tick(page, L1)).toHaveAttribute('aria-label', 'Pabeigta');
  await expect(tick(page, L2)).toHaveAttribute('data-state', 'new');
  const bar = page.getByRole('progressbar', { name: fillIn(LV.progress.moduleProgress, { module: 1 }) });
  await expect(bar).toHaveAttribute('value', '1');
  await expect(page.locator('.module-card').first().locator('[data-module-count]')).toHaveText(
    fillIn(LV.progress.lessonsRead, { read: 1, total: 3 }),
  );
  // Continue where you left off: the next lesson, in Latvian.
  const cont = page.locator('[data-continue] a');
  await expect(cont).toHaveAttribute('href', `/lv/${L2}/`);
  await expect(cont).toContainText('Kas ir klientu apkalpošana');
});

test('reaching the end of a lesson marks it read', async ({ page }) => {
  await page.goto(`/zh/${L2}/`);
  await expect(page.getByRole('button', { name: ZH.progress.markRead })).toBeVisible();
  await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await expect(page.getByText(ZH.progress.isRead)).toBeVisible();
  expect(JSON.parse((await stored(page))!).lessons[L2].read).toBeGreaterThan(0);
});

test('work in two tabs at once: both survive, and each tab sees the other live', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  // Both tabs open before either has done anything.
  await a.goto(`/en/${L1}/`);
  await b.goto(`/ms/${L2}/`);
  await a.getByRole('button', { name: 'Mark this lesson as done' }).click();
  await b.getByRole('button', { name: MS.progress.markRead }).click();
  const saved = JSON.parse((await stored(b))!);
  expect(saved.lessons[L1].read).toBeGreaterThan(0);
  expect(saved.lessons[L2].read).toBeGreaterThan(0);
  // Tab A, never reloaded, shows tab B's lesson as read.
  await expect(a.locator(`.in-module [data-lesson-state="${L2}"]`)).toHaveAttribute('data-state', 'done');
  await a.reload();
  await expect(a.locator(`.in-module [data-lesson-state="${L1}"]`)).toHaveAttribute('data-state', 'done');
  await expect(a.locator(`.in-module [data-lesson-state="${L2}"]`)).toHaveAttribute('data-state', 'done');
});

test('damaged saved progress: a message once, the valid progress kept, the raw value set aside', async ({ page }) => {
  await page.goto('/en/');
  const raw = JSON.stringify({
    version: 2,
    lessons: { [L1]: { opened: 1, read: 2 }, [L2]: { opened: 'garbage' } },
    exercises: { x: 'not an exercise' },
  });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw]);
  await page.reload();
  await expect(page.getByText('Part of your saved progress was damaged')).toBeVisible();
  await expect(tick(page, L1)).toHaveAttribute('data-state', 'done');
  const aside = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('sales-course:progress:unreadable:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(aside).toEqual([raw]);
  await page.getByRole('button', { name: 'OK, understood' }).click();
  await expect(page.locator('[data-progress-banner]')).toBeHidden();
  // Told once: the repaired record is what is stored now.
  await page.reload();
  await expect(page.locator('[data-progress-banner]')).toBeHidden();
  await expect(tick(page, L1)).toHaveAttribute('data-state', 'done');
});

test('unreadable saved progress (truncated JSON) is set aside, not destroyed', async ({ page }) => {
  await page.goto('/lv/');
  const truncated = '{"version":2,"lessons":{"sales-and-service/what-sales-is":{"opened":1,"re';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, truncated]);
  await page.reload();
  await expect(page.getByText(LV.progress.noticeCorrupt)).toBeVisible();
  const aside = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('sales-course:progress:unreadable:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(aside).toEqual([truncated]);
  // The course still works and saves again.
  await page.goto(`/lv/${L1}/`);
  await page.getByRole('button', { name: LV.progress.markRead }).click();
  expect(JSON.parse((await stored(page))!).lessons[L1].read).toBeGreaterThan(0);
});

test('blocked storage: the site works for the session and warns, with export at hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(`/en/${L1}/`);
  await expect(page.getByText('Your browser is not letting this site save progress')).toBeVisible();
  await expect(
    page.locator('[data-progress-banner]').getByRole('button', { name: 'Export my progress' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
  await expect(page.getByText('This lesson is done.')).toBeVisible();
  await expect(page.locator(`.in-module [data-lesson-state="${L1}"]`)).toHaveAttribute('data-state', 'done');
});

test('export, reset, import: everything comes back', async ({ page }, testInfo) => {
  for (const lesson of [L1, L2]) {
    await page.goto(`/en/${lesson}/`);
    await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
  }
  await page.goto('/en/progress/');
  await hydrated(page);
  await expect(page.getByTestId('lessons-total')).toHaveText('Lessons done: 2 of 13');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export my progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sales-course-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('export.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'sales-course-progress', version: 2 });

  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await expect(page.getByText('This deletes all your progress in this browser.')).toBeVisible();
  await page.getByRole('button', { name: 'Yes, delete my progress' }).click();
  await expect(page.getByTestId('lessons-total')).toHaveText('Lessons done: 0 of 13');
  await expect(page.getByText('Your progress has been reset.')).toBeVisible();

  await page.getByLabel('Import progress from a file').setInputFiles(file);
  await expect(page.getByText(/Lessons done: 2\. Exercises: 0\./)).toBeVisible();
  await page.getByRole('button', { name: 'Import and merge' }).click();
  await expect(page.getByTestId('lessons-total')).toHaveText('Lessons done: 2 of 13');
  await page.goto('/en/');
  await expect(tick(page, L1)).toHaveAttribute('data-state', 'done');
  await expect(tick(page, L2)).toHaveAttribute('data-state', 'done');
});

test('a damaged or foreign import file gets a clear message and changes nothing', async ({ page }) => {
  await page.goto(`/ms/${L1}/`);
  await page.getByRole('button', { name: MS.progress.markRead }).click();
  await page.goto('/ms/progress/');
  await hydrated(page);
  const before = await stored(page);
  const input = page.getByLabel(MS.progressPage.importLabel);
  const cases: [string, string][] = [
    [
      '{"format":"sales-course-progress","version":2,"progress":{"version":2,"lessons":{"a/b":{"opened":1',
      MS.progressPage.importNotJson,
    ],
    [
      '{"format":"sales-course-progress","version":2,"progress":{"version":2,"lessons":{"a/b":{"opened":"x"}},"exercises":{}}}',
      MS.progressPage.importDamaged,
    ],
    ['{"name":"my holiday photos"}', MS.progressPage.importNotProgress],
  ];
  for (const [content, message] of cases) {
    await input.setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.getByRole('status').getByText(message)).toBeVisible();
    await expect(page.getByRole('button', { name: MS.progressPage.importConfirm })).toHaveCount(0);
    expect(await stored(page)).toBe(before);
  }
  await expect(page.getByTestId('lessons-total')).toHaveText(
    fillIn(MS.progressPage.lessonsTotal, { read: 1, total: 13 }),
  );
});

test('only the controls that apply are shown: no dismiss without a notice, no "mark as read" once read', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(`/en/${L1}/`);
  await expect(page.getByRole('button', { name: 'Export my progress' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'OK, understood' })).toBeHidden();
  await page.getByRole('button', { name: 'Mark this lesson as done' }).click();
  await expect(page.getByRole('button', { name: 'Mark this lesson as done' })).toBeHidden();
});

test('on a phone, import and reset messages show where the learner acted, and take focus', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto('/lv/progress/');
  await hydrated(page);
  const P = LV.progressPage;
  await page
    .getByLabel(P.importLabel)
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{not json') });
  await expect(page.getByText(P.importNotJson)).toBeInViewport();
  await expect(page.locator('.progress-message:focus')).toContainText(P.importNotJson);
  await page.getByRole('button', { name: P.resetButton }).click();
  await page.getByRole('button', { name: P.resetConfirm }).click();
  await expect(page.getByText(P.resetDone)).toBeInViewport();
  await expect(page.locator('.progress-message:focus')).toContainText(P.resetDone);
});
