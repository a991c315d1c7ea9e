/**
 * The site search's logic, apart from the page (src/scripts/search.ts) and from Pagefind: the
 * query in the address, the order results are shown in, and the excerpts' safe pieces.
 */
import { fill } from './fill';

/** What a result is: Pagefind's `kind` meta (scripts/lib/search-index.mjs, LessonArticle.astro). */
export type SearchKind = 'lesson' | 'exercise' | 'roleplay' | 'glossary';

/** The groups of the results page, in the order shown. */
export const SEARCH_GROUPS = ['lessons', 'practice', 'glossary'] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

const GROUP_OF: Record<SearchKind, SearchGroup> = {
  lesson: 'lessons',
  exercise: 'practice',
  roleplay: 'practice',
  glossary: 'glossary',
};

/** The query in a page's address (`?q=`), trimmed; '' when there is none. */
export function queryFromSearch(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim();
}

/**
 * The address of the search page with `query` (a shareable search, and what the language
 * switcher carries to the other language: it keeps `location.search`).
 */
export function searchAddress(pathname: string, query: string): string {
  const q = query.trim();
  return q ? `${pathname}?${new URLSearchParams({ q })}` : pathname;
}

/**
 * Results grouped: lessons first, then exercises and role-plays, then glossary terms, each
 * group in Pagefind's order (best first). Lessons lead because they teach the term; the glossary
 * entry, a short text that Pagefind often ranks higher, is one group down, still on the page.
 */
export function groupResults<R extends { meta: { kind?: string } }>(results: readonly R[]): Record<SearchGroup, R[]> {
  const groups: Record<SearchGroup, R[]> = { lessons: [], practice: [], glossary: [] };
  for (const r of results) {
    const group = GROUP_OF[r.meta.kind as SearchKind];
    // A record of no known kind would be an indexing mistake: it is left out rather than guessed.
    if (group) groups[group].push(r);
  }
  return groups;
}

/** A piece of an excerpt: plain text, or text Pagefind marked as matching. */
export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) => ENTITIES[e]);

/**
 * What an excerpt may start with that ends the sentence before it. Pagefind cuts excerpts at
 * words, and in Chinese a stop or a comma is a word of its own: a cut there would start the line
 * with "。" or "，", which Chinese type never does.
 */
const CUT_OFF = /^[\s.,;:!?…。，、；：！？)\]）」』”’]+/u;

/**
 * Pagefind's excerpt (HTML with <mark>) as text pieces, so the page builds it with text nodes and
 * never parses index data as HTML. Any other tag is dropped; its text stays. Punctuation left
 * over from the sentence before the excerpt is dropped too.
 */
export function excerptPieces(excerpt: string, content?: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  const push = (text: string, mark: boolean) => {
    let clean = decode(text.replace(/<[^>]*>/g, ''));
    if (!pieces.length && !mark) clean = clean.replace(CUT_OFF, '');
    if (clean) pieces.push({ text: clean, mark });
  };
  let last = 0;
  for (const m of excerpt.matchAll(/<mark>([\s\S]*?)<\/mark>/g)) {
    push(excerpt.slice(last, m.index), false);
    push(m[1], true);
    last = m.index + m[0].length;
  }
  push(excerpt.slice(last), false);
  return content === undefined ? pieces : withEllipses(pieces, content);
}

/** Text compared without spaces: Pagefind rebuilds a Chinese excerpt with none between words. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * "…" where an excerpt starts or ends inside the text it was cut from (`content`, the page's or
 * record's whole indexed text), so a line that begins mid-sentence reads as a cut, not an error.
 */
function withEllipses(pieces: ExcerptPiece[], content: string): ExcerptPiece[] {
  const text = squeeze(pieces.map((p) => p.text).join(''));
  const whole = squeeze(decode(content));
  if (!text || !whole.includes(text)) return pieces;
  const out = [...pieces];
  if (!whole.startsWith(text)) out.unshift({ text: '…', mark: false });
  // A cut after a full stop needs no mark: the sentence is whole.
  if (!whole.endsWith(text) && !/[.!?。！？]$/u.test(text)) out.push({ text: '…', mark: false });
  return out;
}

/**
 * A count in the page's language, from i18next-style plural forms (`key_one`, `key_other`…), as
 * src/lib/format.ts `plural` does; kept here so the search page does not load format.ts's chunk
 * (Preact's) for one line.
 */
export function countText(
  forms: Readonly<Record<string, string | undefined>>,
  key: string,
  count: number,
  lang: string,
  values: Record<string, string | number> = {},
): string {
  const form = new Intl.PluralRules(lang).select(count);
  return fill(forms[`${key}_${form}`] ?? forms[`${key}_other`] ?? '', { ...values, count });
}

/** The query as the status line repeats it: a pasted paragraph would push the results off screen. */
export function shownQuery(query: string, max = 60): string {
  const chars = [...query]; // by code point: a Chinese or emoji character is never cut in half
  return chars.length > max
    ? chars
        .slice(0, max - 1)
        .join('')
        .trimEnd() + '…'
    : query;
}

/**
 * A lesson result's sections worth listing: those with their own anchor, but not the lesson's
 * title (`#lesson-title`), which is the result's own link again and, followed, lands under the
 * sticky header.
 */
export function lessonSections<S extends { url: string }>(subs: readonly S[] | undefined, max: number): S[] {
  return (subs ?? []).filter((sub) => sub.url.includes('#') && !sub.url.endsWith('#lesson-title')).slice(0, max);
}
