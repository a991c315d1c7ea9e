/**
 * The progress page: what the learner has done, with export, import (preview first, then merge)
 * and reset (confirm first). It renders the store and calls its actions; the words arrive as props.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Progress } from '../lib/progress';
import { fill, percent } from '../lib/format';
import { parseImport, type ImportError } from '../lib/progress-file';
import { summarize } from '../lib/progress-summary';
import { lessonDoneAt, lessonState } from '../lib/completion';
import { $progress, resetAllProgress } from '../stores/progress';
import { importProgress } from '../stores/progress-import';
import { formatDate } from './shared';
import type { StringKey, UiStrings } from '../i18n/strings';

export interface PanelLesson {
  id: string;
  title: string;
  href: string;
}
export interface PanelModule {
  id: string;
  title: string;
  lessons: PanelLesson[];
}
export interface PanelExercise {
  id: string;
  title: string;
  lessonId: string;
}

interface Props {
  /** BCP-47 tag for dates: 'zh-CN' */
  lang: string;
  modules: PanelModule[];
  exercises: PanelExercise[];
  /** The progress page's strings, and the export button's label (shared with the banner on every page) */
  s: UiStrings['progressPage'] & Pick<UiStrings['progress'], 'export'>;
}

const IMPORT_ERRORS: Record<ImportError, StringKey<UiStrings['progressPage']>> = {
  'not-json': 'importNotJson',
  'not-progress': 'importNotProgress',
  damaged: 'importDamaged',
  'unknown-version': 'importUnknownVersion',
  'too-large': 'importTooLarge',
};

