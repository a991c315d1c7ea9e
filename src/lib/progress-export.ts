/** The progress file a learner downloads: small, because the site-wide export button loads it. */
import { EXPORT_FORMAT, PROGRESS_VERSION, type Progress } from './progress';

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: string;
  progress: Progress;
}

/** The file a learner downloads. */
export function createExport(p: Progress, now: number): ProgressExport {
  return {
    format: EXPORT_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: new Date(now).toISOString(),
    progress: structuredClone(p),
  };
}

/** The download's file name, with the date: sales-course-progress-2026-11-24.json */
export function exportFileName(now: number): string {
  return `${EXPORT_FORMAT}-${new Date(now).toISOString().slice(0, 10)}.json`;
}
