/**
 * Scoring and feedback for the scenario, "which approach fits", sorting and matching exercises.
 * Pure functions over plain data: the islands render what these return.
 *
 * Two shapes cover the four kinds:
 *  - a question set (scenario, approach): each item asks one to three questions in turn; where the
 *    options are ordered (the four relationship types; the selling continuum), an answer one step
 *    away is a near miss, scored as partly right and told which way it is off;
 *  - a categorisation (sort, match): each card goes to one category; a wrong card can be retried,
 *    and the score counts the first placement of each card, so retrying teaches without inflating.
 */

export const RELATIONSHIP_TYPES = ['buyer-seller', 'preferred-supplier', 'partnership', 'strategic-alliance'] as const;
export const APPROACHES = ['transactional', 'relationship', 'relationship-oriented'] as const;
export const ELEMENTS = ['contract-bond', 'reciprocity', 'empathy', 'trust'] as const;
export const SORT_COLUMNS = ['sales', 'service'] as const;

export interface Option {
  id: string;
  text: string;
  feedback: string;
}
export interface Question {
  id: string;
  label: string;
  options: Option[];
  correct: string;
  /** The options are ordered (low to high): a neighbour of the right answer is a near miss. */
  ordered: boolean;
}
export interface QuizItem {
  id: string;
  prompt: string;
  questions: Question[];
}

export type Verdict = 'right' | 'near' | 'wrong';
export interface Grade {
  verdict: Verdict;
  credit: number;
  /** For a near miss: is the answer above or below the right one? */
  direction?: 'higher' | 'lower';
  feedback: string;
}

/** Grades one answer to one question. An unknown option is simply wrong. */
export function gradeAnswer(q: Question, optionId: string): Grade {
  const option = q.options.find((o) => o.id === optionId);
  const feedback = option?.feedback ?? '';
  if (optionId === q.correct) return { verdict: 'right', credit: 1, feedback };
  if (q.ordered && option) {
    const diff = q.options.findIndex((o) => o.id === optionId) - q.options.findIndex((o) => o.id === q.correct);
    if (Math.abs(diff) === 1)
      return { verdict: 'near', credit: 0.5, direction: diff > 0 ? 'higher' : 'lower', feedback };
  }
  return { verdict: 'wrong', credit: 0, feedback };
}

/** Answers of a question set: `${itemId}/${questionId}` -> option id. */
export type QuizAnswers = Record<string, string>;
export const answerKey = (item: string, question: string) => `${item}/${question}`;

/** The first question of an item not answered yet, or null when the item is done. */
export function nextQuestion(item: QuizItem, answers: QuizAnswers): Question | null {
  return item.questions.find((q) => answers[answerKey(item.id, q.id)] === undefined) ?? null;
}

/** The first item with an unanswered question, or null when all are done. */
export function currentItem(items: readonly QuizItem[], answers: QuizAnswers): QuizItem | null {
  return items.find((i) => nextQuestion(i, answers)) ?? null;
}

/** Score from 0 to 1 over every question of every item (unanswered count as 0). */
export function scoreQuiz(items: readonly QuizItem[], answers: QuizAnswers): number {
  const questions = items.flatMap((i) => i.questions.map((q) => ({ i, q })));
  if (!questions.length) return 0;
  const total = questions.reduce((sum, { i, q }) => {
    const a = answers[answerKey(i.id, q.id)];
    return sum + (a === undefined ? 0 : gradeAnswer(q, a).credit);
  }, 0);
  return total / questions.length;
}

// ---------------------------------------------------------------------------------------------

export interface Card {
  id: string;
  text: string;
  category: string;
  feedback: string;
}
/** Placements of a categorisation: card id -> the categories chosen, first to last. */
export type Placements = Record<string, string[]>;

export function placementsFrom(saved: Record<string, unknown> | undefined): Placements {
  const out: Placements = {};
  for (const [k, v] of Object.entries(saved ?? {}))
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
  return out;
}

/** Where a card stands: not placed, placed right, or placed wrong (and may be retried). */
export function cardState(card: Card, placements: Placements): 'open' | 'right' | 'wrong' {
  const tries = placements[card.id];
  if (!tries?.length) return 'open';
  return tries[tries.length - 1] === card.category ? 'right' : 'wrong';
}

/** Done when every card sits in its right category. */
export function isSorted(cards: readonly Card[], placements: Placements): boolean {
  return cards.every((c) => cardState(c, placements) === 'right');
}

/** Score from 0 to 1: the cards placed right at the first try. */
export function scoreSort(cards: readonly Card[], placements: Placements): number {
  if (!cards.length) return 0;
  return cards.filter((c) => placements[c.id]?.[0] === c.category).length / cards.length;
}
