/**
 * Every lesson page in every language has its title, objectives, key points and glossary links,
 * read from the built HTML (moved from tests/e2e/lessons.spec.ts; that those parts are visible
 * in a browser is checked where tests/e2e/csp.spec.ts loads every page anyway).
 */
import { describe, expect, it } from 'vitest';
import { LANGS, lessonPages, page, text } from './dist';

export const KEY_POINTS = { en: 'Key points', ms: 'Isi penting', zh: '要点', lv: 'Galvenais' } as const;

describe.each(LANGS)('every %s lesson', (lang) => {
  const glossary = page(`/${lang}/glossary/`);
  it.each(lessonPages(lang))('%s renders title, objectives, key points and glossary links', (pathname) => {
    const doc = page(pathname);
    const h1 = doc.querySelectorAll('h1');
    expect(h1, pathname).toHaveLength(1);
    expect(text(h1[0]), pathname).not.toBe('');
    expect(doc.querySelectorAll('.objectives li').length, pathname).toBeGreaterThan(0);
    const keyPoints = doc.querySelectorAll('h2').filter((h) => text(h) === KEY_POINTS[lang]);
    expect(keyPoints, pathname).toHaveLength(1);
    const list = keyPoints[0].nextElementSibling;
    expect(list?.tagName, pathname).toBe('UL');
    expect(list!.querySelectorAll('li').length, pathname).toBeGreaterThanOrEqual(3);
    const hrefs = doc.querySelectorAll('.lesson-terms a').map((a) => a.getAttribute('href')!);
    expect(hrefs.length, pathname).toBeGreaterThanOrEqual(2);
    for (const href of hrefs) {
      expect(href, pathname).toMatch(new RegExp(`^/${lang}/glossary/#term-[a-z0-9-]+$`));
      expect(glossary.querySelectorAll(`[id="${href.split('#')[1]}"]`), `${pathname} -> ${href}`).toHaveLength(1);
    }
    // Nothing of the source pages' debris, no broken Markdown emphasis, no replacement characters.
    const main = doc.querySelectorAll('main');
    expect(main, pathname).toHaveLength(1);
    expect(text(main[0]), pathname).not.toMatch(/\*\*|\uFFFD|Arī lasīt|相关推荐|我要投稿|Leave a Comment/);
  });
});
