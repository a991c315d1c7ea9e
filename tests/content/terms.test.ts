/**
 * Terms as one system (issue 17): where a role-play's text or an interface string names a glossary
 * concept, every language names it the way the glossary words it. lessons.test.ts holds the
 * lessons to their declared terms; this holds the role-plays and src/i18n/ui/<lang>.json to the
 * same wording. Reads content/ and src/i18n/ui/ directly.
 *
 * Where the idea appears: the English text names the term (termAppearsIn, as for lessons). Only
 * terms of two or more words in every form are checked: one-word terms and forms ("Contract (bond)") (sales, trust, empathy, contract,
 * objection, partnership...) are ordinary words too ("he doesn't trust you", "sign the contract"),
 * which translators rightly render in their ordinary sense.
 *
 * How a term may be worded: a term is a name, but feedback uses it in a sentence, so the match
 * lets grammar do its work and nothing else: English and Latvian endings (as for lessons), Malay
 * verb prefixes (ikut -> mengikut, kenali -> mengenali, gunakan -> menggunakan), Latvian word
 * order and verb forms of the same stems (Augstākā titula lietošana -> Lietojiet augstāko titulu),
 * and in Chinese one or two characters inside the term (称呼要就高不就低).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { termAppearsIn, termForms } from '../../src/lib/glossary';
import { LOCALE_IDS, type Locale } from '../../src/i18n/locales';
import { textNodes } from './stories.test';

const root = path.resolve(import.meta.dirname, '..', '..');
const OTHERS = LOCALE_IDS.filter((l) => l !== 'en');
const glossary = (
  parse(readFileSync(path.join(root, 'content/glossary.yaml'), 'utf8')) as ({ id: string } & Record<
    Locale,
    { term: string }
  >)[]
).filter((g) => termForms(g.en.term).every((f) => /\s/.test(f.trim())));

const norm = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‐‑–—-]/g, ' ')
    .replace(/[,，、:：;；.。!?！？“”„"'«»‘’…*_()（）]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Malay meN-/di-/ber-/ter- before a root; meN- drops a root's first k, p, t or s (kenali -> mengenali). */
function malayWord(w: string): string {
  const root = escape(w);
  const dropped = /^[kpts]/.test(w) ? `|${escape(w.slice(1))}` : '';
  return `(?:(?:meng|meny|mem|men|me|peng|peny|pem|pen|pe|di|ber|ter)(?:${root}${dropped})|${root})\\p{L}{0,3}`;
}

/** Whether a text uses a term in a sentence, in the ways the header allows. */
export function termUsedIn(term: string, text: string, lang: Locale): boolean {
  if (termAppearsIn(term, text, lang)) return true;
  const hay = norm(text);
  return termForms(term).some((form) => {
    const f = norm(form);
    if (lang === 'zh') {
      const chars = [...f.replace(/\s/g, '')].map(escape);
      return new RegExp(chars.join('.{0,2}'), 'u').test(hay.replace(/\s/g, '')) && chars.length > 1;
    }
    if (lang === 'ms') return new RegExp(`(?<!\\p{L})${f.split(' ').map(malayWord).join('[\\s-]+')}`, 'u').test(hay);
    if (lang === 'lv') {
      // Every word of the term by its stem (negated with ne- too), in any order, within a short stretch.
      const stems = f.split(' ').map((w) => (w.length > 6 ? w.slice(0, 5) : w.length > 3 ? w.slice(0, -2) : w));
      const words = hay.split(' ');
      const span = stems.length + 4;
      for (let i = 0; i < words.length; i++) {
        const window = words.slice(i, i + span);
        if (stems.every((s) => window.some((w) => w.startsWith(s) || w.startsWith(`ne${s}`)))) return true;
      }
      return false;
    }
    return false;
  });
}

const flatten = (o: unknown, at = ''): [string, string][] =>
  typeof o === 'string'
    ? [[at, o]]
    : Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => flatten(v, at ? `${at}.${k}` : k));

/** Text nodes by a key that is the same in every language: interface strings and role-plays. */
const sources: { name: string; nodes: Record<Locale, Map<string, string>> }[] = [
  {
    name: 'src/i18n/ui/<lang>.json',
    nodes: Object.fromEntries(
      LOCALE_IDS.map((l) => [
        l,
        new Map(flatten(JSON.parse(readFileSync(path.join(root, 'src/i18n/ui', `${l}.json`), 'utf8')))),
      ]),
    ) as Record<Locale, Map<string, string>>,
  },
  ...readdirSync(path.join(root, 'content/roleplays/en')).map((f) => ({
    name: `content/roleplays/<lang>/${f}`,
    nodes: Object.fromEntries(
      LOCALE_IDS.map((l) => [l, textNodes(parse(readFileSync(path.join(root, 'content/roleplays', l, f), 'utf8')))]),
    ) as Record<Locale, Map<string, string>>,
  })),
];

describe('the term matcher for sentences', () => {
  it('accepts a term used in a sentence and refuses a different wording', () => {
    expect(termUsedIn('Ikut adat setempat', 'Anda mengikut adat setempat: di Jinan…', 'ms')).toBe(true);
    expect(termUsedIn('Kenali peranan anda', 'pelanggan nampak anda tidak mengenali peranan anda', 'ms')).toBe(true);
    expect(termUsedIn('Kenali peranan anda', 'Ketahui tugas anda', 'ms')).toBe(false);
    expect(termUsedIn('Augstākā titula lietošana', 'Lietojiet augstāko titulu un iepazīstiniet', 'lv')).toBe(true);
    expect(termUsedIn('Savas lomas ievērošana', 'Turieties pie savas lomas', 'lv')).toBe(false);
    expect(termUsedIn('称呼就高不就低', '称呼要就高不就低，应当介绍为“陈教授”', 'zh')).toBe(true);
    expect(termUsedIn('换挡', '你及时转换了话题', 'zh')).toBe(false);
  });
});

describe('glossary terms in role-plays and interface strings, worded as the glossary words them', () => {
  for (const { name, nodes } of sources)
    it(`${name}: where English names a term, every language uses its glossary wording`, () => {
      const off: string[] = [];
      for (const [key, en] of nodes.en)
        for (const g of glossary) {
          if (!termAppearsIn(g.en.term, en, 'en')) continue;
          for (const lang of OTHERS) {
            const text = nodes[lang].get(key);
            if (text !== undefined && !termUsedIn(g[lang].term, text, lang))
              off.push(`${lang} ${key}: "${g[lang].term}" (${g.id}) not in "${text.slice(0, 80)}…"`);
          }
        }
      expect(off).toEqual([]);
    });
});
