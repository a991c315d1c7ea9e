/**
 * The learner's progress: one pure model, with its reducers, validation, migration and merge.
 * No DOM and no storage here (src/stores/progress.ts persists it), so every rule is unit-tested.
 *
 * Keys are language-neutral ids (lesson 'module/lesson', exercise ids), never URLs or languages,
 * so progress made in Malay shows in Latvian.
 *
 * Schema history:
 *  - v1 (foundation draft): lessons keyed by their URL path, e.g. '/ms/sales-and-service/what-sales-is/',
 *    { opened?: number; done?: boolean; at?: number }, and exercise scores { best, attempts }.
 *  - v2: lessons keyed by id with timestamps; exercises with attempts, best, latest, the answers and
 *    position of the current attempt; the last place in the course; a reset time for merging.
 */
import { lessonIdOfPath } from './urls';

export const PROGRESS_VERSION = 2;
/** What a progress file says it is (src/lib/progress-export.ts writes it, progress-file.ts reads it). */
export const EXPORT_FORMAT = 'sales-course-progress';
/** Anything longer is not progress this site wrote (a full course is a few kilobytes). */
export const MAX_STORED_CHARS = 1_000_000;
/** A single exercise's saved answers may not grow past this (JSON characters). */
const MAX_ANSWERS_CHARS = 20_000;

export interface LessonProgress {
  /** First opened (ms since epoch) */
  opened: number;
  /** Read to the end, or marked done */
  read?: number;
}

export interface ExerciseProgress {
  /** Finished attempts */
  attempts: number;
  /** Scores from 0 to 1 */
  best?: number;
  latest?: number;
  /** Answers of the current attempt, by question or turn id */
  answers: Record<string, unknown>;
  /** Where the learner is in the current attempt (a turn or step id) */
  position?: string;
  /** When the last attempt was finished */
  finished?: number;
  /** Last change */
  updated: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  exercises: Record<string, ExerciseProgress>;
  /** The last place in the course, for "continue where you left off" */
  last?: { lesson: string; at: number };
  /** When the learner last reset: anything older is gone, also when merged from another tab */
  resetAt?: number;
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, exercises: {} };
}

/**
 * A record's own entry for an id, never one inherited from Object.prototype: ids come from
 * outside (links, files, other tabs), and 'constructor' or 'toString' are valid ids.
 */
export const own = <T>(record: Record<string, T>, id: string): T | undefined =>
  Object.hasOwn(record, id) ? record[id] : undefined;

// ---------------------------------------------------------------------------------------------
// Reducers: each returns a new Progress and leaves its input alone.

/** The learner opened a lesson: first-opened time (kept if earlier) and the last place. */
export function openLesson(p: Progress, lesson: string, now: number): Progress {
  const current = own(p.lessons, lesson);
  return {
    ...p,
    lessons: { ...p.lessons, [lesson]: current ? current : { opened: now } },
    last: { lesson, at: now },
  };
}

/** The learner reached the end of a lesson or marked it done. */
export function markRead(p: Progress, lesson: string, now: number): Progress {
  const current = own(p.lessons, lesson);
  if (current?.read) return p;
  return { ...p, lessons: { ...p.lessons, [lesson]: { opened: current?.opened ?? now, read: now } } };
}

/** Forgets everything; the reset time stops other tabs from bringing old progress back. */
export function resetProgress(now: number): Progress {
  return { ...emptyProgress(), resetAt: now };
}

// ---------------------------------------------------------------------------------------------
// Merge: two tabs, or an imported file, combine without losing either side's work.

