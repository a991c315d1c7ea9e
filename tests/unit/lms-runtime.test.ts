/**
 * The LMS package's pure parts: suspend data, status by the package's rule, interactions found by
 * comparing progress, the SCORM adapter (against a fake API in a chain of windows), the package's
 * settings and relative paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '../../src/lib/progress';
import { decodeSuspend, encodeSuspend, SUSPEND_LIMIT, SUSPEND_PREFIX } from '../../src/lib/lms/suspend';
import { lmsStatus } from '../../src/lib/lms/status';
import { newInteractions } from '../../src/lib/lms/interactions';
import { findApi, scormConnection, timespan12, duration2004, type ApiWindow } from '../../src/lib/lms/scorm';
import { lessonOfFile, parsePackageConfig, type LmsCourse } from '../../src/lib/lms/course';
import { packagePath, referencedFiles, relativePath, relativizeHtml } from '../../src/lib/lms/relative';
import { packageId, packagePlan, type PackageChoice } from '../../src/lib/lms/package';

const T = 1_790_000_000_000;
const title = { en: 'x', ms: 'x', zh: 'x', lv: 'x' };
const course: LmsCourse = {
  lessons: [
    { id: 'm1/a', module: 'm1', exercises: [], title },
    { id: 'm1/b', module: 'm1', exercises: ['quiz', 'sort'], title },
    { id: 'm2/c', module: 'm2', exercises: ['talk'], title },
  ],
  modules: [
    { id: 'm1', title },
    { id: 'm2', title },
  ],
  exercises: [
    {
      id: 'quiz',
      lesson: 'm1/b',
      shape: 'quiz',
      key: { 'q1/type': { right: ['b'], partly: ['a', 'c'] }, 'q1/why': { right: ['x'] } },
    },
    { id: 'sort', lesson: 'm1/b', shape: 'cards', key: { c1: { right: ['sales'] }, c2: { right: ['service'] } } },
    { id: 'talk', lesson: 'm2/c', shape: 'turns', key: { t1: { right: ['g'], partly: ['o'] } } },
  ],
};
const all = { lessons: ['m1/a', 'm1/b', 'm2/c'] };

function withExercise(p: Progress, id: string, e: Partial<Progress['exercises'][string]>): Progress {
  return { ...p, exercises: { ...p.exercises, [id]: { attempts: 0, answers: {}, updated: T, ...e } } };
}

describe('suspend data', () => {
  it('round-trips progress with its version prefix', () => {
    let p = emptyProgress();
    p = { ...p, lessons: { 'm1/a': { opened: T, read: T + 5 } }, last: { lesson: 'm1/a', at: T } };
    p = withExercise(p, 'quiz', { attempts: 1, best: 0.5, latest: 0.5, answers: { 'q1/type': 'a' }, finished: T });
    const text = encodeSuspend(p);
    expect(text.startsWith(SUSPEND_PREFIX)).toBe(true);
    expect(text).toMatch(/^SC1:[A-Za-z0-9_-]+$/);
    const back = decodeSuspend(text);
    expect(back.status).toBe('ok');
    expect(back.progress).toEqual(p);
  });

  it('never exceeds the limit: answers go first, lessons, attempts and scores stay', () => {
    let p = emptyProgress();
    for (let i = 0; i < 60; i++)
      p = { ...p, lessons: { ...p.lessons, [`m${i}/l${i}`]: { opened: T + i, read: T + i } } };
    // Answers that do not compress: random option ids.
    for (let i = 0; i < 40; i++) {
      const answers = Object.fromEntries(
        Array.from({ length: 30 }, (_, k) => [`q${k}`, Math.random().toString(36).slice(2)]),
      );
      p = withExercise(p, `ex-${i}`, { attempts: 1 + (i % 2), best: 0.5, answers });
    }
    const text = encodeSuspend(p);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = decodeSuspend(text).progress;
    expect(Object.keys(back.lessons)).toHaveLength(60);
    expect(Object.keys(back.exercises)).toHaveLength(40);
    expect(back.exercises['ex-1'].attempts).toBe(2);
    expect(back.exercises['ex-1'].best).toBe(0.5);
  });

  it('reads damage as the progress store does: unreadable is corrupt, bad entries dropped', () => {
    expect(decodeSuspend('').status).toBe('empty');
    expect(decodeSuspend('hello').status).toBe('corrupt');
    expect(decodeSuspend('SC1:not-deflate!!').status).toBe('corrupt');
    // Cut in the middle, as an LMS that truncates would.
    const full = encodeSuspend(withExercise(emptyProgress(), 'quiz', { attempts: 1, answers: { a: 'b' } }));
    expect(decodeSuspend(full.slice(0, full.length - 6)).status).toBe('corrupt');
    // A record with one bad entry: the rest kept.
    const bad = {
      ...emptyProgress(),
      lessons: { 'm1/a': { opened: T }, 'BAD ID': { opened: 'no' } },
    } as unknown as Progress;
    const repaired = decodeSuspend(encodeSuspend(bad));
    expect(repaired.status).toBe('repaired');
    expect(Object.keys(repaired.progress.lessons)).toEqual(['m1/a']);
  });

  it('any string decodes without throwing', () => {
    fc.assert(fc.property(fc.string(), (s) => void decodeSuspend(SUSPEND_PREFIX + s)));
  });
});

describe('status by the package rule', () => {
  it('incomplete until every lesson is done; score is the average best over the package, untried 0', () => {
    let p = emptyProgress();
    expect(lmsStatus(p, course, all)).toEqual({ completed: false, lessonsDone: 0, lessonsTotal: 3, score: 0 });
    p = { ...p, lessons: { 'm1/a': { opened: T, read: T } } };
    p = withExercise(p, 'quiz', { attempts: 1, best: 1 });
    p = withExercise(p, 'sort', { attempts: 1, best: 0.5 });
    // m1/b done by its exercises (the completion rule), m2/c not begun.
    expect(lmsStatus(p, course, all)).toMatchObject({ completed: false, lessonsDone: 2, score: 0.5 });
    p = withExercise(p, 'talk', { attempts: 1, best: 1 });
    expect(lmsStatus(p, course, all)).toMatchObject({ completed: true, lessonsDone: 3, score: 0.8333 });
  });

  it('passed or failed only with a mastery score, and only once complete', () => {
    let p: Progress = {
      ...emptyProgress(),
      lessons: { 'm1/a': { opened: T, read: T }, 'm1/b': { opened: T, read: T } },
    };
    p = withExercise(p, 'quiz', { attempts: 1, best: 0.9 });
    expect(lmsStatus(p, course, { lessons: ['m1/a'], mastery: 0.8 })).toMatchObject({
      completed: true,
      success: 'passed',
    });
    expect(lmsStatus(p, course, { lessons: ['m1/a', 'm1/b'], mastery: 0.8 })).toMatchObject({
      success: 'failed',
      score: 0.45,
    });
    expect(lmsStatus(p, course, { lessons: ['m1/a', 'm1/b'] }).success).toBeUndefined();
    expect(lmsStatus(p, course, { lessons: ['m1/a', 'm2/c'], mastery: 0.8 }).success).toBeUndefined();
  });
});

describe('interactions', () => {
  const only = new Set(['quiz', 'sort', 'talk']);
  it('one per new answer, judged right, partly right or wrong', () => {
    const a = withExercise(emptyProgress(), 'quiz', { answers: { 'q1/type': 'a' }, updated: T });
    const b = withExercise(a, 'quiz', { answers: { 'q1/type': 'a', 'q1/why': 'x' }, updated: T + 1 });
    expect(newInteractions(emptyProgress(), a, course, only)).toEqual([
      { id: 'quiz.q1.type', exercise: 'quiz', lesson: 'm1/b', response: 'a', result: 'neutral', at: T },
    ]);
    expect(newInteractions(a, b, course, only).map((i) => [i.id, i.result])).toEqual([['quiz.q1.why', 'correct']]);
    expect(newInteractions(b, b, course, only)).toEqual([]);
  });

  it('every placement of a card, and a new attempt counts again', () => {
    const a = withExercise(emptyProgress(), 'sort', { answers: { c1: ['service'] } });
    const b = withExercise(a, 'sort', { answers: { c1: ['service', 'sales'] } });
    expect(newInteractions(a, b, course, only).map((i) => [i.response, i.result])).toEqual([['sales', 'correct']]);
    const restarted = withExercise(b, 'sort', { attempts: 1, answers: {} });
    const again = withExercise(restarted, 'sort', { attempts: 1, answers: { c1: ['service'] } });
    expect(newInteractions(b, restarted, course, only)).toEqual([]);
    expect(newInteractions(restarted, again, course, only).map((i) => [i.response, i.result])).toEqual([
      ['service', 'wrong'],
    ]);
  });

  it('a finished attempt (more attempts, same answers) reports nothing again; other packages’ exercises are ignored', () => {
    const a = withExercise(emptyProgress(), 'talk', { answers: { t1: 'g' } });
    const b = withExercise(a, 'talk', { attempts: 1, best: 1, answers: { t1: 'g' } });
    expect(newInteractions(a, b, course, only)).toEqual([]);
    expect(newInteractions(emptyProgress(), a, course, new Set(['quiz']))).toEqual([]);
  });
});

/** A SCORM 1.2 API as an LMS offers it, recording calls; `fail` makes SetValue/Commit answer "false". */
function fakeApi12(data: Record<string, string> = {}, fail = { set: false, commit: 0 }) {
  const calls: string[] = [];
  const api = {
    LMSInitialize: () => (calls.push('init'), 'true'),
    LMSGetValue: (k: string) => data[k] ?? '',
    LMSSetValue: (k: string, v: string) => {
      calls.push(`set ${k}=${v}`);
      if (fail.set) return 'false';
      data[k] = v;
      return 'true';
    },
    LMSCommit: () => (calls.push('commit'), fail.commit-- > 0 ? 'false' : 'true'),
    LMSFinish: () => (calls.push('finish'), 'true'),
    LMSGetLastError: () => '0',
  };
  return { api, calls, data };
}

