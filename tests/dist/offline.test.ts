/**
 * Offline (issue 16) in the built site: the Workbox service worker precaches the shell and never
 * dist/lms/, every lesson of every language is in its offline list with real byte counts, and each
 * language has a manifest the layout links. The browser side is tests/e2e/offline.spec.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dist, LANGS, lessonPages, page, TAGS, UI } from './dist';
import { offlinePlan, parseOfflineList } from '../../src/lib/offline';

describe('the service worker', () => {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]);

  it('precaches the shell: the global CSS, the core script, icons and every manifest', () => {
    expect(precached.some((u) => /^_astro\/global\.[\w-]+\.css$/.test(u))).toBe(true);
    expect(precached.some((u) => /^_astro\/core\.[\w-]+\.js$/.test(u))).toBe(true);
    for (const lang of LANGS) expect(precached).toContain(`${lang}/manifest.webmanifest`);
    for (const u of precached) expect(existsSync(path.join(dist, u)), u).toBe(true);
  });

  it('precaches no page but each language’s "You are offline", nothing of dist/lms/, not the trainer’s Excel writer', () => {
    expect(precached.filter((u) => u.endsWith('.html')).sort()).toEqual(
      LANGS.map((lang) => `${lang}/offline/index.html`).sort(),
    );
    expect(precached.filter((u) => u.startsWith('lms/') || /xlsx/.test(u))).toEqual([]);
    expect(sw).toContain('/lms/'); // the page route excludes it
  });

  it('answers a page neither stored nor reachable with "You are offline" (the page route’s handlerDidError)', () => {
    // Written into sw.js from scripts/lib/offline-dist.mjs: the address's language, else English.
    const handler = /handlerDidError:async\(\{request:\w+\}\)=>\{.{0,300}?\}\}\]/.exec(sw)?.[0] ?? '';
    expect(handler).toContain('/offline/index.html');
    expect(handler).toContain('ignoreSearch:!0'); // precached keys carry Workbox's revision
    expect(handler).toContain('("en")');
  });

  it("imports its own part, told this release's shell; hashed files precached without a revision", () => {
    expect(sw).toContain('importScripts("/sw-pages.js")');
    const own = readFileSync(path.join(dist, 'sw-pages.js'), 'utf8');
    for (const u of precached.filter((p) => p.startsWith('_astro/'))) expect(own).toContain(`"/${u}"`);
    // Astro's file names are their content's hash: a revision would only make keys pages never ask for.
    expect(sw).not.toMatch(/url:"_astro\/[^"]+",revision:"/);
  });

  it('waits for the learner before taking over (no skipWaiting on install)', () => {
    expect(sw).toContain('SKIP_WAITING');
    expect(sw).not.toMatch(/addEventListener\("install",[^)]*skipWaiting/);
  });
});

describe('the offline lists', () => {
  for (const lang of LANGS) {
    it(`${lang}: every lesson, with its page and true sizes`, () => {
      const list = parseOfflineList(JSON.parse(readFileSync(path.join(dist, 'offline', `${lang}.json`), 'utf8')))!;
      expect(list).not.toBeNull();
      const lessons = lessonPages(lang);
      expect(Object.keys(list.lessons)).toHaveLength(lessons.length);
      for (const [id, files] of Object.entries(list.lessons)) {
        expect(files[0]).toBe(`/${lang}/${id}/`);
        expect(list.bytes[files[0]]).toBe(statSync(path.join(dist, lang, id, 'index.html')).size);
      }
      // Every save (an assignment too) stores the learner's pages a saved lesson links to.
      expect(list.learner).toEqual(
        ['', 'glossary/', 'progress/', 'my-training/', 'my-training/certificate/'].map((p) => `/${lang}/${p}`),
      );
      for (const url of list.learner) expect(list.bytes[url]).toBe(statSync(path.join(dist, url, 'index.html')).size);
      const anyLesson = Object.keys(list.lessons)[0]!;
      expect(offlinePlan(list, [anyLesson]).urls).toEqual([...list.lessons[anyLesson]!, ...list.learner]);
      // The whole course adds its module pages and search; never the trainer's pages or "You are offline".
      expect(list.extra).toContain(`/${lang}/search/`);
      expect(list.extra.filter((u) => /\/(trainer|offline|404)\//.test(u))).toEqual([]);
      expect(offlinePlan(list, null).urls).toContain(`/${lang}/my-training/certificate/`);
      expect(offlinePlan(list, null).bytes).toBeGreaterThan(100_000);
    });
  }
});

describe('"You are offline"', () => {
  for (const lang of LANGS) {
    it(`${lang}: in its language, linking the learner’s pages, kept out of search engines and the site search`, () => {
      const doc = page(`/${lang}/offline/`);
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe(TAGS[lang]);
      expect(doc.querySelector('h1')?.textContent.trim()).toBe(UI[lang].offline.pageTitle);
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      // Pagefind indexes only pages with data-pagefind-body (scripts/lib/search-index.mjs).
      expect(doc.querySelector('[data-pagefind-body]')).toBeNull();
      expect(page(`/${lang}/sales-and-service/what-sales-is/`).querySelector('[data-pagefind-body]')).not.toBeNull();
      const links = doc.querySelectorAll('main a').map((a) => a.getAttribute('href'));
      for (const p of ['', 'my-training/', 'progress/']) expect(links).toContain(`/${lang}/${p}`);
    });
  }
  it('has no sitemap to be left out of', () => {
    expect(existsSync(path.join(dist, 'sitemap-index.xml')) || existsSync(path.join(dist, 'sitemap.xml'))).toBe(false);
  });
});

describe('the web app manifests', () => {
  for (const lang of LANGS) {
    it(`${lang}: named, scoped and linked in its language`, () => {
      const m = JSON.parse(readFileSync(path.join(dist, lang, 'manifest.webmanifest'), 'utf8'));
      expect(m.start_url).toBe(`/${lang}/`);
      expect(m.scope).toBe(`/${lang}/`);
      expect(m.name && m.short_name).toBeTruthy();
      for (const icon of m.icons) expect(existsSync(path.join(dist, icon.src))).toBe(true);
      expect(page(`/${lang}/`).querySelector('link[rel="manifest"]')?.getAttribute('href')).toBe(
        `/${lang}/manifest.webmanifest`,
      );
    });
  }
});
