/**
 * Scenario and "which approach fits" exercises: items asked one question at a time, each answer
 * followed by its own feedback (a near miss says which way it is off). It renders the saved answers
 * and calls the store's actions; grading lives in src/lib/quiz.ts; words come as props.
 */
import { ProgressBound, fill } from './ProgressBound';
import { answerKey, currentItem, gradeAnswer, nextQuestion, scoreQuiz, type QuizItem } from '../lib/quiz';
import { Restart } from './Restart';
import type { UiStrings } from '../i18n/strings';
import { answerExercise, moveInExercise, restartExerciseAttempt } from '../stores/exercise';

interface Props {
  id: string;
  kind: 'scenario' | 'approach';
  title: string;
  intro: string;
  items: QuizItem[];
  s: UiStrings['quiz'];
}

const MARK = { right: '✓', near: '≈', wrong: '✗' } as const;

export default class QuestionSet extends ProgressBound<Props, { ready: boolean }> {
  state = { ready: false };

  render({ id, kind, title, intro, items, s }: Props) {
    const progress = this.progress();
    const saved = progress.exercises[id];
    const answers: Record<string, string> = {};
    for (const [k, v] of Object.entries(saved?.answers ?? {})) if (typeof v === 'string') answers[k] = v;

    // The question on screen: the one just answered (showing its feedback), else the next one.
    const [posItem, posQuestion] = (saved?.position ?? '').split('/');
    const shownItem =
      items.find((i) => i.id === posItem && answers[answerKey(i.id, posQuestion)] !== undefined) ??
      currentItem(items, answers);
    const answeredQ =
      shownItem && shownItem.id === posItem ? shownItem.questions.find((q) => q.id === posQuestion) : undefined;
    const question = answeredQ ?? (shownItem ? nextQuestion(shownItem, answers) : null);
    const finished = !shownItem;
    const score = scoreQuiz(items, answers);
    const printed = items.filter(
      (it) => it !== shownItem && it.questions.some((q) => answers[answerKey(it.id, q.id)] !== undefined),
    );

    const choose = (optionId: string) => {
      if (!shownItem || !question) return;
      const next = { ...answers, [answerKey(shownItem.id, question.id)]: optionId };
      const last = !currentItem(items, next);
      this.focusNext = 'feedback';
      answerExercise(
        id,
        answerKey(shownItem.id, question.id),
        optionId,
        answerKey(shownItem.id, question.id),
        last ? scoreQuiz(items, next) : undefined,
      );
    };
    const next = () => {
      this.focusNext = 'question';
      moveInExercise(id, undefined);
    };
    const again = () => {
      this.focusNext = 'question';
      restartExerciseAttempt(id);
    };

    const given = shownItem && question ? answers[answerKey(shownItem.id, question.id)] : undefined;
    const grade = question && given !== undefined ? gradeAnswer(question, given) : null;
    const moreAfter = shownItem && question && given !== undefined && !!currentItem(items, answers);

    return (
      <section class="exercise quiz" data-exercise-kind={kind} data-exercise-id={id} aria-labelledby={`${id}-title`}>
        <p class="exercise__kind">{s[`kind-${kind}`]}</p>
        <h3 id={`${id}-title`}>{title}</h3>
        <p>{intro}</p>
        {/* Printed only (global.css): the items answered before the one on screen, with the learner's
            answers, so a printed lesson shows the whole attempt; the screen shows one item at a time. */}
        {printed.length > 0 && (
          <ol class="print-only quiz__print">
            {printed.map((it) => (
              <li key={it.id}>
                <p class="quiz__print-prompt">{it.prompt}</p>
                {it.questions
                  .filter((q) => answers[answerKey(it.id, q.id)] !== undefined)
                  .map((q) => {
                    const given = answers[answerKey(it.id, q.id)];
                    const g = gradeAnswer(q, given);
                    return (
                      <p key={q.id}>
                        {q.label} <strong>{q.options.find((o) => o.id === given)?.text}</strong>{' '}
                        <span class={`q q--${g.verdict}`}>
                          {MARK[g.verdict]} {s[g.verdict]}
                        </span>
                      </p>
                    );
                  })}
              </li>
            ))}
          </ol>
        )}
        {shownItem && question && (
          <div class="quiz__item">
            <p class="meta">{fill(s.situation, { n: items.indexOf(shownItem) + 1, total: items.length })}</p>
            <p class="quiz__prompt">{shownItem.prompt}</p>
            {shownItem.questions
              .filter((q) => q !== question && answers[answerKey(shownItem.id, q.id)] !== undefined)
              .map((q) => {
                const g = gradeAnswer(q, answers[answerKey(shownItem.id, q.id)]);
                return (
                  <p class="quiz__earlier" key={q.id}>
                    {q.label}{' '}
                    <strong>{q.options.find((o) => o.id === answers[answerKey(shownItem.id, q.id)])?.text}</strong>{' '}
                    <span class={`q q--${g.verdict}`}>
                      {MARK[g.verdict]} {s[g.verdict]}
                    </span>
                  </p>
                );
              })}
            <h4 ref={this.ref('question')} tabIndex={-1}>
              {question.label}
            </h4>
            {given === undefined ? (
              <fieldset class="quiz__options">
                <legend class="visually-hidden">{question.label}</legend>
                {question.options.map((o) => (
                  <button type="button" class="choice" key={o.id} onClick={() => choose(o.id)}>
                    {o.text}
                  </button>
                ))}
              </fieldset>
            ) : null}
            <div aria-live="polite">
              {grade && (
                <div
                  class={`feedback feedback--${grade.verdict === 'right' ? 'good' : grade.verdict === 'near' ? 'ok' : 'poor'}`}
                  ref={this.ref('feedback')}
                  tabIndex={-1}
                >
                  <p>
                    <strong>{s.yourAnswer}</strong> {question.options.find((o) => o.id === given)?.text}
                  </p>
                  <p class="feedback__verdict">
                    <span aria-hidden="true">{MARK[grade.verdict]} </span>
                    {s[grade.verdict]}
                    {grade.direction && `${s.sep}${s[grade.direction]}`}
                  </p>
                  {grade.verdict !== 'right' && (
                    <p>
                      {fill(s.rightAnswer, { answer: question.options.find((o) => o.id === question.correct)!.text })}
                    </p>
                  )}
                  <p>{grade.feedback}</p>
                  <button type="button" class="button" onClick={next}>
                    {moreAfter ? s.next : s.toResults}
                  </button>
                </div>
              )}
            </div>
          </div>
        )}
        {finished && (
          <div class="quiz__results" data-testid="quiz-results">
            <h4 ref={this.ref('question')} tabIndex={-1}>
              {s.done}
            </h4>
            <p class="roleplay__score">
              <strong>{fill(s.score, { score: Math.round(score * 100) })}</strong>
            </p>
            {saved && saved.attempts > 0 && (
              <p class="meta">{fill(s.attempts, { n: saved.attempts, best: Math.round((saved.best ?? 0) * 100) })}</p>
            )}
          </div>
        )}
        {(finished || Object.keys(answers).length > 0) && (
          <Restart id={id} ask={!finished} main={finished} s={s} restart={again} />
        )}
      </section>
    );
  }
}