const report = (over: Partial<Parameters<ReturnType<typeof scormConnection>['report']>[0]> = {}) => ({
  status: { completed: true, lessonsDone: 3, lessonsTotal: 3, score: 0.8333, success: 'passed' as const },
  location: 'en/m1/a/index.html#s2',
  suspend: 'SC1:abc',
  interactions: [],
  sessionSeconds: 3723.5,
  ...over,
});

describe('SCORM', () => {
  it('finds the API in a parent, a grandparent or the opener, and survives a window of another origin', () => {
    const { api } = fakeApi12();
    const top: ApiWindow = { API: api };
    top.parent = top;
    const mid: ApiWindow = { parent: top };
    const me: ApiWindow = { parent: mid };
    expect(findApi(me, 'scorm12')).toBe(api);
    expect(findApi(me, 'scorm2004')).toBeNull();
    const foreign = new Proxy({} as ApiWindow, {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    const popup: ApiWindow = { parent: foreign, opener: top };
    expect(findApi(popup, 'scorm12')).toBe(api);
    expect(findApi({ parent: null }, 'scorm12')).toBeNull();
  });

  it('1.2: reads the saved state and the LMS mastery score; writes status, score, place, data and interactions', async () => {
    const { api, data } = fakeApi12({
      'cmi.suspend_data': 'SC1:x',
      'cmi.core.lesson_location': 'ms/m1/a/index.html',
      'cmi.student_data.mastery_score': '70',
      'cmi.student_preference.language': 'lv-LV',
      'cmi.interactions._count': '3',
      'cmi.core.lesson_mode': 'normal',
    });
    const c = scormConnection(api, 'scorm12');
    expect(await c.start()).toEqual({
      suspend: 'SC1:x',
      location: 'ms/m1/a/index.html',
      mastery: 0.7,
      language: 'lv',
      mode: 'normal',
    });
    const r = await c.report(
      report({
        interactions: [
          { id: 'quiz.q1.type', exercise: 'quiz', lesson: 'm1/b', response: 'b', result: 'correct', at: T },
        ],
      }),
    );
    expect(r).toEqual({ ok: true, unsent: [] });
    expect(data['cmi.core.lesson_status']).toBe('passed');
    expect(data['cmi.core.score.raw']).toBe('83.33');
    expect(data['cmi.core.lesson_location']).toBe('en/m1/a/index.html#s2');
    // Appended after the three the LMS already had.
    expect(data['cmi.interactions.3.id']).toBe('quiz.q1.type');
    expect(data['cmi.interactions.3.student_response']).toBe('b');
    expect(data['cmi.interactions.3.result']).toBe('correct');
    expect(data['cmi.interactions.3.time']).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('finish never sets the status: time, exit, commit, finish', async () => {
    const { api, calls } = fakeApi12();
    const c = scormConnection(api, 'scorm12');
    await c.start();
    c.finish({ location: 'en/m1/a/index.html', suspend: 'SC1:y', sessionSeconds: 3723.5 });
    expect(calls.some((x) => x.startsWith('set cmi.core.lesson_status'))).toBe(false);
    expect(calls).toContain('set cmi.core.session_time=0001:02:03.50');
    expect(calls).toContain('set cmi.core.exit=suspend');
    expect(calls.slice(-2)).toEqual(['commit', 'finish']);
  });

  it('a refused value or commit is reported, and the interaction comes back to be sent again', async () => {
    const fake = fakeApi12({}, { set: true, commit: 2 });
    const c = scormConnection(fake.api, 'scorm12');
    await c.start();
    const i = { id: 'x.y', exercise: 'x', lesson: 'm1/a', response: 'a', result: 'wrong' as const, at: T };
    expect(await c.report(report({ interactions: [i] }))).toEqual({ ok: false, unsent: [i] });
    expect(await c.commit()).toBe(false);
  });

  it('2004: its own names and vocabularies', async () => {
    const data: Record<string, string> = { 'cmi.scaled_passing_score': '0.75', 'cmi.mode': 'review' };
    const api = {
      Initialize: () => 'true',
      GetValue: (k: string) => data[k] ?? '',
      SetValue: (k: string, v: string) => ((data[k] = v), 'true'),
      Commit: () => 'true',
      Terminate: () => 'true',
      GetLastError: () => '0',
    };
    const c = scormConnection(api, 'scorm2004');
    expect(await c.start()).toMatchObject({ mastery: 0.75, mode: 'review' });
    await c.report(
      report({ interactions: [{ id: 'a.b', exercise: 'a', lesson: 'm1/a', response: 'z', result: 'wrong', at: T }] }),
    );
    expect(data).toMatchObject({
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'passed',
      'cmi.score.scaled': '0.8333',
      'cmi.progress_measure': '1',
      'cmi.interactions.0.result': 'incorrect',
      'cmi.interactions.0.learner_response': 'z',
    });
    expect(data['cmi.interactions.0.timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('formats times as each version wants', () => {
    expect(timespan12(0)).toBe('0000:00:00.00');
    expect(timespan12(3723.5)).toBe('0001:02:03.50');
    expect(duration2004(3723.5)).toBe('PT1H2M4S');
  });
});

describe('package settings and files', () => {
  const choice: PackageChoice = {
    format: 'scorm12',
    languages: ['lv', 'en'],
    lessons: ['m1/b', 'm1/a'],
    title: 'T',
    description: 'd',
  };
  it('a package file is checked before it is trusted', () => {
    const config = packagePlan(choice, { version: 1, assets: ['_astro/a.js'] }).config;
    expect(parsePackageConfig(JSON.parse(JSON.stringify(config)), course)).toEqual({
      ...config,
      lessons: ['m1/a', 'm1/b'],
    });
    for (const bad of [
      null,
      {},
      { ...config, version: 2 },
      { ...config, lessons: ['nope/x'] },
      { ...config, languages: ['fr'] },
      { ...config, mastery: 1.5 },
      { ...config, format: 'aicc' },
      { ...config, title: ' ' },
    ])
      expect(parsePackageConfig(bad, course)).toBeNull();
  });

  it('the same choices give the same id; the plan has each language’s lessons and glossary, the manifest and the schemas', () => {
    expect(packageId(choice)).toBe(packageId({ ...choice }));
    expect(packageId(choice)).not.toBe(packageId({ ...choice, mastery: 0.8 }));
    const paths = packagePlan(choice, { version: 1, assets: ['_astro/a.js', 'favicon.svg'] }).entries.map(
      (e) => e.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'index.html',
        'lms-package.json',
        'imsmanifest.xml',
        'imscp_rootv1p1p2.xsd',
        '_astro/a.js',
        'lv/m1/b/index.html',
        'en/m1/a/index.html',
        'lv/glossary/index.html',
      ]),
    );
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('knows a lesson page from its path', () => {
    expect(lessonOfFile('zh/m1/b/index.html', course)).toEqual({ lang: 'zh', lesson: 'm1/b' });
    expect(lessonOfFile('/content/pkg/lv/m2/c/index.html', course)).toEqual({ lang: 'lv', lesson: 'm2/c' });
    expect(lessonOfFile('en/glossary/index.html', course)).toBeNull();
    expect(lessonOfFile('fr/m1/b/index.html', course)).toBeNull();
  });
});

describe('relative paths in the package', () => {
  it('maps site paths into the package, folders to their index.html', () => {
    expect(packagePath('/lms/en/glossary/#term-x')).toBe('en/glossary/index.html#term-x');
    expect(packagePath('/lms/')).toBe('index.html');
    expect(packagePath('/_astro/a.js')).toBe('_astro/a.js');
    expect(packagePath('/en/trainer/')).toBeNull();
  });

  it('makes paths relative to the page', () => {
    expect(relativePath('en/m/l/index.html', '_astro/x.js')).toBe('../../../_astro/x.js');
    expect(relativePath('en/m/l/index.html', 'en/glossary/index.html#t')).toBe('../../glossary/index.html#t');
    expect(relativePath('index.html', 'en/m/l/index.html')).toBe('en/m/l/index.html');
  });

  it('rewrites a page, refuses a link out of the package, lists what it loads', () => {
    const html =
      '<link href="/_astro/g.css"><a href="/lms/en/glossary/#t">x</a><astro-island component-url="/_astro/I.js" renderer-url="/_astro/c.js"></astro-island><a href="#main">';
    const out = relativizeHtml(html, 'en/m/l/index.html');
    expect(out).toBe(
      '<link href="../../../_astro/g.css"><a href="../../glossary/index.html#t">x</a><astro-island component-url="../../../_astro/I.js" renderer-url="../../../_astro/c.js"></astro-island><a href="#main">',
    );
    expect(() => relativizeHtml('<a href="/en/trainer/">', 'en/m/l/index.html')).toThrow(
      /links out of the LMS package/,
    );
    expect(referencedFiles(out, 'en/m/l/index.html').sort()).toEqual(['_astro/I.js', '_astro/c.js', '_astro/g.css']);
    expect(referencedFiles('import{a}from"./core.js";', '_astro/I.js')).toEqual(['_astro/core.js']);
  });
});
