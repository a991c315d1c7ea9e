import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LmsReport } from '../../src/lib/lms/connection';
import {
  CMI5_CATEGORY,
  cmi5Connection,
  cmi5Launch,
  interactionActivityId,
  isoDuration,
  MASTERY_EXTENSION,
  MOVEON_CATEGORY,
  preferredLocale,
  STATE_ID,
  uuid4,
} from '../../src/lib/lms/cmi5';
import type { Interaction } from '../../src/lib/lms/interactions';
import type { LmsStatus } from '../../src/lib/lms/status';
import { createLrs, SESSION_ID, xapiProblems, type LrsOptions, type TestLrs } from '../e2e/lms/lrs';

type Json = Record<string, unknown>;

// The same test LRS the e2e tests mount, on a real port, reached with the real fetch.
let server: Server;
let origin = '';
let lrs: TestLrs;
let expectedErrors: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!lrs.handle(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
afterEach(() => {
  // Every statement of every test went through xapi-validation and the cmi5 rules.
  expect(lrs.errors).toEqual(expectedErrors);
  expectedErrors = [];
});

let clock = Date.UTC(2025, 2, 3, 9, 0, 0);
const tick = (ms = 1000) => (clock += ms);

/** fetch, recorded: every call's init, and a way to wait for the ones finish() sends and forgets. */
function recorder() {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const inFlight: Promise<unknown>[] = [];
  const f: typeof fetch = (input, init) => {
    calls.push({ url: String(input), init });
    const p = fetch(input, init);
    inFlight.push(p.catch(() => undefined));
    return p;
  };
  return { f, calls, settle: () => Promise.all(inFlight) };
}

function launch(options: LrsOptions = {}) {
  lrs = createLrs(options);
  const rec = recorder();
  const conn = cmi5Connection(
    `https://course.example.com/lms/index.html${lrs.launchQuery(origin)}`,
    rec.f,
    () => clock,
  );
  if (!conn) throw new Error('no connection');
  return { conn, rec };
}

/** Another launch of the same AU and registration (a new session). */
function relaunch(launchData?: Json) {
  lrs.newSession(launchData);
  const rec = recorder();
  const conn = cmi5Connection(
    `https://course.example.com/lms/index.html${lrs.launchQuery(origin)}`,
    rec.f,
    () => clock,
  )!;
  return { conn, rec };
}

const status = (completed: boolean, success?: 'passed' | 'failed', score?: number): LmsStatus => {
  const s: LmsStatus = { completed, lessonsDone: completed ? 2 : 1, lessonsTotal: 2 };
  if (score !== undefined) s.score = score;
  if (success) s.success = success;
  return s;
};
const report = (st: LmsStatus, interactions: Interaction[] = [], extra: Partial<LmsReport> = {}): LmsReport => ({
  status: st,
  interactions,
  location: 'en/m1/l1.html#s2',
  suspend: 'v2:abc',
  sessionSeconds: 65.5,
  ...extra,
});
let n = 0;
const answer = (result: Interaction['result'], response = 'b'): Interaction => ({
  id: `quiz-1.q${++n}`,
  exercise: 'quiz-1',
  lesson: 'l1',
  response,
  result,
  at: tick(),
});

const verb = (s: Json) => String((s.verb as Json).id).replace('http://adlnet.gov/expapi/verbs/', '');
const categories = (s: Json) =>
  (((s.context as Json).contextActivities as Json | undefined)?.category as Json[] | undefined)?.map((a) => a.id) ?? [];
const only = (name: string) => lrs.statements.filter((s) => verb(s) === name);
const one = (name: string) => {
  const found = only(name);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('the launch', () => {
  it('is no cmi5 launch without all five parameters', () => {
    const full = new URLSearchParams({
      endpoint: 'https://lrs.example.com/xapi/',
      fetch: 'https://lms.example.com/token?k=1',
      actor: '{"objectType":"Agent","account":{"homePage":"https://lms","name":"1"}}',
      registration: uuid4(),
      activityId: 'https://lms.example.com/au/1',
    });
    expect(cmi5Connection(`https://c.example.com/lms/index.html?${full}`, fetch)).not.toBeNull();
    for (const key of [...full.keys()]) {
      const q = new URLSearchParams(full);
      q.delete(key);
      expect(cmi5Connection(`https://c.example.com/lms/index.html?${q}`, fetch), key).toBeNull();
    }
    expect(cmi5Connection('https://c.example.com/lms/index.html', fetch)).toBeNull();
    expect(cmi5Connection('https://c.example.com/lms/index.html?endpoint=x&fetch=y', fetch)).toBeNull();
    lrs = createLrs();
  });

  it('reads the parameters in any order, URL-encoded, and makes the endpoint a base', () => {
    const q =
      'activityId=urn%3Aau%3A1&registration=r&actor=%7B%7D&fetch=%2Ftoken%3Fk%3D2&endpoint=https%3A%2F%2Flrs.example.com%2Fxapi';
    expect(cmi5Launch(`https://c.example.com/lms/?${q}`)).toEqual({
      endpoint: 'https://lrs.example.com/xapi/',
      fetch: 'https://c.example.com/token?k=2',
      actor: '{}',
      registration: 'r',
      activityId: 'urn:au:1',
    });
    lrs = createLrs();
  });
});

describe('start', () => {
  it('fetches the token once, reads launch data, preferences and saved progress, then sends initialized', async () => {
    const { conn, rec } = launch({
      launchData: { masteryScore: 0.8, returnURL: 'https://lms.example.com/course/7', moveOn: 'Passed' },
      preferences: { languagePreference: 'zh-TW,lv-LV,en-US', audioPreference: 'on' },
    });
    lrs.state.set(STATE_ID, { suspend: 'v2:saved', location: 'lv/m1/l2.html#p3', told: {} });
    const start = await conn.start();
    expect(start).toEqual({
      mode: 'normal',
      mastery: 0.8,
      language: 'lv',
      suspend: 'v2:saved',
      location: 'lv/m1/l2.html#p3',
      returnUrl: 'https://lms.example.com/course/7',
      moveOn: 'Passed',
    });
    expect(conn.returnUrl).toBe('https://lms.example.com/course/7');
    expect(conn.format).toBe('cmi5');
    // A second start is the same start: the fetch URL is one-time (§8.2.1).
    expect(await conn.start()).toBe(start);
    expect(lrs.requests.filter((r) => r === 'POST fetch')).toHaveLength(1);
    expect(rec.calls[0].init?.method).toBe('POST');
    expect(lrs.verbs()).toEqual(['initialized']);
    const init = one('initialized');
    expect(categories(init)).toEqual([CMI5_CATEGORY]);
    expect((init.object as Json).id).toBe(lrs.activityId);
    expect((init.context as Json).registration).toBe(lrs.registration);
    expect(((init.context as Json).extensions as Json)[SESSION_ID]).toBe(lrs.sessionId);
    expect(init.result).toBeUndefined();
    // Every xAPI request carried the version and the token (the LRS refuses those that don't).
    for (const c of rec.calls.slice(1)) {
      const h = c.init?.headers as Record<string, string>;
      expect(h['X-Experience-API-Version']).toBe('1.0.3');
      expect(h.Authorization).toMatch(/^Basic /);
    }
  });

  it('starts a first launch with no preferences and no saved progress (both 404)', async () => {
    const { conn } = launch({ launchData: { launchMode: 'Review' } });
    expect(await conn.start()).toEqual({ mode: 'review', moveOn: 'CompletedAndPassed' });
    expect(lrs.verbs()).toEqual(['initialized']);
  });

  it('reads a masteryScore written as a string, and none from an empty or impossible one', async () => {
    for (const [masteryScore, mastery] of [
      ['0.7', 0.7],
      ['', undefined],
      [1.5, undefined],
      ['x', undefined],
    ] as const) {
      const { conn } = launch({ launchData: { masteryScore } });
      expect((await conn.start()).mastery, String(masteryScore)).toBe(mastery);
    }
  });

  it('rejects when the token or the launch data cannot be had', async () => {
    const { conn } = launch();
    // Someone used the one-time fetch URL first: the LMS answers with an error (§8.2.3).
    const fetchUrl = new URLSearchParams(lrs.launchQuery(origin)).get('fetch')!;
    await fetch(fetchUrl, { method: 'POST' });
    await expect(conn.start()).rejects.toThrow(/token.*error 1/);
    expectedErrors = ['§8.2.1 the fetch URL was used twice'];
  });

  it('rejects without launch data, or when the fetch URL fails', async () => {
    const noData = launch();
    lrs.state.delete('LMS.LaunchData');
    await expect(noData.conn.start()).rejects.toThrow(/launch data/);
    expect(lrs.verbs()).toEqual([]);

    const down = launch();
    lrs.failNext(1, { only: 'fetch' });
    await expect(down.conn.start()).rejects.toThrow(/token/);
  });

  it('rejects rather than start over saved progress it could not read', async () => {
    const { conn } = launch();
    lrs.failNext(3, { only: 'activities/state' });
    await expect(conn.start()).rejects.toThrow();
  });

  it('chooses the first of the learner’s languages the course has', () => {
    expect(preferredLocale('fr-FR,zh-CN,en')).toBe('zh');
    expect(preferredLocale('zh-Hant-TW, ms')).toBe('ms');
    expect(preferredLocale('zh-Hans-HK')).toBe('zh');
    expect(preferredLocale('en-US')).toBe('en');
    expect(preferredLocale('de, fr')).toBeUndefined();
    expect(preferredLocale('')).toBeUndefined();
    lrs = createLrs();
  });
});

describe('answers', () => {
  it('become cmi5 allowed "answered" statements: response, success, no cmi5 category', async () => {
    const { conn } = launch();
    await conn.start();
    const answers = [answer('correct', 'a'), answer('wrong', 'c'), answer('neutral', 'b')];
    expect(await conn.report(report(status(false), answers))).toEqual({ ok: true, unsent: [] });
    const sent = only('answered');
    expect(sent).toHaveLength(3);
    expect(sent.map((s) => s.result)).toEqual([
      { response: 'a', success: true },
      { response: 'c', success: false },
      { response: 'b', success: false, score: { scaled: 0.5 } },
    ]);
    for (const [i, s] of sent.entries()) {
      expect(categories(s)).not.toContain(CMI5_CATEGORY);
      expect(categories(s)).not.toContain(MOVEON_CATEGORY);
      expect(s.object).toEqual({
        id: `${lrs.activityId}/interactions/${answers[i].id}`,
        objectType: 'Activity',
        definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' },
      });
      const ctx = s.context as Json;
      expect(ctx.registration).toBe(lrs.registration);
      expect((ctx.extensions as Json)[SESSION_ID]).toBe(lrs.sessionId);
      expect((ctx.contextActivities as Json).parent).toEqual([{ id: lrs.activityId, objectType: 'Activity' }]);
      expect(s.timestamp).toBe(new Date(answers[i].at).toISOString());
    }
    expect(new Set(lrs.statements.map((s) => s.id)).size).toBe(lrs.statements.length);
    // Progress went to the package's own State document.
    expect(lrs.state.get(STATE_ID)).toEqual({ suspend: 'v2:abc', location: 'en/m1/l1.html#s2', told: {} });
  });

  it('keep an activity id under the AU’s, whatever its shape', () => {
    expect(interactionActivityId('https://lms/au/1/', 'q.1')).toBe('https://lms/au/1/interactions/q.1');
    expect(interactionActivityId('https://lms/au?id=1', 'q.1')).toBe('https://lms/au?id=1#q.1');
    expect(interactionActivityId('https://lms/au#1', 'q.1')).toBe('https://lms/au#1/q.1');
    lrs = createLrs();
  });
});

describe('completed, passed and failed', () => {
  it('sends completed once, with completion, duration and the moveOn category, no score', async () => {
    const { conn } = launch();
    await conn.start();
    await conn.report(report(status(false, undefined, 0.4)));
    expect(only('completed')).toHaveLength(0);
    tick();
    await conn.report(report(status(true, undefined, 0.9)));
    await conn.report(report(status(true, undefined, 0.95)));
    const done = one('completed');
    expect(done.result).toEqual({ completion: true, duration: 'PT1M5.5S' });
    expect(categories(done)).toEqual([CMI5_CATEGORY, MOVEON_CATEGORY]);
    expect(lrs.state.get(STATE_ID)).toMatchObject({ told: { completed: true } });
    // A later session of the registration does not send it again (§9.3: once per registration).
    const next = relaunch();
    await next.conn.start();
    await next.conn.report(report(status(true, undefined, 0.95)));
    expect(only('completed')).toHaveLength(1);
  });

  it('sends passed once per registration, with score and the masteryScore extension', async () => {
    const { conn } = launch({ launchData: { masteryScore: 0.75 } });
    await conn.start();
    await conn.report(report(status(true, 'passed', 0.75)));
    await conn.report(report(status(true, 'passed', 0.9)));
    const passed = one('passed');
    expect(passed.result).toEqual({ success: true, duration: 'PT1M5.5S', score: { scaled: 0.75 } });
    expect(((passed.context as Json).extensions as Json)[MASTERY_EXTENSION]).toBe(0.75);
    expect(categories(passed)).toEqual([CMI5_CATEGORY, MOVEON_CATEGORY]);
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'passed']);

    const next = relaunch({ masteryScore: 0.75 });
    await next.conn.start();
    await next.conn.report(report(status(true, 'failed', 0.5)));
    await next.conn.report(report(status(true, 'passed', 0.95)));
    // No failed after passed, no second passed (§9.3).
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'passed', 'initialized']);
  });

  it('after failed sends nothing more of passed/failed in the session, and passed in the next', async () => {
    const { conn, rec } = launch({ launchData: { masteryScore: 0.8 } });
    await conn.start();
    await conn.report(report(status(true, 'failed', 0.5)));
    const failed = one('failed');
    expect(failed.result).toEqual({ success: false, duration: 'PT1M5.5S', score: { scaled: 0.5 } });
    expect(categories(failed)).toEqual([CMI5_CATEGORY, MOVEON_CATEGORY]);
    // The learner improves in the same session: §9.3 allows one of passed/failed per session.
    tick();
    await conn.report(report(status(true, 'passed', 0.9)));
    await conn.report(report(status(true, 'failed', 0.6)));
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'failed']);
    tick();
    conn.finish(report(status(true)));
    await rec.settle();

    const next = relaunch({ masteryScore: 0.8 });
    await next.conn.start();
    tick();
    await next.conn.report(report(status(true, 'passed', 0.9)));
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'failed', 'terminated', 'initialized', 'passed']);
  });

  it('does not tell the same failure again in a later session, but a new score yes', async () => {
    const { conn } = launch({ launchData: { masteryScore: 0.8 } });
    await conn.start();
    await conn.report(report(status(true, 'failed', 0.5)));
    const second = relaunch({ masteryScore: 0.8 });
    await second.conn.start();
    await second.conn.report(report(status(true, 'failed', 0.5)));
    expect(only('failed')).toHaveLength(1);
    const third = relaunch({ masteryScore: 0.8 });
    await third.conn.start();
    await third.conn.report(report(status(true, 'failed', 0.6)));
    expect(only('failed').map((s) => (s.result as Json).score)).toEqual([{ scaled: 0.5 }, { scaled: 0.6 }]);
  });

  it('judges by the LMS’s masteryScore when the report disagrees with it', async () => {
    const { conn } = launch({ launchData: { masteryScore: 0.8 } });
    await conn.start();
    await conn.report(report(status(true, 'passed', 0.7)));
    expect(only('passed')).toHaveLength(0);
    expect((one('failed').result as Json).score).toEqual({ scaled: 0.7 });
  });

  it('passes on completion when moveOn asks for passed and nobody set a mastery score', async () => {
    const { conn } = launch({ launchData: { moveOn: 'CompletedAndPassed' } });
    await conn.start();
    await conn.report(report(status(true, undefined, 0.4)));
    const passed = one('passed');
    expect(passed.result).toEqual({ success: true, duration: 'PT1M5.5S', score: { scaled: 0.4 } });
    expect(((passed.context as Json).extensions as Json)[MASTERY_EXTENSION]).toBeUndefined();
    // moveOn Completed: completion only.
    const other = launch({ launchData: { moveOn: 'Completed' } });
    await other.conn.start();
    await other.conn.report(report(status(true, undefined, 0.4)));
    expect(lrs.verbs()).toEqual(['initialized', 'completed']);
  });

  for (const mode of ['Browse', 'Review']) {
    it(`${mode} mode sends initialized and terminated only, and keeps no progress`, async () => {
      const { conn, rec } = launch({ launchData: { launchMode: mode, masteryScore: 0.5 } });
      expect((await conn.start()).mode).toBe(mode.toLowerCase());
      expect(await conn.report(report(status(true, 'passed', 0.9), [answer('correct')]))).toEqual({
        ok: true,
        unsent: [],
      });
      conn.finish(report(status(true)));
      await rec.settle();
      expect(lrs.verbs()).toEqual(['initialized', 'terminated']);
      expect(lrs.state.has(STATE_ID)).toBe(false);
    });
  }
});

