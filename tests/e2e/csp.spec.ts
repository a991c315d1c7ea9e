/**
 * The Content-Security-Policy: every built page carries one, scripts run only from this site or by
 * hash, and no page breaks it. (Every other spec checks its own states through ./fixtures.)
 * The walk through every page of every language also checks what only a browser shows there: no
 * request leaves the site, and a lesson's objectives and key points are visible.
 */
import { expect, test } from './fixtures';
import { LANGS, forbidOtherHosts, lessonPages, localizedPages } from './site';
import { policyDirectives } from '../../src/lib/csp';

const KEY_POINTS = { en: 'Key points', ms: 'Isi penting', zh: '要点', lv: 'Galvenais' } as const;

const pages = localizedPages();
// Missing addresses inside and outside the languages: the 404 pages (with their inline script).
const missing = [...LANGS.map((l) => `/${l}/no-such-page/`), '/no-such-page/'];

// That every built HTML file has one policy, before any script, allowing exactly its inline
// scripts and styles is read from the files in tests/dist/csp.test.ts.

for (const lang of LANGS) {
  test(`every ${lang} page loads without a policy violation`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const foreign = forbidOtherHosts(page, baseURL!);
    const mine = pages.filter((p) => p.startsWith(`/${lang}/`));
    const lessons = new Set(lessonPages(lang));
    expect(mine.length).toBeGreaterThan(10);
    for (const url of [...mine, `/${lang}/no-such-page/`]) {
      await page.goto(url);
      // Islands hydrate after load (client:visible ones once scrolled to); a blocked chunk or
      // style shows up only then.
      const islands = page.locator('astro-island');
      for (let i = 0; i < (await islands.count()); i++) await islands.nth(i).scrollIntoViewIfNeeded();
      await expect(page.locator('astro-island[ssr]'), url).toHaveCount(0);
      await page.waitForLoadState('networkidle');
      const policies = page.locator('meta[http-equiv="content-security-policy" i]');
      await expect(policies, url).toHaveCount(1);
      const scriptSrc = policyDirectives((await policies.getAttribute('content'))!)['script-src'];
      expect(scriptSrc, url).not.toContain("'unsafe-inline'");
      expect(scriptSrc, url).not.toContain("'unsafe-eval'");
      // The auto fixture only looks at the page the test ends on: check each page here.
      expect(await page.evaluate(() => window.__cspViolations), url).toEqual([]);
      if (lessons.has(url)) {
        // (tests/dist/lessons.test.ts reads the rest of each lesson from the built HTML.)
        await expect(page.locator('.objectives li').first(), url).toBeVisible();
        await expect(page.getByRole('heading', { level: 2, name: KEY_POINTS[lang], exact: true }), url).toBeVisible();
      }
    }
    expect(foreign).toEqual([]);
  });
}

test('the pages outside the languages load without a policy violation', async ({ page, baseURL }) => {
  const foreign = forbidOtherHosts(page, baseURL!);
  // '/' goes on to a language page; '/my-training/' and '/trainer/results/' too; the missing page stays.
  for (const url of ['/', '/my-training/', '/trainer/results/', ...missing]) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('meta[http-equiv="content-security-policy" i]'), url).toHaveCount(1);
    expect(await page.evaluate(() => window.__cspViolations), url).toEqual([]);
  }
  expect(foreign).toEqual([]);
});

test('the policy blocks a script injected into a page', async ({ page, csp }) => {
  await page.goto('/en/my-training/');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 1';
    document.body.append(s);
  });
  await expect.poll(() => page.evaluate(() => window.__cspViolations?.length)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const [v] = await page.evaluate(() => window.__cspViolations!);
  expect(v.directive).toBe('script-src-elem');
  expect(v.blockedURI).toBe('inline');
  // The auto fixture heard it too (so it would fail a test that did this by accident); expected here.
  await expect.poll(() => csp.violations.length).toBeGreaterThan(0);
  csp.take();
  await page.evaluate(() => {
    window.__cspViolations = [];
  });
});
