import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sortGlossary } from '../../src/lib/glossary';
import { LOCALE_IDS } from '../../src/i18n/locales';

const terms = (words: string[]) => words.map((term, i) => ({ id: `t${i}`, term, definition: '' }));
const sorted = (words: string[], locale: string) => sortGlossary(terms(words), locale).map((t) => t.term);

describe('sortGlossary', () => {
  it('sorts Latvian with Latvian letters in their own places', () => {
    expect(sorted(['Šķērslis', 'Cena', 'Sadarbība', 'Čeks', 'Darījums', 'Ātrums', 'Zīmols', 'Žests'], 'lv')).toEqual([
      'Ātrums',
      'Cena',
      'Čeks',
      'Darījums',
      'Sadarbība',
      'Šķērslis',
      'Zīmols',
      'Žests',
    ]);
  });

  it('sorts Chinese by pinyin', () => {
    // gǎn tóng, hù huì, qì yuē, xìn rèn
    expect(sorted(['信任', '契约', '互惠', '感同'], 'zh')).toEqual(['感同', '互惠', '契约', '信任']);
  });

  it('sorts a term by its words, not by a leading quotation mark', () => {
    // hù huì, shē chǐ, xìn rèn
    expect(sorted(['信任', '“奢侈”的关系', '互惠'], 'zh')).toEqual(['互惠', '“奢侈”的关系', '信任']);
    expect(sorted(['“trust”', 'benefit', 'closing'], 'en')).toEqual(['benefit', 'closing', '“trust”']);
  });

  it('sorts English and Malay case-insensitively', () => {
    expect(sorted(['trust', 'CSAT', 'Average handle time', 'conversion rate'], 'en')).toEqual([
      'Average handle time',
      'conversion rate',
      'CSAT',
      'trust',
    ]);
    expect(sorted(['Timbal balas', 'empati', 'Kontrak'], 'ms')).toEqual(['empati', 'Kontrak', 'Timbal balas']);
  });
});

describe('content/glossary.yaml', () => {
  const file = path.resolve(import.meta.dirname, '..', '..', 'content', 'glossary.yaml');
  const entries = parse(readFileSync(file, 'utf8')) as Record<string, { term: string; definition: string } | string>[];

  it('has at least 30 terms with unique ids', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a term and a definition in every language', () => {
    for (const e of entries) {
      for (const lang of LOCALE_IDS) {
        const t = e[lang] as { term: string; definition: string };
        expect(t?.term?.trim(), `${e.id}.${lang}.term`).toBeTruthy();
        expect(t?.definition?.trim(), `${e.id}.${lang}.definition`).toBeTruthy();
      }
    }
  });

  it('covers the terms the course requires', () => {
    const required = [
      'relationship-selling',
      'relationship-oriented-selling',
      'transactional-selling',
      'buyer-seller-relationship',
      'preferred-supplier',
      'partnership',
      'strategic-alliance',
      'contract-bond',
      'reciprocity',
      'empathy',
      'trust',
      'csat',
      'first-call-resolution',
      'average-handle-time',
      'conversion-rate',
      'quota-attainment',
      'lead-qualification',
      'switching-cost',
      'shifting-gears',
    ];
    const ids = new Set(entries.map((e) => e.id));
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });
});
