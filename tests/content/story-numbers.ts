/**
 * The numbers a story tells, in any of the course languages, written the same way: "£80,000",
 * "80 000 mārciņu", "8万英镑" and "RM80k" are all 80000; "ten per cent", "10 %", "百分之十" and
 * "九折" are all 10%; "twenty vans", "dua puluh van", "二十辆车" and "divdesmit furgoni" are all 20.
 * Used by stories.test.ts to hold one story to the same facts in every language.
 *
 * Left out on purpose, because translators rightly write them differently:
 * - the words for one and two, unless a percentage: "one" is mostly an article or a pronoun
 *   (a, sebuah, 一家, viens), and "two" mostly means "both" (the two companies, kedua-dua pihak,
 *   双方, abi uzņēmumi), which translators rightly write as "each other" or leave out; the digits
 *   1 and 2 are kept ("1 March", "1 percent");
 * - ordinals (first, second, kedua, 第二, otrais): the order of things, not an amount;
 * - Chinese month and weekday names (3月, 周二): English says "March" and "Tuesday";
 * - Chinese words that only contain a numeral (五金 hardware, 二手 second-hand, 万一 in case,
 *   十分 very, 千万 by all means, 火冒三丈 furious, 一模一样...).
 */
import type { Locale } from '../../src/i18n/locales';

export interface Told {
  /** Numbers as normalized strings: "80000", "10%". Sorted, each once: a number repeated is the same fact. */
  numbers: string[];
  /** Currencies named, as ISO codes. Sorted, each once. */
  currencies: string[];
}

