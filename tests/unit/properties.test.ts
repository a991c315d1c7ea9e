/**
 * Property-based tests (issue 11): generated valid assignments, reports and progress records, and
 * damaged codes. Each property runs a few hundred cases; fast-check prints a shrunk counterexample
 * and its seed when one fails, so a failure can be replayed with { seed, path }.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  decodeAssignment,
  decodeReport,
  encodeAssignment,
  encodeReport,
  reportData,
  type Assignment,
  type AssignmentLang,
  type Decoded,
  type Report,
} from '../../src/lib/assignment';
import { LOCALE_IDS } from '../../src/i18n/locales';
import {
  mergeProgress,
  validateV2,
  PROGRESS_VERSION,
  type ExerciseProgress,
  type LessonProgress,
  type Progress,
} from '../../src/lib/progress';
import { createExport } from '../../src/lib/progress-export';
import { parseImport } from '../../src/lib/progress-file';
import { buildReport } from '../../src/lib/my-training';
import type { CourseIndex } from '../../src/lib/outline';
import { COURSE_LESSONS, COURSE_MODULES, forge, forgeReport } from '../fixtures/hostile-codes';

// The course as the other unit tests know it (tests/unit/assignment.test.ts: content/modules.yaml),
// with each exercise's lesson as in content/exercises and content/roleplays.
const MODULES = COURSE_MODULES;
const LESSONS = COURSE_LESSONS;
const EXERCISES = [
  { id: 'sales-or-service-sort', lesson: 'sales-and-service/sales-vs-service' },
  { id: 'relationship-scenarios', lesson: 'relationship-types/choosing-the-level' },
  { id: 'which-approach-fits', lesson: 'relationship-selling/relationship-oriented-selling' },
  { id: 'four-elements-match', lesson: 'relationship-selling/four-elements' },
  { id: 'budget-worried-buyer', lesson: 'relationship-selling/building-the-relationship' },
  { id: 'pushy-salesperson-complaint', lesson: 'relationship-selling/building-the-relationship' },
  { id: 'qualifying-prospect', lesson: 'relationship-selling/qualifying-prospects' },
  { id: 'hammer-price', lesson: 'listening-and-communicating/listening-and-responding' },
  { id: 'keep-in-touch', lesson: 'listening-and-communicating/active-communication' },
  { id: 'shifting-gears-objection', lesson: 'listening-and-communicating/active-communication' },
  { id: 'client-dinner', lesson: 'listening-and-communicating/business-courtesy' },
  { id: 'titles-and-custom', lesson: 'listening-and-communicating/business-courtesy' },
];
const COURSE = { modules: MODULES, lessons: LESSONS, exercises: EXERCISES.map((e) => e.id) };
const INDEX: CourseIndex = { modules: MODULES, lessons: LESSONS, exercises: EXERCISES };

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The reader's clock for every property: 24 Nov 2026, 09:30 UTC. */
const NOW = Date.UTC(2026, 10, 24, 9, 30);
const RUNS = { numRuns: 300 };

// ---------------------------------------------------------------------------------------------
// Arbitraries.

/** Characters people type in names and titles, and the invisible ones that must not survive alone. */
const CHARS = [
  ...'abcXYZ019 -.,:()',
  ...'ĀāĒēĪīŪūČčŠšŽžĶķĻļŅņĢģ',
  ...'王小明关系销售',
  ...'محمد',
  ...'मोहन्',
  ...'김민준',
  '👩',
  '💻',
  '❤',
  '\ufe0f',
  '\u200d',
  '\u200c',
  '\u00ad',
  '\u3164',
  '\u2800',
  '\u2060',
  '\u200b',
  '\u202e',
  '\t',
  '\n',
  '\u3000',
  '<',
  '&',
  '"',
];
const rawText = (max: number) => fc.string({ unit: fc.constantFrom(...CHARS), maxLength: max });
/** Text as a valid code carries it: what cleanText keeps, not empty, within the limit. */
const text = (max: number) =>
  rawText(max + 10)
    .map((t) => cleanText(t, max))
    .filter((t): t is string => !!t);

