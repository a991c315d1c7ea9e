/**
 * Every localized page's head and switcher, read from the built HTML and fetched from the real
 * server (moved from tests/e2e/pages.spec.ts: none of it needs a browser, and the switcher's links
 * change only when clicked, which tests/e2e/switcher.spec.ts does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { LANGS, SITE_NAMES, TAGS, UI, dist, langOf, localizedPages, page, startServer, text } from './dist';

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

it('every page with the site header has its search form, a plain GET form to the search page', () => {
  // Search from every page with no script (Base.astro): the form opens /<lang>/search/?q=…
  const problems: string[] = [];
  for (const pathname of pages) {
    const lang = langOf(pathname);
    const doc = page(pathname);
    const forms = doc.querySelectorAll('.site-header form');
    if (pathname === `/${lang}/search/`) {
      // The search page's own field is the one there: no second search form in its header.
      if (forms.length || doc.querySelectorAll('[role="search"]').length !== 1)
        problems.push(`${pathname}: not exactly its own search form`);
      continue;
    }
    const form = forms.length === 1 ? forms[0] : null;
    const input = form?.querySelector('input');
    const label = input && form!.querySelector(`label[for="${input.id}"]`);
    const ok =
      form?.getAttribute('role') === 'search' &&
      form.getAttribute('action') === `/${lang}/search/` &&
      form.getAttribute('method') === 'get' &&
      form.querySelectorAll('input').length === 1 &&
      input?.getAttribute('type') === 'search' &&
      input.getAttribute('name') === 'q' &&
      doc.querySelectorAll(`[id="${input.id}"]`).length === 1 &&
      label &&
      text(label) === UI[lang].search.headerLabel &&
      text(form.querySelector('button[type="submit"]')!) === UI[lang].search.submit;
    if (!ok) problems.push(`${pathname}: ${forms.length} forms in the header, or not the search form`);
  }
  expect(problems).toEqual([]);
});

it('the LMS package pages (their own layout, no site header) have no search form', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : [],
    );
  const files = walk(path.join(dist, 'lms')).map((f) => path.relative(dist, f));
  expect(files.length).toBeGreaterThan(10);
  expect(files.filter((f) => page(f).querySelector('form[role="search"], .header-search'))).toEqual([]);
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
