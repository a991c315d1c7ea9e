/**
 * The frame of an LMS package (src/pages/lms/index.astro): finds the LMS, restores progress from
 * it, shows the package's lessons in the inner frame, and reports to the LMS as the learner works.
 *
 * The lesson pages inside are the site's own (src/layouts/Package.astro): they keep progress in
 * the browser exactly as on the site, and this frame sees every change through the progress
 * store (the `storage` event from the inner frame). So the LMS is an extra place the progress goes,
 * never the only one: with no LMS, a refusing LMS or a failing one, nothing is lost locally.
 *
 * Reporting: values are handed to the LMS half a second after a change (cheap, in the page);
 * they are committed (the LMS saves them, often over the network) at once when completion,
 * passed/failed, the score or a lesson's state changes, else at most every 10 seconds, and on
 * leaving. A failed call is tried again with growing pauses and the learner is told until it
 * goes through.
 */
import { continueLesson, lessonState } from '../lib/completion';
import { fill } from '../lib/fill';
import type { LmsConnection, LmsStart } from '../lib/lms/connection';
import {
  lessonFile,
  lessonOfFile,
  PACKAGE_FILE,
  parsePackageConfig,
  type LmsCourse,
  type PackageConfig,
} from '../lib/lms/course';
import { newInteractions, type Interaction } from '../lib/lms/interactions';
import { cmi5Connection, type Cmi5Start } from '../lib/lms/cmi5';
import { findApi, scormConnection } from '../lib/lms/scorm';
import { lmsStatus, packageExercises, type LmsStatus } from '../lib/lms/status';
import { decodeSuspend, encodeSuspend } from '../lib/lms/suspend';
import { mergeProgress, type Progress } from '../lib/progress';
import { isLocale, type Locale } from '../i18n/locales';
import { $progress, startProgress, updateProgress } from '../stores/progress';
import { currentPlace, goToPlace } from './place';

type Strings = Record<string, string>;
const course = JSON.parse(document.body.dataset.lmsCourse!) as LmsCourse;
const strings = JSON.parse(document.body.dataset.lmsStrings!) as Record<Locale, Strings>;
const exit = document.querySelector<HTMLButtonElement>('[data-lms-exit]')!;
const frame = document.querySelector<HTMLIFrameElement>('[data-lms-frame]')!;
const statusBox = document.querySelector<HTMLElement>('[data-lms-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-lms-list]')!;
const contents = document.querySelector<HTMLDetailsElement>('[data-lms-contents]')!;
const prev = document.querySelector<HTMLButtonElement>('[data-lms-prev]')!;
const next = document.querySelector<HTMLButtonElement>('[data-lms-next]')!;
const position = document.querySelector<HTMLElement>('[data-lms-position]')!;
const count = document.querySelector<HTMLElement>('[data-lms-count]')!;
const languageBox = document.querySelector<HTMLElement>('[data-lms-language]')!;
const languageSelect = languageBox.querySelector('select')!;

let lang: Locale = 'en';
let message: { key: string; tone: 'info' | 'error' } | null = null;
const s = (key: string) => strings[lang][key] ?? strings.en[key];

function say(key: string | null, tone: 'info' | 'error' = 'info') {
  message = key ? { key, tone } : null;
  statusBox.textContent = key ? s(key) : '';
  statusBox.className = key ? `lms-status message message--${tone === 'error' ? 'error' : 'info'}` : 'lms-status';
}

/** The browser's first language that the package has, else the package's first. */
function browserLanguage(allowed: readonly Locale[]): Locale {
  for (const tag of navigator.languages ?? []) {
    const id = tag.toLowerCase().split('-')[0];
    if (isLocale(id) && allowed.includes(id)) return id;
  }
  return allowed[0];
}

async function loadConfig(): Promise<PackageConfig | null> {
  try {
    const response = await fetch(PACKAGE_FILE, { cache: 'no-cache' });
    return response.ok ? parsePackageConfig(await response.json(), course) : null;
  } catch {
    return null;
  }
}

