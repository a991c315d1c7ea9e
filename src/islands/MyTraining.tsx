/**
 * "My training": opens an assignment link (preview first, then add), lists the assignments held in
 * this browser with per-lesson progress from the progress store and the due-date state, and makes
 * a completion report. It renders the stores and calls their actions; the words arrive as props.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  assignedLessons,
  checksum,
  decodeAssignment,
  encodeAssignment,
  type Assignment,
  type CodeError,
  type Report,
} from '../lib/assignment';
import { fill, percent, plural } from '../lib/format';
import { own, type Progress } from '../lib/progress';
import { dueState } from '../lib/due';
import { MAX_HELD, type HeldAssignment } from '../lib/lists';
import { assignmentProgress, buildReport, exercisesOf, heldKey, reportSummary } from '../lib/my-training';
import { lessonState } from '../lib/completion';
import { certificateId, courseCertificate } from '../lib/certificate';
import { outlineIndex, type CourseIndex, type Outline } from '../lib/outline';
import { $progress } from '../stores/progress';
import {
  heldAssignments,
  holdAssignment,
  isHeld,
  keepPaths,
  makeReport as reportFor,
  setHeldName,
} from '../stores/my-training';
import { held } from '../stores/training';
import { codeInHash, copyText, formatDate, formatDue } from './shared';
import type { UiStrings } from '../i18n/strings';
import OfflineSave from './OfflineSave';

interface Props {
  /** BCP-47 tag for dates and plurals: 'zh-CN' */
  lang: string;
  /** The page's language: lesson links go here unless the assignment fixes one */
  locale: string;
  outline: Outline;
  s: UiStrings['training'];
  /** codeError strings */
  e: UiStrings['codeError'];
  /** certificate strings: the links to certificates */
  c: UiStrings['certificate'];
  /** "Save for offline" strings */
  o: UiStrings['offline'];
}

type Message = { kind: 'ok' | 'error'; text: string; detail?: string } | null;

