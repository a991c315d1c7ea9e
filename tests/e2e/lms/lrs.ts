/**
 * A test LRS and cmi5 LMS listener, for the unit tests of src/lib/lms/cmi5.ts and the e2e tests of
 * the cmi5 package: mount `handle` in a node:http server, launch the package with `launchQuery`.
 *
 * It is strict on purpose, so a test fails on anything a real LMS could refuse: every statement is
 * checked with Learning Locker's validator (xapi-validation) and against the cmi5 spec's rules
 * (AICC/CMI-5_Spec_Current, sections named below). A statement that breaks either is answered 400
 * (§6.3: the LMS SHOULD reject it) and the reasons are kept in `errors`; a test asserts it is empty.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

type Json = Record<string, unknown>;
interface Warning {
  path?: unknown[];
  name?: string;
  typeName?: string;
}

// A CommonJS package with `exports.default`: required, so Node, vitest and Playwright all see the same function.
const require = createRequire(import.meta.url);
const validator = (require('xapi-validation') as { default: (statement: unknown) => Warning[] }).default;

/** What xapi-validation finds wrong with a statement (empty when it is valid xAPI 1.0.3). */
export function xapiProblems(statement: unknown): string[] {
  return validator(statement).map(
    (w) => `${w.name ?? 'Warning'}${w.typeName ? ` (${w.typeName})` : ''} at ${(w.path ?? []).join('.')}`,
  );
}

export const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const VERBS = 'http://adlnet.gov/expapi/verbs/';
const DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'];

export interface LrsOptions {
  /** LMS.LaunchData (§10.2), over the defaults: a template with a session id and publisher id, Normal, CompletedAndPassed */
  launchData?: Json;
  /** The cmi5LearnerPreferences agent profile (§11); none = 404 */
  preferences?: Json;
  actor?: Json;
  registration?: string;
  activityId?: string;
}

export interface FailOptions {
  /** Only requests whose path contains this (e.g. 'statements', 'activities/state') */
  only?: string;
  /** Do the work, then answer 503 anyway (the answer lost on the way back) */
  after?: boolean;
}

export interface TestLrs {
  /** Handles a request under /lrs/ (true), or leaves it to the caller (false). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Every statement stored, in the order received */
  statements: Json[];
  /** Every problem found: invalid statements, broken cmi5 rules, bad requests */
  errors: string[];
  /** State documents by stateId (LMS.LaunchData among them) */
  state: Map<string, unknown>;
  /** Every request, as `METHOD path` */
  requests: string[];
  /** Makes the next n requests fail with 503. */
  failNext(n: number, options?: FailOptions): void;
  /** A new launch of the AU in the same registration: new session id, new one-time token (§8.2). */
  newSession(launchData?: Json): void;
  /** The cmi5 launch query (§8.1) for an LRS mounted at `origin` (e.g. http://127.0.0.1:4329), with its leading '?' */
  launchQuery(origin: string): string;
  /** The verbs stored (short names: 'initialized', 'answered'…), in order */
  verbs(): string[];
  readonly actor: Json;
  readonly registration: string;
  readonly activityId: string;
  readonly sessionId: string;
  /** The current session's auth-token */
  readonly token: string;
}

const verbOf = (s: Json) => String((s.verb as Json | undefined)?.id ?? '').replace(VERBS, '');
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ids = (list: unknown) => (Array.isArray(list) ? list.map((a) => (isRecord(a) ? a.id : undefined)) : []);
const categoryOf = (s: Json) => {
  const ctx = isRecord(s.context) ? s.context : {};
  return ids(isRecord(ctx.contextActivities) ? ctx.contextActivities.category : undefined);
};
const isDefinedStatement = (s: Json) => categoryOf(s).includes(CMI5);