function connect(config: PackageConfig): LmsConnection | null {
  if (config.format === 'cmi5') return cmi5Connection(location.href);
  const api = findApi(window as unknown as Parameters<typeof findApi>[0], config.format);
  return api ? scormConnection(api, config.format) : null;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const config = await loadConfig();
  if (!config) {
    lang = browserLanguage(['en', 'ms', 'zh', 'lv']);
    applyLanguage();
    say('badPackage', 'error');
    return;
  }
  lang = browserLanguage(config.languages);
  startProgress();

  const connection = connect(config);
  let start: LmsStart = {};
  let live = false;
  if (!connection) say('noLms');
  else {
    try {
      start = await connection.start();
      live = start.mode === 'normal' || start.mode === undefined;
      if (!live) say('review');
    } catch {
      say('refused', 'error');
    }
  }

  // What the LMS held comes back merged with what this browser holds: neither side loses work.
  if (start.suspend) {
    const restored = decodeSuspend(start.suspend);
    if (restored.status === 'corrupt' || restored.status === 'repaired' || restored.status === 'unknown-version')
      say('damaged', 'error');
    updateProgress((p) => mergeProgress(p, restored.progress));
  }
  const pkg = { lessons: config.lessons, mastery: start.mastery ?? config.mastery };
  const exercisesOf = (id: string) => course.lessons.find((l) => l.id === id)?.exercises ?? [];

  // Where to open: the place the LMS kept, else where "Continue" would go, else the first lesson.
  const kept = start.location ? lessonOfFile(start.location.split('#')[0], course) : null;
  const keptHere = kept && config.lessons.includes(kept.lesson) ? kept : null;
  if (keptHere && config.languages.includes(keptHere.lang)) lang = keptHere.lang;
  else if (start.language && config.languages.includes(start.language)) lang = start.language;
  const first = keptHere?.lesson ?? continueLesson($progress.get(), config.lessons, exercisesOf) ?? config.lessons[0];
  const hash = keptHere && start.location?.includes('#') ? '#' + start.location.split('#')[1] : '';
  let current = { lesson: first, lang };

  // --- Navigation -------------------------------------------------------------------------------
  document.title = config.title;
  const titleOf = (id: string) => course.lessons.find((l) => l.id === id)!.title[lang];
  const open = (lesson: string, place = '') => {
    frame.src = lessonFile(lang, lesson) + place;
  };

  function render() {
    applyLanguage();
    const p = $progress.get();
    const at = config!.lessons.indexOf(current.lesson);
    position.textContent = fill(s('position'), {
      position: fill(s('lessonOf'), { number: at + 1, total: config!.lessons.length }),
      title: titleOf(current.lesson),
    });
    // On a phone the position line gives way to the lesson; the count stays beside "Contents".
    count.textContent = `${at + 1}/${config!.lessons.length}`;
    frame.title = fill(s('frame'), { title: titleOf(current.lesson) });
    document.title = `${titleOf(current.lesson)} · ${config!.title}`;
    const step = (button: HTMLButtonElement, id: string | undefined) => {
      button.hidden = !id;
      button.dataset.lesson = id ?? '';
    };
    step(prev, config!.lessons[at - 1]);
    step(next, config!.lessons[at + 1]);
    list.replaceChildren(
      ...config!.lessons.map((id, i) => {
        const li = document.createElement('li');
        const state = lessonState(p, id, exercisesOf(id));
        const a = document.createElement('a');
        a.href = lessonFile(lang, id);
        a.target = 'lesson';
        a.textContent = `${i + 1}. ${titleOf(id)}`;
        if (id === current.lesson) a.setAttribute('aria-current', 'page');
        const mark = document.createElement('span');
        mark.className = `lms-state lms-state--${state}`;
        mark.textContent = ` · ${s(state === 'done' ? 'stateDone' : state === 'started' ? 'stateStarted' : 'stateNew')}`;
        li.append(a, mark);
        return li;
      }),
    );
    const allDone = lmsStatus(p, course, pkg).completed;
    if (allDone && !message) say('allDone');
    if (!allDone && message?.key === 'allDone') say(null);
  }

  for (const button of [prev, next])
    button.addEventListener('click', () => {
      if (button.dataset.lesson) open(button.dataset.lesson);
    });

  list.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a')) contents.open = false;
  });

  if (config.languages.length > 1) {
    languageBox.hidden = false;
    languageSelect.replaceChildren(
      ...config.languages.map((id) => {
        const o = document.createElement('option');
        o.value = id;
        o.textContent = strings[id].label;
        o.lang = strings[id].tag;
        return o;
      }),
    );
    languageSelect.addEventListener('change', () => {
      const to = languageSelect.value;
      if (!isLocale(to) || !config.languages.includes(to)) return;
      // Same lesson, same place in it, in the other language.
      const place = placeInFrame();
      lang = to;
      open(current.lesson, place ? `#${place}` : '');
      render();
    });
  }

  function placeInFrame(): string {
    try {
      return frame.contentDocument ? currentPlace(frame.contentDocument) : '';
    } catch {
      return '';
    }
  }

  frame.addEventListener('load', () => {
    let path = '';
    try {
      path = frame.contentWindow?.location.pathname ?? '';
      const doc = frame.contentDocument;
      if (doc && frame.contentWindow?.location.hash) goToPlace(frame.contentWindow.location.hash, doc);
    } catch {
      return;
    }
    const at = lessonOfFile(path, course);
    // A lesson outside the package (never linked, but typed in) is not followed; the glossary keeps the current lesson.
    if (at && config.lessons.includes(at.lesson)) {
      current = at;
      if (at.lang !== lang && config.languages.includes(at.lang)) lang = at.lang;
    }
    render();
    schedule();
  });

  // --- Reporting --------------------------------------------------------------------------------
  const started = Date.now();
  const only = new Set(packageExercises(course, pkg));
  let seen: Progress = $progress.get();
  let pending: Interaction[] = [];
  let lastStatus = '';
  let reported: LmsStatus | undefined;
  let lastCommit = 0;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let commitTimer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;

  const location_ = () => `${lessonFile(lang, current.lesson)}${placeInFrame() ? '#' + placeInFrame() : ''}`;
  const statusKey = (st: LmsStatus) => `${st.completed}/${st.success ?? ''}/${st.score ?? ''}/${st.lessonsDone}`;

  $progress.subscribe((p) => {
    pending.push(...newInteractions(seen, p, course, only));
    seen = p;
    render();
    schedule();
  });

  function schedule(delay = 500) {
    if (!connection || !live || finished) return;
    clearTimeout(timer);
    timer = setTimeout(() => void send(), delay);
  }

  /** What the LMS is handed now; on leaving, passed/failed stays as last reported (never set while unloading). */
  function reportNow(leaving: boolean) {
    const p = $progress.get();
    const status = lmsStatus(p, course, pkg);
    if (leaving) {
      if (reported?.success) status.success = reported.success;
      else delete status.success;
    }
    const batch = pending;
    pending = [];
    return {
      status,
      promise: connection!.report({
        status,
        location: location_(),
        suspend: encodeSuspend(p),
        interactions: batch,
        sessionSeconds: (Date.now() - started) / 1000,
      }),
    };
  }

  async function send() {
    if (!connection || finished) return;
    const { status, promise } = reportNow(false);
    const { ok, unsent } = await promise;
    pending = [...unsent, ...pending];
    // Completion, passed/failed, the score or a lesson done is saved at once (an LMS may lose what
    // is only committed while the page unloads: browsers block its synchronous requests then), and
    // so is a retry after a failure; anything else at most every 10 s.
    const key = statusKey(status);
    const changed = key !== lastStatus;
    lastStatus = key;
    if (!ok) return failed();
    reported = status;
    const wait = changed || failures ? 0 : Math.max(0, lastCommit + 10_000 - Date.now());
    clearTimeout(commitTimer);
    commitTimer = setTimeout(() => void commit(), wait);
  }

  async function commit() {
    if (!connection || finished) return;
    lastCommit = Date.now();
    if (await connection.commit()) {
      if (failures) say('recovered');
      failures = 0;
    } else failed();
  }

  function failed() {
    failures++;
    say('failing', 'error');
    // 5 s, 10 s, 20 s … at most a minute between tries, for as long as the page is open.
    schedule(Math.min(60_000, 5_000 * 2 ** (failures - 1)));
  }

  const leave = () => {
    if (finished || !connection) return;
    clearTimeout(timer);
    clearTimeout(commitTimer);
    // The last answers and score go with the session's end (SCORM calls run at once, before the
    // page is gone). In review mode nothing is reported, but the session still ends (cmi5's terminated).
    if (live) void reportNow(true).promise;
    finished = true;
    connection.finish({
      location: location_(),
      suspend: encodeSuspend($progress.get()),
      sessionSeconds: (Date.now() - started) / 1000,
    });
  };
  addEventListener('pagehide', leave);
  addEventListener('beforeunload', leave);
  // cmi5 names where the learner goes when done (returnURL): the exit ends the session first.
  const returnUrl = (start as Cmi5Start).returnUrl;
  if (returnUrl) {
    exit.hidden = false;
    exit.addEventListener('click', () => {
      leave();
      location.href = returnUrl;
    });
  }

  render();
  open(current.lesson, hash);
  // The first report tells the LMS the package has begun (SCORM: incomplete), with the restored place.
  schedule(0);
}

function applyLanguage() {
  document.documentElement.lang = strings[lang].tag;
  for (const el of document.querySelectorAll<HTMLElement>('[data-lms-text]')) el.textContent = s(el.dataset.lmsText!);
  document.querySelector('[data-lms-nav]')?.setAttribute('aria-label', s('contents'));
  if (message) say(message.key, message.tone);
  languageSelect.value = lang;
}

void main();
