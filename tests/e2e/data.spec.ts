/**
 * Nothing lost when tabs and links arrive together, and no report that rewrites another's: the
 * experiments of issue 11, run in the browser against the built site.
 */
import { expect, test, type Page } from './fixtures';
import { encodeAssignment, type Assignment } from '../../src/lib/assignment';
import { forgeReport } from '../fixtures/hostile-codes';
import { UI } from './site';

const HELD = 'sales-course:training';
const REPORTS = 'sales-course:reports';
const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');
const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{?(\w+)\}?\}/g, (_, k: string) => String(v[k]));
const minute = () => Math.floor(Date.now() / 60000);
const stored = async (page: Page, key: string) =>
  JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key)) ?? '[]') as { code: string }[];
const report = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  forgeReport({
    i: id,
    t: 'Onboarding',
    m: ['relationship-types'],
    l: [],
    n: name,
    w: minute(),
    r: [],
    x: [],
    ...extra,
  });

test('ten report links opened at once keep all ten', async ({ context }) => {
  const codes = await Promise.all(Array.from({ length: 10 }, (_, i) => report('many0001', `Trainee ${i}`)));
  const pages = await Promise.all(codes.map(() => context.newPage()));
  await Promise.all(pages.map((p, i) => p.goto(`/en/trainer/results/#${codes[i]}`)));
  await Promise.all(pages.map(hydrated));
  // Every tab shows its report before anything is added, then all are accepted at once.
  await Promise.all(pages.map((p) => expect(p.getByTestId('report-preview')).toBeVisible()));
  await Promise.all(pages.map((p) => p.getByRole('button', { name: UI.en.results.previewAdd }).click()));
  await Promise.all(pages.map((p) => expect(p.getByTestId('report-preview')).toHaveCount(0)));
  // Tabs converge within moments (a browser may show one tab another's write a moment late).
  // Stored as canonical codes: one live entry per trainee.
  await expect.poll(async () => (await stored(pages[0], REPORTS)).filter((e) => !('removed' in e)).length).toBe(10);
  await pages[0].reload();
  await hydrated(pages[0]);
  await expect(pages[0].locator('.results-table tbody tr')).toHaveCount(10);
});

test('four tabs pasting 20 reports each, one by one, keep 80 of 80', async ({ context }) => {
  test.setTimeout(120_000);
  const pages = await Promise.all(Array.from({ length: 4 }, () => context.newPage()));
  await Promise.all(
    pages.map(async (p) => {
      await p.goto('/lv/trainer/results/');
      await hydrated(p);
    }),
  );
  const codes = await Promise.all(
    pages.map((_, t) => Promise.all(Array.from({ length: 20 }, (_, i) => report(`tabs000${t}`, `Dalībnieks ${i}`)))),
  );
  await Promise.all(
    pages.map(async (p, t) => {
      for (const code of codes[t]) {
        await p.getByLabel(UI.lv.results.pasteLabel).fill(code);
        await p.getByRole('button', { name: UI.lv.results.add }).click();
        await expect(p.getByLabel(UI.lv.results.pasteLabel)).toHaveValue('');
      }
    }),
  );
  await expect.poll(async () => (await stored(pages[0], REPORTS)).filter((e) => !('removed' in e)).length).toBe(80);
  await pages[2].reload();
  await hydrated(pages[2]);
  await expect(pages[2].locator('.results-table tbody tr')).toHaveCount(80);
});

test('four tabs adding 20 assignments each keep 80 of 80', async ({ context }) => {
  test.setTimeout(120_000);
  const pages = await Promise.all(Array.from({ length: 4 }, () => context.newPage()));
  await Promise.all(
    pages.map(async (p) => {
      await p.goto('/ms/my-training/');
      await hydrated(p);
    }),
  );
  const codes = pages.map((_, t) =>
    Array.from({ length: 20 }, (_, i) =>
      encodeAssignment({
        id: `tab${t}as${String(i).padStart(2, '0')}`,
        title: `Tugasan ${t}-${i}`,
        modules: ['relationship-types'],
        lessons: [],
      }),
    ),
  );
  await Promise.all(
    pages.map(async (p, t) => {
      for (const code of codes[t]) {
        await p.getByLabel(UI.ms.training.openLabel).fill(code);
        await p.getByRole('button', { name: UI.ms.training.open, exact: true }).click();
        await p.getByTestId('assignment-preview').getByRole('button', { name: UI.ms.training.add }).click();
        await expect(p.getByTestId('assignment-preview')).toHaveCount(0);
      }
    }),
  );
  await expect.poll(async () => (await stored(pages[0], HELD)).map((e) => e.code).sort()).toEqual(codes.flat().sort());
  await pages[1].reload();
  await hydrated(pages[1]);
  await expect(pages[1].locator('.held-assignment')).toHaveCount(80);
});

