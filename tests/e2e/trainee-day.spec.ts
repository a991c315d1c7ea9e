/**
 * The trainee's day (issue 13): work that counts without hunting for a button (the completion
 * rule, src/lib/completion.ts), the home as a dashboard, the assignment as the path through the
 * lessons, exercise results on My training, and "Not now" that can be taken back.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { encodeAssignment, type Assignment } from '../../src/lib/assignment';
import { LANGS, UI } from './site';

const KEY = 'sales-course:progress';
const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{?(\w+)\}?\}/g, (m, k: string) => (k in v ? String(v[k]) : m));
const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');
const storedProgress = (page: Page) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}'), KEY) as Promise<{
    lessons: Record<string, { read?: number }>;
  }>;
/** Progress as the site stores it: the lessons opened (and read), exercises finished with their scores. */
async function seed(
  page: Page,
  lessons: Record<string, boolean>,
  exercises: Record<string, [best: number, latest: number, attempts: number]> = {},
) {
  const now = Date.now() - 60_000;
  const value = {
    version: 2,
    lessons: Object.fromEntries(
      Object.entries(lessons).map(([id, read]) => [id, read ? { opened: now, read: now } : { opened: now }]),
    ),
    exercises: Object.fromEntries(
      Object.entries(exercises).map(([id, [best, latest, attempts]]) => [
        id,
        { attempts, best, latest, answers: {}, finished: now, updated: now },
      ]),
    ),
  };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(value)]);
}

const ASSIGNMENT: Assignment = {
  id: 'path0001',
  title: 'Onboarding <b>week</b>',
  due: '2099-01-31',
  // Not next to each other in the course: "Next" must skip what-service-is and sales-vs-service.
  modules: ['relationship-types'],
  lessons: ['sales-and-service/what-sales-is'],
};
const PATH = [
  'sales-and-service/what-sales-is',
  'relationship-types/four-types',
  'relationship-types/choosing-the-level',
];

test('a lesson whose every exercise is done counts as done everywhere, without "Mark as done"', async ({ page }) => {
  const lesson = 'relationship-selling/relationship-oriented-selling';
  await page.goto(`/en/${lesson}/`);
  const s = UI.en.progress;
  await expect(page.locator('.lesson-status [data-lesson-state]')).toHaveText(s.stateStarted);
  // Its one exercise, answered right through (the first option each time is enough to finish).
  const box = page.locator('[data-exercise-id="which-approach-fits"]');
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
  while (!(await box.getByTestId('quiz-results').isVisible())) {
    await box.locator('.quiz__options button').first().click();
    await box.locator('.feedback').getByRole('button').click();
  }
  await expect(page.locator('.lesson-status [data-lesson-state]')).toHaveText(s.stateDone);
  await expect(page.locator('[data-when-read]')).toBeVisible();
  await expect(page.locator('[data-mark-read]')).toBeHidden();
  // Done by the exercise: the lesson was never marked read nor read to its end.
  expect((await storedProgress(page)).lessons[lesson]?.read).toBeUndefined();

  await page.goto('/en/relationship-selling/');
  await expect(page.locator(`.lesson-card [data-lesson-state="${lesson}"]`)).toHaveAttribute('aria-label', s.stateDone);
  await expect(page.locator('[data-module-count]')).toHaveText(fillIn(s.lessonsRead, { read: 1, total: 5 }));
  await page.goto('/en/');
  await expect(page.locator(`.lesson-list [data-lesson-state="${lesson}"]`)).toHaveAttribute('data-state', 'done');
});

test('reaching the end of a lesson counts as done; "Mark as done" stays as a shortcut', async ({ page }) => {
  await page.goto('/en/sales-and-service/what-service-is/');
  await expect(page.locator('.lesson-status [data-lesson-state]')).toHaveText(UI.en.progress.stateStarted);
  await expect(page.getByText(UI.en.progress.doneRule)).toBeVisible();
  await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await expect(page.locator('.lesson-status [data-lesson-state]')).toHaveText(UI.en.progress.stateDone);
  await page.goto('/en/sales-and-service/what-sales-is/');
  await page.getByRole('button', { name: UI.en.progress.markRead }).click();
  await expect(page.locator('.lesson-status [data-lesson-state]')).toHaveText(UI.en.progress.stateDone);
});

test('the home knows a returning learner: continue, then the course done', async ({ page }) => {
  const h = UI.en.home;
  await page.goto('/en/');
  await expect(page.getByRole('link', { name: h.start })).toBeVisible();
  await expect(page.locator('[data-continue]')).toBeHidden();
  // Lesson 1 left half-way, lesson 2 read: continue with lesson 2's successor? No: lesson 1 comes first.
  await seed(page, { 'sales-and-service/what-sales-is': false, 'sales-and-service/what-service-is': true });
  await page.reload();
  await expect(page.getByRole('link', { name: h.start })).toBeHidden();
  const cont = page.locator('[data-continue] a');
  await expect(cont).toHaveText(fillIn(h.continueButton, { title: 'What sales is' }));
  await expect(cont).toHaveAttribute('href', '/en/sales-and-service/what-sales-is/');
  await expect(page.locator('[data-course-done]')).toBeHidden();

  const lessons = await page.evaluate(() =>
    Object.keys(JSON.parse(document.querySelector<HTMLElement>('[data-dashboard]')!.dataset.lessons!)),
  );
  await seed(page, Object.fromEntries(lessons.map((l) => [l, true])));
  await page.reload();
  await expect(page.locator('[data-course-done]')).toContainText(h.courseDone);
  await expect(page.locator('[data-continue]')).toBeHidden();
  await expect(page.getByRole('link', { name: h.start })).toBeHidden();
});

