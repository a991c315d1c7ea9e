/**
 * Checks of the course text itself: what a native reader or an editor would catch by eye, made
 * repeatable. Reads content/ directly, so it runs without a build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { termAppearsIn } from '../../src/lib/glossary';
import { LOCALE_IDS, type Locale } from '../../src/i18n/locales';

const root = path.resolve(import.meta.dirname, '..', '..');
const LANGS = LOCALE_IDS;
type Lang = Locale;
const KEY_POINTS: Record<Lang, string> = { en: 'Key points', ms: 'Isi penting', zh: '要点', lv: 'Galvenais' };
/** Reading speeds for the 4–8 minute rule: words per minute, or characters per minute for Chinese. */
const READING_RATE: Record<Lang, number> = { en: 200, ms: 180, zh: 300, lv: 160 };

const modules = parse(readFileSync(path.join(root, 'content/modules.yaml'), 'utf8')) as {
  id: string;
  lessons: { id: string; minutes: number; terms?: string[] }[];
}[];
const lessonIds = modules.flatMap((m) =>
  m.lessons.map((l) => ({ id: `${m.id}/${l.id}`, minutes: l.minutes, terms: l.terms ?? [] })),
);
const glossary = parse(readFileSync(path.join(root, 'content/glossary.yaml'), 'utf8')) as ({ id: string } & Record<
  Lang,
  { term: string; definition: string }
>)[];
const read = (lang: Lang, id: string) => readFileSync(path.join(root, 'content/lessons', lang, `${id}.mdx`), 'utf8');
const body = (source: string) => source.replace(/^---[\s\S]*?\n---\n/, '');
const words = (text: string) => text.match(/[\p{L}]+(?:[-'’][\p{L}]+)*/gu) ?? [];
const han = (text: string) => text.match(/\p{Script=Han}/gu) ?? [];

function minutesOf(lang: Lang, text: string): number {
  return (lang === 'zh' ? han(text).length : words(text).length) / READING_RATE[lang];
}

function allTextFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
    );
  return [...walk(path.join(root, 'content')), ...walk(path.join(root, 'src/i18n/ui'))];
}

describe('every lesson, in every language', () => {
  for (const { id, minutes } of lessonIds) {
    it(`${id}: 4–8 minutes of reading in each language, close to the ${minutes} minutes shown`, () => {
      const times = LANGS.map((lang) => minutesOf(lang, body(read(lang, id))));
      for (const [i, time] of times.entries()) {
        expect(time, `${LANGS[i]}/${id}`).toBeGreaterThanOrEqual(4);
        expect(time, `${LANGS[i]}/${id}`).toBeLessThanOrEqual(8);
      }
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      expect(
        Math.abs(mean - minutes),
        `content/modules.yaml minutes of ${id} (texts read in ${mean.toFixed(1)})`,
      ).toBeLessThanOrEqual(1.5);
    });

    it(`${id}: ends with key points, and has the same sections, diagrams and exercises in each language`, () => {
      const shapes = LANGS.map((lang) => {
        const text = body(read(lang, id));
        const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
        expect(headings.at(-1), `${lang}/${id}: last section`).toBe(KEY_POINTS[lang]);
        const keyPoints = text.slice(text.lastIndexOf(`## ${KEY_POINTS[lang]}`));
        expect((keyPoints.match(/^- /gm) ?? []).length, `${lang}/${id}: key points`).toBeGreaterThanOrEqual(3);
        expect(text, `${lang}/${id}: the title is printed by the page, not the body`).not.toMatch(/^# /m);
        return {
          sections: headings.length,
          components: [...text.matchAll(/<(Exercise|Diagram)\b[^>]*\/>/g)].map((m) => m[0]),
          tables: (text.match(/^\|[\s:|-]+\|$/gm) ?? []).length,
        };
      });
      for (const [i, shape] of shapes.entries()) expect(shape, `${LANGS[i]}/${id} against en`).toEqual(shapes[0]);
    });
  }
});

describe('glossary terms the lessons declare', () => {
  it('every lesson declares at least two terms', () => {
    for (const { id, terms } of lessonIds)
      expect(terms.length, `content/modules.yaml: ${id} terms`).toBeGreaterThanOrEqual(2);
  });

  for (const { id, terms } of lessonIds) {
    it(`${id}: each declared term is used, in its glossary wording, in every language`, () => {
      const missing = LANGS.flatMap((lang) => {
        const text = body(read(lang, id));
        return terms
          .map((termId) => glossary.find((g) => g.id === termId)!)
          .filter((entry) => !termAppearsIn(entry[lang].term, text, lang))
          .map((entry) => `${lang}: "${entry[lang].term}" (${entry.id})`);
      });
      expect(missing).toEqual([]);
    });
  }
});

describe('clean text', () => {
  it("none of the source pages' web debris", () => {
    // Phrases that only ever come from a web page's furniture, anywhere in a text...
    const anywhere = [
      'Arī lasīt',
      'Lasīt arī',
      'Leave a Comment',
      'Baca juga',
      '相关推荐',
      '我要投稿',
      '相关文章',
      '百科 >',
      'Related articles',
      'Share this',
    ];
    // ...and words that are ordinary in prose but debris when they stand alone on a line (buttons).
    const alone = [
      'Atbildēt',
      'Kongsi',
      'Balas',
      'Reply',
      'Share',
      'Comments',
      'Log in',
      '登录',
      '登錄',
      '回复',
      '评论',
      '分享',
    ];
    for (const file of allTextFiles().filter((f) => !f.endsWith('.json'))) {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n').map((l) => l.trim().toLowerCase());
      const found = [
        ...anywhere.filter((d) => text.toLowerCase().includes(d.toLowerCase())),
        ...alone.filter((d) => lines.includes(d.toLowerCase())),
      ];
      expect(found, file).toEqual([]);
    }
  });

  const files = allTextFiles();

  it('no replacement characters (U+FFFD) or leftover HTML from the web pages', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes('\uFFFD'), file).toBe(false);
      expect(text, file).not.toMatch(/<a\s|href=|&nbsp;|&amp;|https?:\/\//);
    }
  });

  it('Chinese text is Simplified, with no pinyin left in it', () => {
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    // A character is Traditional-only when simplifying changes it and it is already its own
    // Traditional form (關 -> 关). 坏 simplifies to 坯 in OpenCC's tables, but it is the
    // Simplified form of 壞, so it is not flagged.
    const traditionalOnly = (ch: string) =>
      /\p{Script=Han}/u.test(ch) && toSimplified(ch) !== ch && toTraditional(ch) === ch;
    // The check itself: it catches the seed's Traditional characters and passes Simplified ones.
    expect([...'關係銷售戶這們為說'].filter(traditionalOnly)).toEqual([...'關係銷戶這們為說']);
    expect([...'关系销售客户这们为说坏'].filter(traditionalOnly)).toEqual([]);
    const chinese = [
      ...lessonIds.map(({ id }) => ({ file: `content/lessons/zh/${id}.mdx`, text: read('zh', id) })),
      { file: 'src/i18n/ui/zh.json', text: readFileSync(path.join(root, 'src/i18n/ui/zh.json'), 'utf8') },
      {
        file: 'content/module-text/zh.yaml',
        text: readFileSync(path.join(root, 'content/module-text/zh.yaml'), 'utf8'),
      },
      ...readdirSync(path.join(root, 'content/roleplays/zh')).map((f) => ({
        file: `content/roleplays/zh/${f}`,
        text: readFileSync(path.join(root, 'content/roleplays/zh', f), 'utf8'),
      })),
      {
        file: 'content/glossary.yaml (zh)',
        text: (
          parse(readFileSync(path.join(root, 'content/glossary.yaml'), 'utf8')) as {
            zh: { term: string; definition: string };
          }[]
        )
          .map((e) => `${e.zh.term} ${e.zh.definition}`)
          .join('\n'),
      },
    ];
    for (const { file, text } of chinese) {
      const traditional = new Set([...text].filter(traditionalOnly));
      expect([...traditional], `${file}: Traditional characters`).toEqual([]);
      expect(text, `${file}: pinyin with tone marks`).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    }
  });

  it('Malay is Malaysian standard, not Indonesian', () => {
    const indonesian = [
      'karena',
      'bisa',
      'perusahaan',
      'nomor',
      'kantor',
      'pelayanan',
      'tenaga penjual',
      'mengerti',
      'sekarang ini',
      'kamu',
    ];
    for (const file of files.filter((f) => /\/ms\/|ms\.(json|yaml)$/.test(f))) {
      const text = readFileSync(file, 'utf8').toLowerCase();
      const found = indonesian.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(text));
      expect(found, file).toEqual([]);
    }
  });

  it('Latvian text uses its diacritics (no ASCII stand-ins for common words)', () => {
    const stripped = ['parDosana', 'klienti', 'attiecibas', 'uzticesanas', 'partneriba', 'piegadatajs', 'ka ari'].map(
      (w) => w.toLowerCase(),
    );
    for (const file of files.filter((f) => /\/lv\/|lv\.(json|yaml)$/.test(f))) {
      const text = readFileSync(file, 'utf8').toLowerCase();
      const found = stripped.filter(
        (w) => w !== 'klienti' && new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(text),
      );
      expect(found, file).toEqual([]);
    }
  });
});

