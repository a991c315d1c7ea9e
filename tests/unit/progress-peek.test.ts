/**
 * The look into stored progress that decides whether a lesson island loads at once (client:answered,
 * src/scripts/client-answered.ts): answers saved for this exercise, and never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsAnswers, PROGRESS_KEY } from '../../src/lib/progress-peek';
import { emptyProgress, loadProgress } from '../../src/lib/progress';
import { finishAttempt, restartExercise, saveAnswer } from '../../src/lib/exercise-progress';
import { STORAGE_KEY } from '../../src/stores/progress';

const stored = (v: unknown) => () => JSON.stringify(v);
const AT = Date.UTC(2026, 2, 14, 10);

describe('holdsAnswers', () => {
  it('reads the key the progress store writes', () => {
    expect(PROGRESS_KEY).toBe(STORAGE_KEY);
  });

  it('answers yes for an exercise with answers in its current attempt, and only for it', () => {
    const p = saveAnswer(emptyProgress(), 'which-approach-fits', 'a1/approach', 'relationship', 'a1/approach', AT);
    expect(holdsAnswers(stored(p), 'which-approach-fits')).toBe(true);
    expect(holdsAnswers(stored(p), 'relationship-scenarios')).toBe(false);
    // A finished attempt keeps its answers for the summary (and for print).
    expect(holdsAnswers(stored(finishAttempt(p, 'which-approach-fits', 1, AT)), 'which-approach-fits')).toBe(true);
  });

  it('answers no for an attempt just restarted: nothing to show but the start', () => {
    const p = saveAnswer(emptyProgress(), 'hammer-price', 't1', 'b', 't1', AT);
    expect(holdsAnswers(stored(restartExercise(p, 'hammer-price', AT)), 'hammer-price')).toBe(false);
  });

  it('answers no, never throws, for nothing stored, damage, wrong shapes and refused storage', () => {
    const id = 'which-approach-fits';
    const damaged = [
      null,
      '',
      'null',
      '[]',
      '42',
      '"text"',
      '{"version":2',
      '{"version":2,"lessons":{},"exercises":{"which-approach-fits":{"attempts":0,"answers":{"a1/appr',
      '{"version":2}',
      '{"version":2,"exercises":null}',
      '{"version":2,"exercises":[]}',
      '{"version":2,"exercises":{"which-approach-fits":null}}',
      '{"version":2,"exercises":{"which-approach-fits":{"answers":null}}}',
      '{"version":2,"exercises":{"which-approach-fits":{"answers":7}}}',
      // Version 1 kept scores only (migrated, its exercises have no answers).
      '{"version":1,"scores":{"which-approach-fits":{"best":1,"attempts":2}}}',
    ];
    for (const raw of damaged)
      expect(
        holdsAnswers(() => raw, id),
        String(raw),
      ).toBe(false);
    const refused = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(holdsAnswers(refused, id)).toBe(false);
    // Ids that are names on Object.prototype find nothing there.
    for (const name of ['constructor', 'toString', 'hasOwnProperty'])
      expect(holdsAnswers(stored(emptyProgress()), name)).toBe(false);
  });

  it('never throws on any text, and says yes whenever the store would show answers', () => {
    const ids = ['which-approach-fits', 'hammer-price', 'constructor'];
    const answers = fc.dictionary(fc.constantFrom('a1/approach', 't1', 'card-3'), fc.jsonValue(), { maxKeys: 3 });
    // Entries as the site writes them, and entries with anything missing or of any shape.
    const valid = fc.record({ attempts: fc.nat(3), answers, updated: fc.constant(AT) });
    const sloppy = fc.record(
      { attempts: fc.nat(3), answers: fc.oneof(answers, fc.jsonValue()), updated: fc.constant(AT) },
      { requiredKeys: [] },
    );
    const record = fc.record({
      version: fc.oneof({ weight: 3, arbitrary: fc.constant(2) }, fc.constantFrom(1, 3)),
      lessons: fc.constant({}),
      exercises: fc.oneof(
        { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...ids), fc.oneof(valid, sloppy)) },
        fc.jsonValue(),
      ),
    });
    const text = fc.oneof({ weight: 4, arbitrary: record.map((r) => JSON.stringify(r)) }, fc.string(), fc.json());
    fc.assert(
      fc.property(text, fc.constantFrom(...ids), (raw, id) => {
        const yes = holdsAnswers(() => raw, id);
        const shown = loadProgress(raw, AT).progress.exercises;
        if (Object.hasOwn(shown, id) && Object.keys(shown[id].answers).length > 0) expect(yes).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