export default function ProgressPanel({ lang, modules, exercises, s }: Props) {
  const progress = useStore($progress, { ssr: 'initial' } as never) as Progress;
  const [pending, setPending] = useState<{ progress: Progress; exportedAt: string } | null>(null);
  // A message shows where the learner acted (import or reset), not at the top of a long page, and
  // takes focus, so a phone's screen and a screen reader both land on it.
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; at: 'import' | 'reset' } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);
  const [confirmReset, setConfirmReset] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const date = (t: number | string) => formatDate(t, lang);

  const lessonIds = modules.flatMap((m) => m.lessons.map((l) => l.id));
  const exerciseIds = exercises.map((e) => e.id);
  const exercisesOf = (lesson: string) => exercises.filter((e) => e.lessonId === lesson).map((e) => e.id);
  const total = summarize(progress, lessonIds, exerciseIds, exercisesOf);

  async function choose(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setPending(null);
    setMessage(null);
    if (!file) return;
    const result =
      file.size > 2_000_000 ? ({ ok: false, error: 'too-large' } as const) : parseImport(await file.text());
    if (result.ok) setPending({ progress: result.progress, exportedAt: result.exportedAt });
    else setMessage({ kind: 'error', text: s[IMPORT_ERRORS[result.error]], at: 'import' });
  }

  function confirmImport() {
    if (!pending) return;
    importProgress(pending.progress);
    setPending(null);
    setMessage({ kind: 'ok', text: s.importDone, at: 'import' });
    if (fileInput.current) fileInput.current.value = '';
  }

  function cancelImport() {
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  function doReset() {
    resetAllProgress();
    setConfirmReset(false);
    setMessage({ kind: 'ok', text: s.resetDone, at: 'reset' });
  }

  const pendingSummary = pending && summarize(pending.progress, lessonIds, [], exercisesOf);

  return (
    <div class="progress-panel">
      <section aria-labelledby="totals-title" class="progress-totals">
        <h2 id="totals-title" class="visually-hidden">
          {s.title}
        </h2>
        <p data-testid="lessons-total">
          <strong>{fill(s.lessonsTotal, { read: total.lessonsRead, total: total.lessonsTotal })}</strong>
        </p>
        <progress
          max={total.lessonsTotal}
          value={total.lessonsRead}
          aria-label={fill(s.lessonsTotal, { read: total.lessonsRead, total: total.lessonsTotal })}
        />
        {exercises.length > 0 && (
          <p>
            {fill(s.exercisesTotal, { done: total.exercisesDone, total: total.exercisesTotal })}
            {total.averageBest !== undefined && ` · ${fill(s.averageBest, { score: percent(total.averageBest) })}`}
          </p>
        )}
      </section>

      <h2>{s.byModule}</h2>
      {modules.map((m) => {
        const read = m.lessons.filter((l) => lessonDoneAt(progress, l.id, exercisesOf(l.id)) !== undefined).length;
        return (
          <section class="progress-module" aria-labelledby={`pm-${m.id}`} key={m.id}>
            <h3 id={`pm-${m.id}`}>{m.title}</h3>
            <p class="meta">{fill(s.lessonsTotal, { read, total: m.lessons.length })}</p>
            <table class="progress-table">
              <thead>
                <tr>
                  <th scope="col">{s.colLesson}</th>
                  <th scope="col">{s.colStatus}</th>
                </tr>
              </thead>
              <tbody>
                {m.lessons.map((l) => {
                  // The completion rule (src/lib/completion.ts), as on the lesson page.
                  const lp = Object.hasOwn(progress.lessons, l.id) ? progress.lessons[l.id] : undefined;
                  const doneAt = lessonDoneAt(progress, l.id, exercisesOf(l.id));
                  const state = lessonState(progress, l.id, exercisesOf(l.id));
                  const status =
                    doneAt !== undefined
                      ? fill(s.statusRead, { date: date(doneAt) })
                      : lp
                        ? fill(s.statusOpened, { date: date(lp.opened) })
                        : state === 'started'
                          ? s.statusStarted
                          : s.statusNotStarted;
                  return (
                    <tr key={l.id} data-lesson={l.id} data-state={state}>
                      <th scope="row">
                        <a href={l.href}>{l.title}</a>
                      </th>
                      <td>
                        {doneAt !== undefined && (
                          <span aria-hidden="true" class="tick">
                            ✓{' '}
                          </span>
                        )}
                        {status}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}

      <h2>{s.exercisesHeading}</h2>
      {exercises.some((e) => progress.exercises[e.id]) ? (
        <table class="progress-table">
          <thead>
            <tr>
              <th scope="col">{s.colExercise}</th>
              <th scope="col">{s.colAttempts}</th>
              <th scope="col">{s.colBest}</th>
              <th scope="col">{s.colLatest}</th>
            </tr>
          </thead>
          <tbody>
            {exercises
              .filter((e) => progress.exercises[e.id])
              .map((e) => {
                const ep = progress.exercises[e.id];
                return (
                  <tr key={e.id} data-exercise={e.id}>
                    <th scope="row">
                      {e.title}
                      {ep.attempts === 0 && (
                        <>
                          {' '}
                          <span class="badge">{s.inProgress}</span>
                        </>
                      )}
                    </th>
                    <td>{ep.attempts}</td>
                    <td>{percent(ep.best)}</td>
                    <td>{percent(ep.latest)}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      ) : (
        <p>{s.noExercises}</p>
      )}

      <h2>{s.keepHeading}</h2>
      <p>{s.exportHelp}</p>
      <p>
        <button type="button" class="button" data-export-progress>
          {s.export}
        </button>
      </p>
      <p>
        <label for="import-file">
          <strong>{s.importLabel}</strong>
        </label>
        <br />
        <span class="meta" id="import-help">
          {s.importHelp}
        </span>
        <br />
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          aria-describedby="import-help"
          ref={fileInput}
          onChange={choose}
        />
      </p>
      {pending && pendingSummary && (
        <div class="import-preview" role="region" aria-label={s.importLabel}>
          <p>
            {fill(s.importPreview, {
              date: pending.exportedAt ? date(pending.exportedAt) : '–',
              lessons: pendingSummary.lessonsRead,
              exercises: Object.keys(pending.progress.exercises).length,
            })}
          </p>
          <p>{s.importMergeHelp}</p>
          <p class="button-row">
            <button type="button" class="button" onClick={confirmImport}>
              {s.importConfirm}
            </button>
            <button type="button" class="button button--quiet" onClick={cancelImport}>
              {s.cancel}
            </button>
          </p>
        </div>
      )}

      <div
        role="status"
        aria-live="polite"
        class="progress-message"
        tabIndex={-1}
        ref={message?.at === 'import' ? messageRef : undefined}
      >
        {message?.at === 'import' && (
          <p class={message.kind === 'error' ? 'message message--error' : 'message message--ok'}>{message.text}</p>
        )}
      </div>

      <h2>{s.resetHeading}</h2>
      {!confirmReset ? (
        <p>
          <button type="button" class="button button--quiet" onClick={() => setConfirmReset(true)}>
            {s.resetButton}
          </button>
        </p>
      ) : (
        <div class="reset-confirm" role="alertdialog" aria-labelledby="reset-warning">
          <p id="reset-warning">{s.resetWarning}</p>
          <p class="button-row">
            <button type="button" class="button button--danger" onClick={doReset}>
              {s.resetConfirm}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirmReset(false)}>
              {s.cancel}
            </button>
          </p>
        </div>
      )}
      <div
        role="status"
        aria-live="polite"
        class="progress-message"
        tabIndex={-1}
        ref={message?.at === 'reset' ? messageRef : undefined}
      >
        {message?.at === 'reset' && (
          <p class={message.kind === 'error' ? 'message message--error' : 'message message--ok'}>{message.text}</p>
        )}
      </div>
    </div>
  );
}
