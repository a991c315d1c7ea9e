/**
 * Every localized page's head and switcher, read from the built HTML and fetched from the real
 * server (moved from tests/e2e/pages.spec.ts: none of it needs a browser, and the switcher's links
 * change only when clicked, which tests/e2e/switcher.spec.ts does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, SITE_NAMES, TAGS, langOf, localizedPages, page, startServer } from './dist';

const pages = localizedPages();

it('the build has a home, module pages, lesson pages and a 404 in every language', () => {
  for (const lang of LANGS) {
    const mine = pages.filter((p) => p.startsWith(`/${lang}/`));
    expect(mine).toContain(`/${lang}/`);
    expect(mine).toContain(`/${lang}/404/`);
    expect(mine.filter((p) => p.split('/').filter(Boolean).length === 2).length).toBeGreaterThan(1);
    expect(mine.filter((p) => p.split('/').filter(Boolean).length === 3).length).toBeGreaterThan(0);
  }
  // The same pages in every language.
  const neutral = (l: string) => pages.filter((p) => p.startsWith(`/${l}/`)).map((p) => p.slice(l.length + 1));
  for (const lang of LANGS) expect(neutral(lang)).toEqual(neutral('en'));
});

describe('head and switcher', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const status = new Map<string, Promise<number>>();
  /** The status the server answers for a path (each path asked once). */
  const statusOf = (pathname: string) => {
    if (!status.has(pathname))
      status.set(
        pathname,
        fetch(new URL(pathname, server.base), { redirect: 'manual' }).then(
          async (r) => (await r.arrayBuffer(), r.status),
        ),
      );
    return status.get(pathname)!;
  };
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(pages)('of %s', async (pathname) => {
    const lang = langOf(pathname);
    expect(await statusOf(pathname)).toBe(200);
    const doc = page(pathname);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe(TAGS[lang]);
    const title = doc.querySelector('head > title')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    expect(title).toMatch(new RegExp(SITE_NAMES[lang]));
    const descriptions = doc.querySelectorAll('meta[name="description"]');
    expect(descriptions).toHaveLength(1);
    expect(descriptions[0].getAttribute('content')?.trim().length).toBeGreaterThan(10);

    const canonicals = doc.querySelectorAll('link[rel="canonical"]');
    expect(canonicals).toHaveLength(1);
    expect(new URL(canonicals[0].getAttribute('href')!).pathname).toBe(pathname);

    const alternates = doc
      .querySelectorAll('link[rel="alternate"][hreflang]')
      .map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!] as const);
    expect(alternates.map(([h]) => h).sort()).toEqual(['en', 'lv', 'ms', 'x-default', 'zh-CN']);
    for (const [hreflang, href] of alternates) {
      const target = new URL(href).pathname;
      const expectedLang = hreflang === 'x-default' ? 'en' : LANGS.find((l) => TAGS[l] === hreflang)!;
      expect(target).toBe(pathname.replace(/^\/[a-z]{2}\//, `/${expectedLang}/`));
      // It points at a page that exists.
      expect(await statusOf(target), target).toBe(200);
    }

    const switcherTargets = doc.querySelectorAll('.lang-switcher a').map((l) => l.getAttribute('href'));
    expect(switcherTargets).toEqual(LANGS.map((l) => pathname.replace(/^\/[a-z]{2}\//, `/${l}/`)));
  });
});
