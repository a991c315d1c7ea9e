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
import { buildPackage, MODULE_2004_LV } from '../lms/packages';
import { startTestLms, type TestLms } from './lms/host';
import { createLrs, type TestLrs } from './lms/lrs';
import { decodeSuspend } from '../../src/lib/lms/suspend';
import { placeCard, type Lang } from './site';
import { axe } from './axe';

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
let lrs: TestLrs | undefined;
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
  buildPackage('module2004', MODULE_2004_LV, out);
  buildPackage(
    'cmi5',
    [
      '--format',
      'cmi5',
      '--lessons',
      'sales-and-service',
      '--lang',
      'zh,en',
      '--mastery',
      '75',
      '--title',
      '销售与服务',
    ],
    out,
  );
  // The LRS a cmi5 test mounts, and the page the LMS's returnURL names.
  lms = await startTestLms(out, (req, res) => {
    if (req.url === '/done.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en"><title>Back in the LMS</title><h1>Back in the LMS</h1></html>');
      return true;
    }
    return lrs?.handle(req, res) ?? false;
  });
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
    await placeCard(box, card.text, data.columns[card.column]);
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

/** Every lesson read and every answer of every exercise right: more than any real finished course holds. */
function everythingDone(now: number) {
  const exercises: Record<string, { answers: Record<string, unknown> } & Record<string, unknown>> = {};
  for (const ex of course.exercises as { id: string; shape: string; key: Record<string, { right: string[] }> }[]) {
    const answers = Object.fromEntries(
      Object.entries(ex.key).map(([k, v]) => [k, ex.shape === 'cards' ? [v.right[0]] : v.right[0]]),
    );
    exercises[ex.id] = { attempts: 1, best: 1, latest: 1, answers, finished: now, updated: now };
  }
  const lessons = Object.fromEntries(
    (course.lessons as { id: string }[]).map((l) => [l.id, { opened: now - 60_000, read: now }]),
  );
  return { version: 2, lessons, exercises, last: { lesson: course.lessons.at(-1).id, at: now } };
}

test('SCORM 1.2, the whole course done: passed with 100, and the suspend data fits 4,096 characters', async ({
  page,
}) => {
  await page.goto(`${lms.url}/pkg/whole12m/lms-package.json`);
  await page.evaluate(
    (p) => localStorage.setItem('sales-course:progress', JSON.stringify(p)),
    everythingDone(Date.now()),
  );
  const { shell } = await launch(page, '12', 'done-a', 'whole12m');
  await lmsHas('done-a', 'cmi.core.lesson_status', (v) => v === 'passed');
  await expect(shell.locator('[data-lms-status]')).toHaveText(ui('en').lms.allDone);
  const data = lms.db.get('done-a')!;
  expect(data['cmi.core.score.raw']).toBe('100');
  const suspend = data['cmi.suspend_data'];
  // Runtimes accept more (scorm-again did), real LMSs cut or refuse: the test holds the line.
  expect(suspend.length).toBeLessThanOrEqual(4096);
  console.log(`suspend_data of the whole course done, every answer kept: ${suspend.length} characters`);
  const back = decodeSuspend(suspend);
  expect(back.status).toBe('ok');
  expect(Object.keys(back.progress.lessons)).toHaveLength(13);
  expect(Object.keys(back.progress.exercises)).toHaveLength(course.exercises.length);
  for (const id of Object.keys(back.progress.exercises))
    expect(back.progress.exercises[id].answers, id).toEqual(everythingDone(0).exercises[id].answers);
});

