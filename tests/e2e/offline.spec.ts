/**
 * Offline (issue 16): after a first visit, pages seen open without a connection; "Save for
 * offline" stores lessons never opened, which then open, run an exercise and reload offline;
 * progress written offline is still there back online; a new release waits for the learner's
 * "Reload"; Chromium finds each language's course installable, with its own manifest. The worker
 * is dist/sw.js (Workbox, scripts/lib/offline-dist.mjs).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { axe } from './axe';
import type { Locator, Page } from '@playwright/test';
import { encodeAssignment, type Assignment } from '../../src/lib/assignment';
import { formatBytes, offlinePlan, type OfflineList } from '../../src/lib/offline';
import { LANGS, onePageOfEachKind, placeCard, SITE_NAMES, TAGS, UI, type Lang } from './site';

const root = path.resolve(import.meta.dirname, '..', '..');
const dist = path.join(root, 'dist');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const exercise = (lang: Lang, id: string): any =>
  parse(readFileSync(path.join(root, 'content/exercises', lang, `${id}.yaml`), 'utf8'));
const offlineList = (lang: Lang): OfflineList =>
  JSON.parse(readFileSync(path.join(dist, 'offline', `${lang}.json`), 'utf8'));

// The other specs block service workers (playwright.config.ts); these are about one.
test.use({ serviceWorkers: 'allow' });

/** The worker controls the page and the page itself is stored (the first page visited too). */
async function workerReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect
    .poll(() =>
      page.evaluate(async () =>
        Boolean(await (await caches.open('pages')).match(location.href, { ignoreSearch: true, ignoreVary: true })),
      ),
    )
    .toBe(true);
}

