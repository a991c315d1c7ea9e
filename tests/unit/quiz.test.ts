import { describe, expect, it } from 'vitest';
import {
  answerKey,
  cardState,
  currentItem,
  gradeAnswer,
  isSorted,
  nextQuestion,
  placementsFrom,
  scoreQuiz,
  scoreSort,
  RELATIONSHIP_TYPES,
  type Card,
  type Question,
  type QuizItem,
} from '../../src/lib/quiz';

const typeQuestion = (correct: string): Question => ({
  id: 'current',
  label: 'Type now?',
  correct,
  ordered: true,
  options: RELATIONSHIP_TYPES.map((t) => ({ id: t, text: t, feedback: `about ${t}` })),
});
const reasonQuestion: Question = {
  id: 'reason',
  label: 'Why?',
  correct: 'b',
  ordered: false,
  options: ['a', 'b', 'c'].map((id) => ({ id, text: id, feedback: `reason ${id}` })),
};

describe('gradeAnswer', () => {
  const q = typeQuestion('preferred-supplier');
  it('right, near miss one step either way, and wrong', () => {
    expect(gradeAnswer(q, 'preferred-supplier')).toEqual({
      verdict: 'right',
      credit: 1,
      feedback: 'about preferred-supplier',
    });
    expect(gradeAnswer(q, 'partnership')).toEqual({
      verdict: 'near',
      credit: 0.5,
      direction: 'higher',
      feedback: 'about partnership',
    });
    expect(gradeAnswer(q, 'buyer-seller')).toEqual({
      verdict: 'near',
      credit: 0.5,
      direction: 'lower',
      feedback: 'about buyer-seller',
    });
    expect(gradeAnswer(q, 'strategic-alliance')).toMatchObject({ verdict: 'wrong', credit: 0 });
  });
  it('has no near misses where the options are not ordered, and refuses unknown options', () => {
    expect(gradeAnswer(reasonQuestion, 'a')).toMatchObject({ verdict: 'wrong', credit: 0 });
    expect(gradeAnswer(q, 'made-up')).toEqual({ verdict: 'wrong', credit: 0, feedback: '' });
  });
});

describe('question sets', () => {
  const items: QuizItem[] = [
    { id: 's1', prompt: 'p1', questions: [typeQuestion('buyer-seller'), reasonQuestion] },
    { id: 's2', prompt: 'p2', questions: [typeQuestion('partnership')] },
  ];
  it('walks item by item, question by question', () => {
    expect(currentItem(items, {})?.id).toBe('s1');
    expect(nextQuestion(items[0], { [answerKey('s1', 'current')]: 'buyer-seller' })?.id).toBe('reason');
    const answers = { 's1/current': 'buyer-seller', 's1/reason': 'b' };
    expect(currentItem(items, answers)?.id).toBe('s2');
    expect(currentItem(items, { ...answers, 's2/current': 'x' })).toBeNull();
  });
  it('scores over all questions, a near miss as half', () => {
    expect(scoreQuiz(items, {})).toBe(0);
    expect(scoreQuiz(items, { 's1/current': 'buyer-seller', 's1/reason': 'b', 's2/current': 'partnership' })).toBe(1);
    expect(
      scoreQuiz(items, { 's1/current': 'preferred-supplier', 's1/reason': 'a', 's2/current': 'partnership' }),
    ).toBeCloseTo(1.5 / 3);
  });
});

describe('categorisation', () => {
  const cards: Card[] = [
    { id: 'c1', text: 'Conversion rate', category: 'sales', feedback: '' },
    { id: 'c2', text: 'CSAT', category: 'service', feedback: '' },
  ];
  it('lets wrong cards be retried, and scores first tries', () => {
    const placements = { c1: ['service', 'sales'], c2: ['service'] };
    expect(cardState(cards[0], {})).toBe('open');
    expect(cardState(cards[0], { c1: ['service'] })).toBe('wrong');
    expect(cardState(cards[0], placements)).toBe('right');
    expect(isSorted(cards, placements)).toBe(true);
    expect(scoreSort(cards, placements)).toBe(0.5);
  });
  it('reads saved placements defensively', () => {
    expect(placementsFrom({ c1: ['sales'], c2: 'service', c3: [1], c4: [] })).toEqual({ c1: ['sales'], c4: [] });
  });
});
