/**
 * Listening/response role-plays as data: a graph of customer turns, each with three responses that
 * lead to the next turn, ending in an outcome. Checking, walking, scoring and feedback are pure
 * functions here; the island only renders them. Ids (turns, choices, skills, errors) are
 * language-neutral: the same role-play in four languages has the same graph.
 */

export const SKILLS = [
  'letting-finish',
  'follow-up-question',
  'showing-attention',
  'go-along-then-guide',
  'shifting-gears',
  'respectful-words',
  'keeping-in-touch',
  'qualifying',
  'leaving-politely',
  'higher-title',
  'local-custom',
  'keeping-role',
  'other-at-center',
] as const;
export const ERRORS = [
  'exaggerating-or-understating',
  'filtering-or-adding',
  'jumping-ahead-or-lagging-behind',
  'over-analyzing-or-parroting',
  'instructing',
  'controlling',
  'high-pressure',
] as const;
export type Skill = (typeof SKILLS)[number];
export type ListeningError = (typeof ERRORS)[number];
export type Quality = 'good' | 'ok' | 'poor';
export type Outcome = 'good' | 'mixed' | 'bad';

export interface Choice {
  id: string;
  text: string;
  quality: Quality;
  skill?: Skill;
  error?: ListeningError;
  feedback: string;
  next: string;
}
export interface DecisionTurn {
  says: string;
  choices: Choice[];
  outcome?: undefined;
}
export interface EndTurn {
  says: string;
  outcome: Outcome;
  choices?: undefined;
}
export type Turn = DecisionTurn | EndTurn;

export interface RolePlay {
  lesson: string;
  title: string;
  customer: { name: string; role: string; company: string; wants: string };
  intro: string;
  start: string;
  turns: Record<string, Turn>;
}

/** Answers of the current attempt: turn id -> choice id. */
export type Answers = Record<string, string>;

const POINTS: Record<Quality, number> = { good: 1, ok: 0.5, poor: 0 };

// ---------------------------------------------------------------------------------------------
// Checks (the build runs them and fails naming the file and the field).

/** Problems with one role-play's graph and answer key, as "field: message". Empty when sound. */
export function checkRolePlay(rp: RolePlay): string[] {
  const problems: string[] = [];
  const ids = Object.keys(rp.turns);
  if (!rp.turns[rp.start]) problems.push(`start: turn "${rp.start}" does not exist`);
  for (const [id, turn] of Object.entries(rp.turns)) {
    if (!turn.choices) continue;
    if (turn.choices.length < 3) problems.push(`turns.${id}.choices: needs at least 3 choices`);
    if (turn.choices.filter((c) => c.quality === 'good').length !== 1)
      problems.push(`turns.${id}.choices: needs exactly one good response`);
    const seen = new Set<string>();
    for (const c of turn.choices) {
      if (seen.has(c.id)) problems.push(`turns.${id}.choices.${c.id}: choice id used twice`);
      seen.add(c.id);
      if (!rp.turns[c.next]) problems.push(`turns.${id}.choices.${c.id}.next: turn "${c.next}" does not exist`);
      if (c.quality === 'good' && !c.skill)
        problems.push(`turns.${id}.choices.${c.id}.skill: a good response names the skill it shows`);
      if (c.quality !== 'good' && !c.error)
        problems.push(`turns.${id}.choices.${c.id}.error: a ${c.quality} response names the listening error it makes`);
    }
  }
  if (problems.length) return problems;

  // Reachability, cycles and path length, by depth-first search from the start.
  const reached = new Set<string>();
  const shortEndings = new Set<string>();
  const visit = (id: string, stack: string[]): void => {
    if (stack.includes(id)) {
      problems.push(`turns.${id}: the conversation loops back to "${id}" (${[...stack, id].join(' -> ')})`);
      return;
    }
    reached.add(id);
    const turn = rp.turns[id];
    if (!turn.choices) {
      const decisions = stack.length;
      if (decisions < 3) shortEndings.add(`${stack.join(' -> ')} -> ${id}`);
      return;
    }
    for (const c of turn.choices) visit(c.next, [...stack, id]);
  };
  if (rp.turns[rp.start]) visit(rp.start, []);
  for (const id of ids) if (!reached.has(id)) problems.push(`turns.${id}: no path from the start reaches this turn`);
  if (shortEndings.size > 1)
    problems.push(`turns: only one path may end before 3 customer turns; these do: ${[...shortEndings].join('; ')}`);
  return problems;
}

/** The language-neutral shape: what must be the same in every language. */
export function structureOf(rp: RolePlay): unknown {
  return {
    lesson: rp.lesson,
    start: rp.start,
    turns: Object.fromEntries(
      Object.entries(rp.turns)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, t]) => [
          id,
          t.choices ? t.choices.map((c) => [c.id, c.quality, c.skill ?? null, c.error ?? null, c.next]) : t.outcome,
        ]),
    ),
  };
}

