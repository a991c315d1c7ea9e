/**
 * The trainer's results: paste or open reports (several at once), see one sortable table per
 * assignment (trainees × assigned lessons, with scores, due-date state and totals), export CSV and
 * Excel (src/lib/results-export.ts, loaded on the first download).
 * Reports are kept in this browser as their codes; decoding and the table are src/lib functions.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { decodeAssignment, decodeReport, encodeReport, type CodeError, type Report } from '../lib/assignment';
import { fill, percent, plural } from '../lib/format';
import { MAX_REPORTS, type StoredReport } from '../lib/lists';
import { outlineIndex, type Outline } from '../lib/outline';
import { pastedCodes, resultTables, sortRows, type AddOutcome, type ResultTable, type SortKey } from '../lib/results';
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
    requestAnimationFrame(() => statusRef.current?.focus());
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

const COLUMNS: SortKey[] = ['name', 'read', 'average', 'state', 'at'];
const COLUMN_LABEL: Record<SortKey, StringKey<UiStrings['results']>> = {
  name: 'colTrainee',
  read: 'colRead',
  average: 'colAverage',
  state: 'colState',
  at: 'colReported',
};

interface TableProps {
  table: ResultTable;
  lang: string;
  outline: Outline;
  s: UiStrings['results'];
  onRemove: (name: string) => void;
}

function ResultsTable({ table, lang, outline, s, onRemove }: TableProps) {
  const [sort, setSort] = useState<{ key: SortKey; direction: 'ascending' | 'descending' }>({
    key: 'name',
    direction: 'ascending',
  });
  const lessons = outline.modules.flatMap((m) => m.lessons);
  const lesson = (id: string) => lessons.find((l) => l.id === id)!;
  const exercise = (id: string) => outline.exercises.find((x) => x.id === id)!;
  const rows = sortRows(table.rows, sort.key, sort.direction, lang);
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

  return (
    <section class="results-assignment" aria-labelledby={id} data-assignment={table.scope.id}>
      <h2 id={id}>{table.scope.title}</h2>
      <p class="meta">
        {table.scope.due ? fill(s.due, { date: formatDue(table.scope.due, lang) }) : s.noDue} ·{' '}
        {plural(s, 'trainees', rows.length, lang)}
      </p>
      <div
        class="table-scroll"
        role="region"
        aria-label={fill(s.tableLabel, { title: table.scope.title })}
        tabIndex={0}
      >
        <table class="results-table">
          <thead>
            <tr>
              {header('name')}
              {table.lessons.map((l) => (
                <th scope="col" key={l} class="results-table__lesson">
                  {lesson(l).number} {lesson(l).title}
                </th>
              ))}
              {COLUMNS.slice(1).map(header)}
              <th scope="col">
                <span class="visually-hidden">{s.removeOne}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} data-trainee={r.name} data-state={r.state}>
                <th scope="row">
                  <span class="results-name">{r.name}</span>
                  {r.conflict && (
                    <span class="results-conflict" data-testid="conflict">
                      {fill(s.conflict, {
                        title: r.conflict.title,
                        due: r.conflict.due ? formatDue(r.conflict.due, lang) : s.noDue,
                      })}
                    </span>
                  )}
                </th>
                {r.cells.map((c) => (
                  <td key={c.lesson} data-lesson={c.lesson} data-read={c.read ? 'yes' : 'no'}>
                    {c.read ? (
                      <>
                        <span aria-hidden="true" class="tick">
                          ✓{' '}
                        </span>
                        {fill(s.readOn, { date: formatDate(c.read, lang) })}
                      </>
                    ) : (
                      <span class="meta">{r.state === 'no-report' ? '–' : s.notRead}</span>
                    )}
                    {c.exercises.map((x) => (
                      <span class="results-score" key={x.id}>
                        {fill(s.exerciseScore, {
                          title: exercise(x.id).title,
                          best: percent(x.best),
                          attempts: x.attempts,
                        })}
                      </span>
                    ))}
                  </td>
                ))}
                <td data-col="read">{fill(s.readCount, { read: r.read, total: r.total })}</td>
                <td data-col="average">{percent(r.average)}</td>
                <td data-col="state" class={`due-state due-state--${r.state}`}>
                  {s[`state-${r.state}`]}
                </td>
                <td data-col="at">{r.at ? formatDate(r.at, lang, true) : '–'}</td>
                <td>
                  {r.at !== undefined && (
                    <button type="button" class="button button--small button--quiet" onClick={() => onRemove(r.name)}>
                      {s.removeOne}
                      <span class="visually-hidden">: {r.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="totals">
              <th scope="row">{s.totalRow}</th>
              {table.totals.readBy.map((n, i) => (
                <td key={table.lessons[i]}>{fill(s.lessonReadBy, { read: n, total: rows.length })}</td>
              ))}
              <td>{fill(s.completeCount, { done: table.totals.complete, total: rows.length })}</td>
              <td>{percent(table.totals.average)}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
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
      <p role="status" class="field-error">
        {failed && s.downloadFailed}
      </p>
    </section>
  );
}
