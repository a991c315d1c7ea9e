/** Glossary ordering: each language sorts the way its readers expect (Intl.Collator, ICU rules). */

export interface GlossaryTerm {
  id: string;
  term: string;
  definition: string;
}

/** Collation tag per course language: Latvian rules (č after c, š after s...), Chinese by pinyin. */
const COLLATION: Record<string, string> = { en: 'en', ms: 'ms', zh: 'zh-CN-u-co-pinyin', lv: 'lv' };

/** Returns the terms sorted for a language's readers; ties fall back to the id for a stable order. */
export function sortGlossary<T extends GlossaryTerm>(terms: readonly T[], locale: string): T[] {
  // Punctuation does not count: “奢侈”的关系 sorts under shē, not before every other term.
  const collator = new Intl.Collator(COLLATION[locale] ?? locale, {
    sensitivity: 'base',
    numeric: true,
    ignorePunctuation: true,
  });
  return [...terms].sort((a, b) => collator.compare(a.term, b.term) || (a.id < b.id ? -1 : 1));
}

/** Anchor id of a term on the glossary page, the same in every language. */
export function glossaryAnchor(id: string): string {
  return `term-${id}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Lower case, one kind of hyphen, punctuation as spaces: "Go along, then guide" matches "go along then guide". */
const normalize = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‐‑–—-]/g, '-')
    .replace(/[,，、:：;；.。!?！？“”„"'«»‘’…*_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The ways a glossary term may be written: "CSAT (customer satisfaction score)" -> both parts. */
export function termForms(term: string): string[] {
  const forms = new Set<string>([term]);
  const paren = term.match(/^(.*?)\s*[(（](.+?)[)）]\s*$/);
  if (paren) [paren[1], paren[2]].forEach((f) => f.trim() && forms.add(f.trim()));
  for (const f of [...forms]) if (/\s\/\s|／/.test(f)) f.split(/\s*[/／]\s*/).forEach((p) => p && forms.add(p));
  return [...forms].map((f) => f.replace(/[“”"«»„]/g, '').trim()).filter(Boolean);
}

/**
 * A pattern that finds a term in running text of a language. Latvian and Malay words change their
 * endings (attiecību pārdošana -> attiecību pārdošanu), so each longer word may end differently;
 * Chinese is matched as written.
 */
function formPattern(form: string, locale: string): RegExp {
  const f = normalize(form);
  if (locale === 'zh') return new RegExp(escape(f));
  const words = f.split(' ').map((w) => {
    if (locale === 'lv' && w.length >= 5) return `${escape(w.slice(0, -2))}\\p{L}{0,4}`;
    if (locale === 'lv' && w.length >= 3) return `${escape(w.slice(0, -1))}\\p{L}{0,3}`;
    return `${escape(w)}\\p{L}{0,3}`; // plurals and suffixes: costs, objections, -nya
  });
  return new RegExp(`(?<![\\p{L}])${words.join('[\\s-]+')}`, 'u');
}

/** Whether a lesson's text uses a glossary term (any of its forms) in that language. */
export function termAppearsIn(term: string, text: string, locale: string): boolean {
  const haystack = normalize(text);
  return termForms(term).some((form) => formPattern(form, locale).test(haystack));
}
