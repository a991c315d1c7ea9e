/**
 * One story, told the same way in every language (issue 17). A learner who switches language in the
 * middle of a role-play or an exercise must meet the same customer, the same companies and the same
 * numbers: not £80,000 in English and RM400,000 in Malay, and not one 刘经理 for three customers.
 * Reads content/ directly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LOCALE_IDS, type Locale } from '../../src/i18n/locales';
import { told } from './story-numbers';

const root = path.resolve(import.meta.dirname, '..', '..');
const OTHERS = LOCALE_IDS.filter((l) => l !== 'en');

/** Fields that are keys, ids or answer keys, not text a reader sees. */
const NOT_TEXT = new Set([
  'lesson',
  'kind',
  'id',
  'start',
  'next',
  'quality',
  'skill',
  'error',
  'outcome',
  'current',
  'worth',
  'answer',
  'column',
  'element',
  'correct',
]);

/** Every text node of a story, by a path that is the same in every language (choices by their id). */
export function textNodes(data: unknown, at = ''): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, p: string) => {
    if (typeof v === 'string') out.set(p, v);
    else if (Array.isArray(v))
      v.forEach((item, i) => {
        const id = item && typeof item === 'object' && 'id' in item ? String((item as { id: unknown }).id) : String(i);
        walk(item, `${p}[${id}]`);
      });
    else if (v && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) if (!NOT_TEXT.has(k)) walk(child, p ? `${p}.${k}` : k);
  };
  walk(data, at);
  return out;
}

interface Story {
  file: string;
  data: Record<Locale, unknown>;
}