test('a report link shows what it carries and asks first; "Not now" adds nothing', async ({ page }) => {
  const [anna, bo, cai] = await Promise.all([
    report('show0001', 'Anna'),
    report('show0001', 'Bo'),
    report('show0001', 'Cai'),
  ]);
  await page.goto(`/zh/trainer/results/#${anna}%20${bo}%20${cai}`);
  await hydrated(page);
  const preview = page.getByTestId('report-preview');
  await expect(preview.getByRole('heading')).toHaveText(fillIn(UI.zh.results.previewHeading_other, { count: 3 }));
  await expect(preview.getByRole('heading')).toBeFocused();
  await expect(preview.locator('li')).toHaveText([/Anna · Onboarding/, /Bo · Onboarding/, /Cai · Onboarding/]);
  await preview.getByRole('button', { name: UI.zh.results.previewNotNow }).click();
  await expect(preview).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.evaluate((k) => localStorage.getItem(k), REPORTS)).toBeNull();
  await expect(page.getByText(UI.zh.results.empty)).toBeVisible();
});

test('a report cannot redefine the assignment: a later one that describes it differently is a conflict', async ({
  page,
}) => {
  const first = await report('scope001', 'Anna');
  const hostile = await report('scope001', 'Mallory', {
    t: 'Everything, due long ago',
    d: '2020-01-01',
    m: ['relationship-types', 'listening-and-communicating'],
  });
  const annaLater = await report('scope001', 'Anna', { r: [['relationship-types/four-types', minute()]] });
  const bo = await report('scope001', 'Bo');
  await page.goto(`/en/trainer/results/#${first}`);
  await hydrated(page);
  await page.getByRole('button', { name: UI.en.results.previewAdd }).click();
  // Anna's newer report and Bo's arrive together with Mallory's: Anna's first copy still speaks.
  await page.goto(`/en/trainer/results/#${annaLater}%20${hostile}%20${bo}`);
  await hydrated(page);
  await page.getByRole('button', { name: UI.en.results.previewAdd }).click();
  const table = page.locator('section[data-assignment="scope001"]');
  await expect(table.getByRole('heading', { level: 2 })).toHaveText('Onboarding');
  await expect(table.locator('.lesson-table tbody tr[data-lesson]')).toHaveCount(2); // relationship-types only
  await expect(table.locator('tr[data-trainee="Mallory"]').getByTestId('conflict')).toContainText(
    'Everything, due long ago',
  );
  await expect(table.locator('tr[data-trainee="Anna"]').getByTestId('conflict')).toHaveCount(0);
  await expect(table.locator('tr[data-trainee="Bo"]').getByTestId('conflict')).toHaveCount(0);
  await page.reload();
  await hydrated(page);
  await expect(table.getByRole('heading', { level: 2 })).toHaveText('Onboarding');
  await expect(table).not.toContainText(UI.en.results['state-overdue']);
});

test('an older report says so, and a full list says what was not added', async ({ page }) => {
  const newer = await report('older001', 'Anna', { r: [['relationship-types/four-types', minute()]] });
  const older = await report('older001', 'Anna', { w: minute() - 60 });
  await page.goto(`/en/trainer/results/#${newer}`);
  await hydrated(page);
  await page.getByRole('button', { name: UI.en.results.previewAdd }).click();
  await page.getByLabel(UI.en.results.pasteLabel).fill(older);
  await page.getByRole('button', { name: UI.en.results.add }).click();
  await expect(page.getByRole('status')).toContainText(fillIn(UI.en.results.olderCount_one, { count: 1 }));
  await expect(page.locator('tr[data-trainee="Anna"] td[data-col="read"]')).toHaveText(
    fillIn(UI.en.results.readCount, { read: 1, total: 2 }),
  );
});

test('past 2,000 stored reports a new one is refused with a message, never "Added 1"', async ({ page }) => {
  test.setTimeout(120_000);
  const full = await Promise.all(Array.from({ length: 2000 }, (_, i) => report('full0002', `T${i}`)));
  await page.addInitScript((list) => {
    if (!localStorage.getItem('sales-course:reports'))
      localStorage.setItem('sales-course:reports', JSON.stringify(list.map((code, i) => ({ code, added: i + 1 }))));
  }, full);
  const extra = await report('full0002', 'One too many');
  await page.goto(`/en/trainer/results/#${extra}`);
  await hydrated(page);
  const preview = page.getByTestId('report-preview');
  await expect(preview.locator('li[data-outcome="limit"]')).toContainText(UI.en.results['outcome-limit']);
  await preview.getByRole('button', { name: UI.en.results.previewAdd }).click();
  await expect(page.getByTestId('refused')).toContainText(
    fillIn(UI.en.results.limitCount_one, { count: 1, max: '2,000' }),
  );
  await expect(page.getByRole('status')).not.toContainText(
    fillIn(UI.en.results.addedCount, { added: 1, updated: 0, unchanged: 0 }),
  );
  expect(await stored(page, REPORTS)).toHaveLength(2000);
  await page.reload();
  await hydrated(page);
  await expect(page.locator('tr[data-trainee="One too many"]')).toHaveCount(0);
});

