// The site search's logic (src/lib/search.ts) and the index's language list
// (scripts/lib/search-index.mjs): what the search page shows, in what order, and what is indexed.
import { describe, expect, it } from 'vitest';
import { LOCALE_IDS, LOCALES } from '../../src/i18n/locales';
import { countText, excerptPieces, groupResults, queryFromSearch, searchAddress } from '../../src/lib/search';
import { SEARCH_LANGUAGES, exerciseText } from '../../scripts/lib/search-index.mjs';
import { UI_STRINGS } from '../../src/i18n/t';

describe('the query in the address', () => {
  it('reads ?q=, trimmed, and nothing when there is none', () => {
    expect(queryFromSearch('?q=%20timbal+balik%20')).toBe('timbal balik');
    expect(queryFromSearch('?q=%E4%BA%92%E6%83%A0')).toBe('互惠');
    expect(queryFromSearch('')).toBe('');
    expect(queryFromSearch('?in=a1.x')).toBe('');
  });

  it('writes it back so it reads the same, and drops an empty one', () => {
    for (const q of ['reciprocity', 'timbal balik', '互惠', 'savstarpība', 'a&b=c#d']) {
      const address = searchAddress('/en/search/', q);
      expect(queryFromSearch(address.slice(address.indexOf('?')))).toBe(q);
    }
    expect(searchAddress('/en/search/', '  ')).toBe('/en/search/');
  });
});

describe('grouping results', () => {
  const r = (url: string, kind?: string) => ({ url, meta: { kind } });
  it('puts lessons first, then exercises and role-plays, then the glossary, each in the order found', () => {
    const g = groupResults([
      r('/g1', 'glossary'),
      r('/l1', 'lesson'),
      r('/x1', 'roleplay'),
      r('/l2', 'lesson'),
      r('/x2', 'exercise'),
    ]);
    expect(g.lessons.map((x) => x.url)).toEqual(['/l1', '/l2']);
    expect(g.practice.map((x) => x.url)).toEqual(['/x1', '/x2']);
    expect(g.glossary.map((x) => x.url)).toEqual(['/g1']);
  });
  it('leaves out a record of no known kind', () => {
    const g = groupResults([r('/a'), r('/b', 'page')]);
    expect([...g.lessons, ...g.practice, ...g.glossary]).toEqual([]);
  });
});

describe('excerpts', () => {
  it('keeps marked and plain text apart and parses no HTML', () => {
    expect(excerptPieces('The <mark>reciprocity</mark> of &lt;both&gt; sides')).toEqual([
      { text: 'The ', mark: false },
      { text: 'reciprocity', mark: true },
      { text: ' of <both> sides', mark: false },
    ]);
    expect(excerptPieces('<img src=x onerror=alert(1)>a<mark><b>互惠</b></mark>')).toEqual([
      { text: 'a', mark: false },
      { text: '互惠', mark: true },
    ]);
  });
});

describe('the results line', () => {
  it('uses each language’s plural forms', () => {
    const line = (lang: (typeof LOCALE_IDS)[number], n: number) =>
      countText(UI_STRINGS[lang].search, 'results', n, LOCALES[lang].tag, { query: 'x' });
    expect(line('en', 1)).toBe('1 result for “x”');
    expect(line('en', 3)).toBe('3 results for “x”');
    expect(line('lv', 1)).toBe('„x”: 1 rezultāts');
    expect(line('lv', 21)).toBe('„x”: 21 rezultāts');
    expect(line('lv', 11)).toBe('„x”: 11 rezultātu');
    expect(line('lv', 3)).toBe('„x”: 3 rezultāti');
    expect(line('zh', 2)).toBe('“x”共有 2 条结果');
    expect(line('ms', 1)).toBe('1 hasil untuk “x”');
  });
});

describe('the index', () => {
  it('has one language per locale of the site', () => {
    expect(Object.keys(SEARCH_LANGUAGES)).toEqual([...LOCALE_IDS]);
    for (const l of LOCALE_IDS) expect(SEARCH_LANGUAGES[l]).toBe(LOCALES[l].tag.toLowerCase());
  });
  it('takes what the learner reads from an exercise or role-play, not ids, answer keys or feedback', () => {
    const text = exerciseText({
      kind: 'approach',
      lesson: 'm/l',
      title: 'T',
      customer: { name: 'Mr. Zhang', role: 'Buyer' },
      start: 't1',
      turns: {
        t1: { says: 'Too expensive', choices: [{ id: 'a', text: 'Mm…', quality: 'good', feedback: 'F', next: 't2' }] },
      },
      items: [{ id: 'a1', situation: 'S', answer: 'relationship', approachFeedback: { relationship: 'R' } }],
    });
    expect(text).toEqual(['T', 'Mr. Zhang', 'Buyer', 'Too expensive', 'Mm…', 'S']);
  });
});