const dueDate = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const lessonSets = fc
  .record({ modules: fc.subarray(MODULES), lessons: fc.subarray(LESSONS) })
  .filter((s) => s.modules.length + s.lessons.length > 0);

const assignmentArb: fc.Arbitrary<Assignment> = fc
  .record(
    {
      id: fc.stringMatching(/^[0-9a-z]{4,16}$/),
      title: text(80),
      set: lessonSets,
      due: dueDate,
      note: text(300),
      lang: fc.constantFrom<AssignmentLang>(...LOCALE_IDS),
      trainee: text(60),
    },
    { requiredKeys: ['id', 'title', 'set'] },
  )
  .map(({ set, ...a }) => ({ ...a, ...set }));

/** Whole minutes, from the first one to the reader's now (a report is never made later than that). */
const minuteTime = (max = NOW) => fc.integer({ min: 1, max: Math.floor(max / MINUTE) }).map((m) => m * MINUTE);

const reportArb: fc.Arbitrary<Report> = fc
  .record({ a: assignmentArb, name: text(60), at: minuteTime() })
  .chain(({ a, name, at }) =>
    fc
      .record({
        read: fc
          .subarray(LESSONS)
          .chain((ls) =>
            fc.tuple(...ls.map((lesson) => fc.record({ lesson: fc.constant(lesson), at: minuteTime(at) }))),
          ),
        exercises: fc
          .subarray(EXERCISES.map((e) => e.id))
          .chain((ids) =>
            fc.tuple(
              ...ids.map((id) =>
                fc
                  .record({ best: fc.integer({ min: 0, max: 100 }), attempts: fc.integer({ min: 1, max: 10_000 }) })
                  .chain(({ best, attempts }) =>
                    fc
                      .integer({ min: 0, max: best })
                      .map((latest) => ({ id, best: best / 100, latest: latest / 100, attempts })),
                  ),
              ),
            ),
          ),
      })
      .map(({ read, exercises }): Report => {
        const scope: Report['assignment'] = { id: a.id, title: a.title, modules: a.modules, lessons: a.lessons };
        if (a.due) scope.due = a.due;
        return { assignment: scope, name, at, read, exercises };
      }),
  );

/**
 * Times from a small set, so that equal times (ties between tabs, a reset at the very time of a
 * change) come up often; some a little ahead of the clock, as another device's may be.
 */
const time = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 14 }).map((i) => NOW - 6 * DAY + i * (DAY / 2)) },
  // 0 is what a v1 record without times migrates to; the last allowed time is a day ahead.
  { weight: 1, arbitrary: fc.constantFrom(0, 59_999, NOW + DAY) },
);
/** Exercise ids: the course's, and names of Object.prototype members the id pattern lets through. */
const exerciseId = fc.constantFrom(
  'hammer-price',
  'client-dinner',
  'keep-in-touch',
  'constructor',
  'value-of',
  'to-string',
);
const lessonId = fc.constantFrom(...LESSONS.slice(0, 5));

const lessonArb: fc.Arbitrary<LessonProgress> = fc
  .tuple(time, fc.option(time, { nil: undefined }))
  .map(([opened, read]) => (read === undefined ? { opened } : { opened, read }));