function maxDefined(a?: number, b?: number): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}
function minDefined(a?: number, b?: number): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/**
 * Combines two progress records. Per lesson: opened and read keep the earliest time (read stays
 * read). Per exercise: the most attempts and the best score; answers and position come from
 * whichever changed last, the latest score from the attempt finished last. Anything older than a
 * reset is dropped. Commutative and idempotent, so the order tabs save in does not matter; also
 * associative when the records have seen the same latest reset. (A record made before a reset,
 * merged with a newer one before the reset is known, lends the merged entry its attempts, best
 * score and earliest times, which the reset then cannot tell apart: the merged entry keeps them.)
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const resetAt = maxDefined(a.resetAt, b.resetAt);
  const alive = (t: number) => resetAt === undefined || t >= resetAt;
  // Entries are collected and made into objects with Object.fromEntries, which defines own
  // properties: assigning record[id] with an id of '__proto__' would change the prototype instead.
  const lessons: [string, LessonProgress][] = [];
  for (const id of new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])) {
    // A lesson counts from when it was read (or, unread, opened): a merged lesson keeps the
    // earliest read, which is after the reset whenever every part's is, so a merge result survives
    // being merged again (with max(opened, read), a read before a later "opened" lost it).
    const parts = [own(a.lessons, id), own(b.lessons, id)].filter(
      (l): l is LessonProgress => !!l && alive(l.read ?? l.opened),
    );
    if (!parts.length) continue;
    const opened = Math.min(...parts.map((l) => l.opened));
    const read = parts.reduce<number | undefined>((r, l) => minDefined(r, l.read), undefined);
    lessons.push([id, read === undefined ? { opened } : { opened, read }]);
  }
  const exercises: [string, ExerciseProgress][] = [];
  for (const id of new Set([...Object.keys(a.exercises), ...Object.keys(b.exercises)])) {
    const parts = [own(a.exercises, id), own(b.exercises, id)].filter(
      (e): e is ExerciseProgress => !!e && alive(e.updated),
    );
    if (!parts.length) continue;
    // The newer one leads (its answers and position are the current attempt). On a tie, a stable
    // choice by exactly what is taken from it, so a merged record ranks as its leader did and
    // merging again, or in another order, picks the same (commutative, associative, idempotent).
    const key = (e: ExerciseProgress) => JSON.stringify([e.answers, e.position ?? null]);
    const [newer, older] =
      parts.length === 1
        ? [parts[0], undefined]
        : [...parts].sort((x, y) => y.updated - x.updated || (key(y) > key(x) ? 1 : key(y) < key(x) ? -1 : 0));
    const merged: ExerciseProgress = {
      attempts: Math.max(newer.attempts, older?.attempts ?? 0),
      answers: newer.answers,
      updated: newer.updated,
    };
    const best = maxDefined(newer.best, older?.best);
    if (best !== undefined) merged.best = best;
    // The latest score is that of the attempt finished last (on a tie, the higher), with its time:
    // taking it from the last-changed side lost it when that side had only started an attempt.
    const rank = (e: ExerciseProgress) => [e.finished ?? -1, e.latest ?? -1];
    const last = parts.reduce((x, y) =>
      rank(y)[0] > rank(x)[0] || (rank(y)[0] === rank(x)[0] && rank(y)[1] > rank(x)[1]) ? y : x,
    );
    if (last.latest !== undefined) merged.latest = last.latest;
    if (newer.position !== undefined) merged.position = newer.position;
    if (last.finished !== undefined) merged.finished = last.finished;
    exercises.push([id, merged]);
  }
  const lasts = [a.last, b.last].filter((l): l is NonNullable<Progress['last']> => !!l && alive(l.at));
  const last = lasts.sort((x, y) => y.at - x.at || (x.lesson < y.lesson ? -1 : 1))[0];
  const out: Progress = {
    version: PROGRESS_VERSION,
    lessons: Object.fromEntries(lessons),
    exercises: Object.fromEntries(exercises),
  };
  if (last) out.last = last;
  if (resetAt !== undefined) out.resetAt = resetAt;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Loading: validate, migrate, repair. Nothing valid is ever dropped; what cannot be read is
// reported so the caller can keep the raw value aside.

export type LoadStatus =
  | 'empty' // nothing stored yet
  | 'ok'
  | 'migrated' // an older schema, converted
  | 'repaired' // some entries were unreadable and left out; the rest is kept
  | 'corrupt' // not readable at all (truncated JSON, wrong type, too large)
  | 'unknown-version'; // written by a newer version of the site

export interface LoadResult {
  progress: Progress;
  status: LoadStatus;
  /** Entries left out because they were unreadable */
  dropped: string[];
}

