/**
 * One interface for every way a package talks to its LMS (SCORM 1.2, SCORM 2004, cmi5, or none),
 * so the package's frame (src/scripts/lms-shell.ts) has one flow: start, report changes, commit
 * now and then, finish on leaving.
 */
import type { Locale } from '../../i18n/locales';
import type { Interaction } from './interactions';
import type { LmsStatus } from './status';

/** What the LMS hands over at launch. */
export interface LmsStart {
  /** Saved progress (src/lib/lms/suspend.ts), if the LMS holds any */
  suspend?: string;
  /** The package path (and #place) the learner was last at */
  location?: string;
  /** A mastery score the LMS sets, 0..1: it overrides the package's (SCORM's mastery_score, cmi5's masteryScore) */
  mastery?: number;
  /** The learner's language as the LMS knows it, when it is one of the course's */
  language?: Locale;
  /** The LMS's launch mode: 'Normal' unless cmi5 says Browse/Review (nothing is then recorded) */
  mode?: 'normal' | 'browse' | 'review';
}

/** Everything the LMS should know now. */
export interface LmsReport {
  status: LmsStatus;
  location: string;
  suspend: string;
  /** Answers given since the last report */
  interactions: Interaction[];
  /** Time spent in this session, in seconds */
  sessionSeconds: number;
}

export interface LmsConnection {
  readonly format: 'scorm12' | 'scorm2004' | 'cmi5';
  /** Opens the session (SCORM Initialize, cmi5 auth + `initialized`) and reads what the LMS holds. Rejects when the LMS refuses. */
  start(): Promise<LmsStart>;
  /**
   * Hands the LMS the current state (SCORM SetValue, cmi5 statements and state). Resolves true
   * when the LMS took everything, false when something failed (the caller tries again later with
   * the next report; interactions it returns as not sent are in `unsent`).
   */
  report(report: LmsReport): Promise<{ ok: boolean; unsent: Interaction[] }>;
  /** Makes the LMS store what it was given (SCORM Commit; cmi5: nothing more). True when it did. */
  commit(): Promise<boolean>;
  /**
   * Ends the session on leaving the page: session time, place, progress, then SCORM Finish/
   * Terminate or cmi5 `terminated`. Must work while the page unloads (synchronous calls or
   * keepalive requests), and never sets passed/failed there: status is reported while the page lives.
   */
  finish(report: Omit<LmsReport, 'interactions' | 'status'>): void;
}
