/**
 * Reading an uploaded progress file and merging it in. Only the progress page loads this.
 */
import {
  mergeProgress,
  validateV2,
  isRecord,
  EXPORT_FORMAT,
  MAX_STORED_CHARS,
  PROGRESS_VERSION,
  type Progress,
} from './progress';

export type ImportError = 'too-large' | 'not-json' | 'not-progress' | 'unknown-version' | 'damaged';

/**
 * Reads an uploaded export file. Unlike loading from storage, a file with any unreadable part is
 * refused whole: the learner chose it, and a half-import would be a surprise.
 */
export function parseImport(
  text: string,
  now: number = Date.now(),
): { ok: true; progress: Progress; exportedAt: string } | { ok: false; error: ImportError } {
  if (text.length > MAX_STORED_CHARS) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT || !isRecord(data.progress))
    return { ok: false, error: 'not-progress' };
  if (data.version !== PROGRESS_VERSION || (data.progress as Record<string, unknown>).version !== PROGRESS_VERSION) {
    return {
      ok: false,
      error: typeof data.version === 'number' && data.version > PROGRESS_VERSION ? 'unknown-version' : 'damaged',
    };
  }
  const { progress, dropped } = validateV2(data.progress, now);
  if (dropped.length) return { ok: false, error: 'damaged' };
  return { ok: true, progress, exportedAt: exportTime(data.exportedAt, now) };
}

/**
 * When the file says it was exported, as an ISO string the preview can show, or '' when it says
 * nothing usable. Only what createExport writes (an ISO string that reads back to itself) or a
 * number of milliseconds is taken, and only a real time not later than tomorrow: Date.parse
 * accepts free text ('2026', 'March 7') and the preview shows this date as the file's own.
 */
export function exportTime(value: unknown, now: number = Date.now()): string {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && value.length <= 40) {
    ms = Date.parse(value);
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== value) return '';
  } else return '';
  return Number.isFinite(ms) && ms >= 0 && ms <= 8.64e15 && ms <= now + 86_400_000 ? new Date(ms).toISOString() : '';
}

/**
 * Merges an imported file into the learner's progress. An import is a deliberate act, so a reset
 * made earlier in this browser does not hide the imported work (export, reset, import gets
 * everything back); other open tabs already dropped their pre-reset state when the reset arrived.
 */
export function importInto(p: Progress, imported: Progress): Progress {
  const { resetAt: _mine, ...current } = p;
  const { resetAt: _theirs, ...incoming } = imported;
  return mergeProgress(current as Progress, incoming as Progress);
}
