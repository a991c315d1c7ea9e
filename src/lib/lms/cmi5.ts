/**
 * cmi5 (the AICC/ADL profile of xAPI, https://github.com/AICC/CMI-5_Spec_Current) behind one
 * LmsConnection. Section numbers below are the spec's.
 *
 * The LMS launches the package with five query parameters (§8.1); the package fetches a one-time
 * token (§8.2), reads the LMS's launch data and the learner's preferences (§10, §11), keeps its own
 * progress in a State document of its own, and reports in xAPI statements: `initialized` first,
 * one cmi5 *allowed* `answered` statement per answer, the cmi5 *defined* `completed`, `passed`
 * and `failed` as the spec's ordering rules permit (§9.3), and `terminated` last.
 *
 * What a registration has already been told (completed, passed, failed at which score) is kept in
 * the package's State document, which is per registration: the LRS cannot be asked (the token
 * need not allow statement queries), and a relaunch must not send a second `completed` or `passed`.
 */
import { isLocale, type Locale } from '../../i18n/locales';
import { isRecord } from '../progress';
import type { LmsConnection, LmsReport, LmsStart } from './connection';
import type { Interaction } from './interactions';
import type { LmsStatus } from './status';

type Json = Record<string, unknown>;

/** The package's own State document: progress, place, and what this registration was told. */
export const STATE_ID = 'sales-course-suspend';
export const LAUNCH_DATA_ID = 'LMS.LaunchData';
export const PREFERENCES_ID = 'cmi5LearnerPreferences';
export const XAPI_VERSION = '1.0.3';
export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

type Verb = 'initialized' | 'answered' | 'completed' | 'passed' | 'failed' | 'terminated';
const verb = (name: Verb) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });

/** The five launch parameters of §8.1, the two URLs made absolute. */
export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: string;
  registration: string;
  activityId: string;
}

/** The cmi5 launch parameters in a launch URL, or null when it is not a cmi5 launch. */
export function cmi5Launch(href: string): Cmi5Launch | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const q = url.searchParams;
  const [endpoint, fetchUrl, actor, registration, activityId] = [
    'endpoint',
    'fetch',
    'actor',
    'registration',
    'activityId',
  ].map((k) => q.get(k) ?? '');
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  try {
    // The endpoint is a base (§8.1.1): paths are added to it, so it ends in a slash.
    const base = new URL(endpoint, url).href;
    return {
      endpoint: base.endsWith('/') ? base : base + '/',
      fetch: new URL(fetchUrl, url).href,
      actor,
      registration,
      activityId,
    };
  } catch {
    return null;
  }
}

/**
 * The first of the learner's languages (§11.1: a comma-separated list, most preferred first) that
 * the course has. Chinese is the course's Simplified Chinese: zh, zh-CN, zh-SG, zh-Hans; a reader
 * of Traditional (zh-TW, zh-HK, zh-MO, zh-Hant) gets the next language on the list instead.
 */
export function preferredLocale(list: string): Locale | undefined {
  for (const raw of list.split(',')) {
    const tag = raw.trim().toLowerCase().replace(/_/g, '-');
    const [lang, ...rest] = tag.split('-');
    if (lang === 'zh' && rest.some((p) => ['tw', 'hk', 'mo', 'hant'].includes(p)) && !rest.includes('hans')) continue;
    if (isLocale(lang)) return lang;
  }
  return undefined;
}

/** Seconds as an ISO 8601 duration (xAPI's result.duration), to the hundredth: PT1H2M3.45S. */
export function isoDuration(seconds: number): string {
  const cs = Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 100));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6000);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${(cs % 6000) / 100}S`;
}

/** A version 4 UUID (§9.1). crypto.randomUUID exists only in secure contexts, and an LMS may serve over http. */
export function uuid4(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The activity id of one question: under the AU's, so an LRS groups the answers with the AU. */
export function interactionActivityId(activityId: string, id: string): string {
  if (activityId.includes('#')) return `${activityId}/${id}`; // inside the AU's own fragment
  if (activityId.includes('?')) return `${activityId}#${id}`;
  return `${activityId.replace(/\/+$/, '')}/interactions/${id}`;
}