describe('failures', () => {
  it('a failed request: ok false, the answers unsent, then sent with the retry, nothing twice', async () => {
    const { conn } = launch();
    await conn.start();
    const first = [answer('correct'), answer('wrong')];
    lrs.failNext(1, { only: 'statements' });
    const r1 = await conn.report(report(status(true), first));
    expect(r1).toEqual({ ok: false, unsent: first });
    expect(await conn.commit()).toBe(false);
    expect(lrs.verbs()).toEqual(['initialized']);
    // The caller hands the unsent ones back with the next report; completed is retried by the connection.
    const later = [answer('neutral')];
    const r2 = await conn.report(report(status(true), [...r1.unsent, ...later]));
    expect(r2).toEqual({ ok: true, unsent: [] });
    expect(await conn.commit()).toBe(true);
    // moveOn CompletedAndPassed and no mastery score anywhere: completing is passing.
    expect(lrs.verbs()).toEqual(['initialized', 'answered', 'answered', 'answered', 'completed', 'passed']);
    await conn.report(report(status(true)));
    expect(only('completed')).toHaveLength(1);
    expect(only('passed')).toHaveLength(1);
  });

  it('an answer lost on the way back: the retry sends the same statements, which the LRS keeps once', async () => {
    const { conn } = launch({ launchData: { masteryScore: 0.5 } });
    await conn.start();
    const answers = [answer('correct')];
    lrs.failNext(1, { only: 'statements', after: true });
    const r1 = await conn.report(report(status(true, 'passed', 0.9), answers));
    expect(r1.ok).toBe(false);
    const ids = lrs.statements.map((s) => s.id);
    await conn.report(report(status(true, 'passed', 0.9), r1.unsent));
    expect(lrs.statements.map((s) => s.id)).toEqual(ids);
    expect(lrs.verbs()).toEqual(['initialized', 'answered', 'completed', 'passed']);
  });

  it('a failed state document is a failed report, and is saved with the next', async () => {
    const { conn } = launch();
    await conn.start();
    lrs.failNext(1, { only: 'activities/state' });
    expect((await conn.report(report(status(false), [], { suspend: 'v2:one' }))).ok).toBe(false);
    expect(lrs.state.has(STATE_ID)).toBe(false);
    expect((await conn.report(report(status(false), [], { suspend: 'v2:two' }))).ok).toBe(true);
    expect(lrs.state.get(STATE_ID)).toMatchObject({ suspend: 'v2:two' });
  });

  it('an initialized that failed goes first with the next statements', async () => {
    const { conn } = launch();
    lrs.failNext(1, { only: 'statements' });
    await conn.start();
    expect(lrs.verbs()).toEqual([]);
    await conn.report(report(status(false), [answer('correct')]));
    expect(lrs.verbs()).toEqual(['initialized', 'answered']);
  });

  it('reports that overlap send completed once', async () => {
    const { conn } = launch();
    await conn.start();
    const all = await Promise.all([conn.report(report(status(true))), conn.report(report(status(true)))]);
    expect(all.every((r) => r.ok)).toBe(true);
    expect(only('completed')).toHaveLength(1);
  });
});

