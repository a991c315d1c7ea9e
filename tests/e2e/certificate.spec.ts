/**
 * Certificates and print (issue 16): a complete assignment and the whole course offer a
 * certificate in every language, it prints on exactly one A4 and one Letter page, an incomplete
 * one offers none, and a lesson prints without the site around it, with the learner's answers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { expect, test, type Page } from './fixtures';
import type { Locator } from '@playwright/test';
import { axe } from './axe';
import { encodeAssignment, type Assignment } from '../../src/lib/assignment';
import { LANGS, TAGS, UI, lessonPages } from './site';

const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{?(\w+)\}?\}/g, (m, k: string) => (k in v ? String(v[k]) : m));
const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
/** Every lesson id, and each lesson's exercises, read from the built English lesson pages. */
const LESSONS = lessonPages('en').map((p) => {
  const html = parse(readFileSync(path.join(dist, p, 'index.html'), 'utf8'));
  const ids = html.querySelector('article.lesson')?.getAttribute('data-exercises') ?? '';
  return { id: p.split('/').slice(2, 4).join('/'), exercises: ids.split(' ').filter(Boolean) };
});

const ASSIGNMENT: Assignment = {
  id: 'cert0001',
  title: 'Relationship selling, week one',
  modules: ['relationship-selling'],
  lessons: ['sales-and-service/what-sales-is'],
  trainee: 'Anna Bērziņa-Kalniņa',
};
const TEAM: Assignment = { id: 'cert0002', title: 'Listening', modules: ['listening-and-communicating'], lessons: [] };

/** Progress as the site stores it: the lessons given done (read), every exercise of theirs scored. */
async function seed(page: Page, done: (lesson: string) => boolean, held: Assignment[]) {
  const at = Date.UTC(2026, 2, 14, 10);
  const lessons = LESSONS.filter((l) => done(l.id));
  const value = {
    version: 2,
    lessons: Object.fromEntries(lessons.map((l) => [l.id, { opened: at, read: at }])),
    exercises: Object.fromEntries(
      lessons.flatMap((l) =>
        l.exercises.map((id, i) => [
          id,
          { attempts: 2, best: 0.8 + i / 20, latest: 0.7, answers: {}, finished: at, updated: at },
        ]),
      ),
    ),
  };
  await page.evaluate(
    ([progress, list]) => {
      localStorage.setItem('sales-course:progress', progress);
      localStorage.setItem('sales-course:training', list);
    },
    [JSON.stringify(value), JSON.stringify(held.map((a, i) => ({ code: encodeAssignment(a), added: at + i })))],
  );
}

