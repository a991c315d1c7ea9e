/**
 * Trainer → trainee → trainer, with no server: assignment links, "My training", reports, results.
 * Every on-screen word comes from the UI strings the site is built from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { axe } from './axe';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { decodeReport, encodeAssignment, type Assignment } from '../../src/lib/assignment';
import {
  COURSE_LESSONS,
  COURSE_MODULES,
  forge,
  forgeReport,
  hostileAssignments,
  hostileReports,
} from '../fixtures/hostile-codes';
import { LANGS, UI } from './site';

const HELD = 'sales-course:training';
const REPORTS = 'sales-course:reports';
const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{?(\w+)\}?\}/g, (_, k: string) => String(v[k]));
const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');
const isoDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Fails on any dialog (a script from a link ran) and collects console errors and page errors. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** A report link shows what it carries and asks first: this checks the preview and accepts it. */
async function acceptReports(page: Page, lang: keyof typeof UI, outcome = 'added') {
  await hydrated(page);
  const preview = page.getByTestId('report-preview');
  await expect(preview.locator(`li[data-outcome="${outcome}"]`).first()).toContainText(
    UI[lang].results[`outcome-${outcome}`],
  );
  await preview.getByRole('button', { name: UI[lang].results.previewAdd }).click();
  await expect(preview).toHaveCount(0);
}

async function csvOf(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const file = await (await download).path();
  return readFileSync(file, 'utf8');
}