async function islandIn(page: Page, id: string): Promise<Locator> {
  const box = page.locator(`[data-exercise-id="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
  return box;
}

/** Sorts the first card of "sales or service" into its column; returns the column's locator. */
async function sortFirstCard(page: Page, lang: Lang) {
  const data = exercise(lang, 'sales-or-service-sort');
  const box = await islandIn(page, 'sales-or-service-sort');
  const card = data.cards[0];
  await placeCard(box, card.text, data.columns[card.column]);
  await expect(box.locator('.feedback')).toContainText(card.feedback);
  return { card, column: data.columns[card.column] as string };
}

async function expectSorted(page: Page, card: { text: string }, column: string) {
  const box = await islandIn(page, 'sales-or-service-sort');
  await expect(box.locator(`.categorize__column:has(h4:text("${column}"))`)).toContainText(card.text);
}

test('after a first visit, pages seen open offline; an exercise answered offline survives reload and reconnection', async ({
  page,
  context,
}) => {
  const lesson = '/en/sales-and-service/sales-vs-service/';
  await page.goto(lesson); // the very first page: stored when the worker installs
  await workerReady(page);
  await page.goto('/en/glossary/'); // a second page, through the worker
  await workerReady(page);

  await context.setOffline(true);
  await page.goto('/en/glossary/');
  await expect(page.locator('h1')).toBeVisible();
  await page.goto(lesson);
  const { card, column } = await sortFirstCard(page, 'en');
  await page.reload();
  await expectSorted(page, card, column);

  // A page never visited is not there offline: our "You are offline" page says so, at its address.
  await page.goto('/en/relationship-types/');
  await expect(page.locator('h1')).toHaveText(UI.en.offline.pageTitle);
  await expect(page).toHaveURL(/\/en\/relationship-types\/$/);

  // Back online: the answer given offline is still there (it was kept in localStorage).
  await context.setOffline(false);
  await page.goto(lesson);
  await expectSorted(page, card, column);
});

test('"Save the course for offline use" shows the size first, then progress; unseen lessons open offline', async ({
  page,
  context,
}) => {
  const s = UI.zh.offline;
  await page.goto('/zh/');
  await workerReady(page);
  const box = page.locator('[data-offline-save]');
  await box.getByRole('button', { name: s.saveCourse }).click();
  const plan = offlinePlan(offlineList('zh'), null);
  const size = formatBytes(plan.bytes, 'zh-CN');
  await expect(box).toContainText(s.size.replace('{size}', size));
  await axe(page, 'save the course for offline: size shown');
  await box.getByRole('button', { name: s.download.replace('{size}', size) }).click();
  await expect(box.getByRole('status')).toHaveText(s.done, { timeout: 30_000 });
  await expect(box.locator('progress')).toBeHidden();
  // Focus stays on the button, which stays (the progress line it was on is gone); it now updates.
  await expect(box.getByRole('button', { name: s.saveAgain })).toBeFocused();

  await context.setOffline(true);
  // Never opened before: a module page, a lesson with an exercise (run it, reload), the glossary,
  // the certificate (My training links to it once an assignment is done).
  await page.goto('/zh/relationship-types/');
  await expect(page.locator('h1')).toBeVisible();
  await page.goto('/zh/sales-and-service/sales-vs-service/');
  const { card, column } = await sortFirstCard(page, 'zh');
  await page.reload();
  await expectSorted(page, card, column);
  await page.goto('/zh/glossary/');
  await expect(page.locator('h1')).toHaveText(UI.zh.glossary.title);
  await page.goto('/zh/my-training/certificate/');
  await expect(page.locator('h1')).toHaveText(UI.zh.certificate.title);

  // Back on the home page, offline and online: it says the course is saved; the button updates it.
  for (const offline of [true, false]) {
    await context.setOffline(offline);
    await page.goto('/zh/');
    await expect(box.getByRole('status')).toHaveText(s.saved);
    await expect(box.getByRole('button', { name: s.saveAgain })).toBeVisible();
    await expect(page.locator('body')).toBeFocused(); // found on load: focus is not moved
  }
  await axe(page, 'the course saved for offline use');
});

test('offline, a page not saved opens "You are offline" in its language, with links to the learner’s pages', async ({
  page,
  context,
}) => {
  await page.goto('/lv/');
  await workerReady(page);
  await context.setOffline(true);
  // The trainer's pages, another language's lesson, a root page: never stored.
  for (const [address, lang] of [
    ['/lv/trainer/', 'lv'],
    ['/zh/relationship-types/four-types/?in=x1', 'zh'],
    ['/ms/my-training/certificate/', 'ms'],
    ['/trainer/results/', 'en'],
  ] as const) {
    const o = UI[lang].offline;
    await page.goto(address);
    await expect(page).toHaveURL(address); // the address stays: "Reload" opens it once online
    await expect(page.locator('html')).toHaveAttribute('lang', TAGS[lang]);
    await expect(page.locator('h1')).toHaveText(o.pageTitle);
    await expect(page.locator('main')).toContainText(o.pageBody);
    await expect(page.locator('main')).toContainText(o.pageSaved);
    const main = page.locator('main');
    for (const [name, href] of [
      [UI[lang].nav.home, `/${lang}/`],
      [UI[lang].nav.myTraining, `/${lang}/my-training/`],
      [UI[lang].progress.progressLink, `/${lang}/progress/`],
    ])
      await expect(main.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
  await axe(page, 'you are offline');
  // Its own link goes on working: the home page, stored when the worker installed.
  await page.goto('/lv/trainer/');
  await page.locator('main').getByRole('link', { name: UI.lv.nav.home, exact: true }).click();
  await expect(page.locator('h1')).toHaveText(UI.lv.home.title);
});

test('My training: "Save this assignment for offline use" stores its lessons, opened offline from the list', async ({
  page,
  context,
}) => {
  const s = UI.lv.offline;
  const a: Assignment = {
    id: 'offline1',
    title: 'Bezsaistē',
    modules: [],
    lessons: ['relationship-selling/relationship-oriented-selling', 'relationship-types/choosing-the-level'],
  };
  await page.goto(`/lv/my-training/#${encodeAssignment(a)}`);
  await workerReady(page);
  await page.getByRole('button', { name: UI.lv.training.add }).click();
  const card = page.locator('.held-assignment');
  await card.getByRole('button', { name: s.saveAssignment }).click();
  const size = formatBytes(offlinePlan(offlineList('lv'), a.lessons).bytes, 'lv');
  await expect(card).toContainText(s.size.replace('{size}', size));
  await card.getByRole('button', { name: s.download.replace('{size}', size) }).focus();
  await page.keyboard.press('Enter');
  const saver = card.getByTestId('offline-save');
  await expect(saver.getByRole('status')).toHaveText(s.done, { timeout: 30_000 });
  // Focus did not fall to the page's top when the progress line went: it is on the button, which stays.
  await expect(saver.getByRole('button', { name: s.saveAgain })).toBeFocused();

  // Reloaded, offline too: the assignment says it is saved, and its button updates it.
  for (const offline of [true, false]) {
    await context.setOffline(offline);
    await page.reload();
    await expect(saver.getByRole('status')).toHaveText(s.saved);
    await expect(saver.getByRole('button', { name: s.saveAgain })).toBeVisible();
  }

  await context.setOffline(true);
  // From the list, with ?in=<assignment>: the stored page is the same page.
  await card.locator('a.button').first().click();
  await expect(page).toHaveURL(/relationship-oriented-selling\/\?in=offline1$/);
  const data = exercise('lv', 'which-approach-fits');
  const box = await islandIn(page, 'which-approach-fits');
  const name =
    UI.lv.diagram.continuum[
      { transactional: 'transactional', relationship: 'relationship', 'relationship-oriented': 'oriented' }[
        data.items[0].answer as string
      ]!
    ];
  await box.locator('.quiz__options').getByRole('button', { name, exact: true }).click();
  await expect(box.locator('.feedback')).toBeVisible();
  await page.reload();
  await expect((await islandIn(page, 'which-approach-fits')).locator('.feedback')).toBeVisible();
  // A lesson of the assignment not in this list's first row, never opened.
  await page.goto('/lv/relationship-types/choosing-the-level/');
  await expect(page.locator('h1')).toBeVisible();
  // What a saved lesson links to was saved with it, never opened either: the menu's home, My
  // progress and glossary, and the certificate My training offers once the assignment is done.
  for (const [address, title] of [
    ['/lv/', UI.lv.home.title],
    ['/lv/progress/', UI.lv.progressPage.title],
    ['/lv/glossary/', UI.lv.glossary.title],
    ['/lv/my-training/certificate/', UI.lv.certificate.title],
  ]) {
    await page.goto(address);
    await expect(page.locator('h1'), address).toHaveText(title);
  }
});