/** A test LRS (see above). */
export function createLrs(options: LrsOptions = {}): TestLrs {
  const actor = options.actor ?? {
    objectType: 'Agent',
    account: { homePage: 'https://lms.example.com', name: 'learner-1625378' },
  };
  const registration = options.registration ?? randomUUID();
  const activityId = options.activityId ?? 'https://lms.example.com/au/sales-course-1';
  const publisherId = 'https://sales-course.example.com/au/package';
  let sessionId = '';
  let token = '';
  let fetched = false;
  const statements: Json[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  const state = new Map<string, unknown>();
  let failures: { n: number; options: FailOptions }[] = [];
  /** Per session: the statements of the current session (§9.3's session rules) */
  let session: Json[] = [];

  function newSession(launchData: Json = options.launchData ?? {}) {
    sessionId = randomUUID();
    token = Buffer.from(`au:${randomUUID()}`).toString('base64');
    fetched = false;
    session = [];
    const template = {
      contextActivities: { grouping: [{ id: publisherId, objectType: 'Activity' }] },
      extensions: { [SESSION_ID]: sessionId },
    };
    state.set('LMS.LaunchData', {
      contextTemplate: template,
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      ...launchData,
    });
  }
  newSession();
  if (options.preferences) state.set('profile:cmi5LearnerPreferences', options.preferences);

  const launch = () => state.get('LMS.LaunchData') as Json;

  /** §9.3, §9.5, §9.6, §9.7 and §10.2.2 for one statement, given what was stored before. */
  function cmi5Problems(s: Json): string[] {
    const out: string[] = [];
    const v = verbOf(s);
    const ctx = isRecord(s.context) ? s.context : {};
    const acts = isRecord(ctx.contextActivities) ? ctx.contextActivities : {};
    const category = categoryOf(s);
    const result = isRecord(s.result) ? s.result : undefined;
    const ext = isRecord(ctx.extensions) ? ctx.extensions : {};
    const isDefined = category.includes(CMI5);
    const mode = launch().launchMode;
    const mastery = launch().masteryScore;
    const sessionVerbs = session.filter(isDefinedStatement).map(verbOf);
    const registrationDefined = statements.filter(isDefinedStatement).map(verbOf);
    const time = Date.parse(String(s.timestamp));

    if (!isDeepStrictEqual(s.actor, actor)) out.push('§9.2 actor is not the launch actor');
    if (ctx.registration !== registration) out.push('§9.6.1 registration is not the launch registration');
    if (ext[SESSION_ID] !== sessionId) out.push('§9.6.3.1 no session id of this session');
    if (!ids(acts.grouping).includes(publisherId)) out.push('§10.2.1 context lost the template’s publisher id');
    if (typeof s.timestamp !== 'string' || !/(Z|[+-]00:00)$/.test(s.timestamp))
      out.push('§9.7 timestamp missing or not UTC');
    if (!s.id) out.push('§9.1 no statement id');
    if (!session.length && v !== 'initialized') out.push(`§7.1.1 first statement is ${v}, not initialized`);
    if (sessionVerbs.includes('terminated')) out.push(`§9.3.8 ${v} after terminated`);
    const init = session.find((x) => verbOf(x) === 'initialized');
    if (init && time < Date.parse(String(init.timestamp))) out.push(`§9.3 ${v} timestamped before initialized`);
    if (v === 'terminated' && session.some((x) => Date.parse(String(x.timestamp)) > time))
      out.push('§9.3 terminated is not the latest statement');
    if (category.includes(MOVEON) !== (isDefined && !!result && ('success' in result || 'completion' in result)))
      out.push(`§9.6.2.2 moveOn category wrong on ${v}`);

    if (!isDefined) {
      if (!DEFINED.includes(v) || v === 'answered') return out;
      out.push(`§7.1.3 ${v} without the cmi5 category`);
      return out;
    }
    if (!DEFINED.includes(v)) out.push(`§9.3 ${v} is not a cmi5 defined verb`);
    const obj = isRecord(s.object) ? s.object : {};
    if (obj.id !== activityId) out.push(`§9.4 ${v} object is not the AU`);
    if (sessionVerbs.includes(v)) out.push(`§9.3 ${v} twice in a session`);
    if (['passed', 'failed'].includes(v) && sessionVerbs.some((x) => x === 'passed' || x === 'failed'))
      out.push(`§9.3 ${v} after passed/failed in the same session`);
    if ((v === 'completed' || v === 'passed') && registrationDefined.includes(v))
      out.push(`§9.3 ${v} twice in a registration`);
    if (v === 'failed' && registrationDefined.includes('passed')) out.push('§9.3 failed after passed');
    if (mode !== 'Normal' && !['initialized', 'terminated'].includes(v))
      out.push(`§10.2.2 ${v} in ${String(mode)} mode`);
    if (result?.score !== undefined && !['passed', 'failed'].includes(v)) out.push(`§9.5.1 score on ${v}`);
    if ('success' in (result ?? {}) !== ['passed', 'failed'].includes(v)) out.push(`§9.5.2 success wrong on ${v}`);
    if (v === 'passed' && result?.success !== true) out.push('§9.5.2 passed without success true');
    if (v === 'failed' && result?.success !== false) out.push('§9.5.2 failed without success false');
    if ('completion' in (result ?? {}) !== (v === 'completed') || (v === 'completed' && result?.completion !== true))
      out.push(`§9.5.3 completion wrong on ${v}`);
    if (['terminated', 'completed', 'passed', 'failed'].includes(v) && typeof result?.duration !== 'string')
      out.push(`§9.5.4.1 ${v} without duration`);
    if ((v === 'passed' || v === 'failed') && typeof mastery === 'number') {
      if (ext[MASTERY] !== mastery) out.push(`§9.6.3.2 ${v} without the masteryScore extension`);
      const scaled = isRecord(result?.score) ? result.score.scaled : undefined;
      if (typeof scaled === 'number' && (v === 'passed' ? scaled < mastery : scaled >= mastery))
        out.push(`§9.3.4/§9.3.5 ${v} with scaled ${scaled} against masteryScore ${mastery}`);
    }
    return out;
  }

  function send(res: ServerResponse, status: number, body?: unknown) {
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  function storeStatements(list: Json[], done: (status: number, body?: unknown) => void) {
    const problems: string[] = [];
    const fresh: Json[] = [];
    for (const s of list) {
      const found = xapiProblems(s);
      const known = statements.find((x) => x.id === s.id);
      if (known) {
        // xAPI: the same statement again is no change; another one under a used id is a conflict.
        if (!isDeepStrictEqual(known, s)) return done(409, { error: `statement ${String(s.id)} exists, different` });
        continue;
      }
      problems.push(...found.map((p) => `${verbOf(s)}: xAPI ${p}`));
      // Judged in order, as if the ones before were stored, so a batch's own order counts too.
      problems.push(...cmi5Problems(s).map((p) => `${verbOf(s)}: ${p}`));
      session.push(s);
      statements.push(s);
      fresh.push(s);
    }
    if (problems.length) {
      // Rejected whole (xAPI: a batch is stored entirely or not at all).
      for (const s of fresh) {
        statements.splice(statements.indexOf(s), 1);
        session.splice(session.indexOf(s), 1);
      }
      errors.push(...problems);
      return done(400, { error: problems });
    }
    done(
      200,
      list.map((s) => s.id),
    );
  }

  function stateKey(q: URLSearchParams, what: string): string | null {
    let agent: unknown;
    try {
      agent = JSON.parse(q.get('agent') ?? '');
    } catch {
      agent = undefined;
    }
    const problems = [];
    if (q.get('activityId') !== activityId) problems.push('activityId');
    if (!isDeepStrictEqual(agent, actor)) problems.push('agent');
    if (q.get('registration') !== registration) problems.push('registration');
    if (!q.get('stateId')) problems.push('stateId');
    if (problems.length) {
      errors.push(`${what}: wrong ${problems.join(', ')}`);
      return null;
    }
    return q.get('stateId');
  }

  function route(
    req: IncomingMessage,
    path: string,
    q: URLSearchParams,
    text: string,
    reply: (s: number, b?: unknown) => void,
  ) {
    const method = req.method ?? 'GET';
    if (path === 'fetch') {
      if (method !== 'POST') {
        errors.push(`§8.2.1 ${method} to the fetch URL`);
        return reply(405);
      }
      if (fetched) {
        errors.push('§8.2.1 the fetch URL was used twice');
        return reply(200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
      }
      fetched = true;
      return reply(200, { 'auth-token': token });
    }
    if (req.headers.authorization !== `Basic ${token}`) {
      errors.push(`§8.2.1 ${method} ${path} without the session's token`);
      return reply(401);
    }
    if (req.headers['x-experience-api-version'] !== '1.0.3') {
      errors.push(`xAPI ${method} ${path} without X-Experience-API-Version 1.0.3`);
      return reply(400);
    }
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        errors.push(`${method} ${path}: body is not JSON`);
        return reply(400);
      }
    }
    if (path === 'statements') {
      if (method === 'PUT') {
        const id = q.get('statementId');
        if (!isRecord(body) || !id || (body.id !== undefined && body.id !== id)) return reply(400);
        return storeStatements([{ ...body, id }], (s, b) => reply(s === 200 ? 204 : s, s === 200 ? undefined : b));
      }
      if (method === 'POST') {
        const list = Array.isArray(body) ? body : [body];
        if (!list.every(isRecord)) return reply(400);
        return storeStatements(list, reply);
      }
      if (method === 'GET') return reply(200, { statements, more: '' });
    }
    if (path === 'activities/state') {
      const key = stateKey(q, `${method} state`);
      if (!key) return reply(400);
      if (method === 'GET') return state.has(key) ? reply(200, state.get(key)) : reply(404);
      if (key === 'LMS.LaunchData') {
        errors.push('§10.2.1 the AU changed LMS.LaunchData');
        return reply(403);
      }
      if (method === 'PUT') {
        state.set(key, body);
        return reply(204);
      }
      if (method === 'POST') {
        const was = state.get(key);
        state.set(key, isRecord(was) && isRecord(body) ? { ...was, ...body } : body);
        return reply(204);
      }
      if (method === 'DELETE') {
        state.delete(key);
        return reply(204);
      }
    }
    if (path === 'agents/profile' && method === 'GET') {
      let agent: unknown;
      try {
        agent = JSON.parse(q.get('agent') ?? '');
      } catch {
        agent = undefined;
      }
      if (!isDeepStrictEqual(agent, actor)) errors.push('§11 agent profile for another agent');
      const doc = state.get(`profile:${q.get('profileId') ?? ''}`);
      return doc === undefined ? reply(404) : reply(200, doc);
    }
    errors.push(`no such request: ${method} /lrs/${path}`);
    reply(404);
  }

  return {
    statements,
    errors,
    state,
    requests,
    actor,
    registration,
    activityId,
    get sessionId() {
      return sessionId;
    },
    get token() {
      return token;
    },
    newSession,
    failNext(n, failOptions = {}) {
      failures.push({ n, options: failOptions });
    },
    verbs: () => statements.map(verbOf),
    launchQuery(origin) {
      const q = new URLSearchParams({
        endpoint: `${origin}/lrs/`,
        fetch: `${origin}/lrs/fetch?k=${randomUUID()}`,
        actor: JSON.stringify(actor),
        registration,
        activityId,
      });
      return `?${q}`;
    },
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://lrs.test');
      if (!url.pathname.startsWith('/lrs/')) return false;
      const path = url.pathname.slice('/lrs/'.length).replace(/\/$/, '');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
        });
        res.end();
        return true;
      }
      requests.push(`${req.method} ${path}`);
      const failure = failures.find((f) => f.n > 0 && (!f.options.only || path.includes(f.options.only)));
      if (failure) {
        failure.n--;
        failures = failures.filter((f) => f.n > 0);
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (failure && !failure.options.after) return send(res, 503);
        route(req, path, url.searchParams, Buffer.concat(chunks).toString('utf8'), (status, body) =>
          failure ? send(res, 503) : send(res, status, body),
        );
      });
      return true;
    },
  };
}
