/**
 * The trainer's assignment builder: choose lessons (whole modules collapse to their id, which keeps
 * links short), title, due date, note, language and trainee names; get one link per trainee with a
 * copy button and a QR code, and a CSV of all links. Encoding and limits live in src/lib/assignment.
 * The same lessons, title and language also make a package for the trainer's LMS (src/lib/lms/choice.ts
 * decides, src/islands/lms-download.ts builds it on the click).
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { assignmentLinks, buildAssignment, type AssignmentLink, type FormField } from '../lib/assign-form';
import {
  decodeAssignment,
  encodeAssignment,
  LIMITS,
  newAssignmentId,
  type Assignment,
  type AssignmentLang,
} from '../lib/assignment';
import { localDay } from '../lib/due';
import { DEFAULT_MASTERY, lmsChoice, type LmsField, type LmsRule } from '../lib/lms/choice';
import type { LmsFormat } from '../lib/lms/course';
import { fill, plural } from '../lib/format';
import { MAX_HELD, type SentAssignment } from '../lib/lists';
import { outlineIndex, type Outline } from '../lib/outline';
import { restoreMade } from '../stores/made';
import { sent } from '../stores/training';
import { copyText, downloadText, formatDate, formatDue } from './shared';
import type { Locale } from '../i18n/locales';
import type { UiStrings } from '../i18n/strings';

interface Props {
  /** BCP-47 tag for plurals: 'lv' */
  lang: string;
  /** The page's language: first in a package the learner may switch languages in */
  locale: Locale;
  outline: Outline;
  s: UiStrings['trainer'];
}

type Link = AssignmentLink;
type Field = FormField | LmsField;
/** The LMS download: nothing yet, building, saved (the file and its size), or failed. */
type LmsState = { kind: 'idle' } | { kind: 'building' } | { kind: 'ready'; text: string } | { kind: 'failed' };

const LMS_FORMATS: readonly { id: LmsFormat; label: 'lmsScorm12' | 'lmsScorm2004' | 'lmsCmi5' }[] = [
  { id: 'scorm12', label: 'lmsScorm12' },
  { id: 'scorm2004', label: 'lmsScorm2004' },
  { id: 'cmi5', label: 'lmsCmi5' },
];

