/**
 * "Download for your LMS" on the trainer page, in a browser under the site's Content-Security-Policy:
 * the package is built in the page from the site's own files, downloaded, and read back (its
 * manifest, its settings, its pages); the checks before building; a failed build; axe.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Page } from './fixtures';
import { axe } from './axe';
import { LANGS, UI } from './site';

const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');
const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k]));
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Course {
  lessons: { id: string; module: string; title: Record<string, string> }[];
}
const course: Course = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '..', '..', 'dist', 'lms', 'course.json'), 'utf8'),
);
const lessonsOf = (module: string) => course.lessons.filter((l) => l.module === module).map((l) => l.id);

/** Every request to another host (none may happen) and every request for the package's files. */
function watchRequests(page: Page, baseURL: string) {
  const elsewhere: string[] = [];
  const lms: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL) && !url.startsWith('blob:') && !url.startsWith('data:')) elsewhere.push(url);
    if (url.includes('/lms/')) lms.push(url);
  });
  return { elsewhere, lms };
}

async function download(page: Page, label: string) {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: label }).click();
  const file = await waiting;
  const bytes = readFileSync((await file.path())!);
  return { name: file.suggestedFilename(), files: unzipSync(new Uint8Array(bytes)) };
}

test('an English trainer downloads a SCORM 2004 package of one module, passed at 75 %, in every language', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const t = UI.en.trainer;
  const requests = watchRequests(page, baseURL!);
  await page.goto('/en/trainer/');
  await hydrated(page);
  const section = page.getByRole('region', { name: t.lmsHeading });
  await expect(section.getByRole('heading', { level: 2, name: t.lmsHeading })).toBeVisible();

  // Defaults: SCORM 1.2, completion only, no score field.
  await expect(section.getByLabel(t.lmsScorm12)).toBeChecked();
  await expect(section.getByLabel(t.lmsCompleted)).toBeChecked();
  await expect(section.getByLabel(t.lmsMastery)).toHaveCount(0);

  await page.locator('[data-module="relationship-types"]').check();
  await page.getByLabel(t.assignmentTitle).fill('Relationship types — Q1');
  await section.getByLabel(t.lmsScorm2004).check();
  await section.getByLabel(t.lmsPassed).check();
  const mastery = section.getByLabel(t.lmsMastery);
  await expect(mastery).toHaveValue('80');
  await expect(mastery).toHaveAccessibleDescription(t.lmsMasteryHelp);
  await mastery.fill('75');
  // Nothing of the package's code or files loaded before the click.
  expect(requests.lms).toEqual([]);

  const { name, files } = await download(page, t.lmsDownload);
  expect(name).toBe('relationship-types-q1-scorm2004.zip');
  const status = section.getByRole('status');
  await expect(status).toHaveText(
    new RegExp(`^${escape(fillIn(t.lmsReady, { file: name, size: '@' })).replace('@', '[\\d.,]+\\s(?:kB|MB)')}$`),
  );
  await expect(section.getByRole('button', { name: t.lmsDownload })).not.toHaveAttribute('aria-disabled', /.*/);

  const manifest = strFromU8(files['imsmanifest.xml']);
  expect(manifest).toContain('<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>');
  expect(manifest).toContain('Relationship types — Q1');
  const lessons = lessonsOf('relationship-types');
  const settings = JSON.parse(strFromU8(files['lms-package.json']));
  expect(settings).toMatchObject({
    version: 1,
    format: 'scorm2004',
    mastery: 0.75,
    languages: ['en', 'ms', 'zh', 'lv'],
    lessons,
    title: 'Relationship types — Q1',
  });
  expect(files['index.html']).toBeDefined();
  for (const lang of LANGS) {
    for (const id of lessons) expect(files[`${lang}/${id}/index.html`], `${lang}/${id}`).toBeDefined();
    expect(files[`${lang}/glossary/index.html`]).toBeDefined();
  }
  // Only the chosen module's lessons.
  const pages = Object.keys(files).filter((f) => /^[a-z]{2}\/[^/]+\/[^/]+\/index\.html$/.test(f));
  expect(pages).toHaveLength(lessons.length * LANGS.length);
  // The form above is left as it was: no links were made.
  await expect(page.getByRole('heading', { name: t.linksHeading })).toHaveCount(0);
  expect(requests.elsewhere).toEqual([]);
});

