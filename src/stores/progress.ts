/**
 * The progress store: src/lib/progress.ts kept in a nanostores atom and in localStorage.
 *
 * Why not @nanostores/persistent: it neither validates nor merges, and a second tab's write would
 * silently replace this tab's (last write wins). Here every change is applied to the freshest
 * stored record merged with this tab's state, so work done in two tabs at once all survives; the
 * `storage` event brings the other tab's changes in live.
 */
import { atom } from 'nanostores';
import {
  emptyProgress, finishAttempt, loadProgress, mergeProgress, resetProgress, restartExercise, saveAnswer, setPosition,
  type LoadStatus, type Progress,
} from '../lib/progress';

export const STORAGE_KEY = 'sales-course:progress';
/** Where an unreadable stored value is kept (with the time it was set aside), so nothing is destroyed. */
export const ASIDE_PREFIX = 'sales-course:progress:unreadable:';

/** 'ok'; 'unavailable': storage blocked (private mode, settings); 'full': the quota is used up. */
export type StorageState = 'ok' | 'unavailable' | 'full';
/** What to tell the learner once about the stored record, if anything. */
export type ProgressNotice = Extract<LoadStatus, 'repaired' | 'corrupt' | 'unknown-version'> | null;

export const $progress = atom<Progress>(emptyProgress());
export const $storageState = atom<StorageState>('ok');
export const $notice = atom<ProgressNotice>(null);

let storage: Storage | null = null;
let started = false;

function getStorage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = `${STORAGE_KEY}:probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22 || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Reads the stored record. An unreadable value is moved aside first, never overwritten blindly. */
function readStored(): Progress {
  if (!storage) return emptyProgress();
  let raw: string | null;
  try {
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return emptyProgress();
  }
  const result = loadProgress(raw);
  if (result.status === 'corrupt' || result.status === 'unknown-version' || result.status === 'repaired') {
    if (raw !== null && setAside(raw)) {
      $notice.set(result.status);
      // The readable part goes straight back, so it is safe even if nothing else changes.
      if (result.status === 'repaired') write(result.progress);
    }
    else if (raw !== null) {
      // It could not be kept aside: leave it where it is and keep this session's progress in memory.
      $storageState.set('full');
      storage = null;
    }
  }
  return result.progress;
}

/** Moves a raw value to its own key. Frees the main key first, so even a huge value fits. */
function setAside(raw: string): boolean {
  if (!storage) return false;
  const key = `${ASIDE_PREFIX}${Date.now()}`;
  try {
    storage.removeItem(STORAGE_KEY);
    storage.setItem(key, raw);
    return true;
  } catch {
    try {
      storage.setItem(STORAGE_KEY, raw); // put it back untouched
    } catch {
      /* nothing more we can do without losing it */
    }
    return false;
  }
}

function write(p: Progress): void {
  if (!storage) return;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(p));
    if ($storageState.get() !== 'ok') $storageState.set('ok');
  } catch (e) {
    $storageState.set(isQuotaError(e) ? 'full' : 'unavailable');
  }
}

/** Loads progress and starts listening to other tabs. Safe to call more than once. */
export function startProgress(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  storage = getStorage();
  if (!storage) $storageState.set('unavailable');
  $progress.set(readStored());
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY || !storage) return;
    const other = loadProgress(event.newValue);
    if (other.status === 'ok' || other.status === 'empty') $progress.set(mergeProgress($progress.get(), other.progress));
  });
}

/**
 * Applies a change: to the freshest stored record merged with this tab's state, then saves.
 * Works in memory alone when storage cannot be used, so the session still works.
 */
export function updateProgress(change: (p: Progress) => Progress): Progress {
  startProgress();
  const base = mergeProgress(readStored(), $progress.get());
  const next = change(base);
  write(next);
  $progress.set(next);
  return next;
}

/** Replaces everything (reset): written as is, not merged, so old entries do not come back. */
export function replaceProgress(next: Progress): void {
  startProgress();
  write(next);
  $progress.set(next);
}

/** The learner has read the notice about damaged saved progress. */
export function dismissNotice(): void {
  $notice.set(null);
}

/** For tests: forget module state so a new "page" can start again. */
export function _resetForTests(): void {
  started = false;
  storage = null;
  $progress.set(emptyProgress());
  $storageState.set('ok');
  $notice.set(null);
}


/** Deletes all progress (after the learner confirmed). */
export function resetAllProgress(now = Date.now()): void {
  replaceProgress(resetProgress(now));
}

// Exercise actions (role-plays and the other exercises): answers and position of the current
// attempt, a finished attempt's score, a new attempt.

/** Saves an answer; when it ends the exercise, the attempt is scored in the same change. */
export function answerExercise(id: string, key: string, answer: unknown, position: string | undefined, finalScore?: number): void {
  updateProgress((p) => {
    const now = Date.now();
    const answered = saveAnswer(p, id, key, answer, position, now);
    return finalScore === undefined ? answered : finishAttempt(answered, id, finalScore, now);
  });
}

/** Moves within the current attempt (e.g. on to the next customer turn). */
export function moveInExercise(id: string, position: string | undefined): void {
  updateProgress((p) => setPosition(p, id, position, Date.now()));
}

/** Starts a new attempt: answers cleared, attempts and best and latest scores kept. */
export function restartExerciseAttempt(id: string): void {
  updateProgress((p) => restartExercise(p, id, Date.now()));
}