test('SCORM 2004 one module, fixed Latvian: completed and failed under the mastery score, answers as interactions, resume', async ({
  page,
  browser,
}) => {
  const lv = ui('lv');
  const { shell, lesson } = await launch(page, '2004', 'm2004', 'module2004');
  await expect(shell.locator('[data-lms-language]')).toBeHidden();
  await expect(lesson.locator('html')).toHaveAttribute('lang', 'lv');
  await lmsHas('m2004', 'cmi.completion_status', (v) => v === 'incomplete');
  const elementsAt =
    1 +
    (course.lessons as { id: string }[])
      .filter((l) => l.id.startsWith('relationship-selling/'))
      .findIndex((l) => l.id === 'relationship-selling/four-elements');
  for (let i = 1; i <= 5; i++) {
    await expect(shell.locator('[data-lms-position]')).toContainText(
      lv.lms.lessonOf.replace('{{number}}', String(i)).replace('{{total}}', '5'),
    );
    if (i === elementsAt) {
      // The four elements: matched, all right.
      const data = yaml('exercises', 'lv', 'four-elements-match');
      const box = lesson.locator('[data-exercise-id="four-elements-match"]');
      await box.scrollIntoViewIfNeeded();
      await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
      const names = lv.diagram.elements;
      const name = (k: string) =>
        ({ 'contract-bond': names.bond, reciprocity: names.reciprocity, empathy: names.empathy, trust: names.trust })[
          k
        ];
      for (const item of data.items) {
        await placeCard(box, item.text, name(item.element));
        await expect(box.locator('.feedback')).toContainText(item.feedback);
      }
    }
    // A lesson whose exercises are all done is done already (the completion rule): no button then.
    if (i === elementsAt) await expect(lesson.getByText(lv.progress.isRead)).toBeVisible();
    else await markDone(lesson, 'lv');
    if (i < 5) await shell.getByRole('button', { name: lv.lms.next }).click();
  }
  // Every lesson done; the module's other exercises untried, so the average is under 80 %.
  await lmsHas('m2004', 'cmi.completion_status', (v) => v === 'completed');
  await lmsHas('m2004', 'cmi.success_status', (v) => v === 'failed');
  const data = lms.db.get('m2004')!;
  expect(data['cmi.progress_measure']).toBe('1');
  expect(Number(data['cmi.score.scaled'])).toBeGreaterThan(0);
  expect(Number(data['cmi.score.scaled'])).toBeLessThan(0.8);
  const list = interactions('m2004');
  expect(list).toHaveLength(yaml('exercises', 'lv', 'four-elements-match').items.length);
  for (const i of list) {
    expect(i.id).toMatch(/^four-elements-match\./);
    expect(i.result).toBe('correct');
    expect(i.learner_response).toMatch(/^(contract-bond|reciprocity|empathy|trust)$/);
    expect(i.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  }

  await page.goto('about:blank');
  await lmsHas('m2004', 'cmi.exit', (v) => v === 'suspend');
  expect(lms.db.get('m2004')!['cmi.session_time']).toMatch(/^PT/);
  const context = await browser.newContext();
  const again = await context.newPage();
  const f = await launch(again, '2004', 'm2004', 'module2004');
  await expect(f.shell.locator('[data-lms-position]')).toContainText(
    lv.lms.lessonOf.replace('{{number}}', '5').replace('{{total}}', '5'),
  );
  await expect(f.shell.locator('[data-lms-status]')).toHaveText(lv.lms.allDone);
  await context.close();
});

test('no LMS: the package says so and keeps progress in the browser', async ({ page }) => {
  const en = ui('en');
  await page.goto(`${lms.url}/pkg/whole12/index.html`);
  await expect(page.locator('[data-lms-status]')).toHaveText(en.lms.noLms);
  // The frame and the lesson in it, with Contents open, at a desk and on a phone.
  await page.locator('[data-lms-contents] > summary').click();
  await axe(page, 'package frame, contents open');
  await page.setViewportSize({ width: 320, height: 700 });
  await axe(page, 'package frame at 320 px');
  await page.locator('[data-lms-contents] > summary').click();
  const lesson = page.frameLocator('iframe[name="lesson"]');
  await markDone(lesson, 'en');
  await page.reload();
  await page.locator('[data-lms-contents] > summary').click();
  await expect(page.locator('[data-lms-list] li').first()).toContainText(en.progress.stateDone);
});

test('an LMS that fails to save: the learner is told, it is tried again, nothing is lost', async ({ page }) => {
  const en = ui('en');
  // The package tries a failed commit once more at once (a busy LMS), so two failures reach the learner.
  lms.failCommits('fail-a', 2);
  const { shell, lesson } = await launch(page, '12', 'fail-a', 'whole12');
  await expect(shell.locator('[data-lms-status]')).toHaveText(en.lms.failing);
  await markDone(lesson, 'en');
  await expect(shell.locator('[data-lms-status]')).toHaveText(en.lms.recovered, { timeout: 20_000 });
  await expect
    .poll(
      () =>
        decodeSuspend(lms.db.get('fail-a')?.['cmi.suspend_data']).progress.lessons['sales-and-service/what-sales-is']
          ?.read,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
});

test('damaged suspend data in the LMS: what the browser holds is kept, the learner told, the LMS repaired', async ({
  page,
}) => {
  const en = ui('en');
  lms.db.set('dmg-a', {
    'cmi.suspend_data': 'SC1:this-is-not-what-the-course-wrote',
    'cmi.core.lesson_location': 'en/sales-and-service/what-service-is/index.html',
    'cmi.core.exit': 'suspend',
  });
  await page.goto(`${lms.url}/pkg/whole12/lms-package.json`);
  const now = Date.now();
  await page.evaluate((p) => localStorage.setItem('sales-course:progress', JSON.stringify(p)), {
    version: 2,
    lessons: { 'sales-and-service/what-sales-is': { opened: now, read: now } },
    exercises: {},
  });
  const { shell, lesson } = await launch(page, '12', 'dmg-a', 'whole12');
  await expect(shell.locator('[data-lms-status]')).toHaveText(en.lms.damaged);
  // The place the LMS kept still counts; the lesson the browser knew is still done.
  await expect(lesson.locator('h1')).toHaveText(titleOf('sales-and-service/what-service-is', 'en'));
  await shell.locator('[data-lms-contents] > summary').click();
  await expect(shell.locator('[data-lms-list] li').first()).toContainText(en.progress.stateDone);
  await expect
    .poll(() => decodeSuspend(lms.db.get('dmg-a')?.['cmi.suspend_data']).status, { timeout: 20_000 })
    .toBe('ok');
});

test('cmi5: launched by the LMS, in its language; answers, completed and passed once, terminated last; relaunch', async ({
  page,
  browser,
}) => {
  const zh = ui('zh');
  lrs = createLrs({
    launchData: { masteryScore: 0.75, returnURL: `${lms.url}/done.html` },
    preferences: { languagePreference: 'zh-CN,en-US', audioPreference: 'on' },
  });
  await page.goto(`${lms.url}/pkg/cmi5/index.html${lrs.launchQuery(lms.url)}`);
  const lesson = page.frameLocator('iframe[name="lesson"]');
  await expect(lesson.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('[data-lms-status]')).toBeEmpty();
  await markDone(lesson, 'zh');
  await page.getByRole('button', { name: zh.lms.next }).click();
  await markDone(lesson, 'zh');
  await page.getByRole('button', { name: zh.lms.next }).click();
  const cards = await sortAll(lesson, 'zh');
  await expect(page.locator('[data-lms-status]')).toHaveText(zh.lms.allDone);
  await expect.poll(() => lrs!.verbs().filter((v) => v === 'passed').length, { timeout: 20_000 }).toBe(1);

  await page.getByRole('button', { name: zh.lms.exit }).click();
  await expect(page).toHaveURL(`${lms.url}/done.html`);
  await expect.poll(() => lrs!.verbs().at(-1), { timeout: 20_000 }).toBe('terminated');
  const verbs = lrs.verbs();
  expect(verbs[0]).toBe('initialized');
  expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
  expect(verbs.filter((v) => v === 'passed')).toHaveLength(1);
  expect(verbs.filter((v) => v === 'failed')).toHaveLength(0);
  expect(verbs.filter((v) => v === 'answered')).toHaveLength(cards);
  expect(verbs.filter((v) => v === 'terminated')).toHaveLength(1);
  // Every statement valid xAPI (Learning Locker's validator) and within cmi5's rules.
  expect(lrs.errors).toEqual([]);

  // Relaunch on another computer: the place and the answers come from the LRS's state document.
  lrs.newSession();
  const context = await browser.newContext();
  const again = await context.newPage();
  await again.goto(`${lms.url}/pkg/cmi5/index.html${lrs.launchQuery(lms.url)}`);
  const l2 = again.frameLocator('iframe[name="lesson"]');
  await expect(l2.locator('h1')).toHaveText(titleOf('sales-and-service/sales-vs-service', 'zh'));
  await expect(l2.locator('[data-exercise-id="sales-or-service-sort"]').getByTestId('quiz-results')).toBeVisible();
  await expect.poll(() => lrs!.verbs().filter((v) => v === 'initialized').length).toBe(2);
  await again.goto('about:blank');
  await expect.poll(() => lrs!.verbs().filter((v) => v === 'terminated').length, { timeout: 20_000 }).toBe(2);
  await context.close();
  // Nothing told twice in the registration.
  expect(lrs.verbs().filter((v) => v === 'completed' || v === 'passed')).toHaveLength(2);
  expect(lrs.verbs().filter((v) => v === 'answered')).toHaveLength(cards);
  expect(lrs.errors).toEqual([]);
});
