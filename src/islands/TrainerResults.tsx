/**
 * The trainer's results: paste or open reports (several at once), see one sortable table per
 * assignment (trainees × assigned lessons, with scores, due-date state and totals), export CSV and
 * Excel (src/lib/results-export.ts, loaded on the first download).
 * Reports are kept in this browser as their codes; decoding and the table are src/lib functions.
 */
import { useStore } from '@nanostores/preact';
import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { decodeAssignment, decodeReport, encodeReport, type CodeError, type Report } from '../lib/assignment';
import { fill, percent, plural } from '../lib/format';
import { MAX_REPORTS, type StoredReport } from '../lib/lists';
import { outlineIndex, type Outline } from '../lib/outline';
import {
  cohortFigures,
  dueDays,
  lessonView,
  pastedCodes,
  resultTables,
  rowKey,
  SORT_KEYS,
  sortRows,
  type AddOutcome,
  type ResultRow,
  type ResultTable,
  type SortKey,
} from '../lib/results';
import { addReportCodes, decodedReports, previewReportCodes, restoreReport } from '../stores/reports';
import { reports, sent } from '../stores/training';
import { codeInHash, downloadBlob, formatDate, formatDue } from './shared';
import type { StringKey, UiStrings } from '../i18n/strings';

interface Props {
  lang: string;
  outline: Outline;
  s: UiStrings['results'];
  e: UiStrings['codeError'];
}

type Feedback = { summary?: string; refused: string[] } | null;
/** What a report link carries, shown before anything is added. */
type Preview = { items: { code: string; report: Report; outcome: AddOutcome }[]; refused: string[] } | null;

