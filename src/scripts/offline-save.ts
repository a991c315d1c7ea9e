/**
 * The course home's "Save the course for offline use": renders a saver (src/stores/offline.ts)
 * into src/components/OfflineSave.astro. Loaded (./load-script.ts) on the first click, or when the
 * page opens if this language has a save on the device (./home.ts), so the home page's budget does
 * not carry it; it starts itself: saving when pressed, else checking whether the course is saved
 * (then it says so, and the button saves again, to update). All words come from the page.
 */
import { fill } from '../lib/fill';
import { formatBytes } from '../lib/offline';
import { createSaver, type SaveState } from '../stores/offline';

function start(root: HTMLElement): void {
  const saver = createSaver();
  const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-offline-${name}]`)!;
  const size = (bytes: number) => formatBytes(bytes, document.documentElement.lang);
  const d = root.dataset;
  const startButton = part('start');
  const saveLabel = startButton.textContent!.trim();
  /** The learner pressed a button here: only then does focus move (never for what a check found). */
  let acted = 'pressed' in d;
  /** Saved once (found so, or just done): the button saves again, to update. */
  let onDevice = false;
  const render = (state: SaveState) => {
    const idle = state.phase !== 'ready' && state.phase !== 'saving';
    part('start-row').hidden = !idle;
    part('ready').hidden = state.phase !== 'ready';
    part('progress').hidden = state.phase !== 'saving';
    if (state.phase === 'saved' || state.phase === 'done') onDevice = true;
    startButton.textContent = onDevice ? d.saveAgain! : saveLabel;
    if (state.phase === 'ready') {
      const text = part('size');
      text.textContent = fill(text.dataset.template!, { size: size(state.plan.bytes) });
      const confirm = part('confirm');
      confirm.textContent = fill(confirm.dataset.template!, { size: size(state.plan.bytes) });
    }
    if (state.phase === 'saving') {
      const bar = part('progress').querySelector('progress')!;
      bar.max = state.plan.urls.length;
      bar.value = state.done;
      const label = part('progress').querySelector<HTMLElement>('[data-template]')!;
      label.textContent = fill(label.dataset.template!, { done: state.done, total: state.plan.urls.length });
    }
    const status = part('status');
    status.classList.toggle('offline-save__status--bad', state.phase === 'failed');
    status.textContent =
      state.phase === 'sizing'
        ? d.sizing!
        : state.phase === 'saved'
          ? d.saved!
          : state.phase === 'done'
            ? d.done!
            : state.phase === 'failed'
              ? fill(d[`failed${state.reason[0].toUpperCase()}${state.reason.slice(1)}`]!, { size: size(state.bytes) })
              : '';
    // The button pressed is hidden and replaced (by the size, the progress line, then the button
    // again): focus goes to what replaced it, and ends on the button, which stays, while the
    // status line says how it went. Not if the learner has moved on elsewhere meanwhile.
    const active = document.activeElement;
    if (acted && (!active || active === document.body || root.contains(active))) {
      const target =
        state.phase === 'ready' ? part('confirm') : state.phase === 'saving' ? part('progress') : startButton;
      if (target !== active) target.focus();
    }
  };
  saver.$state.subscribe(render);
  startButton.addEventListener('click', () => {
    acted = true;
    void saver.prepare(d.locale!, null);
  });
  part('confirm').addEventListener('click', () => void saver.save());
  part('cancel').addEventListener('click', saver.cancel);
  // Loaded by a press (./home.ts marks it): that press asked for the size. Else, loaded to check.
  void (acted ? saver.prepare(d.locale!, null) : saver.check(d.locale!, null));
}

const root = document.querySelector<HTMLElement>('[data-offline-save]');
if (root) start(root);
