/**
 * Reading an uploaded progress file and merging it in. Only the progress page loads this.
 */
import { mergeProgress, validateV2, isRecord, MAX_STORED_CHARS, PROGRESS_VERSION, type Progress } from './progress';
import { EXPORT_FORMAT } from './progress-export';

export type ImportError = 'too-large' | 'not-json' | 'not-progress' | 'unknown-version' | 'damaged';

/**
 * Reads an uploaded export file. Unlike loading from storage, a file with any unreadable part is
 * refused whole: the learner chose it, and a half-import would be a surprise.
 */
export function parseImport(text: string): { ok: true; progress: Progress; exportedAt: string } | { ok: false; error: ImportError } {
  if (text.length > MAX_STORED_CHARS) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT || !isRecord(data.progress)) return { ok: false, error: 'not-progress' };
  if (data.version !== PROGRESS_VERSION || (data.progress as Record<string, unknown>).version !== PROGRESS_VERSION) {
    return { ok: false, error: typeof data.version === 'number' && data.version > PROGRESS_VERSION ? 'unknown-version' : 'damaged' };
  }
  const { progress, dropped } = validateV2(data.progress);
  if (dropped.length) return { ok: false, error: 'damaged' };
  const exportedAt = typeof data.exportedAt === 'string' && !Number.isNaN(Date.parse(data.exportedAt)) ? data.exportedAt : '';
  return { ok: true, progress, exportedAt };
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
