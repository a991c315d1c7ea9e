/**
 * The explanations of exercise answers agree with the verdict the page gives. The island states the
 * verdict once ("✓ Right", "≈ Partly right – One step too high", "✗ Wrong"), so an explanation that
 * opens with its own verdict word repeats it at best, and contradicts it at worst: a near miss shown
 * as "Partly right" and then explained as "No: …" (issue 13). Reads content/ directly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LOCALE_IDS, type Locale } from '../../src/i18n/locales';
import { APPROACHES, RELATIONSHIP_TYPES, gradeAnswer, type Question } from '../../src/lib/quiz';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Lead-ins that say an answer is wrong (or not worth choosing), per language. */
const WRONG: Record<Locale, string[]> = {
  en: ['No', 'Wrong', 'Incorrect', 'Not right', 'Not correct', 'This does not fit', 'Not worth it', 'Not justified'],
  ms: ['Tidak', 'Bukan', 'Salah', 'Tidak betul', 'Tidak tepat', 'Ini tidak sesuai', 'Tidak berbaloi', 'Tidak wajar'],
  zh: ['不对', '不是', '错', '错了', '错误', '不正确', '这与情况不符', '不值得'],
  lv: ['Nē', 'Nepareizi', 'Nav pareizi', 'Tas neatbilst situācijai', 'Nav vērts', 'Nav pamatoti'],
};
/** Lead-ins that say an answer is right, per language. */
const RIGHT: Record<Locale, string[]> = {
  en: ['Right', 'Correct', 'Yes', 'Exactly', 'This fits'],
  ms: ['Betul', 'Benar', 'Ya', 'Tepat'],
  zh: ['正确', '对', '没错', '是的'],
  lv: ['Pareizi', 'Jā', 'Tieši tā', 'Tas atbilst'],
};

/** The verdict word the text opens with (a lead-in followed by punctuation), or null. */
function leadIn(text: string, words: string[]): string | null {
  for (const w of words) {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`^${escaped}\\s*[:.,;!—–：。，；！]`, 'u').test(text.trim())) return w;
  }
  return null;
}

interface Explained {
  where: string;
  verdict: 'right' | 'near' | 'wrong';
  text: string;
}

type Feedback = Record<string, string>;
interface Choice {
  id: string;
  correct: boolean;
  feedback: string;
}
interface ExerciseFile {
  kind: string;
  items: {
    id: string;
    current?: string;
    worth?: string;
    answer?: string;
    currentFeedback?: Feedback;
    worthFeedback?: Feedback;
    approachFeedback?: Feedback;
    reasons?: Choice[];
    aspects?: Choice[];
  }[];
}

/** Every explanation of a question-set exercise, with the verdict the page shows for its option. */
function explanations(file: string, data: ExerciseFile): Explained[] {
  const out: Explained[] = [];
  // The same ordered scales src/server/exercises.ts builds, graded by the same function the page uses.
  const scale = (field: string, keys: readonly string[], correct: string, feedback: Feedback, item: string) => {
    const q: Question = {
      id: field,
      label: field,
      ordered: true,
      correct,
      options: keys.map((k) => ({ id: k, text: k, feedback: feedback[k] })),
    };
    for (const k of keys)
      out.push({ where: `${file} ${item}.${field}.${k}`, verdict: gradeAnswer(q, k).verdict, text: feedback[k] });
  };
  const choices = (field: string, list: Choice[] | undefined, item: string) => {
    for (const c of list ?? [])
      out.push({ where: `${file} ${item}.${field}.${c.id}`, verdict: c.correct ? 'right' : 'wrong', text: c.feedback });
  };
  // Sorting and matching files have cards, not question items; they have no near misses.
  if (data.kind !== 'scenario' && data.kind !== 'approach') return out;
  for (const i of data.items) {
    if (data.kind === 'scenario') {
      scale('currentFeedback', RELATIONSHIP_TYPES, i.current!, i.currentFeedback!, i.id);
      scale('worthFeedback', RELATIONSHIP_TYPES, i.worth!, i.worthFeedback!, i.id);
      choices('reasons', i.reasons, i.id);
    } else if (data.kind === 'approach') {
      scale('approachFeedback', APPROACHES, i.answer!, i.approachFeedback!, i.id);
      choices('aspects', i.aspects, i.id);
    }
  }
  return out;
}

const byLang = LOCALE_IDS.map((lang) => {
  const dir = path.join(root, 'content/exercises', lang);
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) =>
      explanations(`content/exercises/${lang}/${f}`, parse(readFileSync(path.join(dir, f), 'utf8')) as ExerciseFile),
    );
  return { lang, all };
});

describe('the verdict word finder', () => {
  it('finds a lead-in followed by punctuation, not a word that merely starts the same way', () => {
    expect(leadIn('No: it is not', WRONG.en)).toBe('No');
    expect(leadIn('Nothing here says so.', WRONG.en)).toBeNull();
    expect(leadIn('不对：这不是', WRONG.zh)).toBe('不对');
    expect(leadIn('Nē. Tas nav', WRONG.lv)).toBe('Nē');
    expect(leadIn('Tiada pakatan.', WRONG.ms)).toBeNull();
  });
});

describe('scenario and approach explanations, in every language', () => {
  for (const { lang, all } of byLang) {
    it(`${lang}: the set has near misses to check`, () => {
      expect(all.filter((e) => e.verdict === 'near').length).toBeGreaterThan(10);
    });

    it(`${lang}: no partly right answer is explained as a wrong one`, () => {
      const bad = all
        .filter((e) => e.verdict === 'near' && leadIn(e.text, WRONG[lang]))
        .map((e) => `${e.where}: "${e.text.slice(0, 40)}…"`);
      expect(bad).toEqual([]);
    });

    it(`${lang}: no explanation opens with a verdict (the page gives it once)`, () => {
      const bad = all
        .filter((e) => leadIn(e.text, [...WRONG[lang], ...RIGHT[lang]]))
        .map((e) => `${e.where} (${e.verdict}): "${e.text.slice(0, 40)}…"`);
      expect(bad).toEqual([]);
    });
  }
});

describe('role-play feedback, in every language', () => {
  for (const lang of LOCALE_IDS) {
    it(`${lang}: a partly right response is not explained as a wrong one`, () => {
      const dir = path.join(root, 'content/roleplays', lang);
      const bad: string[] = [];
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
        const rp = parse(readFileSync(path.join(dir, f), 'utf8')) as {
          turns: Record<string, { choices?: { id: string; quality: string; feedback: string }[] }>;
        };
        for (const [turn, t] of Object.entries(rp.turns))
          for (const c of t.choices ?? [])
            if (c.quality === 'ok' && leadIn(c.feedback, WRONG[lang])) bad.push(`${f} ${turn}.${c.id}`);
      }
      expect(bad).toEqual([]);
    });
  }
});
