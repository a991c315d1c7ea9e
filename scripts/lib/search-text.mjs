/**
 * The text the search index (scripts/lib/search-index.mjs) gives Pagefind, joined the way each
 * language joins sentences.
 *
 * Pagefind 1.6 joins the text of block elements (h1–h6, p, li, td, div, ul, section, article) with
 * a space, and adds an English full stop first when a block ends in a "word" character: a letter
 * of any script, a digit, `)`, `'`, `"` (the regex `[\w'")$*]` in its fossick/parser.rs). Its
 * excerpts then read "积极交流. 学完本课" in Chinese, whose sentences end in "。" and take no space,
 * and "(pre-sales support.)." in English. Its records without HTML (addCustomRecord) get no joins
 * at all: our exercises and glossary terms read "谈判 与客户商讨…" and "Reciprocity A mutual…".
 *
 * So the index gets text whose block boundaries are already joined (joinBlocks for our records,
 * indexableHtml for the pages), and Pagefind is left nothing to add.
 */
import { HTMLElement, parse, TextNode } from 'node-html-parser';

/** Languages that end a sentence with "。" and put no space between sentences. */
const FULL_WIDTH = new Set(['zh']);

/** Closing quotes and brackets, looked through: "…贵。”" has ended its sentence, "（纽带）" has not. */
const CLOSERS = /[\s)\]}"'”’»›）］｝」』】〉》]+$/u;
/**
 * A text that stops mid-sentence: it ends in a letter (of any script) or a number. After any
 * punctuation ("。", "?", ":" before a list, "…") or a symbol (a diagram's "→") it has a stop of
 * its own.
 */