/** Differences between two language versions' graphs, as field paths. */
export function compareStructure(a: RolePlay, b: RolePlay): string[] {
  const sa = structureOf(a) as { lesson: string; start: string; turns: Record<string, unknown> };
  const sb = structureOf(b) as typeof sa;
  const problems: string[] = [];
  if (sa.lesson !== sb.lesson) problems.push('lesson');
  if (sa.start !== sb.start) problems.push('start');
  for (const id of new Set([...Object.keys(sa.turns), ...Object.keys(sb.turns)])) {
    if (JSON.stringify(sa.turns[id]) !== JSON.stringify(sb.turns[id])) problems.push(`turns.${id}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Playing.

export interface Step {
  turn: string;
  choice: Choice;
}
export interface Walk {
  /** Turns answered, in order */
  steps: Step[];
  /** The turn the learner is at: a decision waiting for an answer, or the ending */
  current: string;
  finished: boolean;
}

/** Follows the saved answers from the start. Answers that do not fit the graph are ignored. */
export function walk(rp: RolePlay, answers: Answers): Walk {
  const steps: Step[] = [];
  let current = rp.start;
  const guard = Object.keys(rp.turns).length + 1;
  for (let i = 0; i < guard; i++) {
    const turn = rp.turns[current];
    if (!turn?.choices) return { steps, current, finished: !!turn };
    const choice = turn.choices.find((c) => c.id === answers[current]);
    if (!choice) return { steps, current, finished: false };
    steps.push({ turn: current, choice });
    current = choice.next;
  }
  return { steps, current, finished: false };
}

/** Score from 0 to 1: good 1, partly right 0.5, poor 0, over the turns answered. */
export function scoreRolePlay(rp: RolePlay, answers: Answers): number {
  const { steps } = walk(rp, answers);
  if (!steps.length) return 0;
  return steps.reduce((sum, s) => sum + POINTS[s.choice.quality], 0) / steps.length;
}

export interface ErrorPlace {
  /** 1 for the first customer turn */
  n: number;
  turn: string;
  choice: string;
  /** The customer's line the learner answered */
  says: string;
  /** The learner's answer */
  said: string;
}

export interface RolePlaySummary {
  score: number;
  outcome: Outcome | null;
  ending: string | null;
  /**
   * Each listening error made, once, in the order first made, with every place it was made: the
   * turn's number as the learner saw it ("Customer turn 2"), what the customer said and what the
   * learner answered. Grouped, so an error made three times reads as one point with three places,
   * not as the same line three times with nothing to tell them apart (issue 13).
   */
  errors: { error: ListeningError; at: ErrorPlace[] }[];
  /** Each skill shown, once */
  skills: Skill[];
}

export function summarizeRolePlay(rp: RolePlay, answers: Answers): RolePlaySummary {
  const w = walk(rp, answers);
  const end = w.finished ? (rp.turns[w.current] as EndTurn) : null;
  const errors: RolePlaySummary['errors'] = [];
  w.steps.forEach(({ turn, choice }, i) => {
    if (!choice.error) return;
    const at = { n: i + 1, turn, choice: choice.id, says: rp.turns[turn].says, said: choice.text };
    const known = errors.find((e) => e.error === choice.error);
    if (known) known.at.push(at);
    else errors.push({ error: choice.error, at: [at] });
  });
  return {
    score: scoreRolePlay(rp, answers),
    outcome: end?.outcome ?? null,
    ending: end ? w.current : null,
    errors,
    skills: [
      ...new Set(w.steps.filter((s) => s.choice.quality === 'good' && s.choice.skill).map((s) => s.choice.skill!)),
    ],
  };
}

/** Answers as saved in the progress store (unknown values from storage), made safe to use. */
export function answersFrom(saved: Record<string, unknown> | undefined): Answers {
  const out: Answers = {};
  for (const [k, v] of Object.entries(saved ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Listening: which of the browser's voices may speak a language.

export interface VoiceLike {
  lang: string;
  name: string;
  default?: boolean;
}

/**
 * The voice to use for a page language, or null. Never a voice of another language: Malay is not
 * spoken by an Indonesian voice, and Chinese (Mandarin, zh-CN) not by a Cantonese one.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], tag: string): V | null {
  const norm = (l: string) => l.toLowerCase().replace('_', '-');
  const want = norm(tag);
  const primary = want.split('-')[0];
  const exact = voices.filter((v) => norm(v.lang) === want);
  if (exact.length) return exact.find((v) => v.default) ?? exact[0];
  const mandarin = (l: string) => /^(zh|cmn)(-(cn|hans|hans-cn|sg|tw|hant-tw))?$/.test(l) || l === 'zh';
  const same = voices.filter((v) => {
    const l = norm(v.lang);
    if (primary === 'zh') return mandarin(l) && !/hk|yue|mo/.test(l);
    return l === primary || l.startsWith(`${primary}-`);
  });
  if (!same.length) return null;
  // Prefer mainland Mandarin for zh-CN.
  return same.find((v) => /cn|hans/.test(norm(v.lang))) ?? same[0];
}
