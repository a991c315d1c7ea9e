/**
 * A listening/response role-play. It renders the conversation from the saved answers and calls the
 * store's actions; walking, scoring and voice choice are in src/lib/roleplay.ts; every word comes
 * as props from the server in the page's language.
 */
import { ProgressBound, fill } from './ProgressBound';
import {
  answersFrom,
  pickVoice,
  summarizeRolePlay,
  walk,
  type Choice,
  type RolePlay as RolePlayData,
} from '../lib/roleplay';
import { answerExercise, moveInExercise, restartExerciseAttempt } from '../stores/exercise';
import type { UiStrings } from '../i18n/strings';

interface Props {
  id: string;
  /** BCP-47 tag of the page, for speech: 'zh-CN' */
  lang: string;
  data: RolePlayData;
  /** UI strings; {placeholders} are filled here */
  s: UiStrings['roleplay'];
  /** Names and one-line explanations of the listening errors and skills, in the page's language (keyed by the ids src/lib/roleplay.ts knows) */
  errors: UiStrings['listeningErrors'];
  skills: UiStrings['skills'];
}

const MARK = { good: '✓', ok: '≈', poor: '✗' } as const;
type SpeechState = 'idle' | 'no-voice' | 'unsupported';

interface State {
  /** False until mounted: the first render matches the server's (no saved progress there). */
  ready: boolean;
  listening: boolean;
  revealed: string | null;
  slow: boolean;
  speech: SpeechState;
}

export default class RolePlay extends ProgressBound<Props, State> {
  state: State = { ready: false, listening: false, revealed: null, slow: false, speech: 'idle' };