const WORDS: Record<Exclude<Locale, 'zh'>, [RegExp, number][]> = {
  en: [
    [/\bphase[- ](one|two|three)\b/g, NaN], // a label, "phase two" is the second phase: an ordinal
    [/\b(round|around) the clock\b/g, 24],
    [/\ba couple of\b/g, 2],
    [/\bboth\b/g, 2],
    [/\b(two|three|four|five|six|seven|eight|nine) hundred\b/g, NaN],
    [/\btwelve\b/g, 12],
    [/\beleven\b/g, 11],
    [/\bthirteen\b/g, 13],
    [/\bfourteen\b/g, 14],
    [/\bfifteen\b/g, 15],
    [/\bsixteen\b/g, 16],
    [/\beighteen\b/g, 18],
    [/\btwenty\b/g, 20],
    [/\bthirty\b/g, 30],
    [/\bforty\b/g, 40],
    [/\bfifty\b/g, 50],
    [/\bhundred\b/g, 100],
    [/\bthousand\b/g, 1000],
    [/\btwo\b/g, 2],
    [/\btwice\b/g, 2],
    [/\bthree\b/g, 3],
    [/\bfour\b/g, 4],
    [/\bfive\b/g, 5],
    [/\bsix\b/g, 6],
    [/\bseven\b/g, 7],
    [/\beight\b/g, 8],
    [/\bnine\b/g, 9],
    [/\bten\b/g, 10],
    [/\ba third of\b/g, 1 / 3],
  ],
  ms: [
    [/(?<![\p{L}-])ke(dua|tiga|empat|lima|enam|tujuh|lapan|sembilan)-(?:ke)?\1(?![\p{L}])/gu, NaN],
    [/(?<![\p{L}-])(dua|tiga|empat|lima|enam|tujuh|lapan|sembilan) ratus(?![\p{L}])/gu, NaN],
    [/(?<![\p{L}-])24 jam(?![\p{L}])/gu, 24],
    [/(?<![\p{L}-])dua belas(?![\p{L}])/gu, 12],
    [/(?<![\p{L}-])sebelas(?![\p{L}])/gu, 11],
    [/(?<![\p{L}-])(dua|tiga|empat|lima|enam|tujuh|lapan|sembilan) belas(?![\p{L}])/gu, NaN],
    [/(?<![\p{L}-])(dua|tiga|empat|lima|enam|tujuh|lapan|sembilan) puluh(?![\p{L}])/gu, NaN],
    [/(?<![\p{L}-])sepuluh(?![\p{L}])/gu, 10],
    [/(?<![\p{L}-])seratus(?![\p{L}])/gu, 100],
    [/(?<![\p{L}-])seribu(?![\p{L}])/gu, 1000],
    [/(?<![\p{L}-])dua(?![\p{L}-])/gu, 2],
    [/(?<![\p{L}-])tiga(?![\p{L}-])/gu, 3],
    [/(?<![\p{L}-])empat(?![\p{L}-])/gu, 4],
    [/(?<![\p{L}-])lima(?![\p{L}-])/gu, 5],
    [/(?<![\p{L}-])enam(?![\p{L}-])/gu, 6],
    [/(?<![\p{L}-])tujuh(?![\p{L}-])/gu, 7],
    [/(?<![\p{L}-])lapan(?![\p{L}-])/gu, 8],
    [/(?<![\p{L}-])sembilan(?![\p{L}-])/gu, 9],
    [/(?<![\p{L}-])(satu )?pertiga(?![\p{L}])/gu, 1 / 3],
    [/(?<![\p{L}-])sepertiga(?![\p{L}])/gu, 1 / 3],
  ],
  lv: [
    [/(?<!\p{L})(div|trīs|četr|piec|seš|septiņ|astoņ|deviņ)desmit(os)?(?!\p{L})/gu, NaN],
    [/(?<!\p{L})(vien|div|trīs|četr|piec|seš|septiņ|astoņ|deviņ)padsmit(os)?(?!\p{L})/gu, NaN],
    [/(?<!\p{L})(div|trīs|četr|piec|seš|septiņ|astoņ|deviņ) ?simt(s|u|iem|i)?(?!\p{L})/gu, NaN],
    [/(?<!\p{L})desmit(os)?(?!\p{L})/gu, 10],
    [/(?<!\p{L})simt(s|u)?(?!\p{L})/gu, 100],
    [/(?<!\p{L})tūksto(tis|ši|šu|šiem|šus)(?!\p{L})/gu, 1000],
    [/(?<!\p{L})(div|četr|piec|seš|septiņ|astoņ|deviņ)(i|as|u|iem|ām|us|os|ās|reiz)(?!\p{L})/gu, NaN],
    [/(?<!\p{L})(trīs|trijos|trim|triju|trijās|trīsreiz)(?!\p{L})/gu, 3],
    [/(?<!\p{L})(abi|abas|abu|abiem|abām|abus|abos|abās)(?!\p{L})/gu, 2],
    [/(?<!\p{L})diennakt\p{L}*/gu, 24],
    [/(?<!\p{L})trešdaļ(a|u|as|ai|ā)(?!\p{L})/gu, 1 / 3],
  ],
};

const MS_UNITS: Record<string, number> = {
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  lapan: 8,
  sembilan: 9,
};
const LV_UNITS: Record<string, number> = {
  vien: 1,
  div: 2,
  trīs: 3,
  četr: 4,
  piec: 5,
  seš: 6,
  septiņ: 7,
  astoņ: 8,
  deviņ: 9,
};

const EN_UNITS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};

/** The value of a number word built from a unit: "dua puluh", "keempat-empat", "divdesmit", "sešās". */
function compound(lang: Locale, word: string, unit: string): number {
  if (lang === 'en') return word.startsWith('phase') ? NaN : EN_UNITS[unit] * 100;
  if (lang === 'ms') {
    const u = MS_UNITS[unit];
    if (word.endsWith('puluh')) return u * 10;
    if (word.endsWith('belas')) return u + 10;
    if (word.endsWith('ratus')) return u * 100;
    return u; // kedua-dua, keempat-empat: all two (both), all four
  }
  const u = LV_UNITS[unit];
  if (/desmit(os)?$/.test(word)) return u * 10;
  if (/padsmit(os)?$/.test(word)) return u + 10;
  if (/simt\p{L}*$/u.test(word)) return u * 100;
  return u;
}