/** Pages in a PDF: its page objects (not the /Pages tree). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

async function onePage(page: Page) {
  for (const format of ['A4', 'Letter'] as const) {
    expect(pageCount(await page.pdf({ format, preferCSSPageSize: false })), format).toBe(1);
    expect(pageCount(await page.pdf({ format, preferCSSPageSize: true })), `${format}, CSS size`).toBe(1);
  }
}

for (const lang of LANGS) {
  test(`${lang}: a complete assignment and the whole course give certificates on one A4 and Letter page`, async ({
    page,
  }) => {
    const c = UI[lang].certificate;
    await page.goto(`/${lang}/my-training/`);
    await seed(page, () => true, [ASSIGNMENT]);
    await page.reload();
    const card = page.locator(`[data-assignment="${ASSIGNMENT.id}"]`);
    await card.getByTestId('certificate-link').click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/my-training/certificate/\\?a=${ASSIGNMENT.id}-`));
    const cert = page.getByTestId('certificate');
    await expect(cert.getByTestId('certificate-name')).toHaveText(ASSIGNMENT.trainee!);
    await expect(cert).toContainText(ASSIGNMENT.title);
    await expect(cert).toContainText(c.honest);
    await expect(cert).toContainText(c.courseLanguage);
    // The personal link names the trainee: nothing to type.
    await expect(page.locator('#certificate-name')).toHaveCount(0);
    // The module's lessons and the single one, each with its date; each exercise with its best score.
    const rows = LESSONS.filter((l) => l.id.startsWith('relationship-selling/') || l.id === ASSIGNMENT.lessons[0]);
    await expect(cert.locator('tbody tr')).toHaveCount(rows.length);
    await expect(cert.locator('[data-exercise]')).toHaveCount(rows.flatMap((r) => r.exercises).length);
    await expect(cert.locator('[data-exercise]').first()).toContainText('80%');
    await expect(page.locator('html')).toHaveAttribute('lang', TAGS[lang]);
    await expect(page.getByRole('button', { name: c.print })).toBeVisible();
    await onePage(page);

    // The whole course: the name typed is kept, and the 13 lessons still fit one page.
    await page.goto(`/${lang}/my-training/`);
    await page.getByTestId('course-certificate-link').click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/my-training/certificate/$`));
    await page.getByLabel(c.nameLabel).fill('Siti Nurhaliza binti Abdullah Rahman');
    await page.reload();
    await expect(page.getByTestId('certificate-name')).toHaveText('Siti Nurhaliza binti Abdullah Rahman');
    await expect(page.getByTestId('certificate').locator('tbody tr')).toHaveCount(LESSONS.length);
    await onePage(page);
  });
}

test('an incomplete assignment offers no certificate, and its address says how far it is', async ({ page }) => {
  const c = UI.en.certificate;
  await page.goto('/en/my-training/');
  // Done: everything but the listening module's lessons.
  await seed(page, (l) => !l.startsWith('listening-and-communicating/'), [TEAM]);
  await page.reload();
  const card = page.locator(`[data-assignment="${TEAM.id}"]`);
  await expect(card.locator('tbody tr').first()).toBeVisible();
  await expect(card.getByTestId('certificate-link')).toHaveCount(0);
  await expect(page.getByTestId('course-certificate-link')).toHaveCount(0);
  const total = LESSONS.filter((l) => l.id.startsWith('listening-and-communicating/')).length;
  // The address of the certificate that would be, opened by hand.
  const { certificateId } = await import('../../src/lib/certificate');
  await page.goto(`/en/my-training/certificate/?a=${certificateId(TEAM)}`);
  await expect(page.getByTestId('certificate-incomplete')).toHaveText(
    new RegExp(fillIn(c.notComplete, { done: 0, total }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  await expect(page.getByTestId('certificate')).toHaveCount(0);
  await expect(page.getByRole('button', { name: c.print })).toHaveCount(0);
  await page.goto('/en/my-training/certificate/');
  await expect(page.getByTestId('certificate-incomplete')).toBeVisible();
  await page.goto('/en/my-training/certificate/?a=nothing-here');
  await expect(page.locator('.certificate-missing .message--error')).toHaveText(c.notFound);
});

test('the certificate page passes axe in light and dark, with the name field and without', async ({ page }) => {
  await page.goto('/lv/my-training/');
  await seed(page, () => true, [TEAM]);
  const { certificateId } = await import('../../src/lib/certificate');
  await page.goto(`/lv/my-training/certificate/?a=${certificateId(TEAM)}`);
  await expect(page.getByTestId('certificate')).toBeVisible();
  await axe(page, 'certificate, name to type');
  await page.getByLabel(UI.lv.certificate.nameLabel).fill('Jānis Bērziņš');
  await axe(page, 'certificate, named');
});

test('a lesson prints without the site around it, with the answers given and its diagram', async ({ page }) => {
  const lesson = 'relationship-selling/relationship-oriented-selling';
  await page.goto(`/en/${lesson}/`);
  const box = page.locator('[data-exercise-id="which-approach-fits"]');
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
  // Two situations answered (the first option each time), the third on screen.
  const chosen: string[] = [];
  for (let i = 0; i < 2; i++) {
    const option = box.locator('.quiz__options button').first();
    chosen.push((await option.textContent())!.trim());
    await option.click();
    await box.locator('.feedback').getByRole('button').click();
  }
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.site-nav', '.site-footer', '.breadcrumbs', '.pager', '.skip-link'])
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  await expect(box.locator('button:visible:not(.choice)')).toHaveCount(0);
  const printed = box.locator('.quiz__print');
  await expect(printed).toBeVisible();
  for (const answer of chosen) await expect(printed).toContainText(answer);
  await expect(page.locator('figure.diagram').first()).toBeVisible();
  // The diagram is not split across pages.
  expect(
    await page
      .locator('figure.diagram')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe('avoid');
  await page.emulateMedia({ media: 'screen' });
  await expect(printed).toBeHidden();
});

/**
 * The island of an exercise as the server sent it (`ssr` until Astro hydrates it), and whether
 * nothing has scrolled the page: the exercise below the first screen, the page at its top.
 */
const islandOf = (box: Locator) => box.locator('xpath=ancestor::astro-island');
async function atTop(page: Page, box: Locator) {
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await expect(box).not.toBeInViewport();
}
/**
 * Another day: the lesson opened again (a new visit: a reload would put the scroll back), at its
 * top; the saved answers bring the island to life without it being seen, so Ctrl+P prints them.
 */
async function reopenAtTop(page: Page, url: string, box: Locator) {
  await page.goto('about:blank');
  await page.goto(url);
  await atTop(page, box);
  await expect(islandOf(box)).not.toHaveAttribute('ssr', /.*/);
  await page.emulateMedia({ media: 'print' });
}

test('a lesson opened again prints the answers given before, at its top, never scrolled to them', async ({ page }) => {
  const lesson = 'relationship-selling/relationship-oriented-selling';
  await page.goto(`/en/${lesson}/`);
  const box = page.locator('[data-exercise-id="which-approach-fits"]');
  await box.scrollIntoViewIfNeeded();
  await expect(islandOf(box)).not.toHaveAttribute('ssr', /.*/);
  const chosen: string[] = [];
  for (let i = 0; i < 2; i++) {
    const option = box.locator('.quiz__options button').first();
    chosen.push((await option.textContent())!.trim());
    await option.click();
    await box.locator('.feedback').getByRole('button').click();
  }
  await reopenAtTop(page, `/en/${lesson}/`, box);
  const printed = box.locator('.quiz__print');
  await expect(printed).toBeVisible();
  for (const answer of chosen) await expect(printed).toContainText(answer);
  await expect(box.locator('button:visible:not(.choice)')).toHaveCount(0);
  await atTop(page, box);
});

