import { describe, expect, it } from 'vitest';
import {
  checkRolePlay,
  compareStructure,
  pickVoice,
  scoreRolePlay,
  summarizeRolePlay,
  walk,
  type Choice,
  type RolePlay,
} from '../../src/lib/roleplay';

const ch = (id: string, quality: Choice['quality'], next: string, extra: Partial<Choice> = {}): Choice => ({
  id,
  text: `say ${id}`,
  quality,
  feedback: `fb ${id}`,
  next,
  ...(quality === 'good' ? { skill: 'letting-finish' as const } : { error: 'high-pressure' as const }),
  ...extra,
});

function fixture(): RolePlay {
  return {
    lesson: 'm/l',
    title: 'T',
    intro: 'I',
    start: 't1',
    customer: { name: 'N', role: 'R', company: 'C', wants: 'W' },
    turns: {
      t1: {
        says: '1',
        choices: [
          ch('a', 'poor', 't2d', { error: 'jumping-ahead-or-lagging-behind' }),
          ch('b', 'good', 't2'),
          ch('c', 'poor', 'lost'),
        ],
      },
      t2: {
        says: '2',
        choices: [
          ch('a', 'good', 't3', { skill: 'follow-up-question' }),
          ch('b', 'ok', 't3', { error: 'filtering-or-adding' }),
          ch('c', 'poor', 't3'),
        ],
      },
      t2d: {
        says: '2d',
        choices: [ch('a', 'good', 't3'), ch('b', 'poor', 't3'), ch('c', 'ok', 't3', { error: 'instructing' })],
      },
      t3: {
        says: '3',
        choices: [
          ch('a', 'poor', 'mixed', { error: 'over-analyzing-or-parroting' }),
          ch('b', 'ok', 'mixed', { error: 'controlling' }),
          ch('c', 'good', 'won', { skill: 'go-along-then-guide' }),
        ],
      },
      won: { says: 'yes', outcome: 'good' },
      mixed: { says: 'maybe', outcome: 'mixed' },
      lost: { says: 'bye', outcome: 'bad' },
    },
  };
}

describe('checkRolePlay', () => {
  it('accepts a sound role-play', () => {
    expect(checkRolePlay(fixture())).toEqual([]);
  });

  it('names a branch to a turn that does not exist', () => {
    const rp = fixture();
    (rp.turns.t2 as { choices: Choice[] }).choices[1].next = 't9';
    expect(checkRolePlay(rp)).toEqual(['turns.t2.choices.b.next: turn "t9" does not exist']);
  });

  it('names a turn no path reaches', () => {
    const rp = fixture();
    rp.turns.orphan = { says: 'hello?', outcome: 'bad' };
    expect(checkRolePlay(rp)).toEqual(['turns.orphan: no path from the start reaches this turn']);
  });

  it('refuses loops, a missing answer key, and missing skills or errors', () => {
    const loop = fixture();
    (loop.turns.t3 as { choices: Choice[] }).choices[0].next = 't2';
    expect(checkRolePlay(loop).some((p) => p.includes('loops back'))).toBe(true);
    const noGood = fixture();
    (noGood.turns.t2 as { choices: Choice[] }).choices[0].quality = 'ok';
    expect(checkRolePlay(noGood)).toContain('turns.t2.choices: needs exactly one good response');
    const noError = fixture();
    delete (noError.turns.t2 as { choices: Choice[] }).choices[2].error;
    expect(checkRolePlay(noError)).toEqual([
      'turns.t2.choices.c.error: a poor response names the listening error it makes',
    ]);
  });

  it('allows one early ending, not two', () => {
    const rp = fixture();
    (rp.turns.t2 as { choices: Choice[] }).choices[2].next = 'lost';
    expect(checkRolePlay(rp)[0]).toMatch(/^turns: only one path may end before 3 customer turns/);
  });
});

describe('compareStructure', () => {
  it('finds where a translation changed the graph, not the words', () => {
    const en = fixture();
    const ms = fixture();
    (ms.turns.t1 as { choices: Choice[] }).choices[0].text = 'lain';
    expect(compareStructure(en, ms)).toEqual([]);
    (ms.turns.t3 as { choices: Choice[] }).choices[2].next = 'mixed';
    expect(compareStructure(en, ms)).toEqual(['turns.t3']);
  });
});