const exerciseArb: fc.Arbitrary<ExerciseProgress> = fc
  .record({
    // Mostly a few attempts; sometimes more than a report can carry (it sends 10 000).
    attempts: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 20 }) },
      { weight: 1, arbitrary: fc.integer({ min: 9_999, max: 1_000_000 }) },
    ),
    best: fc.double({ min: 0, max: 1, noNaN: true }),
    ratio: fc.double({ min: 0, max: 1, noNaN: true }),
    answers: fc.dictionary(
      fc.constantFrom('q1', 'q2', 'turn-3'),
      fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.array(fc.nat(5), { maxLength: 3 })),
      { maxKeys: 3 },
    ),
    position: fc.option(fc.constantFrom('q1', 'q2', 'end'), { nil: undefined }),
    finished: time,
    updated: time,
  })
  .map(({ attempts, best, ratio, answers, position, finished, updated }) => {
    // As the reducers write them: a score only after a finished attempt, latest at most the best.
    const e: ExerciseProgress = { attempts, answers, updated };
    if (attempts > 0) Object.assign(e, { best, latest: best * ratio, finished });
    if (position !== undefined) e.position = position;
    return e;
  });

const progressArb: fc.Arbitrary<Progress> = fc
  .record(
    {
      lessons: fc.dictionary(lessonId, lessonArb, { maxKeys: 4 }),
      exercises: fc.dictionary(exerciseId, exerciseArb, { maxKeys: 4 }),
      last: fc.record({ lesson: lessonId, at: time }),
      resetAt: time,
    },
    { requiredKeys: ['lessons', 'exercises'] },
  )
  .map((p) => ({ version: PROGRESS_VERSION, ...p }));

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Ways a code gets damaged on the way: one character changed, deleted or inserted, cut short, two swapped. */
const CODE_CHARS = 'abcxyzABCXYZ0189-_.#% ';
type Mutation =
  | { kind: 'change' | 'delete' | 'insert' | 'truncate'; at: number; char: string }
  | { kind: 'swap'; at: number; other: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('change' as const, 'delete' as const, 'insert' as const, 'truncate' as const),
    at: fc.nat(),
    char: fc.constantFrom(...CODE_CHARS),
  }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
);
function mutate(code: string, m: Mutation): string {
  const i = m.at % (code.length + 1);
  switch (m.kind) {
    case 'change':
      return code.slice(0, i) + m.char + code.slice(i + 1);
    case 'delete':
      return code.slice(0, i) + code.slice(i + 1);
    case 'insert':
      return code.slice(0, i) + m.char + code.slice(i);
    case 'truncate':
      return code.slice(0, i);
    case 'swap': {
      const j = m.other % code.length;
      const [a, b] = [Math.min(i % code.length, j), Math.max(i % code.length, j)];
      return code.slice(0, a) + code[b] + code.slice(a + 1, b) + code[a] + code.slice(b + 1);
    }
  }
}

const CODE_ERRORS = [
  'empty',
  'too-long',
  'bad-format',
  'wrong-kind',
  'bad-checksum',
  'unknown-version',
  'bad-data',
  'unknown-item',
];
/** A name or title as a valid value has it: clean already, and something to see. */
const isCleanText = (t: unknown, max: number) => typeof t === 'string' && t !== '' && cleanText(t, max) === t;

/** A decoded assignment must be one a trainer could have made: course ids, clean texts. */
function expectValidAssignment(a: Assignment) {
  expect(a.id).toMatch(/^[0-9a-z]{4,16}$/);
  expect(isCleanText(a.title, 80)).toBe(true);
  if (a.trainee !== undefined) expect(isCleanText(a.trainee, 60)).toBe(true);
  if (a.note !== undefined) expect(isCleanText(a.note, 300)).toBe(true);
  expect(a.modules.length + a.lessons.length).toBeGreaterThan(0);
  for (const m of a.modules) expect(MODULES).toContain(m);
  for (const l of a.lessons) expect(LESSONS).toContain(l);
  // It re-validates cleanly: encoding it again decodes to the same value.
  expect(decodeAssignment(encodeAssignment(a), COURSE)).toEqual({ ok: true, value: a });
}