const OPEN = /[\p{L}\p{M}\p{N}%]$/u;
/** Half-width punctuation and symbols ("→"), which in Chinese text still want a space after them. */
const SPACED = /[!-/:-@[-`{-~\p{S}]$/u;

/**
 * What goes between a block whose text (so far) is `before` and the next block:
 * - Chinese: "。" after a block that stops mid-sentence (a heading, a list item, a table cell),
 *   nothing after one that has its own stop ("。", "！", "？", also "：" before a list and "，");
 *   no space (the space Pagefind would put after "。" is no Chinese), except after half-width
 *   punctuation or a symbol ("Callaghan.", "→");
 * - English, Malay, Latvian: ". " after a block that stops mid-sentence, a space after one that
 *   has its own stop, including "?" and ":" and a stop inside brackets or quotes
 *   ("(pre-sales support.)", "„Kā jums iet?”").
 * Nothing before the first block.
 */
export function blockJoiner(lang, before) {
  const text = before.replace(CLOSERS, '');
  if (!text) return '';
  if (FULL_WIDTH.has(lang)) return OPEN.test(text) ? '。' : SPACED.test(text) ? ' ' : '';
  return OPEN.test(text) ? '. ' : ' ';
}

/** Texts that are separate blocks (a title, a situation, a definition) as one text, joined as above. */
export function joinBlocks(lang, parts) {
  let out = '';
  for (const part of parts) {
    const text = part.trim();
    if (text) out = out ? out + blockJoiner(lang, out) + text : text;
  }
  return out;
}

/** Pagefind's block elements (SENTENCE_SELECTORS in its fossick/parser.rs): these get its joins. */
const PAGEFIND_BLOCKS = new Set([
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['p', 'td', 'div', 'ul', 'li', 'article', 'section'],
]);
/**
 * Every element a reader sees as a block of its own, so a boundary between texts: Pagefind's, and
 * those it runs together (a diagram's "<dt>Costs</dt><dd>Little…" gave "CostsLittle…", table headers).
 */
const BLOCKS = new Set([
  ...PAGEFIND_BLOCKS,
  ...['address', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'dl', 'dt', 'fieldset'],
  ...['figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'legend', 'main', 'nav', 'ol'],
  ...['pre', 'summary', 'table', 'tbody', 'tfoot', 'th', 'thead', 'tr'],
]);
/** What Pagefind leaves out of the text (REMOVE_SELECTORS in fossick/parser.rs). */
const SKIPPED = new Set([
  ...['head', 'style', 'script', 'noscript', 'label', 'form'],
  ...['svg', 'footer', 'nav', 'iframe', 'template'],
]);
/** Pagefind's own weights for headings, which a renamed heading has to be given explicitly. */
const HEADING_WEIGHT = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };

const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** The text of an element as Pagefind reads it: without what it skips or is told to ignore. */
const textOf = (node) =>
  node instanceof TextNode
    ? node.text
    : node.hasAttribute?.('data-pagefind-ignore') || SKIPPED.has(node.rawTagName?.toLowerCase())
      ? ''
      : node.childNodes.map(textOf).join('');

/**
 * A built page as Pagefind should read it, in language `lang` (a key of SEARCH_LANGUAGES). Inside
 * the `data-pagefind-body` element:
 * - each boundary between blocks (BLOCKS) that follows text gets blockJoiner's join, in an
 *   `<x-join>` element: last in the block that ends (inside a heading, so the heading and its join
 *   are one word of the index, not "Heading . Text"), or before a block that starts after text;
 *   an `<x-join>` is no heading's text, so sub-result titles stay as they were. The white space
 *   around a boundary goes: the join has what the language wants;
 * - Pagefind's block elements are renamed (`x-p`, `x-h2`…), so it adds no stop or space of its
 *   own; a renamed heading keeps what Pagefind gives a heading: its weight, its sub-result
 *   (`data-pagefind-title`, when it has an id, so a result still links to its section) and, for
 *   the h1, the page's title.
 * In Chinese each join ends in a zero-width space. Pagefind still puts a space where it marks a
 * heading's weight or an anchor in its text, after the last word before the mark; a zero-width
 * space there becomes that last word, and Pagefind drops it (with its space) from the index, as
 * it drops every zero-width space (it uses them between Chinese words).
 * The page itself is not changed: this text only goes to the index. A page without a
 * `data-pagefind-body` element is returned as it is.
 */
export function indexableHtml(html, lang) {
  const root = parse(html);
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return html;
  const close = FULL_WIDTH.has(lang) ? '\u200B' : '';
  /** The text read so far (its end is all that counts), whether any came since the last join, the last text node. */
  let before = '';
  let pending = false;
  let last = null;

  /** Ends the text so far at a boundary: its join, inserted into `parent` at `index`. */
  const boundary = (parent, index) => {
    if (last) last.rawText = last.rawText.trimEnd();
    last = null;
    if (!pending) return;
    pending = false;
    const joiner = blockJoiner(lang, before);
    before += joiner;
    const join = new HTMLElement('x-join', {}, '', parent);
    join.childNodes.push(new TextNode(joiner + close, join));
    parent.childNodes.splice(index, 0, join);
  };

  const walk = (el) => {
    for (const node of [...el.childNodes]) {
      if (node instanceof TextNode) {
        // Text right after a boundary starts without white space: the join (if any) has it.
        if (!last && !pending) node.rawText = node.rawText.trimStart();
        if (!node.rawText) continue;
        last = node;
        if (!node.isWhitespace) {
          before = (before + node.text).slice(-16);
          pending = true;
        }
        continue;
      }
      if (!(node instanceof HTMLElement)) continue;
      const tag = node.rawTagName.toLowerCase();
      const block = BLOCKS.has(tag);
      if (block) boundary(el, el.childNodes.indexOf(node));
      // Left out of the text (and so, already joined to what came before, nothing to join after).
      if (node.hasAttribute('data-pagefind-ignore') || SKIPPED.has(tag)) continue;
      const heading = HEADING_WEIGHT[tag];
      const title = heading ? textOf(node).replace(/\s+/g, ' ').trim() : '';
      walk(node);
      if (block) boundary(node, node.childNodes.length);
      if (PAGEFIND_BLOCKS.has(tag)) {
        const add = [];
        if (heading && !node.hasAttribute('data-pagefind-weight')) add.push(`data-pagefind-weight="${heading}"`);
        if (title && node.id && !node.hasAttribute('data-pagefind-title'))
          add.push(`data-pagefind-title="${attr(title)}"`);
        // Its text now ends with the join, so the title is given, not read from it.
        if (title && tag === 'h1' && !node.hasAttribute('data-pagefind-meta'))
          add.push(`data-pagefind-meta="title:${attr(title)}"`);
        node.rawTagName = `x-${tag}`;
        node.rawAttrs = [node.rawAttrs, ...add].filter(Boolean).join(' ');
      }
    }
  };
  walk(body);
  // The end of the body is a boundary too: Pagefind would put its stop there.
  boundary(body, body.childNodes.length);
  return root.toString();
}