export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
const MOVE_ON: readonly string[] = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];

/** What LMS.LaunchData said (§10.2), as far as the package uses it. */
interface LaunchData {
  contextTemplate: Json;
  mode: 'normal' | 'browse' | 'review';
  moveOn?: MoveOn;
  masteryScore?: number;
  returnUrl?: string;
}

/** What this registration has been told already, kept in the package's State document. */
interface Told {
  completed?: boolean;
  passed?: boolean;
  /** The score of the last `failed` sent ('' = without a score): the same failure is not told again in a later session */
  failed?: string;
}

/** The start of a cmi5 session: LmsStart and the LMS's returnURL (§10.2.6). */
export interface Cmi5Start extends LmsStart {
  /** Where the LMS wants the learner sent after `terminated` (the frame's exit), when it said */
  returnUrl?: string;
  moveOn?: MoveOn;
}

export interface Cmi5Connection extends LmsConnection {
  start(): Promise<Cmi5Start>;
  /** LMS.LaunchData's returnURL once started: after finish(), the frame sends the window there (§10.2.6) */
  readonly returnUrl: string | undefined;
}

const round4 = (n: number) => Math.round(n * 10_000);

function readLaunchData(doc: unknown): LaunchData {
  if (!isRecord(doc)) throw new Error('The LMS gave no cmi5 launch data');
  const mode = doc.launchMode === 'Browse' ? 'browse' : doc.launchMode === 'Review' ? 'review' : 'normal';
  const out: LaunchData = { contextTemplate: isRecord(doc.contextTemplate) ? doc.contextTemplate : {}, mode };
  if (typeof doc.moveOn === 'string' && MOVE_ON.includes(doc.moveOn)) out.moveOn = doc.moveOn as MoveOn;
  // A decimal (§10.2.4); an LMS that writes it as a string is understood, an empty one is no score.
  const raw = doc.masteryScore;
  const mastery = typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
  if (typeof mastery === 'number' && mastery >= 0 && mastery <= 1) out.masteryScore = mastery;
  if (typeof doc.returnURL === 'string' && doc.returnURL) out.returnUrl = doc.returnURL;
  return out;
}

function readTold(v: unknown): Told {
  if (!isRecord(v)) return {};
  const told: Told = {};
  if (v.completed === true) told.completed = true;
  if (v.passed === true) told.passed = true;
  if (typeof v.failed === 'string') told.failed = v.failed;
  return told;
}