describe('finish', () => {
  it('sends terminated last, with the session time, with keepalive, once; nothing after it', async () => {
    const { conn, rec } = launch({ launchData: { masteryScore: 0.5 } });
    await conn.start();
    await conn.report(report(status(false), [answer('correct')]));
    tick(5000);
    const before = rec.calls.length;
    conn.finish({ location: 'en/m1/l2.html', suspend: 'v2:last', sessionSeconds: 3723.25 });
    conn.finish({ location: 'en/m1/l2.html', suspend: 'v2:later', sessionSeconds: 3800 });
    await rec.settle();
    const unloading = rec.calls.slice(before);
    expect(unloading.map((c) => c.init?.method).sort()).toEqual(['POST', 'PUT']);
    expect(unloading.every((c) => c.init?.keepalive === true)).toBe(true);
    const ended = one('terminated');
    expect(ended.result).toEqual({ duration: 'PT1H2M3.25S' });
    expect(categories(ended)).toEqual([CMI5_CATEGORY]);
    expect(lrs.verbs().at(-1)).toBe('terminated');
    expect(lrs.state.get(STATE_ID)).toEqual({ suspend: 'v2:last', location: 'en/m1/l2.html', told: {} });
    // Never passed/failed/completed on leaving, and nothing after terminated.
    expect(await conn.report(report(status(true, 'passed', 0.9), [answer('correct')]))).toMatchObject({ ok: false });
    await rec.settle();
    expect(lrs.verbs()).toEqual(['initialized', 'answered', 'terminated']);
  });

  it('is stamped after everything else, even an answer stamped ahead of the clock', async () => {
    const { conn, rec } = launch();
    await conn.start();
    await conn.report(report(status(false), [{ ...answer('correct'), at: clock + 60_000 }]));
    conn.finish({ location: '', suspend: '', sessionSeconds: 1 });
    await rec.settle();
    expect(Date.parse(String(one('terminated').timestamp))).toBe(clock + 60_000);
  });

  it('does nothing for a session that never started', () => {
    const { conn, rec } = launch();
    conn.finish({ location: '', suspend: '', sessionSeconds: 1 });
    expect(rec.calls).toHaveLength(0);
  });
});