  render({ id, lang, data, s, errors, skills }: Props, { listening, revealed, slow, speech }: State) {
    const progress = this.progress();
    const saved = progress.exercises[id];
    const answers = answersFrom(saved?.answers);
    const w = walk(data, answers);
    const onPath = [...w.steps.map((st) => st.turn), w.current];
    // The turn on screen: where the learner was (showing its feedback), else the next one to answer.
    const shown = saved?.position && onPath.includes(saved.position) ? saved.position : w.current;
    const turn = data.turns[shown];
    const answered = answers[shown] && turn.choices ? turn.choices.find((c) => c.id === answers[shown]) : undefined;
    const number = onPath.indexOf(shown) + 1;
    const textVisible = !listening || speech !== 'idle' || revealed === shown || !!answered || !turn.choices;
    const summary = !turn.choices ? summarizeRolePlay(data, answers) : null;

    const listen = () => {
      const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
      if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return this.setState({ speech: 'unsupported' });
      const go = () => {
        const voice = pickVoice(synth.getVoices(), lang);
        if (!voice) return this.setState({ speech: 'no-voice' });
        const u = new SpeechSynthesisUtterance(turn.says);
        u.lang = voice.lang;
        u.voice = voice;
        u.rate = slow ? 0.7 : 1;
        synth.cancel();
        synth.speak(u);
      };
      // Voices load asynchronously in some browsers: wait briefly for them once.
      if (synth.getVoices().length) go();
      else {
        let done = false;
        const once = () => {
          if (!done) {
            done = true;
            go();
          }
        };
        synth.addEventListener?.('voiceschanged', once, { once: true });
        setTimeout(once, 800);
      }
    };

    const choose = (c: Choice) => {
      const ending = !data.turns[c.next].choices;
      const finalScore = ending ? summarizeRolePlay(data, { ...answers, [shown]: c.id }).score : undefined;
      this.focusNext = 'feedback';
      answerExercise(id, shown, c.id, shown, finalScore);
    };

    const next = () => {
      if (!answered) return;
      this.focusNext = 'turn';
      moveInExercise(id, answered.next);
    };

    const again = () => {
      this.focusNext = 'turn';
      this.setState({ revealed: null });
      restartExerciseAttempt(id);
    };

    const history = w.steps.filter((st) => st.turn !== shown);
    return (
      <section
        class="exercise roleplay"
        data-exercise-kind="roleplay"
        data-exercise-id={id}
        aria-labelledby={`${id}-title`}
      >
        <p class="exercise__kind">{s.kind}</p>
        <h3 id={`${id}-title`}>{data.title}</h3>
        <dl class="roleplay__customer">
          <dt>{s.customer}</dt>
          <dd>{fill(s.customerLine, data.customer)}</dd>
          <dt>{s.wants}</dt>
          <dd>{data.customer.wants}</dd>
        </dl>
        <p>{data.intro}</p>

        <div class="roleplay__listen">
          <label>
            <input
              type="checkbox"
              checked={listening}
              onChange={(e) => this.setState({ listening: (e.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {s.listenMode}
          </label>
          <label>
            <input
              type="checkbox"
              checked={slow}
              onChange={(e) => this.setState({ slow: (e.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {s.slower}
          </label>
        </div>
        {speech !== 'idle' && (
          <p class="roleplay__note" role="note">
            {speech === 'unsupported' ? s.noSpeech : s.noVoice}
          </p>
        )}

        {history.length > 0 && (
          <details class="roleplay__history">
            <summary>{s.history}</summary>
            <ol>
              {history.map((st) => (
                <li key={st.turn}>
                  <p>
                    <strong>{fill(s.says, { name: data.customer.name })}</strong> {data.turns[st.turn].says}
                  </p>
                  <p>
                    <strong>{s.youSaid}</strong> {st.choice.text}{' '}
                    <span class={`q q--${st.choice.quality}`}>
                      {MARK[st.choice.quality]} {s[st.choice.quality]}
                    </span>
                  </p>
                </li>
              ))}
            </ol>
          </details>
        )}

        <div class="roleplay__turn">
          <h4 ref={this.ref('turn')} tabIndex={-1}>
            {turn.choices ? fill(s.turnLabel, { n: number }) : s.summaryHeading}
          </h4>
          <blockquote class="roleplay__says" lang={lang}>
            <p class="roleplay__who">{fill(s.says, { name: data.customer.name })}</p>
            {textVisible ? <p data-testid="customer-line">{turn.says}</p> : <p class="meta">{s.hidden}</p>}
            {turn.choices && (
              <p class="button-row">
                <button type="button" class="button button--small" onClick={listen}>
                  {s.listen}
                </button>
                {!textVisible && (
                  <button
                    type="button"
                    class="button button--small button--quiet"
                    onClick={() => this.setState({ revealed: shown })}
                  >
                    {s.showText}
                  </button>
                )}
              </p>
            )}
          </blockquote>

          {turn.choices && !answered && (
            <fieldset class="roleplay__choices">
              <legend>{s.yourResponse}</legend>
              {turn.choices.map((c) => (
                <button type="button" class="choice" key={c.id} onClick={() => choose(c)}>
                  {c.text}
                </button>
              ))}
            </fieldset>
          )}

          <div aria-live="polite" class="roleplay__live">
            {answered && (
              <div class={`feedback feedback--${answered.quality}`} ref={this.ref('feedback')} tabIndex={-1}>
                <p>
                  <strong>{s.youSaid}</strong> {answered.text}
                </p>
                <p class="feedback__verdict">
                  <span aria-hidden="true">{MARK[answered.quality]} </span>
                  {s[answered.quality]}
                </p>
                {answered.error && (
                  <p>
                    <strong>{s.errorMade}</strong> {errors[answered.error].name}
                  </p>
                )}
                {answered.skill && (
                  <p>
                    <strong>{s.skillShown}</strong> {skills[answered.skill]}
                  </p>
                )}
                <p>{answered.feedback}</p>
                <button type="button" class="button" onClick={next}>
                  {data.turns[answered.next].choices ? s.continue : s.toSummary}
                </button>
              </div>
            )}
          </div>

          {summary && (
            <div class="roleplay__summary" data-testid="roleplay-summary">
              {/* An end turn always has an outcome; the guard only tells the type check there is no 'outcome-null' string. */}
              <p class="roleplay__score">
                <strong>{fill(s.score, { score: Math.round(summary.score * 100) })}</strong> ·{' '}
                {summary.outcome && s[`outcome-${summary.outcome}`]}
              </p>
              <h5>{s.errorsHeading}</h5>
              {summary.errors.length ? (
                <ul>
                  {summary.errors.map((e) => (
                    <li key={e.error}>
                      <strong>{errors[e.error].name}</strong>
                      <br />
                      {errors[e.error].line}
                      {/* Where it happened: each turn's number, the customer's line and the answer (a line break in the string). */}
                      <ul class="roleplay__where">
                        {e.at.map((a) => (
                          <li key={a.n}>{fill(s.errorAt, { ...a, name: data.customer.name })}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{s.noErrors}</p>
              )}
              <h5>{s.skillsHeading}</h5>
              {summary.skills.length ? (
                <ul>
                  {summary.skills.map((k) => (
                    <li key={k}>{skills[k]}</li>
                  ))}
                </ul>
              ) : (
                <p>{s.noSkills}</p>
              )}
              {saved && saved.attempts > 0 && (
                <p class="meta">{fill(s.attempts, { n: saved.attempts, best: Math.round((saved.best ?? 0) * 100) })}</p>
              )}
              <button type="button" class="button" onClick={again}>
                {s.tryAgain}
              </button>
            </div>
          )}
        </div>
      </section>
    );
  }
}