export default function TrainerResults({ lang, outline, s, e }: Props) {
  const stored = useStore(reports.$list);
  const made = useStore(sent.$list);
  const status = useStore(reports.$notice);
  const saved = useStore(reports.$saved);

  const [pasted, setPasted] = useState('');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [preview, setPreview] = useState<Preview>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [removedMessage, setRemovedMessage] = useState(false);
  // The last single report removed, so one click brings it back.
  const [removedOne, setRemovedOne] = useState<{ entry: StoredReport; name: string } | null>(null);
  // The rows a report just added or updated: marked until the next change, the first one brought
  // into view and focused once it is drawn (decoding the stored list takes a moment).
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const showFresh = useRef(false);
  useEffect(() => {
    const row = showFresh.current && document.querySelector<HTMLElement>('[data-fresh] [tabindex="-1"]');
    if (!row) return;
    showFresh.current = false;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'center' });
  });
  const statusRef = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const removeAllButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Focus follows what the trainer did: to Undo after removing a row, to the safe choice when a
  // confirmation opens, back to its button when it closes, to the message when all are removed.
  useEffect(() => {
    if (removedOne) undoButton.current?.focus();
  }, [removedOne]);
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const course = outlineIndex(outline);
  // The codec checks exercise ids only.
  const known = { ...course, exercises: outline.exercises.map((x) => x.id) };
  // The stored reports, decoded whenever the list changes (here or in another tab).
  const decoded = useStore(useMemo(() => decodedReports(known), []));
  const errorText = (error: CodeError) => (error === 'wrong-kind' ? e['wrong-kind-report'] : e[error]);

  /** Decodes pasted or linked text: the reports it holds (as canonical codes) and why the rest was refused. */
  async function readCodes(text: string) {
    const lines = pastedCodes(text);
    const good: { code: string; report: Report }[] = [];
    const refused: string[] = [];
    if (lines.length === 0) refused.push(e.empty);
    for (const { line, code } of lines) {
      const result = await decodeReport(code, known);
      // Kept as the canonical code of what was read, whatever surrounded it when pasted.
      if (result.ok) good.push({ code: await encodeReport(result.value), report: result.value });
      else refused.push(fill(s.refused, { line, message: errorText(result.error) }));
    }
    return { good, refused };
  }

  /** Adds reports to the freshest stored list and says what happened to each, limits included. */
  async function addDecoded(good: { code: string; report: Report }[], refused: string[]) {
    const merged = good.length ? await addReportCodes(good, known) : null;
    const keys = good.flatMap((g, i) =>
      merged && /^(added|updated)$/.test(merged.outcomes[i]) ? [rowKey(g.report.assignment.id, g.report.name)] : [],
    );
    setFresh(new Set(keys));
    showFresh.current = keys.length > 0;
    setRemovedOne(null);
    setPreview(null);
    const summary =
      merged &&
      [
        fill(s.addedCount, { added: merged.added, updated: merged.updated, unchanged: merged.unchanged }),
        merged.older ? plural(s, 'olderCount', merged.older, lang) : '',
      ]
        .filter(Boolean)
        .join(' ');
    const limit = merged?.limit
      ? [plural(s, 'limitCount', merged.limit, lang, { max: MAX_REPORTS.toLocaleString(lang) })]
      : [];
    const problems = [...refused, ...limit];
    setFeedback({
      summary: summary || undefined,
      refused:
        problems.length && !(merged && merged.added + merged.updated) ? [...problems, e.nothingChanged] : problems,
    });
    setRemovedMessage(false);
    return problems.length === 0;
  }

  async function addCodes(text: string) {
    const { good, refused } = await readCodes(text);
    return addDecoded(good, refused);
  }

  /** A report link: show what it carries and ask first, as an assignment link does. */
  async function previewCodes(text: string) {
    const { good, refused } = await readCodes(text);
    const outcomes = await previewReportCodes(good, known);
    setFeedback(null);
    setRemovedMessage(false);
    if (!good.length) {
      setPreview(null);
      setFeedback({ refused: [...refused, e.nothingChanged] });
      return;
    }
    setPreview({ items: good.map((g, i) => ({ ...g, outcome: outcomes[i] })), refused });
    requestAnimationFrame(() => previewHeading.current?.focus());
  }

  function clearHash() {
    // Where nothing can be saved, the report stays in the address bar: a reload still finds it.
    if (reports.$saved.get()) history.replaceState(null, '', location.pathname + location.search);
  }

  async function confirmPreview() {
    if (!preview) return;
    await addDecoded(
      preview.items.map(({ code, report }) => ({ code, report })),
      preview.refused,
    );
    clearHash();
    // Focus goes to the first new row when there is one (see above), else to the message.
    if (!showFresh.current) requestAnimationFrame(() => statusRef.current?.focus());
  }

  function dismissPreview() {
    setPreview(null);
    history.replaceState(null, '', location.pathname + location.search);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (await addCodes(pasted)) setPasted('');
  }

  useEffect(() => {
    const fromHash = () => {
      const code = codeInHash();
      if (code) previewCodes(code);
    };
    fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, []);

  function removeOne(assignment: string, name: string) {
    const found = decoded.readable.find((x) => x.report.assignment.id === assignment && x.report.name === name);
    if (!found) return;
    reports.remove(found.entry.code);
    setFresh(new Set());
    setRemovedOne({ entry: found.entry, name });
    setFeedback(null);
    setRemovedMessage(false);
  }

  async function undoRemove() {
    if (!removedOne) return;
    // Back only if no report from the same trainee arrived meanwhile (it would be the newer one).
    await restoreReport(removedOne.entry, known);
    setRemovedOne(null);
    statusRef.current?.focus();
  }

  function removeAll() {
    reports.clear();
    setConfirming(false);
    setFeedback(null);
    setRemovedOne(null);
    setRemovedMessage(true);
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  // Assignments made in this browser add their named trainees, reported or not.
  const mine = made.flatMap((m) => {
    const d = decodeAssignment(m.code, known);
    return d.ok ? [{ scope: d.value, trainees: m.trainees ?? [] }] : [];
  });
  const tables = resultTables(
    decoded.readable.map((x) => x.report),
    course,
    new Date(),
    mine,
  );

  return (
    <div class="trainer-results">
      <p class="meta">
        <strong>{s.honest}</strong>
      </p>
      {preview && (
        <section class="assignment-preview" aria-labelledby="report-preview-title" data-testid="report-preview">
          <h2 id="report-preview-title" tabIndex={-1} ref={previewHeading}>
            {plural(s, 'previewHeading', preview.items.length, lang)}
          </h2>
          <p>{s.previewHelp}</p>
          <ul class="report-preview">
            {preview.items.map((item) => (
              <li key={item.code} data-outcome={item.outcome}>
                {/* Names and titles from a link are text only. */}
                <strong>{item.report.name}</strong> · {item.report.assignment.title} ·{' '}
                {fill(s.previewMade, { date: formatDate(item.report.at, lang, true) })}
                <br />
                <span class={item.outcome === 'added' || item.outcome === 'updated' ? 'meta' : 'field-error'}>
                  {s[`outcome-${item.outcome}`]}
                </span>
              </li>
            ))}
          </ul>
          {preview.refused.length > 0 && (
            <ul class="message message--error">
              {preview.refused.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          <p class="button-row">
            <button type="button" class="button" onClick={confirmPreview}>
              {s.previewAdd}
            </button>
            <button type="button" class="button button--quiet" onClick={dismissPreview}>
              {s.previewNotNow}
            </button>
          </p>
        </section>
      )}
      <form onSubmit={submit}>
        <p class="field">
          <label for="reports-input">{s.pasteLabel}</label>
          <textarea
            id="reports-input"
            rows={5}
            spellcheck={false}
            autoComplete="off"
            value={pasted}
            onInput={(ev) => setPasted((ev.currentTarget as HTMLTextAreaElement).value)}
          />
        </p>
        <p>
          <button type="submit" class="button">
            {s.add}
          </button>
        </p>
      </form>
      <div role="status" aria-live="polite" tabIndex={-1} ref={statusRef} class="results-status">
        {feedback?.summary && <p class="message message--ok">{feedback.summary}</p>}
        {removedMessage && <p class="message message--ok">{s.removed}</p>}
        {removedOne && (
          <p class="message message--ok">
            {fill(s.removedOne, { name: removedOne.name })}{' '}
            <button type="button" class="button button--small button--quiet" ref={undoButton} onClick={undoRemove}>
              {s.undo}
            </button>
          </p>
        )}
      </div>
      <div role="alert">
        {feedback && feedback.refused.length > 0 && (
          <div class="message message--error" data-testid="refused">
            <ul>
              {feedback.refused.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
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
      {decoded.unreadable > 0 && (
        <p class="message message--error">{plural(s, 'unreadable', decoded.unreadable, lang)}</p>
      )}

      {tables.length === 0 && <p>{s.empty}</p>}
      {tables.map((table) => (
        <ResultsTable
          key={table.scope.id}
          table={table}
          lang={lang}
          outline={outline}
          s={s}
          fresh={fresh}
          onRemove={(name) => removeOne(table.scope.id, name)}
        />
      ))}

      {stored.length > 0 &&
        (!confirming ? (
          <p>
            <button
              type="button"
              class="button button--quiet"
              ref={removeAllButton}
              onClick={() => setConfirming(true)}
            >
              {s.removeAll}
            </button>
          </p>
        ) : (
          <div class="reset-confirm" role="alertdialog" aria-labelledby="remove-all-warning">
            <p id="remove-all-warning">{s.removeConfirm}</p>
            <p class="button-row">
              <button type="button" class="button button--danger" onClick={removeAll}>
                {s.removeYes}
              </button>
              <button
                type="button"
                class="button button--quiet"
                ref={cancelButton}
                onClick={() => {
                  setConfirming(false);
                  requestAnimationFrame(() => removeAllButton.current?.focus());
                }}
              >
                {s.cancel}
              </button>
            </p>
          </div>
        ))}
    </div>
  );
}

const COLUMN_LABEL: Record<SortKey, StringKey<UiStrings['results']>> = {
  name: 'colTrainee',
  state: 'colState',
  read: 'colRead',
  average: 'colAverage',
  due: 'colDue',
  at: 'colReported',
};
type Direction = 'ascending' | 'descending';
type S = UiStrings['results'];

/** Whether the page is phone-wide (cards instead of a table), and kept so when it turns. */
function useNarrow() {
  const query = useMemo(() => matchMedia('(max-width: 40rem)'), []);
  const [narrow, setNarrow] = useState(query.matches);
  useEffect(() => {
    const change = () => setNarrow(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return narrow;
}

interface TableProps {
  table: ResultTable;
  lang: string;
  outline: Outline;
  s: S;
  /** Keys (rowKey) of the rows a report just added or updated */
  fresh: ReadonlySet<string>;
  onRemove: (name: string) => void;
}

/** One exercise's best, latest and attempts, or that it was not tried. */
function exerciseText(s: S, lang: string, x: Report['exercises'][number] | undefined) {
  return x
    ? fill(s.exerciseShort, {
        best: percent(x.best),
        latest: percent(x.latest),
        attempts: plural(s, 'attempts', x.attempts, lang),
      })
    : s.notTried;
}

function ResultsTable({ table, lang, outline, s, fresh, onRemove }: TableProps) {
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: 'name', direction: 'ascending' });
  // One trainee's and one lesson's detail open at a time, so the summary stays short.
  const [open, setOpen] = useState<string | null>(null);
  const [lessonOpen, setLessonOpen] = useState<string | null>(null);
  const narrow = useNarrow();
  const lessons = outline.modules.flatMap((m) => m.lessons);
  const lesson = (id: string) => lessons.find((l) => l.id === id)!;
  const lessonTitle = (id: string) => `${lesson(id).number} ${lesson(id).title}`;
  const exercise = (id: string) => outline.exercises.find((x) => x.id === id)!;
  const course = outlineIndex(outline);
  const due = table.scope.due;
  const rows = sortRows(table.rows, sort.key, sort.direction, lang, due);
  const cohort = cohortFigures(table, course);
  const id = `t-${table.scope.id}`;

  function sortBy(key: SortKey) {
    setSort((cur) => ({
      key,
      direction: cur.key === key && cur.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  }

  function header(key: SortKey) {
    const label = s[COLUMN_LABEL[key]];
    return (
      <th scope="col" aria-sort={sort.key === key ? sort.direction : undefined} key={key}>
        <button
          type="button"
          class="sort-button"
          onClick={() => sortBy(key)}
          aria-label={fill(s.sortBy, { column: label })}
        >
          {label}
          <span aria-hidden="true" class="sort-mark">
            {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    );
  }

  /** What a row shows under each column but the name. */
  function value(key: Exclude<SortKey, 'name'>, r: ResultRow) {
    if (key === 'state') return s[`state-${r.state}`];
    if (key === 'read') return fill(s.readCount, { read: r.read, total: r.total });
    if (key === 'average') return percent(r.average);
    if (key === 'at') return r.at ? formatDate(r.at, lang, true) : '–';
    const days = dueDays(r, due);
    if (days === undefined) return '–';
    if (r.finished !== undefined)
      return days < 0 ? plural(s, 'dueLate', -days, lang) : days ? plural(s, 'dueEarly', days, lang) : s.dueOnDay;
    return days < 0 ? plural(s, 'dueOverdue', -days, lang) : days ? plural(s, 'dueLeft', days, lang) : s.dueToday;
  }

  function name(r: ResultRow, isFresh: boolean) {
    return (
      <>
        <span class="results-name">{r.name}</span>
        {isFresh && <span class="fresh-badge">{s.fresh}</span>}
        {r.conflict && (
          <span class="results-conflict" data-testid="conflict">
            {fill(s.conflict, {
              title: r.conflict.title,
              due: r.conflict.due ? formatDue(r.conflict.due, lang) : s.noDue,
            })}
          </span>
        )}
      </>
    );
  }

  function actions(r: ResultRow, detailId: string) {
    const shown = open === r.name;
    return (
      <>
        <button
          type="button"
          class="button button--small button--quiet"
          aria-expanded={shown}
          aria-controls={shown ? detailId : undefined}
          onClick={() => setOpen(shown ? null : r.name)}
        >
          {s.details}
          <span class="visually-hidden">: {r.name}</span>
        </button>{' '}
        {r.at !== undefined && (
          <button type="button" class="button button--small button--quiet" onClick={() => onRemove(r.name)}>
            {s.removeOne}
            <span class="visually-hidden">: {r.name}</span>
          </button>
        )}
      </>
    );
  }

  /** One trainee, lesson by lesson: when each was done, each exercise's best, latest and attempts. */
  function traineeDetail(r: ResultRow, detailId: string) {
    // Under the assignment's heading in the table; under the trainee's own in a card.
    const Heading = narrow ? 'h4' : 'h3';
    return (
      <section class="results-detail" id={detailId} aria-labelledby={`${detailId}-h`} data-testid="trainee-detail">
        <Heading id={`${detailId}-h`}>{fill(s.detailHeading, { name: r.name })}</Heading>
        <table class="detail-table">
          <thead>
            <tr>
              <th scope="col">{s.colLesson}</th>
              <th scope="col">{s.colDone}</th>
              <th scope="col">{s.colExercises}</th>
            </tr>
          </thead>
          <tbody>
            {r.cells.map((c) => (
              <tr key={c.lesson} data-lesson={c.lesson} data-read={c.read ? 'yes' : 'no'}>
                <th scope="row">{lessonTitle(c.lesson)}</th>
                <td>{c.read ? formatDate(c.read, lang) : r.state === 'no-report' ? '–' : s.notRead}</td>
                <td>
                  {course.exercises
                    .filter((x) => x.lesson === c.lesson)
                    .map((x) => (
                      <span class="results-score" key={x.id}>
                        {fill(s.exerciseNamed, {
                          title: exercise(x.id).title,
                          result: exerciseText(
                            s,
                            lang,
                            c.exercises.find((e) => e.id === x.id),
                          ),
                        })}
                      </span>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }

  /** One lesson across the trainees, in the table's order. */
  function lessonDetail(l: string, detailId: string) {
    const v = lessonView(table, rows, l, course);
    return (
      <section class="results-detail" id={detailId} aria-labelledby={`${detailId}-h`} data-testid="lesson-detail">
        <h4 id={`${detailId}-h`}>{fill(s.lessonHeading, { title: lessonTitle(l) })}</h4>
        <table class="detail-table">
          <thead>
            <tr>
              <th scope="col">{s.colTrainee}</th>
              <th scope="col">{s.colDone}</th>
              {v.ids.map((x) => (
                <th scope="col" key={x}>
                  {exercise(x).title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.entries.map((e) => (
              <tr key={e.name} data-trainee={e.name} data-read={e.read ? 'yes' : 'no'}>
                <th scope="row">{e.name}</th>
                <td>
                  {e.read ? formatDate(e.read, lang) : s[e.row.state === 'no-report' ? 'state-no-report' : 'notRead']}
                </td>
                {v.ids.map((x) => (
                  <td key={x}>
                    {exerciseText(
                      s,
                      lang,
                      e.exercises.find((y) => y.id === x),
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }

  const [failed, setFailed] = useState(false);
  // The files' code (and the Excel writer) loads on the first click: most visits download nothing.
  async function download(kind: 'csv' | 'xlsx') {
    setFailed(false);
    try {
      const { resultsFile } = await import('../lib/results-export');
      const file = await resultsFile(kind, table, rows, outline, s, lang, navigator.languages);
      downloadBlob(file.name, file.blob);
    } catch {
      setFailed(true);
    }
  }

  const hardest = cohort.hardest;
  const detailId = `${id}-d`;
  const facts: Exclude<SortKey, 'name'>[] = ['state', 'read', 'average', 'due', 'at'];

  return (
    <section class="results-assignment" aria-labelledby={id} data-assignment={table.scope.id}>
      <h2 id={id}>{table.scope.title}</h2>
      <p class="meta">
        {due ? fill(s.due, { date: formatDue(due, lang) }) : s.noDue} · {plural(s, 'trainees', rows.length, lang)}
      </p>
      <dl class="cohort" data-testid="cohort">
        <div data-figure="complete">
          <dt>{s.figComplete}</dt>
          <dd>{fill(s.figCompleteValue, { done: cohort.done, total: cohort.trainees, rate: percent(cohort.rate) })}</dd>
        </div>
        <div data-figure="average">
          <dt>{s.colAverage}</dt>
          <dd>{percent(cohort.average)}</dd>
        </div>
        <div data-figure="behind">
          <dt>{s.figBehind}</dt>
          <dd>{fill(s.figBehindValue, { late: cohort.late, overdue: cohort.overdue })}</dd>
        </div>
        <div data-figure="no-report">
          <dt>{s['state-no-report']}</dt>
          <dd>{cohort.noReport}</dd>
        </div>
        <div data-figure="hardest">
          <dt>{s.figHardest}</dt>
          <dd>
            {hardest
              ? fill(s.figHardestValue, {
                  title: exercise(hardest.id).title,
                  missed: hardest.missed,
                  tried: hardest.tried,
                })
              : cohort.tried
                ? s.figHardestNone
                : s.exercisesNone}
          </dd>
        </div>
      </dl>
      {narrow ? (
        <>
          <p class="sort-controls">
            <label>
              {s.sortLabel}{' '}
              <select
                value={sort.key}
                onChange={(ev) => setSort({ ...sort, key: (ev.currentTarget as HTMLSelectElement).value as SortKey })}
              >
                {SORT_KEYS.map((k) => (
                  <option value={k} key={k}>
                    {s[COLUMN_LABEL[k]]}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {s.orderLabel}{' '}
              <select
                value={sort.direction}
                onChange={(ev) =>
                  setSort({ ...sort, direction: (ev.currentTarget as HTMLSelectElement).value as Direction })
                }
              >
                <option value="ascending">{s.ascending}</option>
                <option value="descending">{s.descending}</option>
              </select>
            </label>
          </p>
          <ul class="result-cards" aria-label={fill(s.tableLabel, { title: table.scope.title })}>
            {rows.map((r) => {
              const isFresh = fresh.has(rowKey(table.scope.id, r.name));
              return (
                <li
                  key={r.name}
                  data-trainee={r.name}
                  data-state={r.state}
                  data-fresh={isFresh || undefined}
                  class={isFresh ? 'result-card is-fresh' : 'result-card'}
                >
                  <h3 class="result-card__name" tabIndex={-1}>
                    {name(r, isFresh)}
                  </h3>
                  <dl class="result-card__facts">
                    {facts.map((k) => (
                      <div key={k} data-col={k}>
                        <dt>{s[COLUMN_LABEL[k]]}</dt>
                        <dd class={k === 'state' ? `due-state due-state--${r.state}` : undefined}>{value(k, r)}</dd>
                      </div>
                    ))}
                  </dl>
                  <p class="button-row">{actions(r, detailId)}</p>
                  {open === r.name && traineeDetail(r, detailId)}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <div
          class="table-scroll"
          role="region"
          aria-label={fill(s.tableLabel, { title: table.scope.title })}
          tabIndex={0}
        >
          <table class="results-table">
            <thead>
              <tr>
                {SORT_KEYS.map(header)}
                <th scope="col">
                  <span class="visually-hidden">{s.colActions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const isFresh = fresh.has(rowKey(table.scope.id, r.name));
                return (
                  <Fragment key={r.name}>
                    <tr
                      data-trainee={r.name}
                      data-state={r.state}
                      data-fresh={isFresh || undefined}
                      class={isFresh ? 'is-fresh' : undefined}
                    >
                      <th scope="row" tabIndex={-1}>
                        {name(r, isFresh)}
                      </th>
                      {facts.map((k) => (
                        <td key={k} data-col={k} class={k === 'state' ? `due-state due-state--${r.state}` : undefined}>
                          {value(k, r)}
                        </td>
                      ))}
                      <td data-col="actions">{actions(r, detailId)}</td>
                    </tr>
                    {open === r.name && (
                      <tr class="results-detail-row">
                        <td colSpan={7}>{traineeDetail(r, detailId)}</td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3>{s.byLesson}</h3>
      <table class="lesson-table">
        <thead>
          <tr>
            <th scope="col">{s.colLesson}</th>
            <th scope="col">{s.colDoneBy}</th>
            <th scope="col">{s.colAverage}</th>
          </tr>
        </thead>
        <tbody>
          {table.lessons.map((l, i) => {
            const shown = lessonOpen === l;
            const v = lessonView(table, rows, l, course);
            const tried = v.exercises.reduce((n, x) => n + x.tried, 0);
            return (
              <Fragment key={l}>
                <tr data-lesson={l}>
                  <th scope="row">
                    {/* The lesson's name opens it across the trainees. */}
                    <button
                      type="button"
                      class="disclosure"
                      aria-expanded={shown}
                      aria-controls={shown ? `${id}-l` : undefined}
                      onClick={() => setLessonOpen(shown ? null : l)}
                    >
                      {lessonTitle(l)}
                    </button>
                  </th>
                  <td>{fill(s.readCount, { read: table.totals.readBy[i], total: rows.length })}</td>
                  <td>
                    {percent(tried ? v.exercises.reduce((n, x) => n + x.average * x.tried, 0) / tried : undefined)}
                  </td>
                </tr>
                {shown && (
                  <tr class="results-detail-row">
                    <td colSpan={3}>{lessonDetail(l, `${id}-l`)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <p>
        <button type="button" class="button button--quiet" onClick={() => download('csv')}>
          {s.csv}
          <span class="visually-hidden">: {table.scope.title}</span>
        </button>{' '}
        <button type="button" class="button button--quiet" onClick={() => download('xlsx')}>
          {s.xlsx}
          <span class="visually-hidden">: {table.scope.title}</span>
        </button>
      </p>
      {/* An error, said at once; absent otherwise, so the page keeps one status region (the message). */}
      {failed && (
        <p role="alert" class="field-error">
          {s.downloadFailed}
        </p>
      )}
    </section>
  );
}