describe('the test LRS and its validator', () => {
  it('xapi-validation finds what is wrong with a statement', () => {
    const good = {
      id: uuid4(),
      actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: '1' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: 'https://lms.example.com/au/1/q1', objectType: 'Activity' },
      result: { duration: 'PT1M5.5S', success: true },
      timestamp: new Date(clock).toISOString(),
    };
    expect(xapiProblems(good)).toEqual([]);
    expect(xapiProblems({ ...good, id: 'not-a-uuid' })).toHaveLength(1);
    expect(xapiProblems({ ...good, result: { duration: '65 seconds' } }).join()).toMatch(/duration/);
    expect(xapiProblems({ ...good, result: { score: { scaled: 2 } } })).not.toEqual([]);
    expect(xapiProblems({ ...good, verb: undefined })).not.toEqual([]);
    lrs = createLrs();
  });

  it('refuses an invalid statement with 400 and records why', async () => {
    const { conn } = launch();
    await conn.start();
    const post = (auth: string, body: unknown) =>
      fetch(`${origin}/lrs/statements`, {
        method: 'POST',
        headers: { 'X-Experience-API-Version': '1.0.3', Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = { ...one('initialized'), id: 'not-a-uuid', timestamp: new Date(tick()).toISOString() };
    expect((await post(`Basic ${lrs.token}`, bad)).status).toBe(400);
    expect((await post('Basic nope', bad)).status).toBe(401);
    expect(lrs.errors).toHaveLength(3);
    expect(lrs.errors[0]).toMatch(
      /^initialized: xAPI TypeWarning \(Universal Unique Identifier \(UUID\)\) at statement\.id$/,
    );
    expect(lrs.errors[1]).toMatch(/initialized twice in a session/);
    expect(lrs.errors[2]).toMatch(/without the session/);
    expect(lrs.verbs()).toEqual(['initialized']);
    expectedErrors = [...lrs.errors];
  });

  it('formats durations as ISO 8601', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(59.999)).toBe('PT1M0S');
    expect(isoDuration(3723.25)).toBe('PT1H2M3.25S');
    expect(isoDuration(-5)).toBe('PT0S');
    expect(isoDuration(Number.NaN)).toBe('PT0S');
    for (const s of [0, 1.5, 61, 3600, 86_400.01])
      expect(xapiProblems({ result: { duration: isoDuration(s) } }).join()).not.toMatch(/duration/);
    expect(uuid4()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    lrs = createLrs();
  });
});
