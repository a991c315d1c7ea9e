/**
 * "Save this assignment for offline use" on My training: renders a saver (src/stores/offline.ts):
 * the size first, then "x of y" with a progress bar, then done or why it failed. The course home
 * has the same steps without Preact (src/scripts/offline-save.ts).
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { fill } from '../lib/format';
import { formatBytes } from '../lib/offline';
import { createSaver, offlineSupported } from '../stores/offline';
import type { UiStrings } from '../i18n/strings';

interface Props {
  /** BCP-47 tag for the size ('zh-CN') */
  lang: string;
  /** The language whose pages are saved: the one the assignment's lessons open in */
  locale: string;
  lessons: readonly string[];
  o: UiStrings['offline'];
}

export default function OfflineSave({ lang, locale, lessons, o }: Props) {
  const saver = useMemo(createSaver, []);
  const state = useStore(saver.$state);
  // Known only in the browser: the server's copy of the page has no button, the browser adds it.
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported(offlineSupported()), []);
  if (!supported) return null;
  const size = (bytes: number) => formatBytes(bytes, lang);
  const status =
    state.phase === 'sizing'
      ? o.sizing
      : state.phase === 'done'
        ? o.done
        : state.phase === 'failed'
          ? state.reason === 'quota'
            ? fill(o.failedQuota, { size: size(state.bytes) })
            : state.reason === 'network'
              ? o.failedNetwork
              : state.reason === 'unsupported'
                ? o.unsupported
                : o.failedOther
          : '';
  return (
    <div class="offline-save" data-testid="offline-save">
      {(state.phase === 'idle' || state.phase === 'done' || state.phase === 'failed') && (
        <p>
          <button
            type="button"
            class="button button--quiet button--small"
            onClick={() => void saver.prepare(locale, lessons)}
          >
            {o.saveAssignment}
          </button>
        </p>
      )}
      {state.phase === 'ready' && (
        <div>
          <p>{fill(o.size, { size: size(state.plan.bytes) })}</p>
          <p class="button-row">
            <button type="button" class="button button--small" onClick={() => void saver.save()}>
              {fill(o.download, { size: size(state.plan.bytes) })}
            </button>
            <button type="button" class="button button--quiet button--small" onClick={saver.cancel}>
              {o.cancel}
            </button>
          </p>
        </div>
      )}
      {state.phase === 'saving' && (
        <p class="offline-save__progress">
          <progress max={state.plan.urls.length} value={state.done} aria-label={o.progressLabel} />{' '}
          <span>{fill(o.progress, { done: state.done, total: state.plan.urls.length })}</span>
        </p>
      )}
      <p
        role="status"
        class={state.phase === 'failed' ? 'offline-save__status offline-save__status--bad' : 'offline-save__status'}
      >
        {status}
      </p>
    </div>
  );
}