test('storage whose getItem throws: My training, trainer and results still work and say nothing is saved', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    Storage.prototype.getItem = function () {
      throw new DOMException('denied', 'SecurityError');
    };
  });
  const a: Assignment = { id: 'throw001', title: 'Blocked', modules: ['relationship-types'], lessons: [] };
  await page.goto(`/lv/my-training/#${encodeAssignment(a)}`);
  await hydrated(page);
  await page.getByRole('button', { name: UI.lv.training.add }).click();
  await expect(page.locator('.held-assignment')).toHaveCount(1);
  await expect(page.getByText(UI.lv.training.notSaved)).toBeVisible();
  await page.goto('/lv/trainer/');
  await hydrated(page);
  await page.goto('/lv/trainer/results/');
  await hydrated(page);
  await expect(page.getByText(UI.lv.results.empty)).toBeVisible();
  await page.goto('/lv/progress/');
  await hydrated(page);
  expect(errors).toEqual([]);
});

test('full storage still shows the saved progress, and the export holds it', async ({ page }) => {
  await page.goto('/en/');
  await page.evaluate(() => {
    const now = Date.now();
    localStorage.setItem(
      'sales-course:progress',
      JSON.stringify({
        version: 2,
        lessons: { 'relationship-types/four-types': { opened: now - 5000, read: now - 4000 } },
        exercises: {},
      }),
    );
  });
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.goto('/en/progress/');
  await hydrated(page);
  await expect(page.getByText(UI.en.progress.storageFull)).toBeVisible();
  const row = page.locator('tr[data-lesson="relationship-types/four-types"]');
  await expect(row).toHaveAttribute('data-state', 'done');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: UI.en.progress.export }).first().click();
  const file = JSON.parse(
    await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')),
  );
  expect(Object.keys(file.progress.lessons)).toEqual(['relationship-types/four-types']);
});

test('damaged progress is set aside once, however often pages load, and offered for download', async ({ page }) => {
  await page.goto('/en/');
  await page.evaluate(() => localStorage.setItem('sales-course:progress', '{"version":2,"lessons":{'));
  for (let i = 0; i < 5; i++) await page.goto(i % 2 ? '/en/progress/' : '/en/trainer/results/');
  await page.goto('/en/');
  const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':unreadable:')));
  expect(aside).toHaveLength(1);
  await page.evaluate(() => localStorage.setItem('sales-course:progress', '{"version":2,"lessons":{'));
  await page.reload();
  await expect(page.getByText(UI.en.progress.noticeCorrupt)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: UI.en.progress.downloadAside }).click();
  const file = JSON.parse(
    await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')),
  );
  expect(Object.values(file)).toEqual(['{"version":2,"lessons":{']);
});

test('an impossible stored time (1e20) neither crashes the progress page nor blocks Reset', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/lv/');
  await page.evaluate(() =>
    localStorage.setItem(
      'sales-course:progress',
      JSON.stringify({
        version: 2,
        lessons: {
          'relationship-types/four-types': { opened: 1e20, read: 1e20 },
          'relationship-types/choosing-the-level': { opened: 1000, read: 2000 },
        },
        exercises: {},
      }),
    ),
  );
  await page.goto('/lv/progress/');
  await hydrated(page);
  // The impossible entry is set aside (the learner is told), the possible one stays.
  await expect(page.getByText(UI.lv.progress.noticeRepaired)).toBeVisible();
  await expect(page.locator('tr[data-lesson="relationship-types/choosing-the-level"]')).toHaveAttribute(
    'data-state',
    'done',
  );
  await expect(page.locator('tr[data-lesson="relationship-types/four-types"]')).toHaveAttribute('data-state', 'new');
  await page.getByRole('button', { name: UI.lv.progressPage.resetButton }).click();
  await page.getByRole('button', { name: UI.lv.progressPage.resetConfirm }).click();
  await expect(page.locator('tr[data-lesson="relationship-types/choosing-the-level"]')).toHaveAttribute(
    'data-state',
    'new',
  );
  expect(errors).toEqual([]);
});