test('a role-play played prints its conversation, opened again at the top of its lesson', async ({ page }) => {
  const lesson = 'relationship-selling/qualifying-prospects';
  const says = UI.lv.roleplay.youSaid as string;
  await page.goto(`/lv/${lesson}/`);
  const box = page.locator('[data-exercise-kind="roleplay"][data-exercise-id="qualifying-prospect"]');
  await box.scrollIntoViewIfNeeded();
  await expect(islandOf(box)).not.toHaveAttribute('ssr', /.*/);
  // Two turns answered (the first response each time), the second one's feedback on screen.
  const chosen: string[] = [];
  for (let i = 0; i < 2; i++) {
    const choice = box.locator('.roleplay__choices button').first();
    chosen.push((await choice.textContent())!.trim());
    await choice.click();
    await expect(box.locator('.feedback')).toBeVisible();
    if (i === 0) await box.locator('.feedback').getByRole('button').click();
  }
  await reopenAtTop(page, `/lv/${lesson}/`, box);
  // The first answer in the conversation so far (open on paper), the second with its feedback.
  await expect(box.locator('.roleplay__history li')).toContainText(`${says} ${chosen[0]}`);
  await expect(box.locator('.roleplay__history li')).toBeVisible();
  await expect(box.locator('.feedback')).toContainText(`${says} ${chosen[1]}`);
  await expect(box.locator('button:visible:not(.choice)')).toHaveCount(0);
  await atTop(page, box);
});

test('an exercise with no answers saved still loads only once scrolled to, whatever is stored', async ({ page }) => {
  const lesson = 'relationship-selling/relationship-oriented-selling';
  const asked: string[] = [];
  page.on('request', (r) => {
    if (/\/_astro\/QuestionSet\.[^/]*\.js$/.test(r.url())) asked.push(r.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const box = page.locator('[data-exercise-id="which-approach-fits"]');
  const at = Date.UTC(2026, 2, 14, 10);
  const stored = [
    null,
    // Answers of another exercise, and this one's restarted (no answers in the current attempt).
    JSON.stringify({
      version: 2,
      lessons: {},
      exercises: {
        'relationship-scenarios': { attempts: 0, answers: { 'r1/current': 'partnership' }, updated: at },
        'which-approach-fits': { attempts: 1, best: 0.5, latest: 0.5, answers: {}, finished: at, updated: at },
      },
    }),
    // Damaged: cut off in the middle of this exercise's answers.
    '{"version":2,"lessons":{},"exercises":{"which-approach-fits":{"attempts":0,"answers":{"a1/appr',
  ];
  for (const value of stored) {
    await page.goto('/en/');
    await page.evaluate(
      (v) => (v === null ? localStorage.clear() : localStorage.setItem('sales-course:progress', v)),
      value,
    );
    asked.length = 0;
    await page.goto(`/en/${lesson}/`);
    // Time enough for an idle callback and more: the island stays as the server sent it.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 500))));
    await atTop(page, box);
    await expect(islandOf(box), String(value)).toHaveAttribute('ssr', '');
    expect(asked, String(value)).toEqual([]);
    await box.scrollIntoViewIfNeeded();
    await expect(islandOf(box), String(value)).not.toHaveAttribute('ssr', /.*/);
    expect(asked.length, String(value)).toBeGreaterThan(0);
  }
  expect(errors).toEqual([]);
});

test('a sort exercise prints the cards still to place as a list, a card placed wrong marked', async ({ page }) => {
  const lesson = 'sales-and-service/sales-vs-service';
  const sort = parseYaml(
    readFileSync(path.resolve(dist, '../content/exercises/lv/sales-or-service-sort.yaml'), 'utf8'),
  );
  const [right, wrong] = sort.cards as { text: string; column: string }[];
  await page.goto(`/lv/${lesson}/`);
  const box = page.locator('[data-exercise-kind="sort"]');
  await box.scrollIntoViewIfNeeded();
  await expect(islandOf(box)).not.toHaveAttribute('ssr', /.*/);
  // The first card in its column, the second (of the other column) in the same one.
  const put = (column: string) => box.locator('.category-button', { hasText: sort.columns[column] }).click();
  await put(right.column);
  await expect(box.locator('.feedback--good')).toContainText(right.text);
  await put(right.column);
  await expect(box.locator('.feedback--poor')).toContainText(wrong.text);
  await reopenAtTop(page, `/lv/${lesson}/`, box);
  // Every card not placed yet, as a list to tick (not buttons), the wrong one first with its mark.
  const cards = box.locator('.categorize__pile .card-button');
  await expect(cards).toHaveCount(sort.cards.length - 1);
  for (const card of await cards.all()) await expect(card).toBeVisible();
  await expect(cards.first()).toContainText(`${UI.lv.quiz.retry} ${wrong.text}`);
  await expect(box.locator('.categorize__column').first()).toContainText(right.text);
  await expect(box.locator('button:visible:not(.card-button)')).toHaveCount(0);
});
