/**
 * The assignment as the trainee's path through the course. My training (which decodes the held
 * assignments) keeps a plain summary of each in the browser; lesson pages opened from an
 * assignment (`?in=<assignment id>`, src/scripts/lesson-path.ts) and the course home read it to say "lesson n of m of the
 * assignment", to lead "Next" to the next assigned lesson and to say what the assignment asks next.
 * Why a summary and not the codes themselves: decoding and checking codes is the My training page's
 * work, and reading pages carry only a few kilobytes of JavaScript. The summary is derived data,
 * rewritten whole from the held list whenever My training shows it, so a damaged one is ignored.
 */
import { PATHS_KEY } from '../stores/storage';

export { PATHS_KEY };

export interface AssignmentPath {
  /** The assignment's id (as in `?in=`) */
  id: string;
  /** Typed by the trainer: shown as text, never markup */
  title: string;
  /** 'YYYY-MM-DD' */
  due?: string;
  /** The assigned lessons in course order, by id */
  lessons: string[];
}

const ID = /^[0-9a-z]{4,16}$/;
const LESSON = /^[a-z0-9-]{1,80}\/[a-z0-9-]{1,80}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** More than anyone holds (My training keeps at most 100 assignments) */
const MAX_PATHS = 100;

/** The stored summary, with anything malformed left out (never trusted as markup or a URL). */
export function parsePaths(raw: string | null | undefined): AssignmentPath[] {
  let data: unknown;
  try {
    data = JSON.parse(raw ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: AssignmentPath[] = [];
  for (const x of data.slice(0, MAX_PATHS)) {
    if (!x || typeof x !== 'object') continue;
    const { id, title, due, lessons } = x as Record<string, unknown>;
    if (typeof id !== 'string' || !ID.test(id) || typeof title !== 'string' || !Array.isArray(lessons)) continue;
    const ids = lessons.filter((l): l is string => typeof l === 'string' && LESSON.test(l));
    if (!ids.length) continue;
    const path: AssignmentPath = { id, title: title.slice(0, 80), lessons: ids };
    if (typeof due === 'string' && DAY.test(due)) path.due = due;
    out.push(path);
  }
  return out;
}