const ZH_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Chinese numeral (一万两千, 二十, 十二, 九十六万) as a number. */
export function zhNumeral(s: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch];
    else if (ch === '十' || ch === '百' || ch === '千') {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      section += (digit || 1) * unit;
      digit = 0;
    } else if (ch === '万' || ch === '亿') {
      total += (section + digit) * (ch === '万' ? 10_000 : 100_000_000);
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** Words that contain a Chinese numeral but say no number (see the header). */
const ZH_NOT_NUMBERS =
  /几[十百千万]|好几|(?<=[：:；;，,。]|^)[一二三四五]是|五金|二手|万一|(?<![零一二两三四五六七八九十])十分(?!钟)|千万|万事|万无|三丈|两败|一模一样|三番|三心二意|一五一十|七嘴八舌|乱七八糟|四处|四面八方|千方百计|百忙|百分百|一清二楚|独一无二|说一不二|周[一二三四五六日]|星期[一二三四五六日]|礼拜[一二三四五六日]|第[零一二两三四五六七八九十百千]+|[\d零一二两三四五六七八九十]+月份?(?![内里])/gu;

const CURRENCIES: Record<Locale, [RegExp, string][]> = {
  en: [
    [/£|\bpounds?\b|\bGBP\b/g, 'GBP'],
    [/\bRM|\bringgit\b/g, 'MYR'],
    [/\byuan\b|\bRMB\b|¥/g, 'CNY'],
    [/€|\beuros?\b|\bEUR\b/g, 'EUR'],
    [/\$|\bdollars?\b/g, 'USD'],
  ],
  ms: [
    [/£|\bpaun\b|\bGBP\b/g, 'GBP'],
    [/\bRM|\bringgit\b/g, 'MYR'],
    [/\byuan\b|\bRMB\b|¥/g, 'CNY'],
    [/€|\beuro\b|\bEUR\b/g, 'EUR'],
    [/\$|\bdolar\b/g, 'USD'],
  ],
  zh: [
    [/£|英镑|GBP/g, 'GBP'],
    [/令吉|马币|RM/g, 'MYR'],
    [/(?<![美欧英])元|人民币|¥|RMB/g, 'CNY'],
    [/€|欧元|EUR/g, 'EUR'],
    [/\$|美元/g, 'USD'],
  ],
  lv: [
    [/£|mārciņ\p{L}*|GBP/gu, 'GBP'],
    [/\bRM|ringit\p{L}*/gu, 'MYR'],
    [/juaņ\p{L}*|\bRMB\b|¥/gu, 'CNY'],
    [/€|eiro|EUR/gu, 'EUR'],
    [/\$|dolār\p{L}*/gu, 'USD'],
  ],
};

const PERCENT: Record<Locale, RegExp> = {
  en: /^\s*(%|per ?cent\b|percent\b)/,
  ms: /^\s*(%|peratus\b)/,
  zh: /^\s*(%|个百分点)/,
  lv: /^\s*(%|procent\p{L}*)/u,
};

/** Number after a value: "k" (thousand), 万 (ten thousand). */
function scaled(value: number, after: string, lang: Locale): { value: number; used: number } {
  const k = after.match(/^\s?[kK](?![\p{L}])/u);
  if (k) return { value: value * 1000, used: k[0].length };
  if (lang === 'zh' && after.startsWith('万')) return { value: value * 10_000, used: 1 };
  const thousand =
    lang === 'en'
      ? after.match(/^ thousand\b/)
      : lang === 'ms'
        ? after.match(/^ ribu\b/)
        : lang === 'lv'
          ? after.match(/^ tūksto\p{L}+/u)
          : null;
  if (thousand) return { value: value * 1000, used: thousand[0].length };
  return { value, used: 0 };
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4).replace(/0+$/, ''));

