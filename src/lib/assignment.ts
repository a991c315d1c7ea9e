/**
 * Assignment links and completion reports: what travels between trainer and trainee with no
 * server. Pure encoding, decoding and validation; every input is untrusted (a link can be
 * truncated, mistyped, hand-edited or hostile), so decoding never throws and reports why it refused.
 *
 * Wire format: `<kind><version>.<payload>.<checksum>`, e.g. `a1.eyJ...` for an assignment and
 * `r1.eyJ...` for a report. The payload is compact JSON in UTF-8, base64url-encoded (URL-safe, no
 * padding); the checksum (FNV-1a 32-bit of the payload, base36) catches truncation and typos. It
 * is not a signature: a report shows what the trainee's browser recorded, not proof against editing.
 */

import { isLocale, type Locale } from '../i18n/locales';

export const ASSIGNMENT_VERSION = 1;
export const REPORT_VERSION = 1;
/** Longer than any real assignment or report: refuse before decoding anything. */
export const MAX_CODE_CHARS = 4000;
export const LIMITS = { title: 80, note: 300, name: 60, trainees: 100, items: 200 } as const;
/** A course language an assignment can fix: the site's languages (src/i18n/locales.ts). */
export type AssignmentLang = Locale;

export interface Assignment {
  id: string;
  title: string;
  /** Due date, 'YYYY-MM-DD' */
  due?: string;
  note?: string;
  /** Course language fixed by the trainer; absent = the learner's choice */
  lang?: AssignmentLang;
  /** Whole modules, by id */
  modules: string[];
  /** Single lessons, by id ('module/lesson') */
  lessons: string[];
  /** The trainee a personal link is for */
  trainee?: string;
}

/** What a report carries about the assignment, so the trainer needs nothing else to read it. */
export type ReportScope = Pick<Assignment, 'id' | 'title' | 'due' | 'modules' | 'lessons'>;

export interface Report {
  /** The assignment this reports on, as it was assigned */
  assignment: ReportScope;
  name: string;
  /** When the report was made (ms since epoch, to the minute) */
  at: number;
  /** Lessons read, with when (to the minute) */
  read: { lesson: string; at: number }[];
  /** Exercises tried: best and latest score (0–1) and attempts */
  exercises: { id: string; best: number; latest: number; attempts: number }[];
}

export type CodeError =
  'empty' | 'too-long' | 'bad-format' | 'wrong-kind' | 'bad-checksum' | 'unknown-version' | 'bad-data' | 'unknown-item';
export type Decoded<T> = { ok: true; value: T } | { ok: false; error: CodeError; detail?: string };

// ---------------------------------------------------------------------------------------------
// Bytes and checksums (no Buffer: this runs in the browser too).

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(code: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) return null;
  try {
    return Uint8Array.from(atob(code.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((code.length + 3) % 4)), (c) =>
      c.charCodeAt(0),
    );
  } catch {
    return null;
  }
}

const toBase64Url = (text: string) => bytesToBase64Url(new TextEncoder().encode(text));

