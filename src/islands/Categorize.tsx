/**
 * Sorting (sales or service) and matching (the four elements): pick a card, then a category, with
 * buttons, so it works the same by keyboard, mouse and touch. A wrong card stays in the pile to be
 * tried again; the score counts first tries (src/lib/quiz.ts). Words come as props.
 */
import { ProgressBound, fill } from './ProgressBound';
import { cardState, isSorted, placementsFrom, scoreSort, type Card } from '../lib/quiz';
import { Restart } from './Restart';
import type { UiStrings } from '../i18n/strings';
import { answerExercise, restartExerciseAttempt } from '../stores/exercise';

interface Props {
  id: string;
  kind: 'sort' | 'match';
  title: string;
  intro: string;
  categories: { id: string; label: string }[];
  cards: Card[];
  s: UiStrings['quiz'];
}
interface State {
  ready: boolean;
  selected: string | null;
  /** The card just placed, whose feedback is showing */
  last: string | null;
}

export default class Categorize extends ProgressBound<Props, State> {
  state: State = { ready: false, selected: null, last: null };

  render({ id, kind, title, intro, categories, cards, s }: Props, { selected, last }: State) {
    const progress = this.progress();
    const saved = progress.exercises[id];
    const placements = placementsFrom(saved?.answers);
    const pile = cards.filter((c) => cardState(c, placements) !== 'right');
    const done = isSorted(cards, placements);
    const current = pile.find((c) => c.id === selected) ?? pile[0];
    const label = (cat: string) => categories.find((c) => c.id === cat)!.label;
    const lastCard = cards.find((c) => c.id === last);

    const place = (category: string) => {
      if (!current) return;
      const tries = [...(placements[current.id] ?? []), category];
      const next = { ...placements, [current.id]: tries };
      const finishing = isSorted(cards, next);
      this.focusNext = 'feedback';
      this.setState({ last: current.id, selected: null });
      answerExercise(id, current.id, tries, undefined, finishing ? scoreSort(cards, next) : undefined);
    };
    const again = () => {
      this.focusNext = 'pile';
      this.setState({ last: null, selected: null });
      restartExerciseAttempt(id);
    };
    const onward = () => {
      this.focusNext = 'pile';
      this.setState({ last: null });
    };

    return (
      <section
        class={`exercise categorize categorize--${kind}`}
        data-exercise-kind={kind}
        data-exercise-id={id}
        aria-labelledby={`${id}-title`}
      >
        <p class="exercise__kind">{s[`kind-${kind}`]}</p>
        <h3 id={`${id}-title`}>{title}</h3>
        <p>{intro}</p>

        <div aria-live="polite">
          {lastCard && (
            <div
              class={`feedback feedback--${cardState(lastCard, placements) === 'right' ? 'good' : 'poor'}`}
              ref={this.ref('feedback')}
              tabIndex={-1}
            >
              <p>
                <strong>{lastCard.text}</strong>
              </p>
              {cardState(lastCard, placements) === 'right' ? (
                <>
                  <p class="feedback__verdict">
                    <span aria-hidden="true">✓ </span>
                    {fill(s.placedRight, { category: label(lastCard.category) })}
                  </p>
                  <p>{lastCard.feedback}</p>
                </>
              ) : (
                <p class="feedback__verdict">
                  <span aria-hidden="true">✗ </span>
                  {fill(s.placedWrong, { category: label(placements[lastCard.id].at(-1)!) })}
                </p>
              )}
              {!done && (
                <button type="button" class="button button--small" onClick={onward}>
                  {s.next}
                </button>
              )}
            </div>
          )}
        </div>

        {!done && current && (
          <div class="categorize__work">
            <p class="meta">{fill(s.cardsLeft, { n: pile.length })}</p>
            <fieldset class="categorize__targets">
              <legend>
                {s.place} <strong>{current.text}</strong>
              </legend>
              {categories.map((cat) => (
                <button type="button" class="button category-button" key={cat.id} onClick={() => place(cat.id)}>
                  {cat.label}
                </button>
              ))}
            </fieldset>
            <ul class="categorize__pile" ref={this.ref('pile')}>
              {pile.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    class="card-button"
                    aria-pressed={c.id === current.id ? 'true' : 'false'}
                    onClick={() => this.setState({ selected: c.id })}
                  >
                    {cardState(c, placements) === 'wrong' && (
                      <span class="badge badge--poor">
                        <span aria-hidden="true">✗ </span>
                        {s.retry}
                      </span>
                    )}{' '}
                    {c.text}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}

        <div class="categorize__columns">
          {categories.map((cat) => {
            const inside = cards.filter((c) => cardState(c, placements) === 'right' && c.category === cat.id);
            return (
              <section class="categorize__column" key={cat.id} aria-label={fill(s.inColumn, { category: cat.label })}>
                <h4>
                  {cat.label} <span class="meta">{fill(s.categoryCount, { count: inside.length })}</span>
                </h4>
                <ul>
                  {inside.map((c) => (
                    <li key={c.id}>
                      <span aria-hidden="true">✓ </span>
                      {c.text}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>

        {done && (
          <div class="quiz__results" data-testid="quiz-results">
            <p>
              <strong>{s.done}</strong> {fill(s.score, { score: Math.round(scoreSort(cards, placements) * 100) })}
            </p>
            {saved && saved.attempts > 0 && (
              <p class="meta">{fill(s.attempts, { n: saved.attempts, best: Math.round((saved.best ?? 0) * 100) })}</p>
            )}
          </div>
        )}
        {Object.keys(placements).length > 0 && <Restart id={id} ask={!done} main={done} s={s} restart={again} />}
      </section>
    );
  }
}