const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXERCISE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*){0,3}$/;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** One day: how far ahead of this browser's clock a time may be (another device's clock a little fast). */
const CLOCK_SLACK = 86_400_000;
/** The last time a Date can hold; later ones are Invalid Dates that make Intl formatting throw. */
const MAX_DATE = 8.64e15;
/** A time this site could have written: a real date, and not later than tomorrow by `now`. */
const isTime = (v: unknown, now: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_DATE && v <= now + CLOCK_SLACK;
const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

function validLesson(v: unknown, now: number): LessonProgress | null {
  if (!isRecord(v) || !isTime(v.opened, now)) return null;
  if (v.read !== undefined && !isTime(v.read, now)) return null;
  return v.read === undefined ? { opened: v.opened } : { opened: v.opened, read: v.read };
}

function validExercise(v: unknown, now: number): ExerciseProgress | null {
  if (!isRecord(v) || !isTime(v.updated, now)) return null;
  if (typeof v.attempts !== 'number' || !Number.isInteger(v.attempts) || v.attempts < 0) return null;
  if (!isRecord(v.answers) || JSON.stringify(v.answers).length > MAX_ANSWERS_CHARS) return null;
  if (v.best !== undefined && !isScore(v.best)) return null;
  if (v.latest !== undefined && !isScore(v.latest)) return null;
  // As finishAttempt writes them: a score needs a finished attempt, and the latest score is one of
  // the attempts the best is the highest of. (A report refuses anything else, so it is checked here.)
  if (v.best !== undefined && v.attempts === 0) return null;
  if (v.latest !== undefined && (v.best === undefined || v.latest > v.best)) return null;
  if (v.position !== undefined && (typeof v.position !== 'string' || v.position.length > 100)) return null;
  if (v.finished !== undefined && !isTime(v.finished, now)) return null;
  const out: ExerciseProgress = { attempts: v.attempts, answers: v.answers, updated: v.updated };
  if (v.best !== undefined) out.best = v.best;
  if (v.latest !== undefined) out.latest = v.latest;
  if (v.position !== undefined) out.position = v.position as string;
  if (v.finished !== undefined) out.finished = v.finished;
  return out;
}

/**
 * Checks a v2 object entry by entry, keeping every readable entry. `now` is this browser's clock:
 * a time more than a day after it was not written by this site (and would pin "newest" forever).
 */
export function validateV2(
  data: Record<string, unknown>,
  now: number = Date.now(),
): { progress: Progress; dropped: string[] } {
  const progress = emptyProgress();
  const dropped: string[] = [];
  const field = (key: string) => own(data, key);
  const lessons = isRecord(field('lessons'))
    ? (field('lessons') as Record<string, unknown>)
    : (field('lessons') !== undefined && dropped.push('lessons'), {});
  for (const [id, value] of Object.entries(lessons)) {
    const lesson = LESSON_ID.test(id) ? validLesson(value, now) : null;
    if (lesson) progress.lessons[id] = lesson;
    else dropped.push(`lessons.${id}`);
  }
  const exercises = isRecord(field('exercises'))
    ? (field('exercises') as Record<string, unknown>)
    : (field('exercises') !== undefined && dropped.push('exercises'), {});
  for (const [id, value] of Object.entries(exercises)) {
    const ex = EXERCISE_ID.test(id) ? validExercise(value, now) : null;
    if (ex) progress.exercises[id] = ex;
    else dropped.push(`exercises.${id}`);
  }
  const last = field('last');
  if (last !== undefined) {
    if (isRecord(last) && typeof last.lesson === 'string' && LESSON_ID.test(last.lesson) && isTime(last.at, now))
      progress.last = { lesson: last.lesson, at: last.at };
    else dropped.push('last');
  }
  const resetAt = field('resetAt');
  if (resetAt !== undefined) {
    if (isTime(resetAt, now)) progress.resetAt = resetAt;
    else dropped.push('resetAt');
  }
  return { progress, dropped };
}

/** v1 -> v2: URL-path keys become language-neutral ids; the same lesson read in two languages becomes one. */
function migrateV1(data: Record<string, unknown>, now: number): { progress: Progress; dropped: string[] } {
  const progress = emptyProgress();
  const dropped: string[] = [];
  const lessons = isRecord(data.lessons) ? data.lessons : {};
  for (const [path, value] of Object.entries(lessons)) {
    const id = lessonIdOfPath(path);
    if (!id || !isRecord(value)) {
      dropped.push(`lessons.${path}`);
      continue;
    }
    const at = isTime(value.at, now) ? value.at : isTime(value.opened, now) ? value.opened : 0;
    const opened = isTime(value.opened, now) ? value.opened : at;
    const lesson: LessonProgress = value.done === true ? { opened, read: at } : { opened };
    progress.lessons = mergeProgress(progress, { ...emptyProgress(), lessons: { [id]: lesson } }).lessons;
  }
  const scores = isRecord(data.scores) ? data.scores : {};
  for (const [id, value] of Object.entries(scores)) {
    if (
      !EXERCISE_ID.test(id) ||
      !isRecord(value) ||
      !isScore(value.best) ||
      typeof value.attempts !== 'number' ||
      value.attempts < 0
    ) {
      dropped.push(`scores.${id}`);
      continue;
    }
    // A best score means at least one attempt was finished (v2 and reports require it).
    progress.exercises[id] = {
      attempts: Math.max(1, Math.floor(value.attempts)),
      best: value.best,
      latest: value.best,
      answers: {},
      updated: 0,
    };
  }
  return { progress, dropped };
}

/** Reads stored progress from its raw string, with times checked against `now`. Never throws. */
export function loadProgress(raw: string | null | undefined, now: number = Date.now()): LoadResult {
  if (raw === null || raw === undefined || raw === '')
    return { progress: emptyProgress(), status: 'empty', dropped: [] };
  if (raw.length > MAX_STORED_CHARS) return { progress: emptyProgress(), status: 'corrupt', dropped: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), status: 'corrupt', dropped: [] };
  }
  if (!isRecord(data)) return { progress: emptyProgress(), status: 'corrupt', dropped: [] };
  if (data.version === 1) {
    const { progress, dropped } = migrateV1(data, now);
    return { progress, status: 'migrated', dropped };
  }
  if (data.version === PROGRESS_VERSION) {
    const { progress, dropped } = validateV2(data, now);
    return { progress, status: dropped.length ? 'repaired' : 'ok', dropped };
  }
  if (typeof data.version === 'number' && data.version > PROGRESS_VERSION)
    return { progress: emptyProgress(), status: 'unknown-version', dropped: [] };
  return { progress: emptyProgress(), status: 'corrupt', dropped: [] };
}