/** A session with a cmi5 LMS, or null when the launch URL has no cmi5 parameters. */
export function cmi5Connection(
  launchHref: string,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): Cmi5Connection | null {
  const found = cmi5Launch(launchHref);
  if (!found) return null;
  const launch: Cmi5Launch = found; // a const of its own: narrowing does not reach the function declarations below
  // Called as a plain function, never as a method of something else: the browser's fetch then throws "Illegal invocation".
  const http: typeof fetch = (input, init) => fetchImpl(input, init);

  let starting: Promise<Cmi5Start> | undefined;
  let token = '';
  let actor: Json = {};
  let data: LaunchData = { contextTemplate: {}, mode: 'normal' };
  let told: Told = {};
  /** `initialized` until it is sent: it goes first in the next request */
  let initialized: Json | undefined;
  let initializedAt = 0;
  let latest = 0;
  /** Either of passed/failed sent in this session (§9.3: at most one of them per session) */
  let judgedThisSession = false;
  let finished = false;
  let lastOk = true;
  let queue: Promise<unknown> = Promise.resolve();
  /** Built and not yet sent, kept so a retry sends the same statement (same id, same time) */
  const waiting = new Map<'completed' | 'verdict', { key: string; statement: Json }>();
  const answered = new WeakMap<Interaction, Json>();

  const url = (path: string, params: Record<string, string>) => {
    const u = new URL(path, launch.endpoint);
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    return u.href;
  };
  const stateParams = (stateId: string) => ({
    activityId: launch.activityId,
    agent: JSON.stringify(actor),
    registration: launch.registration,
    stateId,
  });
  const request = async (
    method: string,
    path: string,
    params: Record<string, string>,
    body?: unknown,
    keepalive = false,
  ): Promise<Response | null> => {
    const headers: Record<string, string> = {
      'X-Experience-API-Version': XAPI_VERSION,
      Authorization: `Basic ${token}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await http(url(path, params), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        keepalive,
        cache: 'no-store',
      });
    } catch {
      return null; // offline, refused, CORS: a failed request like any other
    }
  };
  const getJson = async (path: string, params: Record<string, string>) => {
    const res = await request('GET', path, params);
    if (!res) return { status: 0, body: undefined };
    if (!res.ok) return { status: res.status, body: undefined };
    try {
      return { status: res.status, body: (await res.json()) as unknown };
    } catch {
      return { status: 0, body: undefined };
    }
  };

  /** §9.7: every statement has a UTC timestamp; none before `initialized` (§9.3 orders by timestamp). */
  const stamp = (at: number) => {
    const t = Math.max(at, initializedAt);
    latest = Math.max(latest, t);
    return new Date(t).toISOString();
  };

  /** The context template (§10.2.1) with the registration (§9.6.1), never overwriting what the LMS put there. */
  const context = (categories: string[], parent = false): Json => {
    const ctx = structuredClone(data.contextTemplate);
    ctx.registration = launch.registration;
    const activities: Json = isRecord(ctx.contextActivities) ? ctx.contextActivities : {};
    // An allowed statement must not carry the cmi5 category (§7.1.3) nor moveOn (§9.6.2.2).
    const kept = (Array.isArray(activities.category) ? activities.category : []).filter(
      (a: unknown) => !(isRecord(a) && (a.id === CMI5_CATEGORY || a.id === MOVEON_CATEGORY)),
    );
    const category = [...kept, ...categories.map((id) => ({ id, objectType: 'Activity' }))];
    if (category.length) activities.category = category;
    else delete activities.category;
    if (parent) {
      const before = Array.isArray(activities.parent) ? activities.parent : [];
      activities.parent = [...before, { id: launch.activityId, objectType: 'Activity' }];
    }
    if (Object.keys(activities).length) ctx.contextActivities = activities;
    return ctx;
  };

  const auObject = () => ({ id: launch.activityId, objectType: 'Activity' });

  /** A cmi5 defined statement (§7.1.3): the AU as object (§9.4), the cmi5 category (§9.6.2.1). */
  const defined = (name: Verb, at: number, result?: Json, extensions?: Json): Json => {
    // §9.6.2.2: the moveOn category exactly on those with result.success or result.completion.
    const moveOn = !!result && ('success' in result || 'completion' in result);
    const ctx = context(moveOn ? [CMI5_CATEGORY, MOVEON_CATEGORY] : [CMI5_CATEGORY]);
    if (extensions) ctx.extensions = { ...(isRecord(ctx.extensions) ? ctx.extensions : {}), ...extensions };
    const s: Json = { id: uuid4(), actor, verb: verb(name), object: auObject(), context: ctx, timestamp: stamp(at) };
    if (result) s.result = result;
    return s;
  };

  /** One answer as a cmi5 allowed statement: any verb, the context template, no cmi5 category (§7.1.3). */
  const answer = (i: Interaction): Json => {
    const made = answered.get(i);
    if (made) return made;
    const result: Json = { response: i.response, success: i.result === 'correct' };
    // Partly right: not a success, and half the credit, as the course's own scoring gives it.
    if (i.result === 'neutral') result.score = { scaled: 0.5 };
    const s: Json = {
      id: uuid4(),
      actor,
      verb: verb('answered'),
      object: {
        id: interactionActivityId(launch.activityId, i.id),
        objectType: 'Activity',
        definition: { type: INTERACTION_TYPE, interactionType: 'choice' },
      },
      result,
      context: context([], true),
      timestamp: stamp(i.at),
    };
    answered.set(i, s);
    return s;
  };

  /** Passed, failed or nothing: by masteryScore when the LMS gave one (§10.2.4), else the package's verdict. */
  const verdictOf = (status: LmsStatus): 'passed' | 'failed' | undefined => {
    const { masteryScore, moveOn } = data;
    if (status.success && masteryScore !== undefined && status.score !== undefined)
      return round4(status.score) >= round4(masteryScore) ? 'passed' : 'failed';
    if (status.success) return status.success;
    // A package without a mastery score that the LMS still asks to pass (moveOn Passed or
    // CompletedAndPassed, and no masteryScore): passing is completing, else the AU could never be satisfied.
    if (status.completed && (moveOn === 'Passed' || moveOn === 'CompletedAndPassed')) return 'passed';
    return undefined;
  };

  /** The defined statements this report calls for, by the rules of §9.3 (and none outside Normal mode, §10.2.2). */
  const definedFor = (r: LmsReport): { kind: 'completed' | 'verdict'; key: string; statement: Json }[] => {
    if (data.mode !== 'normal') return [];
    const out: { kind: 'completed' | 'verdict'; key: string; statement: Json }[] = [];
    const keep = (kind: 'completed' | 'verdict', key: string, build: () => Json) => {
      const w = waiting.get(kind);
      const statement = w && w.key === key ? w.statement : build();
      waiting.set(kind, { key, statement });
      out.push({ kind, key, statement });
    };
    const duration = isoDuration(r.sessionSeconds);
    // §9.3.3: once per registration; §9.5.3 completion true; §9.5.4.1 duration; §9.5.1 no score.
    if (r.status.completed && !told.completed)
      keep('completed', 'completed', () => defined('completed', now(), { completion: true, duration }));
    else waiting.delete('completed');

    const verdict = verdictOf(r.status);
    const score = r.status.score;
    const key = `${verdict}:${score ?? ''}`;
    // §9.3: one of passed/failed per session; passed once per registration; no failed after passed.
    // A failure already told at this score is not told again in a later session.
    const allowed =
      verdict && !judgedThisSession && !told.passed && !(verdict === 'failed' && told.failed === String(score ?? ''));
    if (allowed) {
      keep('verdict', key, () => {
        // §9.5.2 success; §9.5.1 scaled score, consistent with masteryScore; §9.6.3.2 masteryScore in context.
        const result: Json = { success: verdict === 'passed', duration };
        if (score !== undefined) result.score = { scaled: score };
        const ext = data.masteryScore !== undefined ? { [MASTERY_EXTENSION]: data.masteryScore } : undefined;
        return defined(verdict, now(), result, ext);
      });
    } else waiting.delete('verdict');
    return out;
  };

  const saveState = (r: Omit<LmsReport, 'interactions' | 'status'>, keepalive = false) =>
    request(
      'PUT',
      'activities/state',
      stateParams(STATE_ID),
      { suspend: r.suspend, location: r.location, told },
      keepalive,
    );

  const postStatements = (statements: Json[], keepalive = false) =>
    request('POST', 'statements', {}, statements, keepalive);

  async function startSession(): Promise<Cmi5Start> {
    try {
      const parsed: unknown = JSON.parse(launch.actor);
      if (!isRecord(parsed)) throw new Error('not an object');
      actor = parsed;
    } catch {
      throw new Error('The cmi5 launch gave an actor that is not a JSON object');
    }
    // §8.2: POST, once; no xAPI headers (the fetch URL is the LMS's, not the LRS's, and may not allow them).
    let body: unknown;
    try {
      const res = await http(launch.fetch, { method: 'POST', cache: 'no-store' });
      body = res.ok ? await res.json() : undefined;
    } catch {
      body = undefined;
    }
    const t = isRecord(body) ? body['auth-token'] : undefined;
    if (typeof t !== 'string' || !t) {
      const why = isRecord(body) ? ` (error ${String(body['error-code'])}: ${String(body['error-text'])})` : '';
      throw new Error(`The LMS gave no cmi5 authorization token${why}`);
    }
    token = t;

    const launchData = await getJson('activities/state', stateParams(LAUNCH_DATA_ID));
    data = readLaunchData(launchData.body);
    const start: Cmi5Start = { mode: data.mode };
    if (data.masteryScore !== undefined) start.mastery = data.masteryScore;
    if (data.returnUrl) start.returnUrl = data.returnUrl;
    if (data.moveOn) start.moveOn = data.moveOn;

    // §11: read at startup; a learner without preferences (404) or an LRS that says no is no error.
    const prefs = await getJson('agents/profile', { agent: JSON.stringify(actor), profileId: PREFERENCES_ID });
    if (isRecord(prefs.body) && typeof prefs.body.languagePreference === 'string') {
      const language = preferredLocale(prefs.body.languagePreference);
      if (language) start.language = language;
    }

    // Our own document: none yet (404) is a first launch; any other failure stops the start, since
    // saving over a document that could not be read would lose the learner's progress.
    const own = await getJson('activities/state', stateParams(STATE_ID));
    if (own.status !== 404 && !own.body) throw new Error(`The LMS did not give the saved progress (${own.status})`);
    if (isRecord(own.body)) {
      if (typeof own.body.suspend === 'string' && own.body.suspend) start.suspend = own.body.suspend;
      if (typeof own.body.location === 'string' && own.body.location) start.location = own.body.location;
      told = readTold(own.body.told);
    }

    // §7.1.1, §9.3.2: the first statement. Should it fail, it waits and goes first with the next ones.
    initializedAt = now();
    initialized = defined('initialized', initializedAt);
    const res = await postStatements([initialized]);
    if (res?.ok) initialized = undefined;
    return start;
  }

  async function send(r: LmsReport): Promise<{ ok: boolean; unsent: Interaction[] }> {
    if (!token || finished) return { ok: false, unsent: r.interactions };
    // Browse and Review record nothing about the learner (§10.2.2): no answers, no progress.
    const normal = data.mode === 'normal';
    const answers = normal ? r.interactions : [];
    const want = definedFor(r);
    const batch = [...(initialized ? [initialized] : []), ...answers.map(answer), ...want.map((w) => w.statement)];
    // One request for all: xAPI stores a batch whole or not at all, so a failure leaves nothing half-sent.
    const sent = batch.length ? !!(await postStatements(batch))?.ok : true;
    if (sent) {
      initialized = undefined;
      for (const w of want) {
        waiting.delete(w.kind);
        if (w.kind === 'completed') told.completed = true;
        else if (w.key.startsWith('passed')) {
          told.passed = true;
          judgedThisSession = true;
        } else {
          told.failed = w.key.slice('failed:'.length);
          judgedThisSession = true;
        }
      }
    }
    let saved = true;
    // After the statements, so the document holds what was told.
    if (normal && !finished) saved = !!(await saveState(r))?.ok;
    lastOk = sent && saved;
    return { ok: lastOk, unsent: sent ? [] : answers };
  }

  return {
    format: 'cmi5',
    get returnUrl() {
      return data.returnUrl;
    },
    start() {
      starting ??= startSession();
      return starting;
    },
    report(r) {
      // One at a time: two reports in flight could both send the same `completed`.
      const run = queue.then(() => send(r));
      queue = run.catch(() => undefined);
      return run;
    },
    async commit() {
      return lastOk;
    },
    finish(r) {
      if (!token || finished) return;
      finished = true;
      // §9.3.8, §7.1.2: the last statement, once; §9.5.4.1 its duration. Its timestamp is the session's
      // latest, so it stays last even should a report's request still be on its way.
      const at = Math.max(now(), latest);
      const terminated = defined('terminated', at, { duration: isoDuration(r.sessionSeconds) });
      if (data.mode === 'normal') void saveState(r, true);
      void postStatements([...(initialized ? [initialized] : []), terminated], true);
      initialized = undefined;
    },
  };
}