describe('written in our own words, not pasted from the source articles', () => {
  const seed = (name: string) => readFileSync(path.join(root, 'tests/fixtures/seeds', name), 'utf8');
  const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
  // The Chinese seeds are Traditional with pinyin in brackets (關(guān)系): compare as Simplified.
  const chineseSeeds = toSimplified(`${seed('001_2a2d38f0b3b23b49.txt')}\n${seed('002_9812eee3c2c1054f.txt')}`).replace(
    /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+\)/g,
    '',
  );
  const seedHan = han(chineseSeeds).join('');

  it('no run of 16 Chinese characters is shared with the Chinese sources', () => {
    const N = 16;
    const grams = new Set<string>();
    for (let i = 0; i + N <= seedHan.length; i++) grams.add(seedHan.slice(i, i + N));
    for (const { id } of lessonIds) {
      const text = han(body(read('zh', id))).join('');
      const shared: string[] = [];
      for (let i = 0; i + N <= text.length; i++) if (grams.has(text.slice(i, i + N))) shared.push(text.slice(i, i + N));
      expect(shared, `zh/${id}`).toEqual([]);
    }
  });

  const sharedWordRuns = (lang: Lang, seedName: string, n: number) => {
    const seedWords = words(seed(seedName).toLowerCase());
    const grams = new Set<string>();
    for (let i = 0; i + n <= seedWords.length; i++) grams.add(seedWords.slice(i, i + n).join(' '));
    return lessonIds.flatMap(({ id }) => {
      const w = words(body(read(lang, id)).toLowerCase());
      const found: string[] = [];
      for (let i = 0; i + n <= w.length; i++)
        if (grams.has(w.slice(i, i + n).join(' '))) found.push(`${id}: "${w.slice(i, i + n).join(' ')}"`);
      return found;
    });
  };

  it('no run of 9 words is shared with the Malay source', () => {
    expect(sharedWordRuns('ms', '000_de83f54afc45817c.txt', 9)).toEqual([]);
  });

  it('no run of 9 words is shared with the Latvian source', () => {
    expect(sharedWordRuns('lv', '003_738ff3846d9caf6f.txt', 9)).toEqual([]);
  });
});
