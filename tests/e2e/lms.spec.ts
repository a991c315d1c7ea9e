/**
 * LMS packages in a test LMS (./lms/host.ts): scorm-again's SCORM runtime on the parent window, the
 * package in its iframe, the LMS database in the test. Packages are made by `npm run package`.
 */
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test, type Page } from './fixtures';
import type { FrameLocator } from '@playwright/test';
import { buildPackage } from '../lms/packages';
import { startTestLms, type TestLms } from './lms/host';
import { decodeSuspend } from '../../src/lib/lms/suspend';
import type { Lang } from './site';

const root = path.resolve(import.meta.dirname, '..', '..');
const ui = (lang: Lang) => JSON.parse(readFileSync(path.join(root, 'src/i18n/ui', `${lang}.json`), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const yaml = (kind: string, lang: Lang, id: string): any =>
  parse(readFileSync(path.join(root, 'content', kind, lang, `${id}.yaml`), 'utf8'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const course: any = JSON.parse(readFileSync(path.join(root, 'dist/lms/course.json'), 'utf8'));
const titleOf = (id: string, lang: Lang): string => course.lessons.find((l: { id: string }) => l.id === id).title[lang];
const numberOf = (id: string) => String(course.lessons.findIndex((l: { id: string }) => l.id === id) + 1);

const out = mkdtempSync(path.join(tmpdir(), 'lms-e2e-'));
let lms: TestLms;
test.beforeAll(async () => {
  buildPackage(
    'whole12',
    ['--format', 'scorm12', '--lessons', 'all', '--lang', 'choice', '--title', 'Sales course'],
    out,
  );
  buildPackage(
    'whole12m',
    ['--format', 'scorm12', '--lessons', 'all', '--lang', 'en', '--mastery', '80', '--title', 'Sales course (graded)'],
    out,
  );
  buildPackage(
    'module2004',
    [
      '--format',
      'scorm2004',
      '--lessons',
      'relationship-selling',
      '--lang',
      'lv',
      '--mastery',
      '80',
      '--title',
      'Attiecību pārdošana',
    ],
    out,
  );
  lms = await startTestLms(out);
});
test.afterAll(async () => lms?.close());

/** The package's frame and the lesson inside it. */
function frames(page: Page): { shell: FrameLocator; lesson: FrameLocator } {
  const shell = page.frameLocator('#sco');
  return { shell, lesson: shell.frameLocator('iframe[name="lesson"]') };
}

async function launch(page: Page, v: '12' | '2004', key: string, pkg: string) {
  await page.goto(`${lms.url}/host.html?v=${v}&key=${key}&pkg=${pkg}`);
  const f = frames(page);
  await expect(f.shell.locator('[data-lms-position]')).not.toBeEmpty();
  return f;
}

/** Waits for the LMS to hold a value (commits are throttled, so this may take a moment). */
async function lmsHas(key: string, name: string, want: (v: string | undefined) => boolean, timeout = 30_000) {
  await expect.poll(() => want(lms.db.get(key)?.[name]), { timeout, message: `${key}: ${name}` }).toBe(true);
}

const interactions = (key: string) => {
  const d = lms.db.get(key) ?? {};
  const out: Record<string, string>[] = [];
  for (const [k, v] of Object.entries(d)) {
    const m = /^cmi\.interactions\.(\d+)\.(\w+)$/.exec(k);
    if (m) (out[Number(m[1])] ??= {})[m[2]] = v;
  }
  return out;
};

async function markDone(lesson: FrameLocator, lang: Lang) {
  await lesson.getByRole('button', { name: ui(lang).progress.markRead }).click();
  await expect(lesson.getByText(ui(lang).progress.isRead)).toBeVisible();
}

async function openFromContents(shell: FrameLocator, title: string) {
  await shell.locator('[data-lms-contents] > summary').click();
  await shell.locator('[data-lms-list]').getByRole('link', { name: title }).click();
}

async function sortAll(lesson: FrameLocator, lang: Lang) {
  const data = yaml('exercises', lang, 'sales-or-service-sort');
  const box = lesson.locator('[data-exercise-id="sales-or-service-sort"]');
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
  for (const card of data.cards) {
    await box.locator('.categorize__pile').getByRole('button', { name: card.text, exact: true }).click();
    await box
      .locator('.categorize__targets')
      .getByRole('button', { name: data.columns[card.column], exact: true })
      .click();
    await expect(box.locator('.feedback')).toContainText(card.feedback);
  }
  return data.cards.length as number;
}

async function rolePlayGood(lesson: FrameLocator, lang: Lang, id: string) {
  const rp = yaml('roleplays', lang, id);
  const box = lesson.locator(`[data-exercise-kind="roleplay"][data-exercise-id="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
  let at = rp.start;
  let turns = 0;
  while (rp.turns[at].choices) {
    const choice = rp.turns[at].choices.find((c: { quality: string }) => c.quality === 'good');
    await box
      .getByRole('group', { name: ui(lang).roleplay.yourResponse })
      .getByRole('button', { name: choice.text, exact: true })
      .click();
    await box.locator('.feedback').getByRole('button').click();
    at = choice.next;
    turns++;
  }
  await expect(box.getByTestId('roleplay-summary')).toBeVisible();
  return turns;
}

test('SCORM 1.2 whole course: learn, switch language, close; relaunch in the same place with the same answers', async ({
  page,
  browser,
}) => {
  const en = ui('en');
  const { shell, lesson } = await launch(page, '12', 'scorm12-a', 'whole12');
  await expect(shell.locator('[data-lms-position]')).toContainText(
    en.lms.lessonOf.replace('{{number}}', '1').replace('{{total}}', '13'),
  );
  await expect(shell.locator('[data-lms-status]')).toBeEmpty();
  await lmsHas('scorm12-a', 'cmi.core.lesson_status', (v) => v === 'incomplete');

  await markDone(lesson, 'en');
  await shell.getByRole('button', { name: en.lms.next }).click();
  await expect(shell.locator('[data-lms-position]')).toContainText('2');
  await markDone(lesson, 'en');
  await shell.getByRole('button', { name: en.lms.next }).click();
  const cards = await sortAll(lesson, 'en');

  const rp = yaml('roleplays', 'en', 'hammer-price');
  const lessonTitle = titleOf(rp.lesson, 'en');
  await openFromContents(shell, lessonTitle);
  const turns = await rolePlayGood(lesson, 'en', 'hammer-price');

  // The learner's choice of language: the same lesson, and the finished role-play, in Malay.
  await shell.getByLabel(en.lms.language).selectOption('ms');
  await expect(lesson.locator('html')).toHaveAttribute('lang', 'ms');
  await expect(lesson.locator('[data-exercise-id="hammer-price"]').getByTestId('roleplay-summary')).toBeVisible();
  await expect(shell.locator('[data-lms-list]')).toContainText(ui('ms').progress.stateDone);

  // Close: the package finishes the session (place, progress, session time, exit) as the page goes.
  await page.goto('about:blank');
  await lmsHas('scorm12-a', 'cmi.core.exit', (v) => v === 'suspend');
  const data = lms.db.get('scorm12-a')!;
  expect(data['cmi.core.lesson_location']).toMatch(
    /^ms\/listening-and-communicating\/listening-and-responding\/index\.html/,
  );
  expect(data['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
  expect(data['cmi.core.lesson_status']).toBe('incomplete');
  expect(Number(data['cmi.core.score.raw'])).toBeGreaterThan(0);
  const saved = decodeSuspend(data['cmi.suspend_data']);
  expect(saved.status).toBe('ok');
  expect(saved.progress.exercises['sales-or-service-sort'].best).toBe(1);
  expect(saved.progress.exercises['hammer-price'].attempts).toBe(1);
  // One interaction per answer: every card, every role-play turn, each right.
  const list = interactions('scorm12-a');
  expect(list.filter((i) => i.id.startsWith('sales-or-service-sort.'))).toHaveLength(cards);
  expect(list.filter((i) => i.id.startsWith('hammer-price.'))).toHaveLength(turns);
  expect(list.every((i) => i.type === 'choice' && i.result === 'correct' && /^\d\d:\d\d:\d\d$/.test(i.time))).toBe(
    true,
  );

  // Relaunch on another computer (no browser storage): the same place, the same answers, from the LMS.
  const context = await browser.newContext();
  const again = await context.newPage();
  const f = await launch(again, '12', 'scorm12-a', 'whole12');
  await expect(f.lesson.locator('html')).toHaveAttribute('lang', 'ms');
  await expect(f.shell.locator('[data-lms-position]')).toContainText(
    ui('ms').lms.lessonOf.replace('{{number}}', numberOf(rp.lesson)).replace('{{total}}', '13'),
  );
  await expect(f.lesson.locator('[data-exercise-id="hammer-price"]').getByTestId('roleplay-summary')).toBeVisible();
  await expect(f.shell.locator('[data-lms-list] li').nth(2)).toContainText(ui('ms').progress.stateDone);
  await context.close();
  // Nothing answered again, so no interaction was reported twice.
  expect(interactions('scorm12-a')).toHaveLength(cards + turns);
});