/** Saves the whole course in one language for offline use, as a learner does on the home page. */
async function saveCourse(page: Page, lang: Lang, list: OfflineList) {
  const s = UI[lang].offline;
  const box = page.locator('[data-offline-save]');
  await box.getByRole('button', { name: s.saveCourse }).click();
  const size = formatBytes(offlinePlan(list, null).bytes, lang === 'zh' ? 'zh-CN' : lang);
  await box.getByRole('button', { name: s.download.replace('{size}', size) }).click();
  await expect(box.getByRole('status')).toHaveText(s.done, { timeout: 30_000 });
}

/** Every text file of a built site, for publishing a changed release in a copy. */
function textFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|js|css|json|webmanifest)$/.test(f))
    .map((f) => path.join(dir, f));
}

/**
 * Publishes a new release in the copy: the global style sheet gets a new hashed name (as a
 * changed style sheet does in a real build), in every page, the worker's lists and the offline
 * lists; sw.js therefore changes too, as it does in every release that changes the shell.
 */
function publishRelease(dir: string, from: string, to: string) {
  const [a, b] = [from.slice(1), to.slice(1)]; // sw.js names its files without the leading slash
  writeFileSync(path.join(dir, b), readFileSync(path.join(dir, a), 'utf8') + `\n/* ${to} */\n`);
  rmSync(path.join(dir, a));
  for (const file of textFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    if (text.includes(a)) writeFileSync(file, text.split(a).join(b));
  }
}

/** The page's global style sheet, after checking every sheet it links loaded (an unstyled page's have no rules). */
async function globalSheet(page: Page) {
  const sheets = await page.evaluate(() =>
    [...document.styleSheets]
      .filter((s) => s.href)
      .map((s) => ({ href: new URL(s.href!).pathname, rules: s.cssRules.length })),
  );
  for (const s of sheets) expect(s.rules, s.href).toBeGreaterThan(0);
  const global = sheets.filter((s) => s.href.startsWith('/_astro/global.'));
  expect(global).toHaveLength(1);
  expect(global[0]!.rules).toBeGreaterThan(100);
  return global[0]!.href;
}

