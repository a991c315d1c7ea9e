/**
 * The course home's "Save the course for offline use": renders a saver (src/stores/offline.ts)
 * into src/components/OfflineSave.astro. Loaded on the first click (./load-script.ts), so the home
 * page's budget does not carry it; it starts itself. All words come from the page.
 */
import { fill } from '../lib/fill';
import { formatBytes } from '../lib/offline';
import { createSaver, type SaveState } from '../stores/offline';

function start(root: HTMLElement): void {
  const saver = createSaver();
  const part = <T extends HTMLElement>(name: string) => root.querySelector<T>(`[data-offline-${name}]`)!;
  const size = (bytes: number) => formatBytes(bytes, document.documentElement.lang);
  const render = (state: SaveState) => {
    const idle = state.phase === 'idle' || state.phase === 'done' || state.phase === 'failed';
    part('start-row').hidden = !idle;
    part('ready').hidden = state.phase !== 'ready';
    part('progress').hidden = state.phase !== 'saving';
    if (state.phase === 'ready') {
      const text = part('size');
      text.textContent = fill(text.dataset.template!, { size: size(state.plan.bytes) });
      const confirm = part('confirm');
      confirm.textContent = fill(confirm.dataset.template!, { size: size(state.plan.bytes) });
      confirm.focus();
    }
    if (state.phase === 'saving') {
      const bar = part('progress').querySelector('progress')!;
      bar.max = state.plan.urls.length;
      bar.value = state.done;
      const label = part('progress').querySelector<HTMLElement>('[data-template]')!;
      label.textContent = fill(label.dataset.template!, { done: state.done, total: state.plan.urls.length });
    }
    const status = part('status');
    const d = root.dataset;
    status.classList.toggle('offline-save__status--bad', state.phase === 'failed');
    status.textContent =
      state.phase === 'sizing'
        ? d.sizing!
        : state.phase === 'done'
          ? d.done!
          : state.phase === 'failed'
            ? fill(d[`failed${state.reason[0].toUpperCase()}${state.reason.slice(1)}`]!, { size: size(state.bytes) })
            : '';
    // A button pressed and then hidden would drop focus to the page's top: move it to what replaced it.
    const active = document.activeElement;
    if (active && root.contains(active) && active.closest('[hidden]')) {
      (part('start-row').hidden ? part('progress') : part('start')).focus();
    }
  };
  saver.$state.subscribe(render);
  part('start').addEventListener('click', () => void saver.prepare(root.dataset.locale!, null));
  part('confirm').addEventListener('click', () => void saver.save());
  part('cancel').addEventListener('click', () => {
    saver.cancel();
    part('start').focus();
  });
  void saver.prepare(root.dataset.locale!, null);
}

const root = document.querySelector<HTMLElement>('[data-offline-save]');
if (root) start(root);
