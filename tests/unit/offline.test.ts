import { describe, expect, it } from 'vitest';
import {
  cacheFor,
  failureOf,
  formatBytes,
  offlinePlan,
  parseOfflineList,
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
  extra: ['/en/', '/en/m1/', '/en/m2/', '/en/glossary/'],
  bytes: {
    '/en/m1/a/': 30_000,
    '/en/m1/b/': 20_000,
    '/en/m2/c/': 10_000,
    '/diagram.svg': 5_000,
    '/en/': 40_000,
    '/en/m1/': 1_000,
    '/en/m2/': 1_000,
    '/en/glossary/': 3_000,
  },
};

describe('offlinePlan', () => {
  it('saves an assignment’s lessons, a shared file once', () => {
    const plan = offlinePlan(list, ['m1/a', 'm1/b']);
    expect(plan.urls).toEqual(['/en/m1/a/', '/diagram.svg', '/en/m1/b/']);
    expect(plan.bytes).toBe(55_000);
  });
  it('saves the whole course with its home, modules and glossary', () => {
    const plan = offlinePlan(list, null);
    expect(plan.urls).toHaveLength(8);
    expect(plan.bytes).toBe(110_000);
  });
  it('skips a lesson this release does not have', () => {
    expect(offlinePlan(list, ['m2/c', 'gone/x'])).toEqual({ urls: ['/en/m2/c/'], bytes: 10_000 });
  });
});

describe('parseOfflineList', () => {
  it('accepts the built list and refuses anything else', () => {
    expect(parseOfflineList(list)).toBe(list);
    expect(parseOfflineList({ ...list, version: 2 })).toBeNull();
    expect(parseOfflineList(null)).toBeNull();
    expect(parseOfflineList({ version: 1, lessons: {} })).toBeNull();
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
