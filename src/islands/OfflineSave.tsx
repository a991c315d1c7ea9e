/**
 * "Save this assignment for offline use" on My training: renders a saver (src/stores/offline.ts):
 * whether it is saved on this device already (checked in the caches when the page opens: then the
 * button saves again, to update), the size first, then "x of y" with a progress bar, then done or
 * why it failed. Focus follows the learner's press to what replaced the button pressed, and ends
 * on the button, which stays; the outcome is said in the status line. The course home has the same
 * steps without Preact (src/scripts/offline-save.ts).
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
  useEffect(() => {
    const ok = offlineSupported();
    setSupported(ok);
    // Once, for the assignment as the page opened.
    if (ok) void saver.check(locale, lessons);
  }, []);
  const box = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const progress = useRef<HTMLParagraphElement>(null);
  /** Set by the learner's first press here: focus is never moved for a state found on load. */
  const acted = useRef(false);
  const onDevice = useRef(false);
  // The button pressed is replaced (by the size, then the progress, then the button again): focus
  // goes to what replaced it, unless the learner has moved on elsewhere meanwhile.
  useEffect(() => {
    const active = document.activeElement;
    if (!acted.current || (active && active !== document.body && !box.current?.contains(active))) return;
    const target = state.phase === 'ready' ? confirm : state.phase === 'saving' ? progress : start;
    if (target.current && target.current !== active) target.current.focus();
  }, [state.phase]);
  if (!supported) return null;
  const size = (bytes: number) => formatBytes(bytes, lang);
  const status =
    state.phase === 'sizing'
      ? o.sizing
      : state.phase === 'saved'
        ? o.saved
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
  // Saved once (found so, or just done): the button saves again, to update, and keeps saying so while it does.
  if (state.phase === 'saved' || state.phase === 'done') onDevice.current = true;
  return (
    <div class="offline-save" data-testid="offline-save" ref={box}>
      {state.phase !== 'ready' && state.phase !== 'saving' && (
        <p>
          <button
            type="button"
            class="button button--quiet button--small"
            ref={start}
            onClick={() => {
              acted.current = true;
              void saver.prepare(locale, lessons);
            }}
          >
            {onDevice.current ? o.saveAgain : o.saveAssignment}
          </button>
        </p>
      )}
      {state.phase === 'ready' && (
        <div>
          <p>{fill(o.size, { size: size(state.plan.bytes) })}</p>
          <p class="button-row">
            <button type="button" class="button button--small" ref={confirm} onClick={() => void saver.save()}>
              {fill(o.download, { size: size(state.plan.bytes) })}
            </button>
            <button type="button" class="button button--quiet button--small" onClick={saver.cancel}>
              {o.cancel}
            </button>
          </p>
        </div>
      )}
      {state.phase === 'saving' && (
        <p class="offline-save__progress" tabIndex={-1} ref={progress}>
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
