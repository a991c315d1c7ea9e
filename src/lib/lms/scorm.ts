/**
 * SCORM 1.2 and SCORM 2004 (4th edition) behind one LmsConnection. The API object is found the
 * standard way (ADL's discovery: this window, its parents, then the opener's), and every call is
 * guarded: an LMS that throws or answers "false" counts as a failed call, never as a crash.
 *
 * The two versions differ in names and vocabularies only; the table below holds them.
 * Limits kept: SCORM 1.2's suspend_data 4,096 characters (src/lib/lms/suspend.ts), location 255,
 * a response 255; at most 250 interactions per learner attempt (SCORM 2004's smallest permitted
 * maximum; SCORM 1.2 names none, and LMSs that store interactions in rows slow down with many).
 */
import { isLocale } from '../../i18n/locales';
import type { Interaction } from './interactions';
import type { LmsConnection, LmsReport, LmsStart } from './connection';

export type ScormVersion = 'scorm12' | 'scorm2004';

/** The calls an LMS's SCORM API offers, by their SCORM 2004 names (1.2's are mapped below). */
interface ScormCalls {
  init(): boolean;
  get(key: string): string;
  set(key: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
  error(): string;
}

/** A window as far as API discovery needs one; cross-origin windows throw when read. */
export interface ApiWindow {
  parent?: ApiWindow | null;
  opener?: ApiWindow | null;
  [key: string]: unknown;
}

const API_NAME: Record<ScormVersion, string> = { scorm12: 'API', scorm2004: 'API_1484_11' };
export const MAX_INTERACTIONS = 250;

function apiIn(win: ApiWindow, name: string): Record<string, unknown> | null {
  try {
    const api = win[name];
    return api && typeof api === 'object' ? (api as Record<string, unknown>) : null;
  } catch {
    return null; // a window of another origin
  }
}

function searchUp(start: ApiWindow, name: string): Record<string, unknown> | null {
  let win: ApiWindow | null | undefined = start;
  // ADL's algorithm gives up after 500 steps; real nesting is a few frames.
  for (let i = 0; win && i < 500; i++) {
    const api = apiIn(win, name);
    if (api) return api;
    let parent: ApiWindow | null | undefined;
    try {
      parent = win.parent;
    } catch {
      return null;
    }
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/** The LMS's API for a version: in this window's chain of parents, else the opener's. */
export function findApi(win: ApiWindow, version: ScormVersion): Record<string, unknown> | null {
  const name = API_NAME[version];
  const found = searchUp(win, name);
  if (found) return found;
  let opener: ApiWindow | null | undefined;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return opener ? searchUp(opener, name) : null;
}

function calls(api: Record<string, unknown>, version: ScormVersion): ScormCalls {
  const names =
    version === 'scorm12'
      ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError']
      : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError'];
  const call = (i: number, ...args: string[]): string => {
    try {
      const fn = api[names[i]];
      return typeof fn === 'function' ? String(fn.apply(api, args)) : 'false';
    } catch {
      return 'false';
    }
  };
  return {
    init: () => call(0, '') === 'true',
    get: (k) => call(1, k),
    set: (k, v) => call(2, k, v) === 'true',
    commit: () => call(3, '') === 'true',
    finish: () => call(4, '') === 'true',
    error: () => call(5),
  };
}

const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');

/** Seconds as SCORM 1.2's CMITimespan (HHHH:MM:SS.SS). */
export function timespan12(seconds: number): string {
  const s = Math.max(0, Math.round(seconds * 100) / 100);
  const h = Math.min(9999, Math.floor(s / 3600));
  const rest = s - h * 3600;
  return `${pad(h, 4)}:${pad(rest / 60)}:${pad(rest % 60)}.${pad(Math.round((rest % 1) * 100) % 100)}`;
}

/** Seconds as SCORM 2004's timeinterval (ISO 8601 duration, PT1H2M3S). */
export function duration2004(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `PT${Math.floor(s / 3600)}H${Math.floor((s % 3600) / 60)}M${s % 60}S`;
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The SCORM names and values of one report, in the order they are set. */
export function scormValues(
  version: ScormVersion,
  r: Omit<LmsReport, 'interactions'>,
  withStatus: boolean,
): [string, string][] {
  const out: [string, string][] = [];
  const { status } = r;
  if (version === 'scorm12') {
    if (withStatus) {
      out.push(['cmi.core.lesson_status', status.completed ? (status.success ?? 'completed') : 'incomplete']);
      if (status.score !== undefined) {
        out.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
        out.push(['cmi.core.score.raw', String(Math.round(status.score * 10000) / 100)]);
      }
    }
    out.push(['cmi.core.lesson_location', clip(r.location, 255)]);
    out.push(['cmi.suspend_data', r.suspend]);
  } else {
    if (withStatus) {
      out.push(['cmi.completion_status', status.completed ? 'completed' : 'incomplete']);
      out.push([
        'cmi.progress_measure',
        String(Math.round((status.lessonsDone / status.lessonsTotal) * 10000) / 10000),
      ]);
      out.push(['cmi.success_status', status.success ?? 'unknown']);
      if (status.score !== undefined) {
        out.push(['cmi.score.min', '0'], ['cmi.score.max', '100']);
        out.push(['cmi.score.raw', String(Math.round(status.score * 10000) / 100)]);
        out.push(['cmi.score.scaled', String(status.score)]);
      }
    }
    out.push(['cmi.location', clip(r.location, 1000)]);
    out.push(['cmi.suspend_data', r.suspend]);
  }
  return out;
}

function interactionTime(version: ScormVersion, at: number): string {
  const d = new Date(at);
  if (version === 'scorm2004') return d.toISOString().slice(0, 19);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The SCORM names and values of one interaction at index n. */
export function interactionValues(version: ScormVersion, n: number, i: Interaction): [string, string][] {
  const at = `cmi.interactions.${n}`;
  const result = version === 'scorm2004' && i.result === 'wrong' ? 'incorrect' : i.result;
  return [
    [`${at}.id`, clip(i.id, 255)],
    [`${at}.type`, 'choice'],
    [version === 'scorm12' ? `${at}.student_response` : `${at}.learner_response`, clip(i.response, 250)],
    [`${at}.result`, result],
    [version === 'scorm12' ? `${at}.time` : `${at}.timestamp`, interactionTime(version, i.at)],
  ];
}

/** A session with a SCORM LMS. */
export function scormConnection(api: Record<string, unknown>, version: ScormVersion): LmsConnection {
  const lms = calls(api, version);
  const v12 = version === 'scorm12';
  let count = 0;
  const lastSet = new Map<string, string>();
  const setAll = (values: [string, string][]) => {
    let ok = true;
    for (const [k, v] of values) {
      if (lastSet.get(k) === v) continue;
      if (lms.set(k, v)) lastSet.set(k, v);
      else ok = false;
    }
    return ok;
  };

  return {
    format: version,
    async start(): Promise<LmsStart> {
      if (!lms.init()) throw new Error(`The LMS refused to start the session (error ${lms.error()})`);
      const start: LmsStart = {};
      const suspend = lms.get('cmi.suspend_data');
      if (suspend) start.suspend = suspend;
      const location = lms.get(v12 ? 'cmi.core.lesson_location' : 'cmi.location');
      if (location) start.location = location;
      const mastery = Number.parseFloat(lms.get(v12 ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score'));
      if (Number.isFinite(mastery)) {
        const m = v12 ? mastery / 100 : mastery;
        if (m > 0 && m <= 1) start.mastery = m;
      }
      const language = lms.get(v12 ? 'cmi.student_preference.language' : 'cmi.learner_preference.language');
      const lang = language.toLowerCase().split(/[-_]/)[0];
      if (isLocale(lang)) start.language = lang;
      const mode = lms.get(v12 ? 'cmi.core.lesson_mode' : 'cmi.mode');
      start.mode = mode === 'browse' ? 'browse' : mode === 'review' ? 'review' : 'normal';
      count = Number.parseInt(lms.get('cmi.interactions._count'), 10) || 0;
      return start;
    },
    async report(r) {
      let ok = setAll(scormValues(version, r, true));
      const unsent: Interaction[] = [];
      for (const i of r.interactions) {
        if (count >= MAX_INTERACTIONS) break; // past the limit: not sent, and not retried either
        const sent = interactionValues(version, count, i).every(([k, v]) => lms.set(k, v));
        if (sent) count++;
        else {
          ok = false;
          unsent.push(i);
        }
      }
      return { ok, unsent };
    },
    async commit() {
      // One quick second try: a commit that fails once often goes through at once (a busy LMS).
      return lms.commit() || lms.commit();
    },
    finish(r) {
      setAll(scormValues(version, { ...r, status: { completed: false, lessonsDone: 0, lessonsTotal: 1 } }, false));
      lms.set(
        v12 ? 'cmi.core.session_time' : 'cmi.session_time',
        v12 ? timespan12(r.sessionSeconds) : duration2004(r.sessionSeconds),
      );
      // "suspend": the LMS keeps the data for the next launch (a learner may come back to review).
      lms.set(v12 ? 'cmi.core.exit' : 'cmi.exit', 'suspend');
      lms.commit();
      lms.finish();
    },
  };
}
