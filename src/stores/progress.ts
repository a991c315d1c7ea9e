/**
 * The progress store: src/lib/progress.ts kept in a nanostores atom and in localStorage, through
 * the storage layer every stored thing shares (./storage.ts: guarded access, fresh read, merge,
 * write; damaged values set aside once).
 *
 * Why not @nanostores/persistent: it neither validates nor merges, and a second tab's write would
 * silently replace this tab's (last write wins). Here every change is applied to the freshest
 * stored record merged with this tab's state, so work done in two tabs at once all survives; the
 * `storage` event brings the other tab's changes in live.
 */
import { emptyProgress, loadProgress, mergeProgress, resetProgress, type Progress } from '../lib/progress';
import { ASIDE_MARK, storedValue, type DamageNotice } from './storage';

/**
 * Written out again as PROGRESS_KEY in ../lib/progress-peek.ts, where the `client:answered`
 * directive reads it without this store (tests/unit/progress-peek.test.ts checks they are equal):
 * imported from there, the bundler no longer inlines it, and every page's script grows.
 */
export const STORAGE_KEY = 'sales-course:progress';
/** Where an unreadable stored value is kept (with the time it was set aside), so nothing is destroyed. */
export const ASIDE_PREFIX = STORAGE_KEY + ASIDE_MARK;

export type { StorageState } from './storage';
/** What to tell the learner once about the stored record, if anything. */
export type ProgressNotice = DamageNotice;

// Progress merges (the newer or better of each item wins, a reset wins over older work), so this
// tab's view and the stored record combine without needing to know which tab changed what.
const stored = storedValue<Progress>(STORAGE_KEY, {
  empty: emptyProgress,
  parse: (raw) => {
    const { progress, status } = loadProgress(raw);
    return { value: progress, status };
  },
  merge: (fresh, mine) => mergeProgress(fresh, mine),
});

export const $progress = stored.$value;
export const $storageState = stored.$state;
export const $notice = stored.$notice;

/** Loads progress and starts listening to other tabs. Safe to call more than once. */
export const startProgress = (): void => stored.start();

/**
 * Applies a change: to the freshest stored record merged with this tab's state, then saves.
 * Works in memory alone when storage cannot be used, so the session still works.
 */
export const updateProgress = (change: (p: Progress) => Progress): Progress => stored.update(change);

/** Replaces everything (reset): written as is, not merged, so old entries do not come back. */
export const replaceProgress = (next: Progress): void => stored.replace(next);

/** The learner has read the notice about damaged saved progress. */
export function dismissNotice(): void {
  $notice.set(null);
}

/** For tests: forget module state so a new "page" can start again. */
export const _resetForTests = (): void => stored._reset();

/** Deletes all progress (after the learner confirmed). */
export function resetAllProgress(now = Date.now()): void {
  replaceProgress(resetProgress(now));
}
