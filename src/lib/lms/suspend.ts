/**
 * The learner's progress as the LMS keeps it between sessions: SCORM's `suspend_data` (and the
 * cmi5 state document). SCORM 1.2 allows 4,096 characters, and runtimes differ in what they do past
 * that (some cut, some refuse the whole value), so the encoded progress never exceeds the limit.
 *
 * Format: `SC1:` then the progress record (src/lib/progress.ts, the same JSON the browser keeps),
 * deflated and written in base64url. The `SC1` says which encoding this is: a later release reads
 * `SC1` and writes its own. Decoding goes through loadProgress, so a damaged record is repaired
 * exactly as the browser's own stored progress is (unknown entries dropped, the rest kept).
 *
 * What a whole course takes: about 1,300 characters with every exercise and role-play answered
 * (tests/unit/lms-suspend.test.ts). Should a record still not fit, it is trimmed in steps that keep
 * what counts most: first the answers of finished attempts' exercises, then all saved answers; the
 * lesson states, attempts and scores always stay.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { loadProgress, type LoadResult, type Progress } from '../progress';

export const SUSPEND_PREFIX = 'SC1:';
/** SCORM 1.2's limit for cmi.suspend_data: the smallest of the three formats, used by all. */
export const SUSPEND_LIMIT = 4096;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

const encodeOnce = (p: Progress) => SUSPEND_PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(p)), { level: 9 }));

/** Progress as suspend data of at most `limit` characters (trimmed in steps if it must be, see above). */
export function encodeSuspend(p: Progress, limit = SUSPEND_LIMIT): string {
  let text = encodeOnce(p);
  if (text.length <= limit) return text;
  const finishedWithoutAnswers: Progress = {
    ...p,
    exercises: Object.fromEntries(
      Object.entries(p.exercises).map(([id, e]) => [
        id,
        e.attempts > 0 ? { ...e, answers: {}, position: undefined } : e,
      ]),
    ),
  };
  text = encodeOnce(finishedWithoutAnswers);
  if (text.length <= limit) return text;
  const noAnswers: Progress = {
    ...p,
    exercises: Object.fromEntries(
      Object.entries(p.exercises).map(([id, e]) => [id, { ...e, answers: {}, position: undefined }]),
    ),
  };
  return encodeOnce(noAnswers);
}

/**
 * Progress from suspend data: the record with how it was read ('empty' for none, 'corrupt' for
 * text this course did not write or that was cut, 'repaired' when damaged entries were dropped).
 */
export function decodeSuspend(text: string | null | undefined): LoadResult {
  if (!text) return loadProgress(null);
  if (!text.startsWith(SUSPEND_PREFIX)) return loadProgress('\u0000not progress');
  let json: string;
  try {
    json = strFromU8(inflateSync(fromBase64Url(text.slice(SUSPEND_PREFIX.length))));
  } catch {
    return loadProgress('\u0000not progress');
  }
  return loadProgress(json);
}
