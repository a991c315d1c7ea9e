// The site search's logic (src/lib/search.ts), the index's language list
// (scripts/lib/search-index.mjs) and the text it gives Pagefind (scripts/lib/search-text.mjs):
// what the search page shows, in what order, and what is indexed, joined as each language joins.
import { describe, expect, it } from 'vitest';
import { LOCALE_IDS, LOCALES } from '../../src/i18n/locales';
import {
  countText,
  excerptPieces,
  groupResults,
  lessonSections,
  queryFromSearch,
  searchAddress,
  shownQuery,
} from '../../src/lib/search';
import { SEARCH_LANGUAGES, exerciseText } from '../../scripts/lib/search-index.mjs';
import { blockJoiner, indexableHtml, joinBlocks } from '../../scripts/lib/search-text.mjs';
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

  it('drops what is left of the sentence before the excerpt: a line does not start with "。"', () => {
    expect(excerptPieces('。关系导向型销售瞄准买方借这段关系满足的具体<mark>需求</mark>')).toEqual([
      { text: '关系导向型销售瞄准买方借这段关系满足的具体', mark: false },
      { text: '需求', mark: true },
    ]);
    expect(excerptPieces('”，<mark>再用心</mark>倾听')[0]).toEqual({ text: '再用心', mark: true });
    expect(excerptPieces('. Next sentence')).toEqual([{ text: 'Next sentence', mark: false }]);
    // Only at the start; and an opening quote or bracket stays.
    expect(excerptPieces('“换挡”技巧。<mark>关系</mark>。')).toEqual([
      { text: '“换挡”技巧。', mark: false },
      { text: '关系', mark: true },
      { text: '。', mark: false },
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

describe('the text the index gets, joined as each language joins sentences', () => {
  it('Chinese: "。" after a block that stops mid-sentence, nothing after one with its own stop', () => {
    expect(blockJoiner('zh', '积极交流')).toBe('。');
    expect(blockJoiner('zh', '案例：和犹豫的采购经理“换挡”')).toBe('。');
    expect(blockJoiner('zh', '契约（纽带）')).toBe('。');
    expect(blockJoiner('zh', '客户关系管理（CRM')).toBe('。');
    for (const stopped of ['客户却丢了。', '那您说怎么办？', '比较一下：', '说：“你们的报价贵。”', '太好了！'])
      expect(blockJoiner('zh', stopped)).toBe('');
    // Half-width punctuation (a sentence in English) and symbols (a diagram's arrow) keep a space.
    expect(blockJoiner('zh', 'Michael B. Callaghan.')).toBe(' ');
    expect(blockJoiner('zh', '对买方了解越来越多 →')).toBe(' ');
  });

  it('English, Malay, Latvian: ". " after a block that stops mid-sentence, a space after one with its own stop', () => {
    for (const lang of ['en', 'ms', 'lv']) {
      expect(blockJoiner(lang, 'Active communication')).toBe('. ');
      expect(blockJoiner(lang, 'Sales quota attainment (quota)')).toBe('. ');
      expect(blockJoiner(lang, 'They said “mostly”')).toBe('. ');
      expect(blockJoiner(lang, 'Step 4')).toBe('. ');
    }
    for (const stopped of ['Before the purchase (pre-sales support.)', 'Why?', 'Compare:', 'Kā jums iet?”', 'buyer →'])
      expect(blockJoiner('en', stopped)).toBe(' ');
    expect(blockJoiner('en', '')).toBe('');
  });

  it('joins our records’ parts (title, situation, definition) that way, never with a bare space', () => {
    expect(joinBlocks('zh', ['谈判', '与客户商讨交易条款。', '', '  第三  '])).toBe('谈判。与客户商讨交易条款。第三');
    expect(joinBlocks('en', ['Reciprocity', 'A mutual exchange.', 'Mr. Zhang'])).toBe(
      'Reciprocity. A mutual exchange. Mr. Zhang',
    );
    expect(joinBlocks('lv', ['Vai tas der?', 'Jā'])).toBe('Vai tas der? Jā');
  });

  const page = (lang: string, body: string) =>
    `<!doctype html><html lang="${lang}"><head><title>T</title></head><body><nav><p>Menu</p></nav>` +
    `<article data-pagefind-body data-pagefind-meta="kind:lesson">${body}</article></body></html>`;
  /** The text Pagefind reads: the body's, tags dropped (it drops zero-width spaces too). */
  const text = (html: string) =>
    html
      .slice(html.indexOf('<article'), html.indexOf('</article>'))
      .replace(/<(p|div)[^>]*data-pagefind-ignore[^>]*>.*?<\/\1>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/\u200B/g, '');

  it('joins a page’s blocks in the copy Pagefind reads, so it adds no ". " of its own', () => {
    const zh = indexableHtml(
      page(
        'zh-CN',
        '<header><p class="eyebrow" data-pagefind-ignore>模块 4</p><h1 id="lesson-title">积极交流</h1></header>\n' +
          '<section><h2 id="objectives">学完本课，你将能够</h2><ul><li>说明措辞</li>\n<li>描述“换挡”技巧</li></ul></section>\n' +
          '<p>逼得太紧，客户却丢了。</p>\n<h2 id="x">比较</h2>\n<table><tr><th>伤人的说法</th><th>保住关系的说法</th></tr></table>' +
          '<p>具体做法是：</p>\n<ol><li><strong>鼓励客户</strong>：主动引导。</li></ol><dl><dt>成本</dt><dd>很少</dd></dl>',
      ),
      'zh',
    );
    expect(text(zh)).toBe(
      '积极交流。学完本课，你将能够。说明措辞。描述“换挡”技巧。逼得太紧，客户却丢了。比较。伤人的说法。保住关系的说法。' +
        '具体做法是：鼓励客户：主动引导。成本。很少。',
    );
    const en = indexableHtml(
      page(
        'en',
        '<h2 id="b">Before the purchase</h2><ul><li>Call first (pre-sales support.)</li><li>Why?</li></ul><p>Done.</p>',
      ),
      'en',
    );
    expect(text(en)).toBe('Before the purchase. Call first (pre-sales support.) Why? Done. ');
  });

  it('keeps what Pagefind gives headings: weight, a titled sub-result for each id, the page title', () => {
    const html = indexableHtml(
      page('zh-CN', '<h1 id="t">积极&amp;交流</h1><h2 id="a">“换挡”技巧</h2><h3>无锚</h3><p>正文</p>'),
      'zh',
    );
    expect(html).toContain(
      '<x-h1 id="t" data-pagefind-weight="7" data-pagefind-title="积极&amp;交流" data-pagefind-meta="title:积极&amp;交流">积极&amp;交流<x-join>',
    );
    expect(html).toContain('<x-h2 id="a" data-pagefind-weight="6" data-pagefind-title="“换挡”技巧">“换挡”技巧<x-join>');
    expect(html).toContain('<x-h3 data-pagefind-weight="5">无锚<x-join>');
    // Outside the body nothing changes (Pagefind leaves the menu out), and ignored parts stay as they were.
    expect(html).toContain('<nav><p>Menu</p></nav>');
    const ignored = '<div data-pagefind-ignore="all"><p>练习</p></div>';
    expect(indexableHtml(page('zh-CN', `<p>正文</p>${ignored}`), 'zh')).toContain(ignored);
  });

  it('leaves a page without a data-pagefind-body as it is', () => {
    const html = '<!doctype html><html lang="en"><body><main><h1>Trainer</h1><p>Text</p></main></body></html>';
    expect(indexableHtml(html, 'en')).toBe(html);
  });
});

describe('what the results list shows', () => {
  it('repeats a long query shortened, never cutting a character in half', () => {
    expect(shownQuery('empathy')).toBe('empathy');
    const long = 'x'.repeat(1500);
    expect(shownQuery(long)).toHaveLength(60);
    expect(shownQuery(long).endsWith('…')).toBe(true);
    const zh = '倾听'.repeat(40) + '😀';
    expect([...shownQuery(zh)]).toHaveLength(60);
    expect(shownQuery(zh)).not.toMatch(/\uFFFD/);
  });

  it("lists a lesson's own sections, not its title again", () => {
    const subs = [
      { url: '/zh/m/l/#lesson-title' },
      { url: '/zh/m/l/' },
      { url: '/zh/m/l/#s1' },
      { url: '/zh/m/l/#s2' },
      { url: '/zh/m/l/#s3' },
    ];
    expect(lessonSections(subs, 2).map((s) => s.url)).toEqual(['/zh/m/l/#s1', '/zh/m/l/#s2']);
    expect(lessonSections(undefined, 3)).toEqual([]);
  });
});

describe('an excerpt cut from a longer text', () => {
  const content = 'Sales is the work of persuading prospects. A salesperson must be persuasive & honest.';
  const text = (html: string, whole?: string) =>
    excerptPieces(html, whole)
      .map((p) => p.text)
      .join('');

  it('says where it was cut with "…", at the start, the end or both', () => {
    expect(text('the work of <mark>persuading</mark> prospects.', content)).toBe('…the work of persuading prospects.');
    expect(text('Sales is the work of <mark>persuading</mark>', content)).toBe('Sales is the work of persuading…');
    expect(text('must be <mark>persuasive</mark> &amp; honest.', content)).toBe('…must be persuasive & honest.');
  });

  it('adds nothing to a whole text, to Chinese rebuilt without spaces, or when it cannot tell', () => {
    expect(
      text(
        'Sales is <mark>the</mark> work of persuading prospects. A salesperson must be persuasive &amp; honest.',
        content,
      ),
    ).toBe(content);
    expect(text('倾听<mark>客户</mark>。', '倾听 客户 。')).toBe('倾听客户。');
    expect(text('something else entirely', content)).toBe('something else entirely');
    expect(text('the work of', undefined)).toBe('the work of');
  });
});
