/**
 * The Content-Security-Policy: every built page carries one, scripts run only from this site or by
 * hash, and no page breaks it. (Every other spec checks its own states through ./fixtures.)
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CSP_DIRECTIVES } from '../../src/lib/csp';
import { expect, test } from './fixtures';
import { LANGS, localizedPages } from './site';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const full = path.join(dir, name);
  return statSync(full).isDirectory() ? walk(full) : [full];
});

/** The policy's directives by name, e.g. { 'script-src': ["'self'", "'sha256-…'"] }. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values];
  }));
}
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const pages = localizedPages();
// Missing addresses inside and outside the languages: the 404 pages (with their inline script).
const missing = [...LANGS.map((l) => `/${l}/no-such-page/`), '/no-such-page/'];

test('every built HTML file has one policy, before any script, that allows exactly its inline scripts and styles', () => {
  const files = walk(dist).filter((f) => f.endsWith('.html'));
  expect(files.length).toBeGreaterThanOrEqual(pages.length);
  const problems: string[] = [];
  for (const file of files) {
    const name = path.relative(dist, file);
    const html = readFileSync(file, 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
    if (metas.length !== 1) {
      problems.push(`${name}: ${metas.length} policies`);
      continue;
    }
    const policy = directives(metas[0][1]);
    for (const d of CSP_DIRECTIVES) if (!metas[0][1].includes(d)) problems.push(`${name}: lacks "${d}"`);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
      if (policy['script-src']?.includes(bad)) problems.push(`${name}: script-src has ${bad}`);
      if (policy['style-src']?.includes(bad)) problems.push(`${name}: style-src has ${bad}`);
    }
    if ('frame-ancestors' in policy) problems.push(`${name}: frame-ancestors is ignored in <meta> (it belongs in a header)`);
    // A <meta> policy governs only what comes after it.
    const metaAt = metas[0].index!;
    if (/<script/i.test(html.slice(0, metaAt))) problems.push(`${name}: a script before the policy runs unchecked`);
    for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
      if (m[1] && !policy['script-src']?.includes(sha256(m[1]))) problems.push(`${name}: inline script not in the policy: ${m[1].slice(0, 60)}`);
    }
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
      if (!policy['style-src']?.includes(sha256(m[1]))) problems.push(`${name}: inline style not in the policy: ${m[1].slice(0, 60)}`);
    }
    // style-src has no 'unsafe-inline', so a style attribute would be blocked.
    if (/<[a-z][^>]*\sstyle=/i.test(html)) problems.push(`${name}: has a style attribute`);
    if (/\son[a-z]+=/i.test(html.replace(/<script[\s\S]*?<\/script>/gi, ''))) problems.push(`${name}: has an inline event handler`);
  }
  expect(problems).toEqual([]);
});

for (const lang of LANGS) {
  test(`every ${lang} page loads without a policy violation`, async ({ page }) => {
    test.setTimeout(180_000);
    const mine = pages.filter((p) => p.startsWith(`/${lang}/`));
    expect(mine.length).toBeGreaterThan(10);
    for (const url of [...mine, `/${lang}/no-such-page/`]) {
      await page.goto(url);
      // Islands hydrate after load (client:visible ones once scrolled to); a blocked chunk or
      // style shows up only then.
      const islands = page.locator('astro-island');
      for (let i = 0; i < await islands.count(); i++) await islands.nth(i).scrollIntoViewIfNeeded();
      await expect(page.locator('astro-island[ssr]'), url).toHaveCount(0);
      await page.waitForLoadState('networkidle');
      const policies = page.locator('meta[http-equiv="content-security-policy" i]');
      await expect(policies, url).toHaveCount(1);
      const scriptSrc = directives((await policies.getAttribute('content'))!)['script-src'];
      expect(scriptSrc, url).not.toContain("'unsafe-inline'");
      expect(scriptSrc, url).not.toContain("'unsafe-eval'");
      // The auto fixture only looks at the page the test ends on: check each page here.
      expect(await page.evaluate(() => window.__cspViolations), url).toEqual([]);
    }
  });
}

test('the pages outside the languages load without a policy violation', async ({ page }) => {
  // '/' goes on to a language page; '/my-training/' and '/trainer/results/' too; the missing page stays.
  for (const url of ['/', '/my-training/', '/trainer/results/', ...missing]) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('meta[http-equiv="content-security-policy" i]'), url).toHaveCount(1);
    expect(await page.evaluate(() => window.__cspViolations), url).toEqual([]);
  }
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
  await page.evaluate(() => { window.__cspViolations = []; });
});
