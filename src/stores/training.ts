/**
 * The lists behind "My training" (assignments the trainee holds) and the trainer's results
 * (reports collected), each in a nanostores atom kept in localStorage. An unreadable stored value
 * is copied aside under its own key before anything is written, so nothing valid is destroyed;
 * other tabs' changes come in through the `storage` event.
 */
import { atom, type WritableAtom } from 'nanostores';
import { MAX_HELD, MAX_REPORTS, parseList, type HeldAssignment, type ListStatus, type SentAssignment, type StoredReport } from '../lib/training';

export const HELD_KEY = 'sales-course:training';
export const REPORTS_KEY = 'sales-course:reports';
export const SENT_KEY = 'sales-course:assigned';

export interface StoredList<T> {
  $list: WritableAtom<T[]>;
  /** 'repaired' or 'corrupt' once, when the stored value had to be set aside */
  $status: WritableAtom<ListStatus>;
  /** false when the browser does not let the site store anything (the list then lives in this tab) */
  $saved: WritableAtom<boolean>;
  start(): void;
  update(change: (list: T[]) => T[]): void;
}

export function storedList<T extends { code: string; added: number }>(key: string, kind: 'a' | 'r', max: number): StoredList<T> {
  const $list = atom<T[]>([]);
  const $status = atom<ListStatus>('empty');
  const $saved = atom(true);
  let started = false;

  const storage = (): Storage | null => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  };

  function read(): T[] {
    const s = storage();
    const raw = s?.getItem(key) ?? null;
    const result = parseList<T>(raw, kind, max);
    if ((result.status === 'corrupt' || result.status === 'repaired') && raw !== null) {
      try {
        s!.setItem(`${key}:unreadable:${Date.now()}`, raw);
        $status.set(result.status);
      } catch {
        // Could not keep a copy: leave the stored value alone and work in memory.
        $saved.set(false);
      }
    }
    return result.list;
  }

  function start() {
    if (started || typeof window === 'undefined') return;
    started = true;
    if (!storage()) $saved.set(false);
    $list.set(read());
    window.addEventListener('storage', (event) => {
      if (event.key === key) $list.set(parseList<T>(event.newValue, kind, max).list);
    });
  }

  function update(change: (list: T[]) => T[]) {
    start();
    const next = change($list.get()).slice(0, max);
    $list.set(next);
    if (!$saved.get()) return;
    try {
      storage()!.setItem(key, JSON.stringify(next));
    } catch {
      $saved.set(false);
    }
  }

  return { $list, $status, $saved, start, update };
}

export const held = storedList<HeldAssignment>(HELD_KEY, 'a', MAX_HELD);
export const reports = storedList<StoredReport>(REPORTS_KEY, 'r', MAX_REPORTS);
/** Assignments the trainer made here, so results can list trainees who have not reported. */
export const sent = storedList<SentAssignment>(SENT_KEY, 'a', MAX_HELD);