export default function MyTraining({ lang, locale, outline, s, e, c, o }: Props) {
  const course = outlineIndex(outline);
  const list = useStore(useMemo(() => heldAssignments(course), []));
  const status = useStore(held.$notice);
  const saved = useStore(held.$saved);
  const progress = useStore($progress) as Progress;
  const [preview, setPreview] = useState<{ code: string; assignment: Assignment } | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [pasted, setPasted] = useState('');
  const [dismissed, setDismissed] = useState<{ code: string; assignment: Assignment } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  // The course certificate's section appears after hydration only: the server's copy has no stored
  // progress, and Preact's hydration keeps the server's attributes on an element it reuses, so a
  // section rendered there would be taken over by the first held assignment's card.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const lessons = outline.modules.flatMap((m) => m.lessons);
  const decode = (code: string) => decodeAssignment(code, course);
  // Lesson pages opened from an assignment, and the course home, read this summary of the list.
  useEffect(
    () =>
      keepPaths(
        list.flatMap((x) => (x.decoded.ok ? [x.decoded.value] : [])),
        course,
      ),
    [list],
  );

  function open(code: string, fromLink: boolean) {
    setDismissed(null);
    const result = decode(code);
    if (!result.ok) {
      setPreview(null);
      setMessage({ kind: 'error', text: `${s.openError} ${errorText(result.error)}`, detail: e.nothingChanged });
      return;
    }
    // The store, not this render's copy: this also runs from the first render's effect.
    if (isHeld(result.value, course)) {
      setPreview(null);
      setMessage({ kind: 'ok', text: fill(s.alreadyHeld, { title: result.value.title }) });
      if (fromLink) clearHash();
      return;
    }
    setMessage(null);
    // Kept as the canonical code of what was read, whatever surrounded it when pasted.
    setPreview({ code: encodeAssignment(result.value), assignment: result.value });
    requestAnimationFrame(() => previewHeading.current?.focus());
  }

  function errorText(error: CodeError) {
    return error === 'wrong-kind' ? e['wrong-kind-assignment'] : e[error];
  }

  useEffect(() => {
    const fromHash = () => {
      const code = codeInHash();
      if (code) open(code, true);
    };
    fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, []);

  function clearHash() {
    history.replaceState(null, '', location.pathname + location.search);
  }

  function add() {
    if (!preview) return;
    // Checked against the freshest stored list: another tab may have added it since the preview opened.
    const outcome = holdAssignment(preview.code, preview.assignment, course);
    if (outcome === 'limit') {
      // Nothing is dropped: the link stays in the address bar and the preview stays open.
      setMessage({ kind: 'error', text: fill(s.limit, { max: MAX_HELD }), detail: e.nothingChanged });
      return;
    }
    setMessage({
      kind: 'ok',
      text: fill(outcome === 'already' ? s.alreadyHeld : s.added, { title: preview.assignment.title }),
    });
    setPreview(null);
    // Where nothing can be saved, the link stays in the address bar: a reload still finds it.
    if (held.$saved.get()) clearHash();
    requestAnimationFrame(() => listHeading.current?.focus());
  }

  // "Not now" can be taken back: the link stays in the address bar (a reload shows it again) and
  // the message offers the preview again.
  function notNow() {
    setDismissed(preview);
    setPreview(null);
    setMessage(null);
    requestAnimationFrame(() => undoButton.current?.focus());
  }

  function showAgain() {
    setPreview(dismissed);
    setDismissed(null);
    requestAnimationFrame(() => previewHeading.current?.focus());
  }

  function submitPasted(event: Event) {
    event.preventDefault();
    open(pasted, false);
  }

  return (
    <div class="my-training">
      <div role="status" aria-live="polite" class="training-message">
        {message?.kind === 'ok' && <p class="message message--ok">{message.text}</p>}
        {dismissed && (
          <p class="message">
            {fill(s.notAdded, { title: dismissed.assignment.title })}{' '}
            <button type="button" class="button button--small button--quiet" ref={undoButton} onClick={showAgain}>
              {s.showAgain}
            </button>
          </p>
        )}
      </div>
      <div role="alert" class="training-alert">
        {message?.kind === 'error' && (
          <p class="message message--error">
            {message.text} {message.detail}
          </p>
        )}
      </div>
      {status && (
        <p class="message message--error">
          {s.listRepaired}{' '}
          <button type="button" class="button button--small button--quiet" data-download-aside>
            {s.downloadAside}
          </button>
        </p>
      )}
      {!saved && <p class="message message--error">{s.notSaved}</p>}

      {preview && (
        <section class="assignment-preview" aria-labelledby="preview-title" data-testid="assignment-preview">
          <h2 id="preview-title" tabIndex={-1} ref={previewHeading}>
            {fill(s.previewHeading, { title: preview.assignment.title })}
          </h2>
          <AssignmentFacts a={preview.assignment} lang={lang} outline={outline} s={s} />
          <h3>{s.lessonsHeading}</h3>
          <ul>
            {assignedLessons(preview.assignment, course).map((id) => {
              const l = lessons.find((x) => x.id === id)!;
              return (
                <li key={id}>
                  {l.number} {l.title} <span class="meta">({fill(s.minutes, { minutes: l.minutes })})</span>
                </li>
              );
            })}
          </ul>
          <p class="button-row">
            <button type="button" class="button" onClick={add}>
              {s.add}
            </button>
            <button type="button" class="button button--quiet" onClick={notNow}>
              {s.notNow}
            </button>
          </p>
        </section>
      )}

      <h2 tabIndex={-1} ref={listHeading}>
        {s.listHeading}
      </h2>
      {list.length === 0 && <p>{s.empty}</p>}
      {list.map(({ entry: h, decoded: d }) => {
        return d.ok ? (
          <HeldCard
            key={heldKey(d.value)}
            h={h}
            a={d.value}
            progress={progress}
            lang={lang}
            locale={locale}
            outline={outline}
            course={course}
            s={s}
            c={c}
            o={o}
            onRemoved={() => {
              setMessage({ kind: 'ok', text: fill(s.removed, { title: d.value.title }) });
              listHeading.current?.focus();
            }}
          />
        ) : (
          <UnreadableCard key={h.code} h={h} s={s} />
        );
      })}

      {hydrated && <CourseCertificate progress={progress} locale={locale} course={course} c={c} />}

      <h2>{s.openHeading}</h2>
      <form class="open-form" onSubmit={submitPasted}>
        <p class="field">
          <label for="open-code">{s.openLabel}</label>
          <input
            id="open-code"
            type="text"
            autoComplete="off"
            spellcheck={false}
            value={pasted}
            onInput={(ev) => setPasted((ev.currentTarget as HTMLInputElement).value)}
          />
        </p>
        <p>
          <button type="submit" class="button button--quiet">
            {s.open}
          </button>
        </p>
      </form>
    </div>
  );
}

function AssignmentFacts({
  a,
  lang,
  outline,
  s,
}: {
  a: Assignment;
  lang: string;
  outline: Outline;
  s: UiStrings['training'];
}) {
  const lessons = outline.modules.flatMap((m) => m.lessons);
  const ids = assignedLessons(a, { lessons: lessons.map((l) => l.id) });
  const minutes = lessons.filter((l) => ids.includes(l.id)).reduce((sum, l) => sum + l.minutes, 0);
  return (
    <>
      {a.trainee && <p class="assignment-for">{fill(s.previewFor, { name: a.trainee })}</p>}
      {a.note && (
        <div class="assignment-note">
          <p class="meta">{s.noteFromTrainer}</p>
          {/* Text, never markup: Preact escapes it, and nothing here becomes a link. */}
          <p class="assignment-note__text">{a.note}</p>
        </div>
      )}
      <ul class="assignment-facts">
        <li>{a.due ? fill(s.due, { date: formatDue(a.due, lang) }) : s.noDue}</li>
        <li>
          {a.lang
            ? fill(s.language, { language: outline.languages[a.lang as keyof Outline['languages']] })
            : s.languageChoice}
        </li>
        <li>{plural(s, 'lessonsCount', ids.length, lang, { minutes })}</li>
      </ul>
    </>
  );
}

interface CardProps {
  h: HeldAssignment;
  a: Assignment;
  progress: Progress;
  lang: string;
  locale: string;
  outline: Outline;
  course: CourseIndex;
  s: UiStrings['training'];
  c: UiStrings['certificate'];
  o: UiStrings['offline'];
  onRemoved: () => void;
}

function HeldCard({ h, a, progress, lang, locale, outline, course, s, c, o, onRemoved }: CardProps) {
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Focus follows the confirmation: to its safe choice when it opens, back to Remove when it closes.
  useEffect(() => {
    if (confirming === true) cancelButton.current?.focus();
    if (confirming === false) removeButton.current?.focus();
  }, [confirming]);
  const [name, setName] = useState(h.name ?? '');
  const [report, setReport] = useState<{ url: string; code: string; at: number; report: Report } | null>(null);
  const [nameError, setNameError] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const key = heldKey(a);
  // Names in any script make the key; its checksum makes an id that is unique and valid.
  const id = `as-${a.id}-${checksum(key)}`;
  const lessons = outline.modules.flatMap((m) => m.lessons);
  const ids = assignedLessons(a, course);
  const done = assignmentProgress(a, progress, course);
  const state = dueState(a.due, new Date());
  const courseLang = a.lang ?? locale;
  const complete = done.read === done.total;

  const dueText = complete
    ? s.complete
    : state.kind === 'left'
      ? plural(s, 'daysLeft', state.days, lang)
      : state.kind === 'today'
        ? s.dueToday
        : state.kind === 'overdue'
          ? plural(s, 'overdue', state.days, lang)
          : null;

  function remove() {
    held.remove(h.code);
    onRemoved();
  }

  function saveName(value: string) {
    setName(value);
    setHeldName(h.code, value);
    // A report made under another name is not the one shown above any more: made again on request.
    setReport(null);
  }

  async function makeReport() {
    const who = (a.trainee ?? name).trim();
    if (!who) {
      setNameError(true);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setNameError(false);
    const made = await reportFor(a, who, course);
    // /trainer/results/ opens in the trainer's own browser language, keeping the report after '#'.
    setReport({ ...made, url: `${location.origin}/trainer/results/#${made.code}` });
    setCopied(null);
  }

  async function copy(what: string, text: string) {
    setCopied((await copyText(text)) ? what : `${what}-failed`);
  }

  const copyButton = (what: string, text: string, label: string) => (
    <p class="link-card__actions">
      <button type="button" class="button button--small" onClick={() => copy(what, text)}>
        {label}
      </button>
      <span role="status">{copied === what ? s.copied : copied === `${what}-failed` ? s.copyFailed : ''}</span>
    </p>
  );

  return (
    <section
      class="held-assignment"
      aria-labelledby={id}
      data-assignment={a.id}
      data-state={complete ? 'complete' : state.kind}
    >
      <h3 id={id}>{a.title}</h3>
      <AssignmentFacts a={a} lang={lang} outline={outline} s={s} />
      <p class={`due-state due-state--${complete ? 'complete' : state.kind}`} data-testid="due-state">
        {dueText && <strong>{dueText}</strong>}
      </p>
      <p>{fill(s.progress, { read: done.read, total: done.total })}</p>
      <progress
        max={done.total}
        value={done.read}
        aria-label={fill(s.progress, { read: done.read, total: done.total })}
      />
      {/* Every assigned lesson done by the completion rule: the certificate, in the course language. */}
      {complete && (
        <p>
          <a
            class="button button--small"
            href={`/${courseLang}/my-training/certificate/?a=${certificateId(a)}`}
            hrefLang={courseLang}
            data-testid="certificate-link"
          >
            {c.view}
            <span class="visually-hidden">: {a.title}</span>
          </a>
        </p>
      )}
      <div class="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table class="progress-table">
          <thead>
            <tr>
              <th scope="col">{s.colLesson}</th>
              <th scope="col">{s.colTime}</th>
              <th scope="col">{s.colStatus}</th>
              <th scope="col">
                <span class="visually-hidden">{s.start}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ids.map((lessonId) => {
              const l = lessons.find((x) => x.id === lessonId)!;
              // The completion rule (src/lib/completion.ts), as on the lesson page and in the report.
              const state = lessonState(progress, lessonId, exercisesOf(course, lessonId));
              const action = state === 'done' ? s.review : state === 'started' ? s.continue : s.start;
              const tried = outline.exercises.filter((x) => x.lesson === lessonId);
              return (
                <tr key={lessonId} data-lesson={lessonId} data-status={state}>
                  <th scope="row">
                    {l.number} {l.title}
                  </th>
                  <td>{fill(s.minutes, { minutes: l.minutes })}</td>
                  <td>
                    {state === 'done' ? (
                      <>
                        <span aria-hidden="true" class="tick">
                          ✓{' '}
                        </span>
                        {s.statusRead}
                      </>
                    ) : state === 'started' ? (
                      s.statusOpened
                    ) : (
                      s.statusNotStarted
                    )}
                    {tried.length > 0 && (
                      <ul class="exercise-results" data-testid="exercise-results">
                        {tried.map((x) => (
                          <li key={x.id} data-exercise={x.id}>
                            {exerciseLine(s, lang, x.title, own(progress.exercises, x.id))}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <a
                      class="button button--small"
                      href={`/${courseLang}/${l.path}/?in=${a.id}`}
                      hrefLang={courseLang}
                      aria-label={fill(s.startLabel, { action, lesson: l.title })}
                    >
                      {action}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <OfflineSave lang={lang} locale={courseLang} lessons={ids} o={o} />

      <details class="report-box">
        <summary>{s.reportHeading}</summary>
        <p>{s.reportHelp}</p>
        <p class="meta">
          <strong>{s.reportHonest}</strong>
        </p>
        {!a.trainee && (
          <p class="field">
            <label for={`${id}-name`}>{s.reportName}</label>
            <input
              id={`${id}-name`}
              type="text"
              maxLength={60}
              autoComplete="name"
              value={name}
              aria-invalid={nameError ? 'true' : undefined}
              aria-describedby={nameError ? `${id}-name-error` : undefined}
              onInput={(ev) => saveName((ev.currentTarget as HTMLInputElement).value)}
            />
            {nameError && (
              <span id={`${id}-name-error`} class="field-error">
                {s.reportNameMissing}
              </span>
            )}
          </p>
        )}
        <ReportContents
          // Once made, the report the code holds; before, the one "Make report" would make now.
          r={report?.report ?? buildReport(a, progress, course, (a.trainee ?? name).trim(), 0)}
          id={id}
          lang={lang}
          outline={outline}
          course={course}
          s={s}
        />
        <p>
          <button type="button" class="button" onClick={makeReport}>
            {s.makeReport}
          </button>
        </p>
        {report && (
          <div class="report-ready" data-testid="report">
            <p role="status">{fill(s.reportReady, { date: formatDate(report.at, lang, true) })}</p>
            <p class="field">
              <label for={`${id}-report-link`}>{s.reportLink}</label>
              <textarea
                id={`${id}-report-link`}
                class="link-text"
                rows={4}
                readOnly
                value={report.url}
                onFocus={(ev) => (ev.currentTarget as HTMLTextAreaElement).select()}
              />
            </p>
            {copyButton('link', report.url, s.copy)}
            <p class="field">
              <label for={`${id}-report-code`}>{s.reportCode}</label>
              <textarea
                id={`${id}-report-code`}
                class="link-text"
                rows={3}
                readOnly
                value={report.code}
                onFocus={(ev) => (ev.currentTarget as HTMLTextAreaElement).select()}
              />
            </p>
            {copyButton('code', report.code, s.copyCode)}
          </div>
        )}
      </details>

      {!confirming ? (
        <p>
          <button
            type="button"
            class="button button--quiet button--small"
            ref={removeButton}
            onClick={() => setConfirming(true)}
          >
            {s.remove}
            <span class="visually-hidden">: {a.title}</span>
          </button>
        </p>
      ) : (
        <div class="reset-confirm" role="alertdialog" aria-labelledby={`${id}-remove`}>
          <p id={`${id}-remove`}>{fill(s.removeConfirm, { title: a.title })}</p>
          <p class="button-row">
            <button type="button" class="button button--danger" onClick={remove}>
              {s.removeYes}
            </button>
            <button type="button" class="button button--quiet" ref={cancelButton} onClick={() => setConfirming(false)}>
              {s.cancel}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}

/** An exercise's result as the learner and the report show it: best, latest, attempts; or not tried. */
function exerciseLine(
  s: UiStrings['training'],
  lang: string,
  title: string,
  x?: { best?: number; latest?: number; attempts: number },
): string {
  return x?.attempts && x.best !== undefined
    ? fill(s.exerciseResult, {
        title,
        best: percent(x.best),
        latest: percent(x.latest ?? x.best),
        attempts: plural(s, 'attempts', x.attempts, lang),
      })
    : fill(s.exerciseNotTried, { title });
}

/** What the trainer will see when they open the report: read from the Report the code encodes. */
function ReportContents({
  r,
  id,
  lang,
  outline,
  course,
  s,
}: {
  r: Report;
  id: string;
  lang: string;
  outline: Outline;
  course: CourseIndex;
  s: UiStrings['training'];
}) {
  const lessons = outline.modules.flatMap((m) => m.lessons);
  return (
    <section class="report-contents" aria-labelledby={`${id}-contents`} data-testid="report-contents">
      <h4 id={`${id}-contents`}>{s.reportContents}</h4>
      <p>{r.name ? fill(s.reportNameFixed, { name: r.name }) : <span class="meta">{s.reportNameMissing}</span>}</p>
      <ul>
        {reportSummary(r, course).map(({ lesson, done, exercises }) => {
          const l = lessons.find((x) => x.id === lesson)!;
          return (
            <li key={lesson} data-lesson={lesson} data-done={done === undefined ? 'no' : 'yes'}>
              <strong>
                {l.number} {l.title}
              </strong>{' '}
              ·{' '}
              <span class="report-contents__state">
                {done === undefined ? (
                  s.reportNotDone
                ) : (
                  <>
                    <span aria-hidden="true" class="tick">
                      ✓{' '}
                    </span>
                    {fill(s.reportDoneOn, { date: formatDate(done, lang) })}
                  </>
                )}
              </span>
              {exercises.length > 0 && (
                <ul>
                  {exercises.map((x) => (
                    <li key={x.id} data-exercise={x.id}>
                      {exerciseLine(s, lang, outline.exercises.find((e) => e.id === x.id)!.title, x.result)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function UnreadableCard({ h, s }: { h: HeldAssignment; s: UiStrings['training'] }) {
  return (
    <section class="held-assignment held-assignment--unreadable">
      <p>{s.unreadable}</p>
      <p>
        <button type="button" class="button button--quiet button--small" onClick={() => held.remove(h.code)}>
          {s.remove}
        </button>
      </p>
    </section>
  );
}

/** The whole course's certificate, offered once all its lessons are done (the completion rule). */
function CourseCertificate({
  progress,
  locale,
  course,
  c,
}: {
  progress: Progress;
  locale: string;
  course: CourseIndex;
  c: UiStrings['certificate'];
}) {
  const data = courseCertificate(progress, course);
  return (
    <section class="course-certificate" aria-labelledby="course-certificate">
      <h2 id="course-certificate">{c.courseHeading}</h2>
      {data.complete ? (
        <>
          <p>{fill(c.courseDone, { total: data.lessons.length })}</p>
          <p>
            <a
              class="button button--small"
              href={`/${locale}/my-training/certificate/`}
              data-testid="course-certificate-link"
            >
              {c.view}
              <span class="visually-hidden">: {c.courseHeading}</span>
            </a>
          </p>
        </>
      ) : (
        <p>{fill(c.courseNotDone, { done: data.done, total: data.total })}</p>
      )}
    </section>
  );
}