describe('walking and scoring', () => {
  const rp = fixture();

  it('follows the answers to the current turn, ignoring ones that do not fit', () => {
    expect(walk(rp, {})).toEqual({ steps: [], current: 't1', finished: false });
    const w = walk(rp, { t1: 'a', t2d: 'c', t2: 'zzz' });
    expect(w.steps.map((s) => s.turn)).toEqual(['t1', 't2d']);
    expect(w.current).toBe('t3');
    expect(walk(rp, { t1: 'nonsense' }).current).toBe('t1');
  });

  it('scores good 1, partly right 0.5, poor 0, and lists errors and skills', () => {
    const best = { t1: 'b', t2: 'a', t3: 'c' };
    expect(scoreRolePlay(rp, best)).toBe(1);
    expect(summarizeRolePlay(rp, best)).toEqual({
      score: 1,
      outcome: 'good',
      ending: 'won',
      errors: [],
      skills: ['letting-finish', 'follow-up-question', 'go-along-then-guide'],
    });
    const poor = { t1: 'a', t2d: 'c', t3: 'a' };
    expect(scoreRolePlay(rp, poor)).toBeCloseTo(0.5 / 3);
    expect(summarizeRolePlay(rp, poor)).toMatchObject({
      outcome: 'mixed',
      errors: [
        {
          error: 'jumping-ahead-or-lagging-behind',
          at: [{ n: 1, turn: 't1', choice: 'a', says: '1', said: 'say a' }],
        },
        { error: 'instructing', at: [{ n: 2, turn: 't2d', choice: 'c', says: rp.turns.t2d.says, said: 'say c' }] },
        {
          error: 'over-analyzing-or-parroting',
          at: [{ n: 3, turn: 't3', choice: 'a', says: rp.turns.t3.says, said: 'say a' }],
        },
      ],
      skills: [],
    });
    expect(summarizeRolePlay(rp, { t1: 'c' })).toMatchObject({ score: 0, outcome: 'bad', ending: 'lost' });
  });

  it('names a listening error made twice once, with both places: turn number, customer line, answer', () => {
    const rp = fixture();
    // t1 'a' and t3 'a' both jump ahead: one point, two places, in the order they were made.
    (rp.turns.t3 as { choices: Choice[] }).choices[0].error = 'jumping-ahead-or-lagging-behind';
    expect(summarizeRolePlay(rp, { t1: 'a', t2d: 'c', t3: 'a' }).errors).toEqual([
      {
        error: 'jumping-ahead-or-lagging-behind',
        at: [
          { n: 1, turn: 't1', choice: 'a', says: '1', said: 'say a' },
          { n: 3, turn: 't3', choice: 'a', says: '3', said: 'say a' },
        ],
      },
      { error: 'instructing', at: [{ n: 2, turn: 't2d', choice: 'c', says: '2d', said: 'say c' }] },
    ]);
  });
});

describe('pickVoice', () => {
  const v = (lang: string, name = lang) => ({ lang, name });
  it('prefers the exact language, then the same language', () => {
    expect(pickVoice([v('en-US'), v('lv-LV')], 'lv')?.lang).toBe('lv-LV');
    expect(pickVoice([v('en-GB'), v('en-US')], 'en')?.lang).toBe('en-GB');
    expect(pickVoice([v('zh-TW'), v('zh-CN')], 'zh-CN')?.lang).toBe('zh-CN');
    expect(pickVoice([v('zh_CN')], 'zh-CN')?.lang).toBe('zh_CN');
  });
  it('never speaks in another language', () => {
    expect(pickVoice([v('id-ID'), v('en-US')], 'ms')).toBeNull();
    expect(pickVoice([v('zh-HK'), v('yue-HK')], 'zh-CN')).toBeNull();
    expect(pickVoice([v('lt-LT'), v('ru-RU')], 'lv')).toBeNull();
    expect(pickVoice([], 'en')).toBeNull();
  });
});