test.describe('a new release', () => {
  let copy = '';
  let server: import('node:http').Server | undefined;
  let base = '';
  test.beforeAll(async () => {
    // A copy of the site on its own port, so a second worker can be published without touching
    // dist/ that the other tests are reading.
    copy = mkdtempSync(path.join(tmpdir(), 'offline-release-'));
    cpSync(dist, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}lms`) });
    const { serve } = await import('../../scripts/serve.mjs');
    const port = 4600 + Math.floor(Math.random() * 300);
    server = await serve({ dir: copy, port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
  });
  test.afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  test('waits for the learner: a polite "Reload" prompt in the page language, never a reload on its own', async ({
    page,
  }) => {
    const s = UI.ms.offline;
    await page.goto(`${base}/ms/sales-and-service/sales-vs-service/`);
    await workerReady(page);
    const { card, column } = await sortFirstCard(page, 'ms');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    // Publish a second version of the worker and let the page find it.
    writeFileSync(path.join(copy, 'sw.js'), readFileSync(path.join(copy, 'sw.js'), 'utf8') + '\n// release 2\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.locator('[data-sw-update]');
    await expect(banner).toContainText(s.updateAvailable);
    await expect(banner).toHaveAttribute('role', 'status');
    await axe(page, 'update prompt');
    // Mid-exercise, nothing happens behind the learner's back: same page, old worker, new one waiting.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting))).toBe(
      true,
    );

    // Keyboard: the button is reachable and works with Enter.
    const reload = banner.getByRole('button', { name: s.updateReload });
    await reload.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting))).toBe(
      false,
    );
    await expect(banner.getByRole('button')).toHaveCount(0);
    await expectSorted(page, card, column);
  });

  test('keeps what was saved working offline: saved lessons are refreshed, a lesson the release dropped still opens styled', async ({
    page,
    context,
  }) => {
    test.slow(); // saves the whole course, then takes two releases
    const global = readdirSync(path.join(copy, '_astro')).find((f) => /^global\.[\w-]+\.css$/.test(f))!;
    const v1 = `/_astro/${global}`;
    const v2 = v1.replace(/\.css$/, 'r2.css');
    const v3 = v1.replace(/\.css$/, 'r3.css');
    const saved = '/en/sales-and-service/sales-vs-service/'; // never opened: saved with the course
    const dropped = '/en/relationship-types/choosing-the-level/'; // saved, then gone in release 2
    /** The global style sheet the stored copy of a page names. */
    const stored = (url: string) =>
      page.evaluate(
        async (u) =>
          (await (await caches.open('pages')).match(u))
            ?.text()
            .then((t) => /\/_astro\/global\.[\w-]+\.css/.exec(t)?.[0]),
        url,
      );
    const kept = (file: string) =>
      page.evaluate(async (f) => {
        const r = await (await caches.open('assets')).match(f);
        return r ? r.headers.get('x-kept-from-release') : null;
      }, file);
    const takeRelease = async () => {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const reload = page.locator('[data-sw-update]').getByRole('button', { name: UI.en.offline.updateReload });
      await Promise.all([page.waitForEvent('load'), reload.click()]);
    };

    await page.goto(`${base}/en/`);
    await workerReady(page);
    await saveCourse(page, 'en', JSON.parse(readFileSync(path.join(copy, 'offline', 'en.json'), 'utf8')));
    expect(await stored(saved)).toBe(v1);

    // Release 2 restyles the site and drops a lesson.
    publishRelease(copy, v1, v2);
    rmSync(path.join(copy, dropped.slice(1)), { recursive: true });
    await takeRelease();
    // The saved lesson is fetched again with the new release's files, in the background.
    await expect.poll(() => stored(saved), { timeout: 30_000 }).toBe(v2);
    expect(await stored(dropped)).toBe(v1);
    expect(await kept(v1)).toBe('1'); // the dropped lesson still needs it

    await context.setOffline(true);
    await page.goto(`${base}${saved}`);
    expect(await globalSheet(page)).toBe(v2);
    const { card, column } = await sortFirstCard(page, 'en');
    await page.reload();
    await expectSorted(page, card, column);
    // The dropped lesson opens offline as it was saved, styled by the old release's sheet.
    await page.goto(`${base}${dropped}`);
    await expect(page.locator('h1')).toBeVisible();
    expect(await globalSheet(page)).toBe(v1);

    // Once no stored page needs the old sheet, the next release removes it.
    await context.setOffline(false);
    await page.goto(`${base}/en/`);
    await page.evaluate(async (u) => (await caches.open('pages')).delete(u), dropped);
    publishRelease(copy, v2, v3);
    await takeRelease();
    await expect.poll(() => stored(saved), { timeout: 30_000 }).toBe(v3);
    // Release 2's sheet was kept while the release changed hands; no stored page names it now.
    await expect.poll(() => Promise.all([kept(v1), kept(v2)]), { timeout: 10_000 }).toEqual([null, null]);
  });
});

test.describe('installable', () => {
  for (const lang of LANGS) {
    test(`${lang}: Chromium would install the course from its home, with the ${lang} manifest and icons that load`, async ({
      playwright,
      launchOptions,
      baseURL,
      csp,
    }) => {
      // A profile of its own: Playwright's usual contexts are incognito, where Chromium does not
      // offer to install (Page.getInstallabilityErrors answers "in-incognito"). In the test's
      // output folder, which the next run empties should a timeout skip the `finally` below.
      const profile = test.info().outputPath('profile');
      const context = await playwright.chromium.launchPersistentContext(profile, {
        ...launchOptions,
        baseURL,
        serviceWorkers: 'allow',
      });
      try {
        await csp.watch(context);
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(`/${lang}/`);
        // Bounded, and said plainly: a worker whose install failed never takes control.
        await expect
          .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), {
            message: 'the service worker controls the page (its install fails if a file it precaches is missing)',
            timeout: 20_000,
          })
          .toBe(true);
        await workerReady(page);
        const cdp = await context.newCDPSession(page);

        // What Chromium itself checks before offering "Install": the manifest's name, start_url,
        // display, a PNG or SVG icon of 144 px or more that it could download, same-origin scope…
        const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
        expect(installabilityErrors).toEqual([]);

        const origin = new URL(baseURL!).origin;
        const { url, errors, data, manifest } = await cdp.send('Page.getAppManifest');
        expect(url).toBe(`${origin}/${lang}/manifest.webmanifest`);
        expect(errors).toEqual([]);
        // As Chromium read it…
        expect(manifest).toMatchObject({
          name: SITE_NAMES[lang],
          id: `${origin}/${lang}/`,
          startUrl: `${origin}/${lang}/`,
          scope: `${origin}/${lang}/`,
        });
        // …and as written (Chromium's reading leaves out short_name and lang).
        const written = JSON.parse(data!);
        expect(written).toMatchObject({
          name: SITE_NAMES[lang],
          short_name: UI[lang].offline.shortName,
          lang: TAGS[lang],
          start_url: `/${lang}/`,
          scope: `/${lang}/`,
          display: 'standalone',
        });

        // Every icon is served with its type and, once decoded, is the size the manifest says;
        // one at least is maskable (a phone's launcher crops it to its own shape).
        const icons = written.icons as { src: string; sizes: string; type: string; purpose?: string }[];
        expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
        for (const icon of icons) {
          const href = new URL(icon.src, url).href;
          const response = await page.request.get(href);
          expect(response.status(), icon.src).toBe(200);
          expect(response.headers()['content-type'], icon.src).toContain(icon.type);
          const size = await page.evaluate(async (src) => {
            const img = new Image();
            img.src = src;
            await img.decode();
            return `${img.naturalWidth}x${img.naturalHeight}`;
          }, href);
          if (icon.sizes !== 'any') expect(size, icon.src).toBe(icon.sizes);
        }
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    });
  }

  test('every kind of page links the manifest of its language and gives its theme colour', async ({ page }) => {
    for (const lang of LANGS) {
      const { theme_color: theme } = JSON.parse(readFileSync(path.join(dist, lang, 'manifest.webmanifest'), 'utf8'));
      for (const p of onePageOfEachKind(lang)) {
        await page.goto(p, { waitUntil: 'domcontentloaded' });
        const head = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          manifest: [...document.querySelectorAll('link[rel="manifest"]')].map((l) => l.getAttribute('href')),
          theme: [...document.querySelectorAll('meta[name="theme-color"]')].map((m) => m.getAttribute('content')),
        }));
        expect.soft(head, p).toEqual({ lang: TAGS[lang], manifest: [`/${lang}/manifest.webmanifest`], theme: [theme] });
      }
    }
  });

  test('iPhones get an opaque 180 px home-screen icon (iOS blackens transparent corners)', async ({ page }) => {
    await page.goto('/ms/');
    const href = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect(href).toBeTruthy();
    const icon = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let transparent = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! < 255) transparent++;
      return { size: `${img.naturalWidth}x${img.naturalHeight}`, transparent };
    }, href!);
    expect(icon).toEqual({ size: '180x180', transparent: 0 });
  });
});
