/**
 * "Start again" for an exercise. While an attempt is half done (issue 13: one click wiped a trainee's
 * answers), the button first turns into a question in the page, "Discard your answers and start
 * again?", with "Yes, start again" and "Keep my answers"; focus moves to the
 * question, so a screen reader reads it, and back to the button if the answers are kept. The same
 * look and roles as the progress page's reset confirmation. Not window.confirm: it cannot be
 * styled, translated buttons are not possible, and some browsers suppress it.
 */
import { Component, createRef, type RefObject } from 'preact';
import type { UiStrings } from '../i18n/strings';

interface Props {
  /** The exercise's id, for the question's element id */
  id: string;
  /** Ask before restarting (there are answers a restart would discard) */
  ask: boolean;
  /** The main action (a finished exercise) rather than a quiet one */
  main?: boolean;
  s: UiStrings['quiz'];
  restart: () => void;
}

export class Restart extends Component<Props, { asking: boolean }> {
  state = { asking: false };
  // One ref for whichever of the two is on screen: the question, or the button.
  private focus = createRef<HTMLButtonElement>();

  componentDidUpdate(_: Props, before: { asking: boolean }) {
    if (before.asking !== this.state.asking) this.focus.current?.focus();
  }

  render({ id, ask, main, s, restart }: Props, { asking }: { asking: boolean }) {
    return asking && ask ? (
      <div class="reset-confirm" role="alertdialog" aria-labelledby={`${id}-ask`}>
        <p id={`${id}-ask`} ref={this.focus as RefObject<HTMLElement> as RefObject<HTMLParagraphElement>} tabIndex={-1}>
          <strong>{s.restartAsk}</strong>
        </p>
        <p class="button-row">
          <button
            type="button"
            class="button button--danger"
            onClick={() => {
              this.setState({ asking: false });
              restart();
            }}
          >
            {s.restartYes}
          </button>
          <button type="button" class="button button--quiet" onClick={() => this.setState({ asking: false })}>
            {s.restartKeep}
          </button>
        </p>
      </div>
    ) : (
      <p>
        <button
          type="button"
          class={main ? 'button' : 'button button--quiet'}
          ref={this.focus}
          onClick={() => (ask ? this.setState({ asking: true }) : restart())}
        >
          {s.tryAgain}
        </button>
      </p>
    );
  }
}