async function expectValidReport(r: Report) {
  expect(isCleanText(r.name, 60)).toBe(true);
  expect(isCleanText(r.assignment.title, 80)).toBe(true);
  expect(r.at).toBeLessThanOrEqual(NOW + DAY);
  for (const x of r.read) {
    expect(LESSONS).toContain(x.lesson);
    expect(x.at).toBeLessThanOrEqual(r.at);
  }
  expect(new Set(r.read.map((x) => x.lesson)).size).toBe(r.read.length);
  expect(new Set(r.exercises.map((e) => e.id)).size).toBe(r.exercises.length);
  for (const e of r.exercises) {
    expect(COURSE.exercises).toContain(e.id);
    expect(e.attempts).toBeGreaterThanOrEqual(1);
    expect(e.latest).toBeLessThanOrEqual(e.best);
    expect(e.best).toBeLessThanOrEqual(1);
  }
  expect(await decodeReport(await encodeReport(r), COURSE, NOW)).toEqual({ ok: true, value: r });
}

/** Either a typed refusal or a value; never an exception (the caller awaits or calls it in a property). */
function expectTyped<T>(result: Decoded<T>): result is { ok: true; value: T } {
  if (!result.ok) expect(CODE_ERRORS).toContain(result.error);
  return result.ok;
}

// ---------------------------------------------------------------------------------------------
// Properties.

describe('codes round-trip', () => {
  it('decodeAssignment(encodeAssignment(a)) is a, for any valid assignment', () => {
    fc.assert(
      fc.property(assignmentArb, (a) => {
        expect(decodeAssignment(encodeAssignment(a), COURSE)).toEqual({ ok: true, value: a });
      }),
      RUNS,
    );
  });

  it("decodeReport(encodeReport(r)) is r, for any valid report on the wire's grid (minutes, whole percent)", async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async (r) => {
        expect(await decodeReport(await encodeReport(r), COURSE, NOW)).toEqual({ ok: true, value: r });
      }),
      { numRuns: 200 },
    );
  });

  it('a progress file exported and imported is the same progress', () => {
    fc.assert(
      fc.property(progressArb, (p) => {
        // The generated record is valid as it is (so the round trip below is not vacuous).
        expect(validateV2(JSON.parse(JSON.stringify(p)), NOW)).toEqual({ progress: p, dropped: [] });
        expect(parseImport(JSON.stringify(createExport(p, NOW)), NOW)).toEqual({
          ok: true,
          progress: p,
          exportedAt: new Date(NOW).toISOString(),
        });
      }),
      RUNS,
    );
  });

  it('a report built from any valid progress is one the trainer can read', async () => {
    await fc.assert(
      fc.asyncProperty(assignmentArb, progressArb, text(60), async (a, p, name) => {
        const r = buildReport(a, p, INDEX, name, NOW);
        const decoded = await decodeReport(await encodeReport(r), COURSE, NOW);
        expect(decoded).toMatchObject({ ok: true });
        if (decoded.ok) await expectValidReport(decoded.value);
      }),
      { numRuns: 200 },
    );
  });

  it('cleanText is idempotent: a cleaned text is clean', () => {
    fc.assert(
      fc.property(rawText(100), (t) => {
        const once = cleanText(t, 1000);
        expect(cleanText(once, 1000)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('damaged codes', () => {
  // Damage to a whole code is nearly always caught by the checksum: the point there is a typed
  // refusal, never an exception. A payload edited by hand passes the checksum, so those
  // properties count what still decoded and require some, or they would check little.
  const decoded = { assignmentPayload: 0, reportPayload: 0 };

  it('an assignment code changed in one place is refused with a typed error or decodes to a valid assignment', () => {
    fc.assert(
      fc.property(assignmentArb, mutationArb, (a, m) => {
        const result = decodeAssignment(mutate(encodeAssignment(a), m), COURSE);
        if (expectTyped(result)) expectValidAssignment(result.value);
      }),
      RUNS,
    );
  });

  it('an assignment payload edited by hand (checksum fixed) is refused with a typed error or is valid', () => {
    fc.assert(
      fc.property(assignmentArb, mutationArb, (a, m) => {
        // The wire form's keys, as encodeAssignment writes them.
        const wire = { i: a.id, t: a.title, m: a.modules, l: a.lessons, d: a.due, n: a.note, g: a.lang, p: a.trainee };
        const json = mutate(JSON.stringify(wire), m);
        let data: unknown;
        try {
          data = JSON.parse(json);
        } catch {
          data = json;
        }
        const result = decodeAssignment(forge('a', 1, data), COURSE);
        if (expectTyped(result)) {
          decoded.assignmentPayload++;
          expectValidAssignment(result.value);
        }
      }),
      RUNS,
    );
    expect(decoded.assignmentPayload).toBeGreaterThan(0);
  });

  it('a report code changed in one place is refused with a typed error or decodes to a valid report', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, mutationArb, async (r, m) => {
        const result = await decodeReport(mutate(await encodeReport(r), m), COURSE, NOW);
        if (expectTyped(result)) await expectValidReport(result.value);
      }),
      { numRuns: 200 },
    );
  });

  it('a report payload edited by hand (deflated, checksum fixed) is refused with a typed error or is valid', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, mutationArb, async (r, m) => {
        const json = mutate(JSON.stringify(reportData(r)), m);
        let data: unknown;
        try {
          data = JSON.parse(json);
        } catch {
          data = json;
        }
        const result = await decodeReport(await forgeReport(data), COURSE, NOW);
        if (expectTyped(result)) {
          decoded.reportPayload++;
          await expectValidReport(result.value);
        }
      }),
      { numRuns: 200 },
    );
    expect(decoded.reportPayload).toBeGreaterThan(0);
  });
});