export default function TrainerAssign({ lang, locale, outline, s }: Props) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [language, setLanguage] = useState<'' | AssignmentLang>('');
  const [names, setNames] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [links, setLinks] = useState<{ title: string; list: Link[] } | null>(null);
  // The QR encoder (uqr, about 4 KB) loads once links are made: most visits of this page make none.
  const [qrPath, setQrPath] = useState<typeof import('../lib/qr').qrPath | null>(null);
  useEffect(() => {
    if (links && !qrPath) import('../lib/qr').then((m) => setQrPath(() => m.qrPath));
  }, [links]);
  /** The list of made assignments was at its limit: this one was not kept (its links still work). */
  const [madeFull, setMadeFull] = useState(false);
  const made = useStore(sent.$list);
  const saved = useStore(sent.$saved);
  const [copied, setCopied] = useState<{ index: number; ok: boolean } | null>(null);
  const [lmsFormat, setLmsFormat] = useState<LmsFormat>('scorm12');
  const [lmsRule, setLmsRule] = useState<LmsRule>('completed');
  const [mastery, setMastery] = useState(DEFAULT_MASTERY);
  const [lms, setLms] = useState<LmsState>({ kind: 'idle' });
  const summary = useRef<HTMLDivElement>(null);
  const results = useRef<HTMLHeadingElement>(null);
  // "Remove from this list" takes effect at once and offers Undo, as removing a report does on the
  // results page: the last assignment removed, so one click brings it back.
  const [removed, setRemoved] = useState<{ entry: SentAssignment; title: string } | null>(null);
  const [madeMessage, setMadeMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const madeStatus = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  // The Remove button pressed is gone: focus goes to Undo.
  useEffect(() => {
    if (removed) undoButton.current?.focus();
  }, [removed]);

  const lessons = outline.modules.flatMap((m) => m.lessons);
  const picked = lessons.filter((l) => chosen.has(l.id));
  const minutes = picked.reduce((sum, l) => sum + l.minutes, 0);

  function toggle(ids: string[], on: boolean) {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setChosen(next);
    setLinks(null);
  }

  function create(event: Event) {
    event.preventDefault();
    // Today in the trainer's time zone, as the date input writes dates.
    const built = buildAssignment(
      { chosen, title, due, note, language, names },
      outline,
      localDay(Date.now()),
      newAssignmentId,
    );
    if (!built.ok) {
      setErrors(
        Object.fromEntries(Object.entries(built.problems).map(([field, p]) => [field, fill(s[p.key], p.values ?? {})])),
      );
      setLinks(null);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    const code = encodeAssignment(built.assignment);
    const { trainees } = built;
    setMadeFull(
      sent.add({ code, added: Date.now(), ...(trainees.length ? { trainees } : {}) }, (x) => x.code === code) ===
        'limit',
    );
    show(built.assignment, trainees);
  }

  function show(a: Assignment, trainees: readonly string[]) {
    setLinks({ title: a.title, list: assignmentLinks(a, trainees, location.origin) });
    setCopied(null);
    requestAnimationFrame(() => {
      // Focus alone scrolls no further than the heading itself: at 1366 × 768 it stopped on the last
      // line, with every link below the fold. The heading goes to the top instead (below the sticky
      // header: scroll-margin-top), so the first link shows too.
      results.current?.scrollIntoView({ block: 'start' });
      results.current?.focus({ preventScroll: true });
    });
  }

  const course = outlineIndex(outline);

  function removeMade(entry: SentAssignment, title: string) {
    sent.remove(entry.code);
    setRemoved({ entry, title });
    setMadeMessage({ ok: true, text: fill(s.madeRemoved, { title }) });
  }

  function undoRemove() {
    if (!removed) return;
    // Back as it was, merged into what this and other tabs hold now (src/lib/restore.ts).
    const outcome = restoreMade(removed.entry);
    setMadeMessage(
      outcome === 'limit'
        ? { ok: false, text: fill(s.madeLimit, { max: MAX_HELD }) }
        : { ok: true, text: fill(s.madeRestored, { title: removed.title }) },
    );
    setRemoved(null);
    madeStatus.current?.focus();
  }

  async function downloadLms() {
    // aria-disabled keeps the button focusable while building, so a second press lands here.
    if (lms.kind === 'building') return;
    const checked = lmsChoice({ chosen, title, language, format: lmsFormat, rule: lmsRule, mastery }, outline, locale);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.problems).map(([field, key]) => [field, s[key]])));
      setLms({ kind: 'idle' });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    setLms({ kind: 'building' });
    try {
      // The package code loads on the first click (src/islands/lms-download.ts).
      const { downloadPackage } = await import('./lms-download');
      const { name, size } = await downloadPackage(checked.choice, lang);
      setLms({ kind: 'ready', text: fill(s.lmsReady, { file: name, size }) });
    } catch {
      setLms({ kind: 'failed' });
    }
  }

  async function copy(index: number, text: string) {
    setCopied({ index, ok: await copyText(text) });
  }

  async function csv() {
    if (!links) return;
    // The file's code loads on the first click (src/lib/links-export.ts).
    const { linksFile } = await import('../lib/links-export');
    const file = linksFile(links, outline, s, lang, navigator.languages);
    downloadText(file.name, file.text, 'text/csv;charset=utf-8');
  }

  const describedBy = (field: Field, help?: string) =>
    [errors[field] && `${field}-error`, help].filter(Boolean).join(' ') || undefined;
  const errorText = (field: Field) =>
    errors[field] && (
      <p id={`${field}-error`} class="field-error">
        {errors[field]}
      </p>
    );

  return (
    <form class="trainer-form" onSubmit={create} noValidate>
      {Object.keys(errors).length > 0 && (
        <div class="message message--error" role="alert" tabIndex={-1} ref={summary}>
          <p>{s.fixErrors}</p>
          <ul>
            {Object.entries(errors).map(([field, text]) => (
              <li key={field}>
                <a href={`#field-${field}`}>{text}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset class="choose-lessons" id="field-lessons" aria-describedby={describedBy('lessons', 'total-time')}>
        <legend>
          <h2>{s.whatHeading}</h2>
        </legend>
        {errorText('lessons')}
        {outline.modules.map((m) => {
          const ids = m.lessons.map((l) => l.id);
          const count = ids.filter((id) => chosen.has(id)).length;
          return (
            <div class="choose-module" key={m.id}>
              <p class="choose-module__head">
                <input
                  type="checkbox"
                  id={`m-${m.id}`}
                  data-module={m.id}
                  checked={count === ids.length}
                  ref={(el) => {
                    if (el) el.indeterminate = count > 0 && count < ids.length;
                  }}
                  onChange={(e) => toggle(ids, (e.currentTarget as HTMLInputElement).checked)}
                />
                <label for={`m-${m.id}`}>
                  <strong>{m.title}</strong> <span class="meta">{fill(s.wholeModule, { minutes: m.minutes })}</span>
                </label>
              </p>
              <ul class="choose-module__lessons">
                {m.lessons.map((l) => (
                  <li key={l.id}>
                    <input
                      type="checkbox"
                      id={`l-${l.id}`}
                      data-lesson={l.id}
                      checked={chosen.has(l.id)}
                      onChange={(e) => toggle([l.id], (e.currentTarget as HTMLInputElement).checked)}
                    />
                    <label for={`l-${l.id}`}>
                      {l.number} {l.title} <span class="meta">{fill(s.minutes, { minutes: l.minutes })}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <p id="total-time" class="choose-total" aria-live="polite">
          <strong>{plural(s, 'total', picked.length, lang, { minutes })}</strong>
        </p>
      </fieldset>

      <h2>{s.detailsHeading}</h2>
      <p class="field">
        <label for="field-title">{s.assignmentTitle}</label>
        <input
          id="field-title"
          type="text"
          required
          maxLength={LIMITS.title}
          value={title}
          aria-invalid={errors.title ? 'true' : undefined}
          aria-describedby={describedBy('title')}
          onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
        />
        {errorText('title')}
      </p>
      <p class="field">
        <label for="field-due">{s.dueDate}</label>
        <input
          id="field-due"
          type="date"
          min={localDay(Date.now())}
          value={due}
          aria-invalid={errors.due ? 'true' : undefined}
          aria-describedby={describedBy('due')}
          onInput={(e) => setDue((e.currentTarget as HTMLInputElement).value)}
        />
        {errorText('due')}
      </p>
      <p class="field">
        <label for="field-note">{s.note}</label>
        <textarea
          id="field-note"
          rows={3}
          maxLength={LIMITS.note}
          aria-describedby="note-help"
          value={note}
          onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <span id="note-help" class="meta">
          {fill(s.noteHelp, { max: LIMITS.note })}
        </span>
      </p>
      <p class="field">
        <label for="field-language">{s.language}</label>
        <select
          id="field-language"
          value={language}
          onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as AssignmentLang | '')}
        >
          <option value="">{s.languageChoice}</option>
          {Object.entries(outline.languages).map(([id, label]) => (
            <option value={id} key={id}>
              {label}
            </option>
          ))}
        </select>
      </p>
      <p class="field" id="field-trainees-wrap">
        <label for="field-trainees">{s.trainees}</label>
        <textarea
          id="field-trainees"
          rows={5}
          value={names}
          aria-invalid={errors.trainees ? 'true' : undefined}
          aria-describedby={describedBy('trainees', 'trainees-help')}
          onInput={(e) => setNames((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <span id="trainees-help" class="meta">
          {fill(s.traineesHelp, { max: LIMITS.trainees, chars: LIMITS.name })}
        </span>
        {errorText('trainees')}
      </p>
      <p>
        <button type="submit" class="button">
          {s.create}
        </button>
      </p>

      {links && (
        <section class="assignment-links" aria-labelledby="links-title">
          <h2 id="links-title" tabIndex={-1} ref={results}>
            {s.linksHeading}
          </h2>
          {!saved && <p class="message message--error">{s.notSaved}</p>}
          {madeFull && <p class="message message--error">{fill(s.madeLimit, { max: MAX_HELD })}</p>}
          <p>
            <strong>{links.title}</strong>
          </p>
          <p class="meta">{s.privacy}</p>
          <p>
            <button type="button" class="button button--quiet" onClick={csv}>
              {s.csv}
            </button>
          </p>
          <ul class="link-cards">
            {links.list.map((link, i) => {
              const label = link.name ? fill(s.linkFor, { name: link.name }) : s.linkEveryone;
              const qr = qrPath?.(link.url);
              return (
                <li class="link-card" key={link.url} data-trainee={link.name ?? ''}>
                  <h3 id={`link-${i}`}>{label}</h3>
                  <textarea
                    class="link-text"
                    rows={3}
                    readOnly
                    aria-labelledby={`link-${i}`}
                    aria-describedby={`link-${i}-len`}
                    value={link.url}
                    onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()}
                  />
                  <p class="meta" id={`link-${i}-len`}>
                    {plural(s, 'linkLength', link.url.length, lang)}
                  </p>
                  <p class="link-card__actions">
                    <button
                      type="button"
                      class="button button--small"
                      aria-describedby={`link-${i}`}
                      onClick={() => copy(i, link.url)}
                    >
                      {s.copy}
                    </button>
                    <span role="status">{copied?.index === i ? (copied.ok ? s.copied : s.copyFailed) : ''}</span>
                  </p>
                  {qr && (
                    <svg
                      class="qr"
                      viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`}
                      role="img"
                      aria-label={fill(s.qr, { name: link.name ?? s.linkEveryone })}
                      shape-rendering="crispEdges"
                    >
                      <rect x="-4" y="-4" width={qr.size + 8} height={qr.size + 8} fill="#fff" />
                      <path d={qr.path} fill="#000" />
                    </svg>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section class="lms-download" aria-labelledby="lms-title">
        <h2 id="lms-title">{s.lmsHeading}</h2>
        <p>{s.lmsIntro}</p>
        <fieldset class="option-group">
          <legend>{s.lmsFormat}</legend>
          {LMS_FORMATS.map((f) => (
            <p class="option" key={f.id}>
              <input
                type="radio"
                name="lms-format"
                id={`lms-format-${f.id}`}
                value={f.id}
                checked={lmsFormat === f.id}
                onChange={() => setLmsFormat(f.id)}
              />
              <label for={`lms-format-${f.id}`}>{s[f.label]}</label>
            </p>
          ))}
        </fieldset>
        <fieldset class="option-group">
          <legend>{s.lmsRule}</legend>
          {(['completed', 'passed'] as const).map((rule) => (
            <p class="option" key={rule}>
              <input
                type="radio"
                name="lms-rule"
                id={`lms-rule-${rule}`}
                value={rule}
                checked={lmsRule === rule}
                onChange={() => {
                  setLmsRule(rule);
                  // A score that is no longer asked for has nothing left to fix.
                  if (rule === 'completed' && errors.mastery) {
                    const rest = { ...errors };
                    delete rest.mastery;
                    setErrors(rest);
                  }
                }}
              />
              <label for={`lms-rule-${rule}`}>{rule === 'completed' ? s.lmsCompleted : s.lmsPassed}</label>
            </p>
          ))}
          {lmsRule === 'passed' && (
            <p class="field option-group__detail">
              <label for="field-mastery">{s.lmsMastery}</label>
              <input
                id="field-mastery"
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                step={1}
                value={mastery}
                aria-invalid={errors.mastery ? 'true' : undefined}
                aria-describedby={describedBy('mastery', 'mastery-help')}
                onInput={(e) => setMastery((e.currentTarget as HTMLInputElement).value)}
                onKeyDown={(e) => {
                  // Enter in a field submits the form, which here would make links: it downloads instead.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void downloadLms();
                  }
                }}
              />
              <span id="mastery-help" class="meta">
                {s.lmsMasteryHelp}
              </span>
              {errorText('mastery')}
            </p>
          )}
        </fieldset>
        <p>
          <button
            type="button"
            class="button"
            aria-disabled={lms.kind === 'building' ? 'true' : undefined}
            onClick={downloadLms}
          >
            {s.lmsDownload}
          </button>
        </p>
        <div role="status" class="lms-download__status">
          {lms.kind === 'building' && <p>{s.lmsBuilding}</p>}
          {lms.kind === 'ready' && <p class="message message--ok">{lms.text}</p>}
        </div>
        {/* Inserted with its words, as the form's error summary is: read out at once. */}
        {lms.kind === 'failed' && (
          <p role="alert" class="message message--error">
            {s.lmsFailed}
          </p>
        )}
      </section>

      {(made.length > 0 || madeMessage) && (
        <section aria-labelledby="made-title">
          <h2 id="made-title">{s.madeHeading}</h2>
          <p class="meta">{s.madeHelp}</p>
          <div role="status" tabIndex={-1} ref={madeStatus} class="made-status">
            {madeMessage && (
              <p class={`message message--${madeMessage.ok ? 'ok' : 'error'}`}>
                {madeMessage.text}
                {removed && (
                  <>
                    {' '}
                    <button
                      type="button"
                      class="button button--small button--quiet"
                      ref={undoButton}
                      onClick={undoRemove}
                    >
                      {s.undo}
                    </button>
                  </>
                )}
              </p>
            )}
          </div>
          <ul class="made-list">
            {made.map((entry) => {
              const d = decodeAssignment(entry.code, course);
              if (!d.ok) return null;
              return (
                <li key={entry.code} data-assignment={d.value.id}>
                  <strong>{d.value.title}</strong>
                  <span class="meta">
                    {' '}
                    · {fill(s.madeOn, { date: formatDate(entry.added, lang) })}
                    {d.value.due && ` · ${fill(s.due, { date: formatDue(d.value.due, lang) })}`}
                    {entry.trainees?.length ? ` · ${entry.trainees.join(', ')}` : ''}
                  </span>
                  <span class="button-row">
                    <button
                      type="button"
                      class="button button--small button--quiet"
                      onClick={() => show(d.value, entry.trainees ?? [])}
                    >
                      {s.showLinks}
                      <span class="visually-hidden">: {d.value.title}</span>
                    </button>
                    <button
                      type="button"
                      class="button button--small button--quiet"
                      onClick={() => removeMade(entry, d.value.title)}
                    >
                      {s.removeMade}
                      <span class="visually-hidden">: {d.value.title}</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </form>
  );
}