for (const lang of LANGS) {
  test(`${lang}: the assignment is the path: lesson n of m, Next within it, back to My training`, async ({ page }) => {
    const t = UI[lang];
    await page.goto(`/${lang}/my-training/#${encodeAssignment(ASSIGNMENT)}`);
    await hydrated(page);
    await page.getByRole('button', { name: t.training.add }).click();
    await page.locator('.held-assignment a.button').first().click();
    await expect(page).toHaveURL(`/${lang}/${PATH[0]}/?in=path0001`);
    const banner = page.locator('[data-path]');
    // The trainer's title is text: its <b> shows as typed.
    await expect(banner).toContainText(fillIn(t.lesson.pathPosition, { number: 1, total: 3, title: ASSIGNMENT.title }));
    await expect(banner.getByRole('link', { name: t.lesson.pathBack })).toHaveAttribute(
      'href',
      `/${lang}/my-training/`,
    );
    await expect(page.locator('a[rel=next]')).toBeHidden();
    await expect(page.locator('[data-path-prev]')).toBeHidden();
    await page.locator('[data-path-next]').click();
    await expect(page).toHaveURL(`/${lang}/${PATH[1]}/?in=path0001`);
    await expect(banner).toContainText(fillIn(t.lesson.pathPosition, { number: 2, total: 3, title: ASSIGNMENT.title }));
    await expect(page.locator('[data-path-prev]')).toHaveAttribute('href', `/${lang}/${PATH[0]}/?in=path0001`);
    await page.locator('[data-path-next]').click();
    await expect(page).toHaveURL(`/${lang}/${PATH[2]}/?in=path0001`);
    await expect(page.locator('[data-path-next]')).toBeHidden();
    await expect(page.locator('[data-path-end]')).toBeVisible();
    await page.locator('[data-path-end] a').click();
    await expect(page).toHaveURL(`/${lang}/my-training/`);

    // The home says what the assignment asks next.
    await page.goto(`/${lang}/`);
    const paths = page.locator('[data-paths]');
    await expect(paths).toContainText(ASSIGNMENT.title);
    await expect(paths).toContainText(fillIn(t.home.assignmentCount, { done: 0, total: 3 }));
    await expect(paths.locator('[data-slot=next]')).toHaveAttribute('href', `/${lang}/${PATH[0]}/?in=path0001`);
  });
}

test('switching language on the path keeps it; an unknown or damaged path is an ordinary lesson', async ({ page }) => {
  await page.goto(`/en/my-training/#${encodeAssignment(ASSIGNMENT)}`);
  await hydrated(page);
  await page.getByRole('button', { name: UI.en.training.add }).click();
  await page.goto(`/en/${PATH[1]}/?in=path0001`);
  await page.locator('.lang-switcher summary').click();
  await page.locator('.lang-switcher a[data-locale="lv"]').click();
  await expect(page).toHaveURL(new RegExp(`/lv/${PATH[1]}/\\?in=path0001`));
  await expect(page.locator('[data-path]')).toContainText(
    fillIn(UI.lv.lesson.pathPosition, { number: 2, total: 3, title: ASSIGNMENT.title }),
  );

  await page.goto(`/en/${PATH[1]}/?in=nothere1`);
  await expect(page.locator('[data-path]')).toBeHidden();
  await expect(page.locator('a[rel=next]')).toBeVisible();
  await page.evaluate(() => localStorage.setItem('sales-course:paths', '[{"id":"path0001","title":{},"lessons":7}'));
  await page.goto(`/en/${PATH[1]}/?in=path0001`);
  await expect(page.locator('[data-path]')).toBeHidden();
  await expect(page.locator('a[rel=next]')).toBeVisible();
});

test('My training shows each lesson by the completion rule, with its exercises best, latest and attempts', async ({
  page,
}) => {
  const s = UI.en.training;
  await page.goto(`/en/my-training/#${encodeAssignment(ASSIGNMENT)}`);
  await hydrated(page);
  await page.getByRole('button', { name: s.add }).click();
  await seed(page, { 'relationship-types/choosing-the-level': false }, { 'relationship-scenarios': [0.8, 0.6, 2] });
  await page.reload();
  await hydrated(page);
  const row = page.locator('tr[data-lesson="relationship-types/choosing-the-level"]');
  await expect(row).toHaveAttribute('data-status', 'done');
  await expect(row).toContainText(s.statusRead);
  await expect(row.locator('[data-exercise="relationship-scenarios"]')).toContainText(
    /: best 80%, latest 60%, 2 attempts$/,
  );
  await expect(page.locator('.held-assignment')).toContainText(fillIn(s.progress, { read: 1, total: 3 }));
  await expect(page.locator('tr[data-lesson="relationship-types/four-types"]')).toHaveAttribute('data-status', 'new');
});

test('"Not now" can be taken back, and a reload shows the assignment again', async ({ page }) => {
  const s = UI.en.training;
  await page.goto(`/en/my-training/#${encodeAssignment(ASSIGNMENT)}`);
  await hydrated(page);
  await page.getByRole('button', { name: s.notNow }).click();
  await expect(page.getByTestId('assignment-preview')).toBeHidden();
  await expect(page.getByText(fillIn(s.notAdded, { title: ASSIGNMENT.title }))).toBeVisible();
  const again = page.getByRole('button', { name: s.showAgain });
  await expect(again).toBeFocused();
  await again.click();
  await expect(page.getByTestId('assignment-preview')).toBeVisible();
  await page.getByRole('button', { name: s.notNow }).click();
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId('assignment-preview')).toBeVisible();
});