describe('mergeProgress', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('is associative when the records have seen the same latest reset (or none)', () => {
    // One reset (or none) for all three: merging never combines an entry from before the reset
    // with a newer one before the reset is known (see mergeProgress for that case).
    const three = fc
      .tuple(fc.option(time, { nil: undefined }), progressArb, progressArb, progressArb)
      .map(
        ([resetAt, ...ps]) =>
          ps.map(({ resetAt: _, ...p }) => (resetAt === undefined ? p : { ...p, resetAt })) as [
            Progress,
            Progress,
            Progress,
          ],
      );
    fc.assert(
      fc.property(three, ([a, b, c]) => {
        expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(b, c)));
      }),
      { numRuns: 500 },
    );
  });

  it('is associative for any records once each is merged with the latest reset first', () => {
    // What a tab does when a reset arrives: its own record is merged with the one that reset.
    fc.assert(
      fc.property(progressArb, progressArb, progressArb, (a, b, c) => {
        const resets = [a, b, c].map((p) => p.resetAt).filter((t): t is number => t !== undefined);
        const seen = (p: Progress) =>
          resets.length
            ? mergeProgress(p, { version: PROGRESS_VERSION, lessons: {}, exercises: {}, resetAt: Math.max(...resets) })
            : p;
        const [x, y, z] = [a, b, c].map(seen);
        expect(mergeProgress(mergeProgress(x, y), z)).toEqual(mergeProgress(x, mergeProgress(y, z)));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent, also merged with its own result', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        const ab = mergeProgress(a, b);
        expect(mergeProgress(ab, ab)).toEqual(ab);
        expect(mergeProgress(ab, b)).toEqual(ab);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every lesson read and best score that is not older than the reset, and stays valid', () => {
    fc.assert(
      fc.property(progressArb, progressArb, (a, b) => {
        const merged = mergeProgress(a, b);
        const resetAt = Math.max(a.resetAt ?? -1, b.resetAt ?? -1);
        for (const side of [a, b]) {
          for (const [id, l] of Object.entries(side.lessons)) {
            if (l.read === undefined || l.read < resetAt) continue;
            expect(Object.hasOwn(merged.lessons, id)).toBe(true);
            expect(merged.lessons[id].read).toBeLessThanOrEqual(l.read);
          }
          for (const [id, e] of Object.entries(side.exercises)) {
            if (e.best === undefined || e.updated < resetAt) continue;
            expect(Object.hasOwn(merged.exercises, id)).toBe(true);
            expect(merged.exercises[id].best).toBeGreaterThanOrEqual(e.best);
          }
        }
        // The result is a record the site could load again, unchanged.
        expect(validateV2(JSON.parse(JSON.stringify(merged)), NOW)).toEqual({ progress: merged, dropped: [] });
      }),
      { numRuns: 500 },
    );
  });
});

// The counterexamples the properties found, kept as plain tests so each stays fixed.
describe('found by the properties', () => {
  const T = NOW - DAY;
  const empty = (): Progress => ({ version: PROGRESS_VERSION, lessons: {}, exercises: {} });

  it('a merged lesson survives being merged again with a reset (read before a later "opened", a clock set back)', () => {
    const a: Progress = { ...empty(), lessons: { [LESSONS[0]]: { opened: T, read: T - DAY } }, resetAt: T };
    const b: Progress = { ...empty(), lessons: { [LESSONS[0]]: { opened: T - DAY, read: T } } };
    const ab = mergeProgress(a, b);
    expect(ab.lessons).toEqual({ [LESSONS[0]]: { opened: T - DAY, read: T } });
    expect(mergeProgress(ab, b)).toEqual(ab);
  });

  it('two tabs changed at the same time: merging the result again keeps the same answers', () => {
    const a: Progress = {
      ...empty(),
      exercises: { e: { attempts: 2, best: 0, latest: 0, answers: { q1: '' }, updated: T, finished: T - DAY } },
    };
    const b: Progress = {
      ...empty(),
      exercises: { e: { attempts: 10, best: 0, latest: 0, answers: {}, updated: T, finished: T - DAY } },
    };
    const ab = mergeProgress(a, b);
    expect(mergeProgress(ab, b)).toEqual(ab);
    expect(mergeProgress(ab, a)).toEqual(ab);
  });

  it("the latest score is the last finished attempt's, whichever side changed last", () => {
    // a only started a new attempt (latest tab), b and c finished attempts at different times.
    const a: Progress = { ...empty(), exercises: { e: { attempts: 0, answers: { q1: 'x' }, updated: T + 3 } } };
    const b: Progress = {
      ...empty(),
      exercises: { e: { attempts: 2, best: 0.9, latest: 0.5, answers: {}, updated: T + 1, finished: T + 1 } },
    };
    const c: Progress = {
      ...empty(),
      exercises: { e: { attempts: 1, best: 0.7, latest: 0.7, answers: {}, updated: T + 2, finished: T + 2 } },
    };
    const expected = { attempts: 2, best: 0.9, latest: 0.7, finished: T + 2, answers: { q1: 'x' }, updated: T + 3 };
    expect(mergeProgress(mergeProgress(a, b), c).exercises.e).toEqual(expected);
    expect(mergeProgress(a, mergeProgress(b, c)).exercises.e).toEqual(expected);
  });

  it('a report carries a lesson read in the first minute of 1970 (a clock reset) and more attempts than it can hold', async () => {
    const p: Progress = {
      ...empty(),
      lessons: { [EXERCISES[7].lesson]: { opened: 0, read: 30_000 } },
      exercises: { 'hammer-price': { attempts: 12_345, best: 1, latest: 1, answers: {}, updated: T, finished: T } },
    };
    const a: Assignment = { id: 'abcd1234', title: 'T', modules: [], lessons: [EXERCISES[7].lesson] };
    const decoded = await decodeReport(await encodeReport(buildReport(a, p, INDEX, 'Anna', NOW)), COURSE, NOW);
    expect(decoded).toMatchObject({
      ok: true,
      value: { read: [{ lesson: EXERCISES[7].lesson, at: 0 }], exercises: [{ id: 'hammer-price', attempts: 10_000 }] },
    });
  });
});