function fromBase64Url(code: string): string | null {
  const bytes = base64UrlToBytes(code);
  try {
    return bytes && new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** FNV-1a, 32 bits, in base36: short, and changes with any truncation or typo. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function wrap(kind: 'a', version: number, data: unknown): string {
  const payload = toBase64Url(JSON.stringify(data));
  return `${kind}${version}.${payload}.${checksum(payload)}`;
}

/** Checks the envelope of a code (size, shape, checksum, version) and returns its payload. */
function envelope(kind: 'a' | 'r', version: number, code: string): Decoded<string> {
  // A whole link may be pasted: only what follows '#' is the code. Punctuation that mail and chat
  // put around a link ("(see: …#a1.x.y).") is not part of any code (checksums are [0-9a-z]).
  const text = (typeof code === 'string' ? code : '')
    .trim()
    .replace(/^.*#/s, '')
    .replace(/^[\s(<["'«“‘]+/, '')
    .replace(/[\s.,;:!?)>\]}"'»”’]+$/, '');
  if (!text) return { ok: false, error: 'empty' };
  if (text.length > MAX_CODE_CHARS) return { ok: false, error: 'too-long' };
  const m = text.match(/^([ar])(\d{1,3})\.([A-Za-z0-9_-]+)\.([0-9a-z]{1,7})$/);
  if (!m) return { ok: false, error: 'bad-format' };
  // A report pasted where an assignment goes (or the reverse): say so, it is an easy mix-up.
  if (m[1] !== kind) return { ok: false, error: 'wrong-kind' };
  if (checksum(m[3]) !== m[4]) return { ok: false, error: 'bad-checksum' };
  if (Number(m[2]) !== version) return { ok: false, error: 'unknown-version' };
  return { ok: true, value: m[3] };
}

function parseJson(json: string | null): Decoded<unknown> {
  if (json === null) return { ok: false, error: 'bad-format' };
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, error: 'bad-data', detail: 'json' };
  }
}

// ---------------------------------------------------------------------------------------------
// Text from outside: plain text only, shown as text, never markup or a link.

/**
 * Characters that show nothing on their own: spaces, default-ignorable code points (joiners,
 * fillers such as U+3164, soft hyphen, invisible operators, variation selectors, tags) and the
 * braille blank U+2800, which is not default-ignorable but renders as an empty cell.
 */
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]*$/u;
/** Invisible characters at either end: padding, never part of a name (variation selectors and
 * tags are left alone, as they end emoji such as ❤️ and flags). */
// The joiners are listed alone on purpose (padding at the ends), not as parts of a sequence.
const INVISIBLE_ENDS =
  // eslint-disable-next-line no-misleading-character-class
  /^[\s\u034f\u115f\u1160\u180e\u200c\u200d\u2060-\u2064\u2800\u3164\uffa0]+|[\s\u034f\u115f\u1160\u180e\u200c\u200d\u2060-\u2064\u2800\u3164\uffa0]+$/g;

/** True when a text has no character anyone can see (so it cannot name anything). */
export const isBlank = (text: string) => INVISIBLE.test(text);

/**
 * Trims, drops control characters and invisible direction and spacing marks, and limits the
 * length. Zero-width joiner and non-joiner stay inside a text: they belong to emoji and to Persian
 * and Indic names. Soft hyphens go (a name is never hyphenated for layout), and a text of
 * invisible characters alone (U+3164, U+2800, joiners…) is empty, so it is refused as "missing".
 */
export function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .normalize('NFC')
    // Control characters are exactly what this removes.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .replace(INVISIBLE_ENDS, '');
  if (isBlank(text)) return '';
  return text.length > max ? null : text;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LESSON = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) =>
  DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** A random id for a new assignment (base36, 8 characters). */
export function newAssignmentId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += Math.floor(random() * 36).toString(36);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Assignments.

/** The code a link carries after '#'. Compact keys keep links short enough for a QR code. */
export function encodeAssignment(a: Assignment): string {
  const data: Record<string, unknown> = { i: a.id, t: a.title, m: a.modules, l: a.lessons };
  if (a.due) data.d = a.due;
  if (a.note) data.n = a.note;
  if (a.lang) data.g = a.lang;
  if (a.trainee) data.p = a.trainee;
  return wrap('a', ASSIGNMENT_VERSION, data);
}

/** Reads an assignment code; only modules and lessons the course has are accepted. */
export function decodeAssignment(
  code: string,
  course: { modules: readonly string[]; lessons: readonly string[] },
): Decoded<Assignment> {
  const payload = envelope('a', ASSIGNMENT_VERSION, code);
  if (!payload.ok) return payload;
  const data = parseJson(fromBase64Url(payload.value));
  return data.ok ? readAssignment(data.value, course) : data;
}

function readAssignment(
  value: unknown,
  course: { modules: readonly string[]; lessons: readonly string[] },
): Decoded<Assignment> {
  const d = value as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return { ok: false, error: 'bad-data' };
  const id = typeof d.i === 'string' && /^[0-9a-z]{4,16}$/.test(d.i) ? d.i : null;
  const title = cleanText(d.t, LIMITS.title);
  if (!id || !title) return { ok: false, error: 'bad-data', detail: !id ? 'id' : 'title' };
  const list = (v: unknown, pattern: RegExp) =>
    Array.isArray(v) && v.length <= LIMITS.items && v.every((x) => typeof x === 'string' && pattern.test(x))
      ? [...new Set(v as string[])]
      : null;
  const modules = list(d.m ?? [], ID);
  const lessons = list(d.l ?? [], LESSON);
  if (!modules || !lessons || modules.length + lessons.length === 0)
    return { ok: false, error: 'bad-data', detail: 'items' };
  const unknown = [
    ...modules.filter((m) => !course.modules.includes(m)),
    ...lessons.filter((l) => !course.lessons.includes(l)),
  ];
  if (unknown.length) return { ok: false, error: 'unknown-item', detail: unknown.join(', ') };
  const a: Assignment = { id, title, modules, lessons };
  if (d.d !== undefined) {
    if (typeof d.d !== 'string' || !validDate(d.d)) return { ok: false, error: 'bad-data', detail: 'due' };
    a.due = d.d;
  }
  if (d.n !== undefined) {
    const note = cleanText(d.n, LIMITS.note);
    if (note === null) return { ok: false, error: 'bad-data', detail: 'note' };
    if (note) a.note = note;
  }
  if (d.g !== undefined) {
    if (typeof d.g !== 'string' || !isLocale(d.g)) return { ok: false, error: 'bad-data', detail: 'lang' };
    a.lang = d.g;
  }
  if (d.p !== undefined) {
    const name = cleanText(d.p, LIMITS.name);
    if (!name) return { ok: false, error: 'bad-data', detail: 'trainee' };
    a.trainee = name;
  }
  return { ok: true, value: a };
}

/** The lessons an assignment covers, in course order. */
export function assignedLessons(a: Assignment, course: { lessons: readonly string[] }): string[] {
  return course.lessons.filter((l) => a.lessons.includes(l) || a.modules.includes(l.split('/')[0]));
}

/** Days until the due date (negative when overdue), from a 'YYYY-MM-DD' and today's date. */
export function daysLeft(due: string, today: Date): number {
  const dueUtc = Date.parse(`${due}T00:00:00Z`);
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((dueUtc - todayUtc) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------
// Reports. Longer than assignments (a lesson list, scores and times), so their JSON is
// deflated (CompressionStream, built into browsers and Node: no library) before base64url, which
// roughly halves a full-course report. Decoding inflates at most MAX_REPORT_JSON bytes, so a
// small hostile code cannot expand into megabytes.

const MAX_REPORT_JSON = 64_000;
const MINUTE = 60_000;
/** How far ahead of the reader's clock a report may be: time zones and a clock a little fast, no more. */
const CLOCK_SLACK = 86_400_000;
/** The most attempts a report carries; more are sent as this many. */
const MAX_ATTEMPTS = 10_000;

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array): Promise<string | null> {
  try {
    const reader = new Blob([bytes as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_REPORT_JSON) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    const all = new Uint8Array(size);
    let offset = 0;
    for (const c of chunks) {
      all.set(c, offset);
      offset += c.length;
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    return null;
  }
}

/**
 * The wire form of a report's data: short keys, times in minutes, scores in whole percent.
 * It is written so that readReport accepts it: a lesson read "after" the report (another device's
 * clock ran ahead) is sent at the report's minute, and attempts are capped at what a report carries.
 */
export function reportData(r: Report): Record<string, unknown> {
  const data: Record<string, unknown> = {
    i: r.assignment.id,
    t: r.assignment.title,
    m: r.assignment.modules,
    l: r.assignment.lessons,
  };
  if (r.assignment.due) data.d = r.assignment.due;
  Object.assign(data, {
    n: r.name,
    w: Math.floor(r.at / MINUTE),
    r: r.read.map((x) => [x.lesson, Math.min(Math.floor(x.at / MINUTE), Math.floor(r.at / MINUTE))]),
    x: r.exercises.map((e) => [
      e.id,
      Math.round(e.best * 100),
      Math.round(e.latest * 100),
      Math.min(e.attempts, MAX_ATTEMPTS),
    ]),
  });
  return data;
}

export async function encodeReport(r: Report): Promise<string> {
  const payload = bytesToBase64Url(await deflate(JSON.stringify(reportData(r))));
  return `r${REPORT_VERSION}.${payload}.${checksum(payload)}`;
}

/**
 * Reads a report code; everything in it is checked against the course, as for assignments.
 * `now` is the reader's clock: a report made more than a day after it is refused.
 */
export async function decodeReport(
  code: string,
  course: { modules: readonly string[]; lessons: readonly string[]; exercises: readonly string[] },
  now: number = Date.now(),
): Promise<Decoded<Report>> {
  const payload = envelope('r', REPORT_VERSION, code);
  if (!payload.ok) return payload;
  const bytes = base64UrlToBytes(payload.value);
  const data = parseJson(bytes && (await inflate(bytes)));
  return data.ok ? readReport(data.value, course, now) : data;
}

/** Validates decoded report data (exported for tests that forge payloads). */
export function readReport(
  d: unknown,
  course: { modules: readonly string[]; lessons: readonly string[]; exercises: readonly string[] },
  now: number = Date.now(),
): Decoded<Report> {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return { ok: false, error: 'bad-data' };
  const data = d as Record<string, unknown>;
  // The scope is checked exactly as an assignment link is.
  const scope = readAssignment({ i: data.i, t: data.t, m: data.m, l: data.l, d: data.d }, course);
  if (!scope.ok) return scope;
  const name = cleanText(data.n, LIMITS.name);
  const minutes = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 1.44e11;
  if (!name) return { ok: false, error: 'bad-data', detail: 'name' };
  // A report from the future (a clock set years ahead, or a hand-edited year 273859) would stay
  // the "newest" from its trainee and hide every genuine report after it: refused.
  if (!minutes(data.w) || data.w * MINUTE > now + CLOCK_SLACK) return { ok: false, error: 'bad-data', detail: 'time' };
  const at = data.w * MINUTE;
  if (!Array.isArray(data.r) || !Array.isArray(data.x) || data.r.length > LIMITS.items || data.x.length > LIMITS.items)
    return { ok: false, error: 'bad-data', detail: 'items' };
  const read: Report['read'] = [];
  for (const item of data.r) {
    // Minute 0 is allowed here: progress migrated from v1 without a time has a lesson read at 0.
    if (
      !Array.isArray(item) ||
      typeof item[0] !== 'string' ||
      !LESSON.test(item[0]) ||
      !(item[1] === 0 || minutes(item[1]))
    )
      return { ok: false, error: 'bad-data', detail: 'lessons' };
    if (!course.lessons.includes(item[0])) return { ok: false, error: 'unknown-item', detail: item[0] };
    // A lesson cannot have been read after the report about it was made.
    if ((item[1] as number) * MINUTE > at) return { ok: false, error: 'bad-data', detail: 'time' };
    // Each lesson once: a repeat could only be a forged or damaged report.
    if (read.some((x) => x.lesson === item[0])) return { ok: false, error: 'bad-data', detail: 'lessons' };
    read.push({ lesson: item[0], at: (item[1] as number) * MINUTE });
  }
  const exercises: Report['exercises'] = [];
  const pct = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100;
  for (const item of data.x) {
    // Best is the highest score of all attempts and latest is one of them, so latest <= best, and
    // a score needs at least one finished attempt; an exercise appears once.
    if (
      !Array.isArray(item) ||
      typeof item[0] !== 'string' ||
      !ID.test(item[0]) ||
      !pct(item[1]) ||
      !pct(item[2]) ||
      typeof item[3] !== 'number' ||
      !Number.isInteger(item[3]) ||
      item[3] < 1 ||
      item[3] > MAX_ATTEMPTS ||
      item[2] > item[1] ||
      exercises.some((e) => e.id === item[0])
    ) {
      return { ok: false, error: 'bad-data', detail: 'exercises' };
    }
    if (!course.exercises.includes(item[0])) return { ok: false, error: 'unknown-item', detail: item[0] };
    exercises.push({
      id: item[0],
      best: (item[1] as number) / 100,
      latest: (item[2] as number) / 100,
      attempts: item[3],
    });
  }
  const { id, title, due, modules, lessons } = scope.value;
  const assignment: ReportScope = due ? { id, title, due, modules, lessons } : { id, title, modules, lessons };
  return { ok: true, value: { assignment, name, at, read, exercises } };
}
