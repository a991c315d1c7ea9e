/**
 * What every exercise island shares: it re-renders when the learner's progress changes, its first
 * render matches the server's (no saved progress there, so hydration never mismatches), and focus
 * moves where the conversation goes next (to the feedback, then to the next question).
 *
 * A class subscribed by hand rather than hooks and useStore: it keeps preact/hooks out of lesson
 * pages, which must stay within 16 KB of JavaScript (npm run budget; ESLint enforces the rule).
 */
import { Component, createRef, type RefObject } from 'preact';
import { emptyProgress, type Progress } from '../lib/progress';
import { $progress } from '../stores/progress';

export abstract class ProgressBound<P, S extends { ready: boolean }> extends Component<P, S> {
  /** Name of the ref to focus after the next render */
  protected focusNext: string | null = null;
  private refs: Record<string, RefObject<HTMLElement>> = {};
  private unsubscribe?: () => void;

  /** A ref by name, for `ref={this.ref('feedback')}`; the same object on every render. */
  protected ref<T extends HTMLElement>(name: string): RefObject<T> {
    return (this.refs[name] ??= createRef()) as RefObject<T>;
  }

  /** The learner's progress, or none until mounted (as on the server). */
  protected progress(): Progress {
    return this.state.ready ? $progress.get() : emptyProgress();
  }

  componentDidMount() {
    this.unsubscribe = $progress.listen(() => this.forceUpdate());
    this.setState({ ready: true } as Partial<S> as S);
  }

  componentWillUnmount() {
    this.unsubscribe?.();
  }

  componentDidUpdate() {
    const el = this.focusNext ? this.refs[this.focusNext]?.current : null;
    // A container (a list of cards) hands focus to its first button.
    (el?.hasAttribute('tabindex')
      ? el
      : el?.querySelector<HTMLElement>('button[aria-pressed="true"], button')
    )?.focus();
    this.focusNext = null;
  }
}

export { fill } from '../lib/format';