const stories: Story[] = ['roleplays', 'exercises'].flatMap((dir) =>
  readdirSync(path.join(root, 'content', dir, 'en'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({
      file: `content/${dir}/<lang>/${f}`,
      data: Object.fromEntries(
        LOCALE_IDS.map((lang) => [
          lang,
          parse(readFileSync(path.join(root, 'content', dir, lang, f), 'utf8')) as unknown,
        ]),
      ) as Record<Locale, unknown>,
    })),
);

/** Where a language's numbers or currencies differ from the English text, node by node. */
export function numberDifferences(en: unknown, other: unknown, lang: Locale): string[] {
  const source = textNodes(en);
  const target = textNodes(other);
  const out: string[] = [];
  // A translation may name the currency where English leaves it implied ("10 000 juaņu" for
  // "10,000"), but only a currency the English story uses.
  const storyCurrencies = new Set([...source.values()].flatMap((t) => told(t, 'en').currencies));
  for (const [where, text] of source) {
    const translated = target.get(where);
    if (translated === undefined) continue; // a missing node is the build's error, not this check's
    const a = told(text, 'en');
    const b = told(translated, lang);
    const currencyDiffers =
      a.currencies.some((c) => !b.currencies.includes(c)) || b.currencies.some((c) => !storyCurrencies.has(c));
    if (a.numbers.join(' ') !== b.numbers.join(' ') || currencyDiffers)
      out.push(
        `${where}: en [${[...a.numbers, ...a.currencies].join(' ')}] ${lang} [${[...b.numbers, ...b.currencies].join(' ')}]`,
      );
  }
  return out;
}

describe('the number reader', () => {
  it('reads amounts, percentages and counts the way each language writes them', () => {
    expect(told('I have £80,000 left, and your quote says £96,000.', 'en')).toEqual({
      numbers: ['80000', '96000'],
      currencies: ['GBP'],
    });
    expect(told('Saya ada baki £80,000, tetapi sebut harga anda £96,000.', 'ms').numbers).toEqual(['80000', '96000']);
    expect(told('我只剩8万英镑，你的报价是9.6万英镑。', 'zh')).toEqual({
      numbers: ['80000', '96000'],
      currencies: ['GBP'],
    });
    expect(told('Man palikušas 80 000 mārciņu, bet piedāvājumā ir 96 000 mārciņu.', 'lv')).toEqual({
      numbers: ['80000', '96000'],
      currencies: ['GBP'],
    });
    expect(told('RM80k', 'ms').numbers).toEqual(['80000']);
    expect(told('ten per cent off, 10 % or 1,5 %', 'lv').numbers).toEqual(['1.5%', '10%']);
    expect(told('I will take ten per cent off', 'en').numbers).toEqual(['10%']);
    expect(told('我给您打九折', 'zh').numbers).toEqual(['10%']);
    expect(told('百分之五', 'zh').numbers).toEqual(['5%']);
    expect(told('twenty vans, twenty minutes', 'en').numbers).toEqual(['20']);
    expect(told('dua puluh van, dua belas kerusi, tiga ratus pejabat, keempat-empat syarat', 'ms').numbers).toEqual([
      '12',
      '20',
      '300',
      '4',
    ]);
    expect(told('二十辆车，二十分钟，十二把椅子，两三个方案', 'zh').numbers).toEqual(['12', '20', '3']);
    expect(told('divdesmit furgoni, pirms trim nedēļām, astoņu nedēļu, sešās nedēļās', 'lv').numbers).toEqual([
      '20',
      '3',
      '6',
      '8',
    ]);
    expect(told('Three hundred offices, Trīs simti biroju', 'en').numbers).toEqual(['300']);
    expect(told('Trīs simti biroju, rīt desmitos', 'lv').numbers).toEqual(['10', '300']);
  });

  it('leaves out what is not an amount: "one", ordinals, Chinese months, weekdays and set words', () => {
    expect(
      told('One day, the first and second of them, phase two, both sides, the two companies', 'en').numbers,
    ).toEqual([]);
    expect(told('kedua-dua syarikat, sebuah kedai', 'ms').numbers).toEqual([]);
    expect(told('一家五金店，周二，3月1日，第二期，十分重要，万一', 'zh').numbers).toEqual(['1']);
  });
});

describe('the same numbers in every language', () => {
  for (const { file, data } of stories)
    for (const lang of OTHERS)
      it(`${file.replace('<lang>', lang)}: the amounts, percentages, counts and currencies of en`, () => {
        expect(numberDifferences(data.en, data[lang], lang)).toEqual([]);
      });
});

type Names = Record<Locale, string>;
const same = (name: string): Names => ({ en: name, ms: name, zh: name, lv: name });
/**
 * The people and companies of each story, as each language writes them: a name, or the part of it
 * that does not change with its case (Latvian "Kolins-" for Kolinsa kungs, Kolinsa kungam). The
 * first name of a story is its customer. `at` names a single exercise item.
 */
const CAST: { story: string; at?: string; customer: Names; others?: Names[] }[] = [
  {
    story: 'roleplays/budget-worried-buyer',
    customer: { en: 'Collins', ms: 'Encik Collins', zh: '柯林斯先生', lv: 'Kolinsa kung' },
    others: [{ en: 'Anna', ms: 'Anna', zh: '安娜', lv: 'Anna' }],
  },
  {
    story: 'roleplays/client-dinner',
    customer: { en: 'Mr. Harper', ms: 'Encik Harper', zh: '哈珀先生', lv: 'Hārpera kung' },
    others: [{ en: 'Ms. Carter', ms: 'Puan Carter', zh: '卡特总监', lv: 'Kārteres kund' }],
  },
  {
    story: 'roleplays/hammer-price',
    customer: { en: 'Mr. Zhang', ms: 'Encik Zhang', zh: '张经理', lv: 'Džana kung' },
  },
  {
    story: 'roleplays/keep-in-touch',
    customer: { en: 'Ms. Grant', ms: 'Puan Grant', zh: '格兰特经理', lv: 'Grantas kund' },
    others: [
      { en: 'Northfield Bakery', ms: 'Northfield Bakery', zh: '诺斯菲尔德烘焙', lv: '„Northfield Bakery”' },
      { en: 'Priya', ms: 'Priya', zh: '普丽娅', lv: 'Prija' },
    ],
  },
  {
    story: 'roleplays/pushy-salesperson-complaint',
    customer: { en: 'Ms. Hart', ms: 'Puan Hart', zh: '哈特女士', lv: 'Hārtas kund' },
    others: [{ en: 'Mark', ms: 'Mark', zh: '马克', lv: 'Mark' }],
  },
  {
    story: 'roleplays/qualifying-prospect',
    customer: { en: 'Mr. Hughes', ms: 'Encik Hughes', zh: '休斯经理', lv: 'Hjūza kung' },
  },
  {
    story: 'roleplays/shifting-gears-objection',
    customer: { en: 'Ms. Walsh', ms: 'Puan Walsh', zh: '沃尔什经理', lv: 'Volšas kund' },
  },
  {
    story: 'roleplays/titles-and-custom',
    customer: { en: 'Mr. Li', ms: 'Encik Li', zh: '李总', lv: 'Li kung' },
    others: [
      { en: 'Mr. Wang', ms: 'Encik Wang', zh: '王经理', lv: 'Vana kung' },
      { en: 'Professor Chen', ms: 'Profesor Chen', zh: '陈教授', lv: 'rofesors Čeņs' },
      { en: 'Shanghai', ms: 'Shanghai', zh: '上海', lv: 'Šanhajas' },
      { en: 'Jinan', ms: 'Jinan', zh: '济南', lv: 'Dzjinaņ' },
    ],
  },
  ...(
    [
      ['s1', 'Pine Street Dental', 'Crestline'],
      ['s2', 'Northfield Foods', 'BrightClean'],
      ['s3', 'Meridian Bikes', 'VoltCell'],
      ['s4', 'Solara Beverages', 'CanTech'],
      ['s5', 'Lakeside Print', 'OfficeLine'],
      ['s6', 'Northfield Machines', 'Delta Drives'],
      ['s7', 'Oakridge Furniture', 'Summit Coatings'],
      ['s8', 'SolarGrid', 'VoltCell'],
      ['s9', 'Lakeside Inn', 'Apex Office Furniture'],
      ['s10', 'Kinetic Pumps', 'SealTech'],
    ] as const
  ).map(([at, customer, supplier]) => ({
    story: 'exercises/relationship-scenarios',
    at,
    customer: same(customer),
    others: [same(supplier)],
  })),
  {
    story: 'exercises/which-approach-fits',
    at: 'a1',
    customer: { en: 'Dana Lopez', ms: 'Puan Dana Lopez', zh: '达娜·洛佩兹', lv: 'Dana Lopesa' },
  },
  {
    story: 'exercises/which-approach-fits',
    at: 'a3',
    customer: { en: 'Mark Hollis', ms: 'Encik Mark Hollis', zh: '马克·霍利斯', lv: 'Marks Holliss' },
  },
  {
    story: 'exercises/which-approach-fits',
    at: 'a4',
    customer: { en: 'Coach Kim', ms: 'Jurulatih Kim', zh: '金教练', lv: 'Treneris Kims' },
  },
  {
    story: 'exercises/which-approach-fits',
    at: 'a5',
    customer: { en: 'Mr. Bell', ms: 'Encik Bell', zh: '贝尔先生', lv: 'Bella kung' },
    others: [{ en: 'Rosa', ms: 'Puan Rosa', zh: '罗莎', lv: 'Roza' }],
  },
  {
    story: 'exercises/which-approach-fits',
    at: 'a7',
    customer: { en: 'Ms. Patel', ms: 'Cik Patel', zh: '帕特尔女士', lv: 'Patelas kund' },
  },
  {
    story: 'exercises/which-approach-fits',
    at: 'a8',
    customer: { en: 'Ms. Novak', ms: 'Puan Novak', zh: '诺瓦克女士', lv: 'Novakas kund' },
  },
  {
    story: 'exercises/which-approach-fits',
    at: 'a9',
    customer: { en: 'Mr. Okafor', ms: 'Encik Okafor', zh: '奥卡福先生', lv: 'Okafora kung' },
    others: [{ en: 'Lucia', ms: 'Lucia', zh: '露西娅', lv: 'Lūcij' }],
  },
];

const storyText = (story: string, lang: Locale, at?: string): string => {
  const data = parse(readFileSync(path.join(root, 'content', `${story.replace('/', `/${lang}/`)}.yaml`), 'utf8')) as {
    items?: { id: string }[];
  };
  const part = at ? data.items!.find((i) => i.id === at) : data;
  return [...textNodes(part).values()].join('\n');
};

describe('the same people and companies in every language', () => {
  it('the cast names every role-play, and each cast entry is a real item', () => {
    const roleplays = readdirSync(path.join(root, 'content/roleplays/en')).map(
      (f) => `roleplays/${f.replace(/\.yaml$/, '')}`,
    );
    expect(roleplays.filter((r) => !CAST.some((c) => c.story === r))).toEqual([]);
  });

  for (const { story, at, customer, others = [] } of CAST)
    it(`${story}${at ? ` ${at}` : ''}: ${customer.en}${others.map((o) => `, ${o.en}`).join('')} in every language`, () => {
      const missing = LOCALE_IDS.flatMap((lang) => {
        const text = storyText(story, lang, at);
        return [customer, ...others].filter((n) => !text.includes(n[lang])).map((n) => `${lang}: "${n[lang]}"`);
      });
      expect(missing).toEqual([]);
      if (story.startsWith('roleplays/'))
        for (const lang of LOCALE_IDS) {
          const rp = parse(readFileSync(path.join(root, 'content/roleplays', lang, `${story.slice(10)}.yaml`), 'utf8'));
          expect(rp.customer.name, `${lang}/${story}: customer.name`).toContain(customer[lang]);
        }
    });

  it('no two role-plays declare the same customer name in a language', () => {
    const shared = LOCALE_IDS.flatMap((lang) => {
      const names = readdirSync(path.join(root, 'content/roleplays', lang)).map(
        (f) =>
          [
            f,
            (
              parse(readFileSync(path.join(root, 'content/roleplays', lang, f), 'utf8')) as {
                customer: { name: string };
              }
            ).customer.name,
          ] as const,
      );
      return names
        .filter(([, n], i) => names.findIndex(([, m]) => m === n) !== i)
        .map(([f, n]) => `${lang}/${f}: ${n}`);
    });
    expect(shared).toEqual([]);
  });

  it('one name per customer: no two customers share a name, and no story borrows another customer', () => {
    const clashes: string[] = [];
    for (const lang of LOCALE_IDS)
      for (const a of CAST)
        for (const b of CAST) {
          if (a === b) continue;
          if (a.customer[lang] === b.customer[lang]) clashes.push(`${lang}: ${a.story} ${a.at ?? ''} = ${b.story}`);
          if (a.story !== b.story && storyText(b.story, lang, b.at).includes(a.customer[lang]))
            clashes.push(`${lang}: ${a.customer[lang]} (${a.story} ${a.at ?? ''}) also in ${b.story} ${b.at ?? ''}`);
        }
    expect(clashes).toEqual([]);
  });
});