test('the whole loop: a Latvian trainer assigns two trainees, one works in English and Chinese, the trainer reads the reports', async ({
  page,
  browser,
}) => {
  const problems = watch(page);
  const LV = UI.lv,
    EN = UI.en,
    ZH = UI.zh;
  // The trainer, in Latvian.
  await page.goto('/lv/trainer/');
  await hydrated(page);
  await page.locator('[data-module="relationship-types"]').check();
  await page.locator('[data-lesson="sales-and-service/what-sales-is"]').check();
  await expect(page.locator('#total-time')).toContainText(
    fillIn(LV.trainer.total_other, { count: 3, minutes: '' }).split('·')[0].trim(),
  );
  await page.getByLabel(LV.trainer.assignmentTitle).fill('Attiecību pārdošana — 关系销售');
  await page.getByLabel(LV.trainer.dueDate).fill(isoDay(7));
  await page.getByLabel(LV.trainer.note).fill('Izlasiet līdz piektdienai. <b>javascript:alert(1)</b>');
  await page.getByLabel(LV.trainer.trainees).fill('Anna Bērziņa\n王小明\n');
  await page.getByRole('button', { name: LV.trainer.create }).click();

  const cards = page.locator('.link-card');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(1).getByRole('heading')).toHaveText(fillIn(LV.trainer.linkFor, { name: 'Anna Bērziņa' }));
  await expect(cards.nth(1).getByRole('img', { name: fillIn(LV.trainer.qr, { name: 'Anna Bērziņa' }) })).toBeVisible();
  const annaLink = await cards.nth(1).locator('textarea').inputValue();
  const xiaomingLink = await cards.nth(2).locator('textarea').inputValue();
  expect(annaLink).toMatch(/\/my-training\/#a1\./);
  expect(annaLink.length).toBeLessThan(400);

  const csv = await csvOf(page, () => page.getByRole('button', { name: LV.trainer.csv }).click());
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  // A Latvian page: semicolons, as Excel on Latvian regional settings expects. Each link with
  // what it assigns: title, due date, and the lessons in Latvian.
  const t = LV.trainer;
  expect(lines[0]).toBe([t.csvName, t.csvLink, t.csvTitle, t.csvDue, t.csvLessons].join(';'));
  const assigned = `Attiecību pārdošana — 关系销售;${isoDay(7)};"`;
  expect(lines.slice(1).map((l) => l.slice(0, l.indexOf(assigned) + assigned.length))).toEqual([
    `${t.linkEveryone};${await cards.nth(0).locator('textarea').inputValue()};${assigned}`,
    `Anna Bērziņa;${annaLink};${assigned}`,
    `王小明;${xiaomingLink};${assigned}`,
  ]);
  expect(lines[1].split(';"')[1]).toMatch(/^1\.1 \S.+; 3\.1 \S.+; 3\.2 \S.+"$/);

  // Before any report, the results page lists both named trainees as not reported yet.
  await page.goto('/lv/trainer/results/');
  await hydrated(page);
  await expect(page.locator('.results-table tbody tr[data-state="no-report"]')).toHaveCount(2);
  await expect(page.locator('tr[data-trainee="王小明"] td[data-col="state"]')).toHaveText(
    LV.results['state-no-report'],
  );
  // The trainer page keeps the assignment, to show its links again.
  await page.goto('/lv/trainer/');
  await hydrated(page);
  await page
    .getByRole('button', { name: new RegExp(`^${LV.trainer.showLinks}\\W+Attiecību pārdošana — 关系销售$`) })
    .click();
  await expect(page.locator('.link-card')).toHaveCount(3);
  expect(await page.locator('.link-card textarea').nth(1).inputValue()).toBe(annaLink);

  // Anna opens her link; the learner's-choice link opens My training in her browser's language (English here).
  const anna = await browser.newContext();
  const annaPage = await anna.newPage();
  const annaProblems = watch(annaPage);
  await annaPage.goto(annaLink);
  await expect(annaPage).toHaveURL(/\/en\/my-training\/#a1\./);
  await hydrated(annaPage);
  const preview = annaPage.getByTestId('assignment-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(
    fillIn(EN.training.previewHeading, { title: 'Attiecību pārdošana — 关系销售' }),
  );
  await expect(preview).toContainText(fillIn(EN.training.previewFor, { name: 'Anna Bērziņa' }));
  // The note is text: its markup shows as typed and nothing in it is a link.
  await expect(preview.locator('.assignment-note__text')).toHaveText(
    'Izlasiet līdz piektdienai. <b>javascript:alert(1)</b>',
  );
  await expect(preview.locator('.assignment-note b, .assignment-note a')).toHaveCount(0);
  await expect(preview.getByRole('listitem')).toHaveCount(6); // 3 facts, 3 lessons
  await annaPage.getByRole('button', { name: EN.training.add }).click();
  await expect(
    annaPage.getByText(fillIn(EN.training.added, { title: 'Attiecību pārdošana — 关系销售' })),
  ).toBeVisible();
  await expect(annaPage).toHaveURL(/\/en\/my-training\/$/);
  const card = annaPage.locator('.held-assignment');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('due-state')).toHaveText(fillIn(EN.training.daysLeft_other, { count: 7 }));

  // The same link again: not added twice.
  await annaPage.goto(annaLink);
  await expect(
    annaPage.getByText(fillIn(EN.training.alreadyHeld, { title: 'Attiecību pārdošana — 关系销售' })),
  ).toBeVisible();
  await expect(annaPage.locator('.held-assignment')).toHaveCount(1);
  expect(JSON.parse((await annaPage.evaluate((k) => localStorage.getItem(k), HELD))!)).toHaveLength(1);

  // She reads the first lesson from her list and tries the relationship-type exercise.
  await card
    .getByRole('link', { name: fillIn(EN.training.startLabel, { action: EN.training.start, lesson: 'What sales is' }) })
    .click();
  // Opened from the assignment: the lesson knows it (?in=<assignment id>).
  await expect(annaPage).toHaveURL(/\/en\/sales-and-service\/what-sales-is\/\?in=[0-9a-z]+$/);
  await annaPage.getByRole('button', { name: EN.progress.markRead }).click();
  await annaPage.goto('/en/relationship-types/choosing-the-level/');
  const exercise = annaPage.locator('[data-exercise-id="relationship-scenarios"]');
  await exercise.scrollIntoViewIfNeeded();
  await expect(exercise.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
  const ladder = EN.diagram.ladder;
  const typeName = (k: string) =>
    ({
      'buyer-seller': ladder.buyerSeller,
      'preferred-supplier': ladder.preferred,
      partnership: ladder.partnership,
      'strategic-alliance': ladder.alliance,
    })[k]!;
  const answer = async (option: string) => {
    await exercise.locator('.quiz__options').getByRole('button', { name: option, exact: true }).click();
    await exercise.locator('.feedback').getByRole('button').click();
  };
  for (const item of parse(readFileSync('content/exercises/en/relationship-scenarios.yaml', 'utf8')).items) {
    await answer(typeName(item.current));
    await answer(typeName(item.worth));
    await answer(item.reasons.find((r: { correct: boolean }) => r.correct).text);
  }
  await expect(exercise.getByTestId('quiz-results')).toContainText(EN.quiz.score.replace('{score}', '100'));

  // In Chinese, the same list with her progress; she makes the report there.
  await annaPage.goto('/zh/my-training/');
  await hydrated(annaPage);
  const zhCard = annaPage.locator('.held-assignment');
  await expect(zhCard.locator('tr[data-lesson="sales-and-service/what-sales-is"]')).toHaveAttribute(
    'data-status',
    'done',
  );
  await expect(zhCard.locator('tr[data-lesson="relationship-types/four-types"]')).toHaveAttribute('data-status', 'new');
  // Never scrolled to its end nor marked: done because its only exercise is done (the completion rule).
  await expect(zhCard.locator('tr[data-lesson="relationship-types/choosing-the-level"]')).toHaveAttribute(
    'data-status',
    'done',
  );
  await expect(zhCard).toContainText(fillIn(ZH.training.progress, { read: 2, total: 3 }));
  await zhCard.getByText(ZH.training.reportHeading).click();
  await expect(zhCard).toContainText(ZH.training.reportHonest);
  await expect(zhCard).toContainText(fillIn(ZH.training.reportNameFixed, { name: 'Anna Bērziņa' }));
  await zhCard.getByRole('button', { name: ZH.training.makeReport }).click();
  const reportLink = await zhCard.getByLabel(ZH.training.reportLink).inputValue();
  expect(reportLink).toMatch(/:\d+\/trainer\/results\/#r1\./);
  expect(annaProblems).toEqual([]);

  // 王小明 opens his link in Chinese but does nothing yet; his report goes back as a code.
  const xm = await browser.newContext({ locale: 'zh-CN' });
  const xmPage = await xm.newPage();
  await xmPage.goto(xiaomingLink);
  await expect(xmPage).toHaveURL(/\/zh\/my-training\/#a1\./);
  await hydrated(xmPage);
  await xmPage.getByRole('button', { name: ZH.training.add }).click();
  await xmPage.getByText(ZH.training.reportHeading).click();
  await xmPage.getByRole('button', { name: ZH.training.makeReport }).click();
  const xmCode = await xmPage.getByLabel(ZH.training.reportCode).inputValue();
  expect(xmCode).toMatch(/^r1\./);

  // The trainer pastes both, with one damaged line, in Latvian.
  await page.goto('/lv/trainer/results/');
  await hydrated(page);
  await page.getByLabel(LV.results.pasteLabel).fill(`${reportLink}\n${xmCode.slice(0, -4)}\n${xmCode}`);
  await page.getByRole('button', { name: LV.results.add }).click();
  await expect(page.getByText(fillIn(LV.results.addedCount, { added: 2, updated: 0, unchanged: 0 }))).toBeVisible();
  await expect(page.locator('.results-table tbody tr[data-state="no-report"]')).toHaveCount(0);
  await expect(page.getByTestId('refused')).toHaveText(
    fillIn(LV.results.refused, { line: 2, message: LV.codeError['bad-checksum'] }),
  );
  const table = page.locator('.results-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const annaRow = table.locator('tr[data-trainee="Anna Bērziņa"]');
  await expect(annaRow.locator('td[data-col="read"]')).toHaveText(fillIn(LV.results.readCount, { read: 2, total: 3 }));
  await expect(annaRow.locator('td[data-col="state"]')).toHaveText(LV.results['state-in-progress']);
  await expect(annaRow.locator('td[data-col="average"]')).toHaveText('100%');
  // Due in 7 days, and not done yet.
  await expect(annaRow.locator('td[data-col="due"]')).toHaveText(fillIn(LV.results.dueLeft_other, { count: 7 }));
  await expect(table.locator('tr[data-trainee="王小明"] td[data-col="read"]')).toHaveText(
    fillIn(LV.results.readCount, { read: 0, total: 3 }),
  );
  // Her lessons, one step away: which are done, and her exercise's best, latest and attempts.
  const annaDetails = annaRow.getByRole('button', { name: new RegExp(`^${LV.results.details}\\W+Anna Bērziņa$`) });
  await annaDetails.click();
  await expect(annaDetails).toHaveAttribute('aria-expanded', 'true');
  const detail = page.getByTestId('trainee-detail');
  await expect(detail.locator('tr[data-lesson="sales-and-service/what-sales-is"]')).toHaveAttribute('data-read', 'yes');
  await expect(detail.locator('tr[data-lesson="relationship-types/four-types"]')).toHaveAttribute('data-read', 'no');
  // The trainer sees what the trainee saw: the lesson done by its exercise counts.
  await expect(detail.locator('tr[data-lesson="relationship-types/choosing-the-level"]')).toHaveAttribute(
    'data-read',
    'yes',
  );
  const scenarios = parse(readFileSync('content/exercises/lv/relationship-scenarios.yaml', 'utf8')).title;
  await expect(detail.locator('tr[data-lesson="relationship-types/choosing-the-level"] .results-score')).toHaveText(
    fillIn(LV.results.exerciseNamed, {
      title: scenarios,
      result: fillIn(LV.results.exerciseShort, {
        best: '100%',
        latest: '100%',
        attempts: fillIn(LV.results.attempts_one, { count: 1 }),
      }),
    }),
  );
  await annaDetails.click();
  await expect(detail).toHaveCount(0);
  // The group: each lesson done by how many, how many complete.
  await expect(page.locator('.lesson-table tr[data-lesson="sales-and-service/what-sales-is"] td').first()).toHaveText(
    fillIn(LV.results.readCount, { read: 1, total: 2 }),
  );
  await expect(page.getByTestId('cohort').locator('[data-figure="complete"] dd')).toHaveText(
    fillIn(LV.results.figCompleteValue, { done: 0, total: 2, rate: '0%' }),
  );

  // Sorting by lessons read, descending puts Anna first; then by name.
  await page.getByRole('button', { name: fillIn(LV.results.sortBy, { column: LV.results.colRead }) }).click();
  await page.getByRole('button', { name: fillIn(LV.results.sortBy, { column: LV.results.colRead }) }).click();
  await expect(table.locator('thead th[aria-sort="descending"]')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-trainee', 'Anna Bērziņa');

  const results = await csvOf(page, () => page.getByRole('button', { name: new RegExp(`^${LV.results.csv}`) }).click());
  expect(results.charCodeAt(0)).toBe(0xfeff);
  const rows = results.slice(1).trim().split('\r\n');
  expect(rows).toHaveLength(3);
  expect(rows[0].startsWith(`${LV.results.colTrainee};`)).toBe(true);
  // Lessons 1 and 3 done (3 by its exercise), lesson 2 not; done and assigned as two numbers; the
  // report's time in local time with its offset.
  expect(rows[1]).toMatch(new RegExp(`^Anna Bērziņa;\\d{4}-\\d{2}-\\d{2};;\\d{4}-\\d{2}-\\d{2};`));
  expect(rows[1]).toContain(`;100;1;2;3;100;${LV.results['state-in-progress']};`);
  expect(rows[1]).toMatch(/;\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  expect(rows[2].startsWith('王小明;;;;')).toBe(true);

  // Kept in the trainer's browser; opening Anna's report link again changes nothing.
  // The report link opens results in the trainer's own browser language.
  const trainerLv = await browser.newContext({ locale: 'lv-LV' });
  const lvPage = await trainerLv.newPage();
  await lvPage.goto(reportLink);
  await expect(lvPage).toHaveURL(/\/lv\/trainer\/results\/#r1\./);
  await acceptReports(lvPage, 'lv');
  await expect(lvPage).toHaveURL(/\/lv\/trainer\/results\/$/);
  await expect(lvPage.locator('tr[data-trainee="Anna Bērziņa"]')).toBeVisible();
  await trainerLv.close();
  await page.goto(reportLink.replace('/trainer/results/', '/lv/trainer/results/'));
  await acceptReports(page, 'lv', 'unchanged');
  await expect(page.getByText(fillIn(LV.results.addedCount, { added: 0, updated: 0, unchanged: 1 }))).toBeVisible();
  await expect(page.locator('.results-table tbody tr')).toHaveCount(2);
  expect(problems).toEqual([]);
  await anna.close();
  await xm.close();
});

test('a fixed course language sends lesson links there, and the learner can still switch', async ({ page }) => {
  const a: Assignment = {
    id: 'fixlang1',
    title: 'Klausīšanās',
    modules: [],
    lessons: ['listening-and-communicating/listening-and-responding'],
    lang: 'lv',
  };
  await page.goto(`/ms/my-training/#${encodeAssignment(a)}`);
  await hydrated(page);
  await expect(page.getByTestId('assignment-preview')).toContainText(
    fillIn(UI.ms.training.language, { language: 'Latviešu' }),
  );
  // Switching language before adding keeps the assignment.
  await page.locator('.lang-switcher summary').click();
  await page.locator('.lang-switcher a[data-locale="zh"]').click();
  await expect(page).toHaveURL(/\/zh\/my-training\/#a1\./);
  await hydrated(page);
  await page.getByRole('button', { name: UI.zh.training.add }).click();
  await expect(page.locator('.held-assignment a.button').first()).toHaveAttribute(
    'href',
    '/lv/listening-and-communicating/listening-and-responding/?in=fixlang1',
  );
});

test('an overdue assignment says so to the trainee and to the trainer', async ({ page }) => {
  const a: Assignment = {
    id: 'late0001',
    title: 'Overdue test',
    due: isoDay(-3),
    modules: ['relationship-types'],
    lessons: [],
    trainee: 'Siti Nurhaliza',
  };
  await page.goto(`/ms/my-training/#${encodeAssignment(a)}`);
  await hydrated(page);
  await page.getByRole('button', { name: UI.ms.training.add }).click();
  const card = page.locator('.held-assignment');
  await expect(card).toHaveAttribute('data-state', 'overdue');
  await expect(card.getByTestId('due-state')).toHaveText(fillIn(UI.ms.training.overdue_other, { count: 3 }));
  await card.getByText(UI.ms.training.reportHeading).click();
  await card.getByRole('button', { name: UI.ms.training.makeReport }).click();
  const code = await card.getByLabel(UI.ms.training.reportCode).inputValue();
  await page.goto(`/en/trainer/results/#${code}`);
  await acceptReports(page, 'en');
  const row = page.locator('tr[data-trainee="Siti Nurhaliza"]');
  await expect(row).toHaveAttribute('data-state', 'overdue');
  await expect(row.locator('td[data-col="state"]')).toHaveText(UI.en.results['state-overdue']);
  await axe(page, 'results with an overdue row');
});

test('every hostile or damaged assignment link is refused in the page language, and nothing stored changes', async ({
  page,
}) => {
  const problems = watch(page);
  const keep: Assignment = { id: 'keep0001', title: 'Kept', modules: ['relationship-types'], lessons: [] };
  await page.goto(`/lv/my-training/#${encodeAssignment(keep)}`);
  await hydrated(page);
  await page.getByRole('button', { name: UI.lv.training.add }).click();
  await expect(page.locator('.held-assignment')).toHaveCount(1);
  const before = await page.evaluate((k) => localStorage.getItem(k), HELD);
  for (const [name, code, error] of hostileAssignments()) {
    if (error === 'empty') continue; // an empty fragment is simply the page without a link
    await page.goto('/lv/');
    await page.goto(`/lv/my-training/#${code}`);
    await hydrated(page);
    const wanted = `${UI.lv.training.openError} ${error === 'wrong-kind' ? UI.lv.codeError['wrong-kind-assignment'] : UI.lv.codeError[error]} ${UI.lv.codeError.nothingChanged}`;
    await expect(page.getByRole('alert'), name).toHaveText(wanted);
    await expect(page.getByTestId('assignment-preview'), name).toHaveCount(0);
    expect(await page.evaluate((k) => localStorage.getItem(k), HELD), name).toBe(before);
  }
  // Pasted into the form too, including the empty case.
  await page.getByRole('button', { name: UI.lv.training.open }).click();
  await expect(page.getByRole('alert')).toContainText(UI.lv.codeError.empty);
  await axe(page, 'my training with an error');
  // A hostile name and note that decode fine are shown as text and never run.
  const xss = forge('a', 1, {
    i: 'xss00001',
    t: '<img src=x onerror=alert(1)>',
    m: ['relationship-types'],
    l: [],
    n: '<a href="javascript:alert(2)">click</a>',
    p: '<script>alert(3)</script>',
  });
  await page.goto(`/lv/my-training/#${xss}`);
  await hydrated(page);
  const preview = page.getByTestId('assignment-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toContainText('<img src=x onerror=alert(1)>');
  await expect(preview.locator('.assignment-note__text')).toHaveText('<a href="javascript:alert(2)">click</a>');
  await expect(preview).toContainText('<script>alert(3)</script>');
  await expect(page.locator('.my-training img, .my-training script, .assignment-note a')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('every hostile or damaged report is refused on the results page, and nothing stored changes', async ({ page }) => {
  const problems = watch(page);
  const good = await forgeReport({
    i: 'keep0001',
    t: 'Kept',
    m: ['relationship-types'],
    l: [],
    n: 'Juris',
    w: Math.floor(Date.now() / 60000),
    r: [],
    x: [],
  });
  await page.goto(`/zh/trainer/results/#${good}`);
  await acceptReports(page, 'zh');
  await expect(page.locator('.results-table tbody tr')).toHaveCount(1);
  const before = await page.evaluate((k) => localStorage.getItem(k), REPORTS);
  const cases = await Promise.all(
    hostileReports
      .filter(([, , e]) => e !== 'empty')
      .map(async ([name, make, error]) => ({ name, code: await make(), error })),
  );
  await page.getByLabel(UI.zh.results.pasteLabel).fill(cases.map((c) => c.code).join('\n'));
  await page.getByRole('button', { name: UI.zh.results.add }).click();
  const refused = page.getByTestId('refused').locator('li');
  await expect(refused).toHaveCount(cases.length + 1);
  for (const [i, c] of cases.entries()) {
    const message = c.error === 'wrong-kind' ? UI.zh.codeError['wrong-kind-report'] : UI.zh.codeError[c.error];
    await expect(refused.nth(i), c.name).toHaveText(fillIn(UI.zh.results.refused, { line: i + 1, message }));
  }
  await expect(refused.last()).toHaveText(UI.zh.codeError.nothingChanged);
  expect(await page.evaluate((k) => localStorage.getItem(k), REPORTS)).toBe(before);
  await axe(page, 'results with refused reports');
  // A hostile name in a valid report is text.
  const xss = await forgeReport({
    i: 'keep0001',
    t: '<svg onload=alert(1)>',
    m: ['relationship-types'],
    l: [],
    n: '<img src=x onerror=alert(1)>',
    w: Math.floor(Date.now() / 60000),
    r: [],
    x: [],
  });
  await page.getByLabel(UI.zh.results.pasteLabel).fill(xss);
  await page.getByRole('button', { name: UI.zh.results.add }).click();
  const row = page.locator('tr[data-trainee="<img src=x onerror=alert(1)>"]');
  await expect(row.locator('th .results-name')).toHaveText('<img src=x onerror=alert(1)>');
  // Its title differs from the first report's: shown as a conflict (as text), the table keeps "Kept".
  await expect(row.getByTestId('conflict')).toContainText('“<svg onload=alert(1)>”');
  await expect(page.locator('section[data-assignment="keep0001"] h2')).toHaveText('Kept');
  await expect(page.locator('.trainer-results img, .trainer-results svg')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('damaged stored lists are kept aside, not lost, and the readable part stays', async ({ page }) => {
  const good = encodeAssignment({ id: 'good0001', title: 'Still here', modules: ['relationship-types'], lessons: [] });
  await page.goto('/en/');
  await page.evaluate(
    ([k, v]) => localStorage.setItem(k, v),
    [
      HELD,
      JSON.stringify([
        { code: good, added: 1 },
        { code: '<script>', added: 2 },
      ]),
    ],
  );
  await page.goto('/en/my-training/');
  await hydrated(page);
  await expect(page.getByText(UI.en.training.listRepaired)).toBeVisible();
  await expect(page.locator('.held-assignment h3')).toHaveText('Still here');
  const aside = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('sales-course:training:unreadable:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(aside).toHaveLength(1);
  expect(aside[0]).toContain('<script>');
});

for (const lang of LANGS) {
  test(`${lang}: trainer form errors and links, My training, results; axe on every state, light and dark`, async ({
    page,
  }) => {
    // Thirteen states, each checked by axe in light and dark: 26 full-page scans, about a minute
    // on one core when two workers share the machine.
    test.setTimeout(120_000);
    const T = UI[lang];
    await page.goto(`/${lang}/trainer/results/`);
    await hydrated(page);
    await expect(page.getByText(T.results.empty)).toBeVisible();
    await axe(page, `${lang} results empty`);
    await page.goto(`/${lang}/trainer/`);
    await hydrated(page);
    await axe(page, `${lang} trainer empty`);
    await page.getByRole('button', { name: T.trainer.create }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(T.trainer.nothingChosen);
    await expect(alert).toContainText(T.trainer.titleMissing);
    await expect(alert).toBeFocused();
    await axe(page, `${lang} trainer errors`);
    await page.locator('[data-module="sales-and-service"]').check();
    await page.getByLabel(T.trainer.assignmentTitle).fill('Test');
    await page.getByLabel(T.trainer.trainees).fill('Anna');
    await page.getByRole('button', { name: T.trainer.create }).click();
    await expect(page.locator('.link-card')).toHaveCount(2);
    await expect(page.locator('#links-title')).toBeFocused();
    await axe(page, `${lang} trainer links`);

    await page.goto(`/${lang}/my-training/`);
    await hydrated(page);
    await expect(page.getByText(T.training.empty)).toBeVisible();
    await axe(page, `${lang} my training empty`);
    const link = await (async () => {
      await page.goto(`/${lang}/trainer/`);
      await hydrated(page);
      await page.locator('[data-module="relationship-types"]').check();
      await page.getByLabel(T.trainer.assignmentTitle).fill('Axe');
      await page.getByLabel(T.trainer.dueDate).fill(isoDay(2));
      await page.getByLabel(T.trainer.note).fill('Note');
      await page.getByRole('button', { name: T.trainer.create }).click();
      return page.locator('.link-card textarea').first().inputValue();
    })();
    await page.goto(link.replace('/my-training/', `/${lang}/my-training/`));
    await hydrated(page);
    await expect(page.getByTestId('assignment-preview')).toBeVisible();
    await axe(page, `${lang} my training preview`);
    await page.getByRole('button', { name: T.training.add }).click();
    await page.getByText(T.training.reportHeading).click();
    await page.getByRole('button', { name: T.training.makeReport }).click();
    await expect(page.locator('.held-assignment input[aria-invalid="true"]')).toBeFocused();
    await page.getByLabel(T.training.reportName).fill('Zane');
    await page.getByRole('button', { name: T.training.makeReport }).click();
    await expect(page.getByTestId('report')).toBeVisible();
    await axe(page, `${lang} my training with a report`);
    const report = await page.getByLabel(T.training.reportLink).inputValue();
    await page.getByRole('button', { name: new RegExp(`^${T.training.remove}`) }).click();
    await axe(page, `${lang} my training remove confirm`);
    await page.getByRole('button', { name: T.training.removeYes }).click();
    await expect(page.getByText(T.training.empty)).toBeVisible();
    await expect(page.getByRole('heading', { name: T.training.listHeading, exact: true })).toBeFocused();

    await page.goto(`/${lang}/trainer/results/`);
    await hydrated(page);
    await expect(page.locator('tr[data-trainee="Anna"]')).toHaveAttribute('data-state', 'no-report');
    await axe(page, `${lang} results with a trainee not reported`);
    await page.goto(report.replace('/trainer/results/', `/${lang}/trainer/results/`));
    await hydrated(page);
    await axe(page, `${lang} report link preview`);
    await acceptReports(page, lang);
    await expect(page.locator('tr[data-trainee="Zane"]')).toBeVisible();
    await axe(page, `${lang} results table`);
    // One report removed by mistake comes back with Undo.
    await page
      .locator('tr[data-trainee="Zane"]')
      .getByRole('button', { name: new RegExp(`^${T.results.removeOne}\\W+Zane$`) })
      .click();
    await expect(page.getByText(fillIn(T.results.removedOne, { name: 'Zane' }))).toBeVisible();
    await expect(page.locator('tr[data-trainee="Zane"]')).toHaveCount(0);
    await axe(page, `${lang} results after removing one report`);
    await page.getByRole('button', { name: T.results.undo }).click();
    await expect(page.locator('tr[data-trainee="Zane"]')).toBeVisible();
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), REPORTS))!)).toHaveLength(1);
    await page.getByRole('button', { name: T.results.removeAll }).click();
    await axe(page, `${lang} results remove confirm`);
    await page.getByRole('button', { name: T.results.removeYes }).click();
    await expect(page.getByText(T.results.removed)).toBeVisible();
    await expect(page.locator('tr[data-trainee="Zane"]')).toHaveCount(0);
    await expect(page.locator('tr[data-trainee="Anna"]')).toHaveAttribute('data-state', 'no-report');
  });
}

test('two tabs adding the same link hold it once; a mangled link still gets a message', async ({ context }) => {
  const a: Assignment = { id: 'tabs0001', title: 'Two tabs', modules: ['relationship-types'], lessons: [] };
  const [one, two] = [await context.newPage(), await context.newPage()];
  for (const p of [one, two]) {
    await p.goto(`/en/my-training/#${encodeAssignment(a)}`);
    await hydrated(p);
  }
  await one.getByRole('button', { name: UI.en.training.add }).click();
  // Chromium hands one tab's localStorage write to another renderer a moment later (its storage
  // is synced between processes, not shared): a person's second click is never that fast, a
  // test's can be. Tab two is clicked once the write has reached it, as a person's would be.
  await expect.poll(() => two.evaluate((k) => localStorage.getItem(k) ?? '', HELD)).toContain(encodeAssignment(a));
  await two.getByRole('button', { name: UI.en.training.add }).click();
  await expect(two.getByText(fillIn(UI.en.training.alreadyHeld, { title: 'Two tabs' }))).toBeVisible();
  expect(JSON.parse((await two.evaluate((k) => localStorage.getItem(k), HELD))!)).toHaveLength(1);
  // Percent-encoded and with a capital letter, as some chat apps deliver it: refused with a reason.
  await one.goto(`/en/my-training/#%20A1.${encodeAssignment(a).slice(3)}`);
  await hydrated(one);
  await expect(one.getByRole('alert')).toContainText(UI.en.codeError['bad-format']);
});

test('a report removed by mistake does not come back twice when a newer one arrived meanwhile', async ({ page }) => {
  const minute = Math.floor(Date.now() / 60000);
  const base = { i: 'undo0001', t: 'Undo', m: ['relationship-types'], l: [], n: 'Alice', r: [], x: [] };
  const older = await forgeReport({ ...base, w: minute - 10 });
  const newer = await forgeReport({ ...base, w: minute, r: [['relationship-types/four-types', minute]] });
  await page.goto(`/en/trainer/results/#${older}`);
  await acceptReports(page, 'en');
  await page
    .locator('tr[data-trainee="Alice"]')
    .getByRole('button', { name: new RegExp(`^${UI.en.results.removeOne}`) })
    .click();
  await expect(page.getByRole('button', { name: UI.en.results.undo, exact: true })).toBeFocused();
  await page.getByLabel(UI.en.results.pasteLabel).fill(newer);
  await page.getByRole('button', { name: UI.en.results.add }).click();
  await expect(page.locator('tr[data-trainee="Alice"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: UI.en.results.undo, exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('tr[data-trainee="Alice"] td[data-col="read"]')).toHaveText(
    fillIn(UI.en.results.readCount, { read: 1, total: 2 }),
  );
});

test('when the browser cannot save, the results page says so and keeps the report in the address', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const report = await forgeReport({
    i: 'full0001',
    t: 'Full',
    m: ['relationship-types'],
    l: [],
    n: 'Bo',
    w: Math.floor(Date.now() / 60000),
    r: [],
    x: [],
  });
  await page.goto(`/lv/trainer/results/#${report}`);
  await acceptReports(page, 'lv');
  await expect(page.locator('tr[data-trainee="Bo"]')).toBeVisible();
  await expect(page.getByText(UI.lv.results.notSaved)).toBeVisible();
  expect(new URL(page.url()).hash).toBe(`#${report}`);
});

test('a link whose # was percent-encoded by a mail or chat app still opens', async ({ page }) => {
  const a: Assignment = { id: 'pct00001', title: 'Encoded', modules: ['relationship-types'], lessons: [] };
  await page.goto(`/lv/my-training/%23${encodeAssignment(a)}`);
  await expect(page).toHaveURL(/\/lv\/my-training\/#a1\./);
  await hydrated(page);
  await expect(page.getByTestId('assignment-preview')).toContainText('Encoded');
  // A plain missing page stays a 404.
  const response = await page.goto('/lv/no-such-page%23x/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText(UI.lv.notFound.title);
});

/** Whether an element is wholly on screen, below the sticky header (which would cover it). */
const inView = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const box = el.getBoundingClientRect();
      const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
      return box.top >= header && box.bottom <= innerHeight;
    });

test('at 1366 × 768, Create links and Show links bring the links into view, focused', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const LV = UI.lv.trainer;
  const linksInView = async (title: string) => {
    await expect(page.locator('.assignment-links > p > strong')).toHaveText(title);
    await expect(page.locator('#links-title')).toBeFocused();
    // The heading, and the first link with its Copy button: what the trainer came for.
    for (const part of ['#links-title', '.link-card h3', '.link-card textarea', '.link-card button'])
      expect(await inView(page, part), part).toBe(true);
  };
  await page.goto('/lv/trainer/');
  await hydrated(page);
  await page.locator('[data-module="relationship-types"]').check();
  await page.getByLabel(LV.assignmentTitle).fill('Pirmais');
  await page.getByLabel(LV.trainees).fill('Anna Bērziņa\nJānis');
  await page.getByRole('button', { name: LV.create }).click();
  await linksInView('Pirmais');
  // A second assignment, then the first one's links again from the list further down the page.
  await page.locator('[data-module="sales-and-service"]').check();
  await page.getByLabel(LV.assignmentTitle).fill('Otrais');
  await page.getByRole('button', { name: LV.create }).click();
  await linksInView('Otrais');
  await page.getByRole('button', { name: new RegExp(`^${LV.showLinks}\\W+Pirmais$`) }).click();
  await linksInView('Pirmais');
});

test('a made assignment removed from the list comes back with Undo, also past another tab; a reload keeps either', async ({
  page,
  context,
}) => {
  const T = UI.lv.trainer;
  const make = async (p: Page, title: string, names: string) => {
    await p.locator('[data-module="relationship-types"]').check();
    await p.getByLabel(T.assignmentTitle).fill(title);
    await p.getByLabel(T.trainees).fill(names);
    await p.getByRole('button', { name: T.create }).click();
    await expect(p.locator('.assignment-links > p > strong')).toHaveText(title);
  };
  const items = page.locator('.made-list > li');
  const item = (title: string) => items.filter({ has: page.locator('strong', { hasText: new RegExp(`^${title}$`) }) });
  const remove = (title: string) => page.getByRole('button', { name: new RegExp(`^${T.removeMade}\\W+${title}$`) });
  const status = page.locator('.made-status');
  await page.goto('/lv/trainer/');
  await hydrated(page);
  await make(page, 'Pirmais', 'Anna Bērziņa\n王小明');
  await make(page, 'Otrais', '');
  await expect(items).toHaveCount(2);
  await expect(item('Pirmais')).toContainText('Anna Bērziņa, 王小明');
  const madeOn = await item('Pirmais').locator('.meta').textContent();

  await remove('Pirmais').click();
  await expect(status).toHaveRole('status');
  await expect(status).toContainText(fillIn(T.madeRemoved, { title: 'Pirmais' }));
  await expect(item('Pirmais')).toHaveCount(0);
  const undo = page.getByRole('button', { name: T.undo, exact: true });
  await expect(undo).toBeFocused();
  await axe(page, 'lv trainer, an assignment removed');

  // Meanwhile another tab makes an assignment; Undo keeps it and brings Pirmais back as it was.
  const other = await context.newPage();
  await other.goto('/lv/trainer/');
  await hydrated(other);
  await make(other, 'Trešais', 'Jānis');
  await expect(item('Trešais')).toHaveCount(1);
  await undo.click();
  await expect(status).toContainText(fillIn(T.madeRestored, { title: 'Pirmais' }));
  await expect(status).toBeFocused();
  await expect(undo).toHaveCount(0);
  await expect(items).toHaveCount(3);
  await expect(item('Pirmais').locator('.meta')).toHaveText(madeOn!);
  await axe(page, 'lv trainer, an assignment back after Undo');
  await expect(other.locator('.made-list > li')).toHaveCount(3);
  await page.reload();
  await hydrated(page);
  await expect(items).toHaveCount(3);
  await expect(item('Pirmais').locator('.meta')).toHaveText(madeOn!);
  // The results page lists its trainees again.
  await page.goto('/lv/trainer/results/');
  await hydrated(page);
  await expect(page.locator('tr[data-trainee="王小明"]')).toHaveCount(1);

  // Removed and not undone: it stays removed after a reload, in this tab and the other.
  await page.goto('/lv/trainer/');
  await hydrated(page);
  await remove('Otrais').click();
  await expect(item('Otrais')).toHaveCount(0);
  await expect(other.locator('.made-list > li')).toHaveCount(2);
  await page.reload();
  await hydrated(page);
  await expect(items).toHaveCount(2);
  await expect(item('Otrais')).toHaveCount(0);
  await expect(page.getByRole('button', { name: T.undo, exact: true })).toHaveCount(0);
});

/** Every exercise and role-play in one language: id, lesson and title, from content/. */
const exercisesIn = (lang: string) =>
  ['exercises', 'roleplays'].flatMap((dir) =>
    readdirSync(`content/${dir}/${lang}`).map((file) => {
      const { lesson, title } = parse(readFileSync(`content/${dir}/${lang}/${file}`, 'utf8'));
      return { id: file.replace(/\.yaml$/, ''), lesson: lesson as string, title: title as string };
    }),
  );

test('the report box shows what the trainer will see, read from the report the code holds, and copies the code alone', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const T = UI.lv.training;
  const exercises = exercisesIn('lv');
  const now = Date.now();
  await page.goto('/lv/');
  // One lesson read; one done by its only exercise; one with one of its two role-plays tried; one only opened.
  await page.evaluate((now) => {
    const tried = (best: number, latest: number, attempts: number, at: number) => ({
      attempts,
      best,
      latest,
      answers: {},
      finished: at,
      updated: at,
    });
    localStorage.setItem(
      'sales-course:progress',
      JSON.stringify({
        version: 2,
        lessons: {
          'relationship-selling/what-relationship-selling-is': { opened: now - 9e7, read: now - 8e7 },
          'relationship-selling/four-elements': { opened: now - 5e6 },
        },
        exercises: {
          'which-approach-fits': tried(0.8, 0.6, 3, now - 4e6),
          'budget-worried-buyer': tried(0.5, 0.5, 1, now - 3e6),
        },
      }),
    );
  }, now);
  const a: Assignment = {
    id: 'report01',
    title: 'Atskaite',
    modules: ['relationship-selling'],
    lessons: ['relationship-types/four-types'],
  };
  await page.goto(`/lv/my-training/#${encodeAssignment(a)}`);
  await hydrated(page);
  await page.getByRole('button', { name: T.add }).click();
  const card = page.locator('.held-assignment');
  await card.getByText(T.reportHeading).click();
  const contents = card.getByTestId('report-contents');
  await expect(contents.getByRole('heading')).toHaveText(T.reportContents);
  await expect(contents).toContainText(T.reportNameMissing);
  // Scanned from the top (as results-desk.spec.ts does): mid-scroll the sticky header, whose search
  // field lies over the table's Start button, counts against that button in axe's target-size rule.
  await page.evaluate(() => scrollTo(0, 0));
  await axe(page, 'lv my training, report contents before the name');
  await card.getByLabel(T.reportName).fill('Zane Kalniņa');
  await expect(contents).toContainText(fillIn(T.reportNameFixed, { name: 'Zane Kalniņa' }));
  const before = await contents.innerText();
  await card.getByRole('button', { name: T.makeReport }).click();
  const code = await card.getByLabel(T.reportCode).inputValue();
  const decoded = await decodeReport(code, {
    modules: COURSE_MODULES,
    lessons: COURSE_LESSONS,
    exercises: exercises.map((x) => x.id),
  });
  if (!decoded.ok) throw new Error(`the report does not decode: ${decoded.error}`);
  const report = decoded.value;
  expect(report.name).toBe('Zane Kalniņa');
  expect(report.read.map((x) => x.lesson).sort()).toEqual([
    'relationship-selling/relationship-oriented-selling',
    'relationship-selling/what-relationship-selling-is',
  ]);
  expect(report.exercises.map((x) => x.id).sort()).toEqual(['budget-worried-buyer', 'which-approach-fits']);

  // Every lesson the report covers, done (on its day) or not as the report says, and under it each
  // exercise: its best, latest and attempts from the report, or not tried when the report has none.
  const lessons = COURSE_LESSONS.filter((l) => a.lessons.includes(l) || a.modules.includes(l.split('/')[0]));
  await expect(contents.locator('li[data-lesson]')).toHaveCount(lessons.length);
  for (const lesson of lessons) {
    const row = contents.locator(`li[data-lesson="${lesson}"]`);
    const read = report.read.find((x) => x.lesson === lesson);
    await expect(row).toHaveAttribute('data-done', read ? 'yes' : 'no');
    const day =
      read && (await page.evaluate((at) => new Intl.DateTimeFormat('lv', { dateStyle: 'medium' }).format(at), read.at));
    await expect(row).toContainText(read ? fillIn(T.reportDoneOn, { date: day! }) : T.reportNotDone);
    const own = exercises.filter((x) => x.lesson === lesson);
    await expect(row.locator('li[data-exercise]')).toHaveCount(own.length);
    for (const x of own) {
      const result = report.exercises.find((r) => r.id === x.id);
      await expect(row.locator(`li[data-exercise="${x.id}"]`)).toHaveText(
        result
          ? fillIn(T.exerciseResult, {
              title: x.title,
              best: `${Math.round(result.best * 100)}%`,
              latest: `${Math.round(result.latest * 100)}%`,
              attempts: fillIn(T[`attempts_${new Intl.PluralRules('lv').select(result.attempts)}`], {
                count: result.attempts,
              }),
            })
          : fillIn(T.exerciseNotTried, { title: x.title }),
      );
    }
  }
  // What was shown before the report was made is what it holds.
  expect(await contents.innerText()).toBe(before);
  await axe(page, 'lv my training, report made');

  // "Copy the code" copies the code alone, and says so.
  await card.getByRole('button', { name: T.copyCode }).click();
  await expect(card.locator('.report-ready [role="status"]').last()).toHaveText(T.copied);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await card.getByRole('button', { name: T.copy, exact: true }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await card.getByLabel(T.reportLink).inputValue(),
  );
  // The name changed after the report was made: that report goes, and the contents follow the name.
  await card.getByLabel(T.reportName).fill('Zane K.');
  await expect(card.getByTestId('report')).toHaveCount(0);
  await expect(contents).toContainText(fillIn(T.reportNameFixed, { name: 'Zane K.' }));
});