test('a Latvian trainer downloads a cmi5 package in Latvian only', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const t = UI.lv.trainer;
  const requests = watchRequests(page, baseURL!);
  await page.goto('/lv/trainer/');
  await hydrated(page);
  const section = page.getByRole('region', { name: t.lmsHeading });
  await page.locator('[data-lesson="sales-and-service/what-sales-is"]').check();
  await page.locator('[data-lesson="relationship-types/four-types"]').check();
  await page.getByLabel(t.assignmentTitle).fill('Pārdošana');
  await page.getByLabel(t.language).selectOption('lv');
  await section.getByLabel(t.lmsCmi5).check();

  const { name, files } = await download(page, t.lmsDownload);
  expect(name).toBe('pārdošana-cmi5.zip');
  await expect(section.getByRole('status')).toContainText(name);
  const manifest = strFromU8(files['cmi5.xml']);
  expect(files['imsmanifest.xml']).toBeUndefined();
  expect(manifest).toContain('Pārdošana');
  // The description (cmi5 manifests have one; SCORM's smallest do not) is in the package's language.
  const lessons = ['sales-and-service/what-sales-is', 'relationship-types/four-types'];
  expect(manifest).toContain(lessons.map((id) => course.lessons.find((l) => l.id === id)!.title.lv).join('; '));
  expect(manifest).not.toContain('masteryScore');
  const settings = JSON.parse(strFromU8(files['lms-package.json']));
  expect(settings).toMatchObject({ format: 'cmi5', languages: ['lv'], lessons });
  expect(settings.mastery).toBeUndefined();
  const pages = Object.keys(files).filter((f) => f.endsWith('.html') && f !== 'index.html');
  expect(pages.sort()).toEqual([...lessons.map((id) => `lv/${id}/index.html`), 'lv/glossary/index.html'].sort());
  expect(requests.elsewhere).toEqual([]);
});

test('the download checks the form first: nothing chosen, no title, a mastery score out of range', async ({ page }) => {
  const t = UI.en.trainer;
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/lms/')) fetched.push(r.url());
  });
  await page.goto('/en/trainer/');
  await hydrated(page);
  const section = page.getByRole('region', { name: t.lmsHeading });
  const button = section.getByRole('button', { name: t.lmsDownload });

  await button.click();
  const summary = page.getByRole('alert').filter({ hasText: t.fixErrors });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: t.nothingChosen })).toHaveAttribute('href', '#field-lessons');
  await expect(summary.getByRole('link', { name: t.titleMissing })).toBeVisible();
  await expect(page.locator('#field-lessons')).toHaveAccessibleDescription(new RegExp(`^${escape(t.nothingChosen)}`));
  await expect(page.getByLabel(t.assignmentTitle)).toHaveAttribute('aria-invalid', 'true');

  await page.locator('[data-module="sales-and-service"]').check();
  await page.getByLabel(t.assignmentTitle).fill('Basics');
  await section.getByLabel(t.lmsPassed).check();
  const mastery = section.getByLabel(t.lmsMastery);
  for (const value of ['0', '101']) {
    await mastery.fill(value);
    await button.click();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([t.lmsMasteryInvalid]);
    await expect(mastery).toHaveAttribute('aria-invalid', 'true');
    await expect(mastery).toHaveAccessibleDescription(`${t.lmsMasteryInvalid} ${t.lmsMasteryHelp}`);
  }
  // The summary's link goes to the field.
  await summary.getByRole('link', { name: t.lmsMasteryInvalid }).click();
  await expect(mastery).toBeFocused();
  await axe(page, 'LMS section with a mastery error');

  // Completion only: the score no longer counts, and its error goes with it.
  await section.getByLabel(t.lmsCompleted).check();
  await expect(section.getByLabel(t.lmsMastery)).toHaveCount(0);
  await expect(summary).toHaveCount(0);

  await page.waitForTimeout(300);
  expect(downloads).toEqual([]);
  expect(fetched).toEqual([]);
});

test('while building the button stays focusable and says so; a failed build is an alert and changes nothing', async ({
  page,
}) => {
  const t = UI.en.trainer;
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // One page of the package is missing (a new release under an old page, a dropped connection).
  await page.route('**/lms/en/relationship-types/four-types/index.html', async (route) => {
    await held;
    await route.fulfill({ status: 404, body: 'gone' });
  });
  await page.goto('/en/trainer/');
  await hydrated(page);
  const section = page.getByRole('region', { name: t.lmsHeading });
  await page.locator('[data-module="relationship-types"]').check();
  await page.getByLabel(t.assignmentTitle).fill('Types');
  const button = section.getByRole('button', { name: t.lmsDownload });
  await button.click();
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toBeFocused();
  await expect(section.getByRole('status')).toHaveText(t.lmsBuilding);
  // A second press while building starts nothing.
  await button.press('Enter');
  release();
  await expect(section.getByRole('alert')).toHaveText(t.lmsFailed);
  // The status says nothing now (an empty live region, so not matched by role).
  await expect(section.locator('.lms-download__status')).toBeEmpty();
  await expect(button).not.toHaveAttribute('aria-disabled', /.*/);
  await expect(page.getByLabel(t.assignmentTitle)).toHaveValue('Types');
  await expect(page.locator('[data-module="relationship-types"]')).toBeChecked();
  await axe(page, 'LMS section after a failed build');
  expect(downloads).toEqual([]);

  // It works again once the file is back.
  await page.unroute('**/lms/en/relationship-types/four-types/index.html');
  const waiting = page.waitForEvent('download');
  await button.click();
  expect((await waiting).suggestedFilename()).toBe('types-scorm12.zip');
  await expect(section.getByRole('alert')).toHaveCount(0);
  await expect(section.getByRole('status')).toContainText('types-scorm12.zip');
});
