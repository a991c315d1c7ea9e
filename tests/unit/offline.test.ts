import { describe, expect, it } from 'vitest';
import {
  allStored,
  cacheFor,
  failureOf,
  filesOfPage,
  formatBytes,
  isHashed,
  offlinePlan,
  parseOfflineList,
  refsOf,
  roomFor,
  type OfflineList,
} from '../../src/lib/offline';

const list: OfflineList = {
  version: 1,
  lessons: {
    'm1/a': ['/en/m1/a/', '/diagram.svg'],
    'm1/b': ['/en/m1/b/', '/diagram.svg'],
    'm2/c': ['/en/m2/c/'],
  },
  learner: ['/en/', '/en/glossary/', '/en/progress/', '/en/my-training/', '/en/my-training/certificate/'],
  extra: ['/en/m1/', '/en/m2/', '/en/search/'],
  bytes: {
    '/en/m1/a/': 30_000,
    '/en/m1/b/': 20_000,
    '/en/m2/c/': 10_000,
    '/diagram.svg': 5_000,
    '/en/': 40_000,
    '/en/glossary/': 3_000,
    '/en/progress/': 2_000,
    '/en/my-training/': 2_500,
    '/en/my-training/certificate/': 1_500,
    '/en/m1/': 1_000,
    '/en/m2/': 1_000,
    '/en/search/': 500,
  },
};
/** The learner's pages: 40 000 + 3 000 + 2 000 + 2 500 + 1 500 bytes. */
const LEARNER_BYTES = 49_000;

describe('offlinePlan', () => {
  it('saves an assignment’s lessons, a shared file once, and the learner’s pages they link to', () => {
    const plan = offlinePlan(list, ['m1/a', 'm1/b']);
    // The lessons first; then home, glossary, progress, My training and the certificate, which a
    // saved lesson's menu and My training link to: none of them a dead end offline.
    expect(plan.urls).toEqual(['/en/m1/a/', '/diagram.svg', '/en/m1/b/', ...list.learner]);
    expect(plan.bytes).toBe(55_000 + LEARNER_BYTES); // the size shown first counts them
  });
  it('saves the whole course with the learner’s pages (the certificate too), modules and search', () => {
    const plan = offlinePlan(list, null);
    expect(plan.urls).toHaveLength(12);
    expect(plan.urls).toContain('/en/my-training/certificate/');
    expect(plan.urls).toContain('/en/m2/');
    expect(plan.bytes).toBe(116_500);
  });
  it('skips a lesson this release does not have', () => {
    expect(offlinePlan(list, ['m2/c', 'gone/x'])).toEqual({
      urls: ['/en/m2/c/', ...list.learner],
      bytes: 10_000 + LEARNER_BYTES,
    });
  });
});

describe('allStored', () => {
  it('is saved only when every address of the plan is on the device', async () => {
    const urls = offlinePlan(list, ['m1/a']).urls;
    const stored = new Set(urls);
    expect(await allStored(urls, async (u) => stored.has(u))).toBe(true);
    stored.delete('/en/my-training/certificate/');
    expect(await allStored(urls, async (u) => stored.has(u))).toBe(false);
    expect(await allStored([], async () => true)).toBe(false);
  });
});

describe('parseOfflineList', () => {
  it('accepts the built list and refuses anything else', () => {
    expect(parseOfflineList(list)).toBe(list);
    expect(parseOfflineList({ ...list, version: 2 })).toBeNull();
    expect(parseOfflineList(null)).toBeNull();
    expect(parseOfflineList({ version: 1, lessons: {} })).toBeNull();
    // A list without the learner's pages (an older build) would save dead ends: refused.
    expect(parseOfflineList({ ...list, learner: undefined })).toBeNull();
  });
});

describe('formatBytes', () => {
  it('writes kB and MB in the page’s language', () => {
    expect(formatBytes(480_400, 'en')).toBe('480\u00a0kB');
    expect(formatBytes(1_240_000, 'en')).toBe('1.2\u00a0MB');
    expect(formatBytes(1_240_000, 'lv')).toBe('1,2\u00a0MB');
    expect(formatBytes(200, 'en')).toBe('1\u00a0kB');
  });
});

describe('roomFor', () => {
  it('needs the bytes and a margin', () => {
    expect(roomFor(1000, { quota: 10_000, usage: 8_000 })).toBe(true);
    expect(roomFor(1000, { quota: 10_000, usage: 9_000 })).toBe(false);
    expect(roomFor(1000, undefined)).toBe(true);
  });
});

describe('failureOf / cacheFor', () => {
  it('tells a full disk from a lost connection', () => {
    expect(failureOf(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(failureOf(new TypeError('Failed to fetch'))).toBe('network');
    expect(failureOf(new Error('x'))).toBe('other');
  });
  it('puts pages where the worker looks for pages', () => {
    expect(cacheFor('/en/m1/a/')).toBe('pages');
    expect(cacheFor('/_astro/x.js')).toBe('assets');
  });
});

describe('what a page needs (shared by the build and the service worker)', () => {
  const html =
    '<link rel="stylesheet" href="/_astro/global.A1.css"><link rel="icon" href="/favicon.svg">' +
    '<a href="/en/glossary/">Glossary</a><a href="https://example.com/x.js">out</a><a href="//cdn/x.js">cdn</a>' +
    '<astro-island component-url="/_astro/Quiz.B2.js" renderer-url="/_astro/client.C3.js"></astro-island>' +
    '<div data-sw-update data-src="/_astro/sw-update.D4.js"></div><img src="/img/a.svg?v=2#x">';

  it('names files by root path, never pages, other hosts or protocol-relative addresses', () => {
    expect(refsOf(html, '/en/m/l/').sort()).toEqual(
      [
        '/_astro/Quiz.B2.js',
        '/_astro/client.C3.js',
        '/_astro/global.A1.css',
        '/_astro/sw-update.D4.js',
        '/favicon.svg',
        '/img/a.svg',
      ].sort(),
    );
  });

  it("follows a script's static imports, not its dynamic ones", () => {
    const js = 'import{a}from"./core.E5.js";import"../x/side.js";const q=()=>import("./xlsx.F6.js");';
    expect(refsOf(js, '/_astro/Quiz.B2.js').sort()).toEqual(['/_astro/core.E5.js', '/x/side.js']);
  });

  it('collects every file once, through scripts, and leaves out what cannot be had', async () => {
    const files: Record<string, string> = {
      '/_astro/global.A1.css': '',
      '/favicon.svg': '',
      '/_astro/Quiz.B2.js': 'import{h}from"./core.E5.js";',
      '/_astro/client.C3.js': 'import{h}from"./core.E5.js";',
      '/_astro/core.E5.js': 'export const h=1;',
      '/_astro/sw-update.D4.js': '',
    };
    const asked: string[] = [];
    const found = await filesOfPage(html, '/en/m/l/', async (path) => {
      asked.push(path);
      return files[path] ?? null;
    });
    expect([...found].sort()).toEqual(Object.keys(files).sort());
    expect(asked.filter((p) => p === '/_astro/core.E5.js')).toHaveLength(1);
    expect(found.has('/img/a.svg')).toBe(false); // missing: not a file of the page
  });

  it('tells hashed build files from the rest', () => {
    expect(isHashed('/_astro/global.A1.css')).toBe(true);
    expect(isHashed('/favicon.svg')).toBe(false);
    expect(isHashed('/en/')).toBe(false);
  });
});