/** What numbers and currencies a piece of text in a language tells. */
export function told(input: string, lang: Locale): Told {
  let text = input.normalize('NFC');
  const numbers: string[] = [];
  const push = (value: number, rest: string, word = false) => {
    // Words for one and two: see the header.
    if (word && value <= 2 && Number.isInteger(value) && !PERCENT[lang].test(rest)) return;
    const pct = rest.match(PERCENT[lang]);
    numbers.push(pct ? `${fmt(value)}%` : fmt(value));
  };

  // Chinese percentages and discounts first: 百分之十 = 10%, 九折 = 10% off, 九五折 = 5% off.
  if (lang === 'zh') {
    text = text.replace(ZH_NOT_NUMBERS, ' ');
    text = text.replace(/百分之([零一二两三四五六七八九十百\d.]+)/gu, (_, n: string) => {
      numbers.push(`${fmt(/\d/.test(n) ? Number(n) : zhNumeral(n))}%`);
      return ' ';
    });
    text = text.replace(/([二三四五六七八九十])分之一/gu, (_, n: string) => {
      numbers.push(fmt(1 / zhNumeral(n)));
      return ' ';
    });
    text = text.replace(/([一二三四五六七八九])([一二三四五六七八九]?)折/gu, (_, a: string, b: string) => {
      const paid = ZH_DIGITS[a] * 10 + (b ? ZH_DIGITS[b] : 0);
      numbers.push(`${fmt(100 - paid)}%`);
      return ' ';
    });
  }

  // Each number found is blanked out of `text`, so no part of it is read twice.
  const blank = (from: number, length: number) => {
    text = text.slice(0, from) + ' '.repeat(length) + text.slice(from + length);
  };

  // Digits: "80,000", "80 000", "1.5", lv "1,5" (decimal comma), "8万", "80k", "80 thousand".
  const thousands = lang === 'lv' ? '[  \u202f]' : '[,  \u202f]';
  const decimal = lang === 'lv' ? ',' : '\\.';
  const digits = new RegExp(`\\d{1,3}(?:${thousands}\\d{3})+(?!\\d)(?:${decimal}\\d+)?|\\d+(?:${decimal}\\d+)?`, 'gu');
  for (const m of [...text.matchAll(digits)]) {
    const plain = Number(m[0].replace(/[,  \u202f]/g, (c) => (c === ',' && lang === 'lv' ? '.' : '')));
    const after = text.slice(m.index + m[0].length);
    const { value, used } = scaled(plain, after, lang);
    push(value, after.slice(used));
    blank(m.index, m[0].length + used);
  }

  if (lang === 'zh') {
    for (const m of [...text.matchAll(/[零一二两三四五六七八九十百千万]+/gu)]) {
      const after = text.slice(m.index + m[0].length);
      // 两三个, 五六点: "two or three", "five or six".
      if (/^[两二三四五六七八九]{2}$/u.test(m[0])) for (const ch of m[0]) push(ZH_DIGITS[ch], after, true);
      else push(zhNumeral(m[0]), after, true);
    }
  } else {
    text = text.toLowerCase();
    for (const [re, value] of WORDS[lang]) {
      for (const m of [...text.matchAll(re)]) {
        const unit = m[1];
        let v = value;
        if (Number.isNaN(v)) v = compound(lang, m[0], unit);
        if (Number.isNaN(v)) {
          blank(m.index, m[0].length);
          continue;
        }
        const after = text.slice(m.index + m[0].length);
        const { value: total, used } = scaled(v, after, lang);
        push(total, after.slice(used), true);
        blank(m.index, m[0].length + used);
      }
    }
  }

  const currencies = new Set<string>();
  for (const [re, code] of CURRENCIES[lang]) if (re.test(input)) currencies.add(code);
  for (const [re] of CURRENCIES[lang]) re.lastIndex = 0;
  return { numbers: [...new Set(numbers)].sort(), currencies: [...currencies].sort() };
}
