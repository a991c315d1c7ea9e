/**
 * The lists behind "My training" (assignments the trainee holds), the trainer's results (reports
 * collected) and the trainer page (assignments made here), on the storage layer every stored thing
 * shares (./storage.ts): each change is applied to the freshest stored list merged with this tab's
 * (entry by entry, removals kept as tombstones), so tabs and links arriving together never lose
 * each other's entries; an unreadable stored value is copied aside once before it is repaired.
 * The actions here hold the rules a list keeps (one entry per assignment, limits stated, never
 * dropped silently).
 */
import { computed, type ReadableAtom } from 'nanostores';
import {
  MAX_HELD,
  MAX_REPORTS,
  live,
  mergeLists,
  parseList,
  removeEntries,
  removeEntry,
  type HeldAssignment,
  type ListEntry,
  type SentAssignment,
  type StoredReport,
} from '../lib/lists';
import { storedValue, type DamageNotice, type StorageState } from './storage';
import { updateAsync } from './storage-async';

export const HELD_KEY = 'sales-course:training';
export const REPORTS_KEY = 'sales-course:reports';
export const SENT_KEY = 'sales-course:assigned';

export interface StoredList<T> {
  /** The entries shown (tombstones left out) */
  $list: ReadableAtom<T[]>;
  /** 'repaired', 'corrupt' once, when the stored value had to be set aside */
  $notice: ReadableAtom<DamageNotice>;
  $state: ReadableAtom<StorageState>;
  /** false when the browser does not store anything now (the list then lives in this tab) */
  $saved: ReadableAtom<boolean>;
  start(): void;
  /** Changes the stored list, tombstones included (use removeEntry to remove). */
  update(change: (list: T[]) => T[]): T[];
  updateAsync<R>(change: (list: T[]) => Promise<{ value: T[]; result: R }>): Promise<R>;
  /** Changes one entry (a name typed): the edit is timed, so it wins over an older copy. */
  edit(code: string, change: (entry: T) => T): void;
  /** Adds an entry unless one the same already is there, or the list is at its limit. */
  add(entry: T, same: (e: T) => boolean): 'added' | 'already' | 'limit';
  remove(code: string): void;
  /** Empties the list (after the user confirmed): written as is, nothing merged back. */
  clear(): void;
  _reset(): void;
}

export function storedList<T extends ListEntry>(key: string, kind: 'a' | 'r', max: number): StoredList<T> {
  const stored = storedValue<T[]>(key, {
    empty: () => [],
    parse: (raw) => {
      const { list, status } = parseList<T>(raw, kind);
      return { value: list, status };
    },
    merge: (fresh, mine) => mergeLists(fresh, mine),
  });

  function add(entry: T, same: (e: T) => boolean): 'added' | 'already' | 'limit' {
    let outcome: 'added' | 'already' | 'limit' = 'added';
    stored.update((list) => {
      const shown = live(list);
      if (shown.some(same)) outcome = 'already';
      else if (shown.length >= max) outcome = 'limit';
      // Added again after a removal: the new entry replaces its tombstone.
      else return [entry, ...list.filter((e) => e.code !== entry.code)];
      return list;
    });
    return outcome;
  }

  return {
    $list: computed(stored.$value, (list) => live(list)),
    $notice: stored.$notice,
    $state: stored.$state,
    $saved: computed(stored.$state, (state) => state === 'ok'),
    start: stored.start,
    update: stored.update,
    updateAsync: (change) => updateAsync(stored, key, mergeLists<T>, change),
    edit: (code, change) =>
      void stored.update((list) =>
        list.map((e) => (e.code === code && e.removed === undefined ? { ...change(e), edited: Date.now() } : e)),
      ),
    add,
    remove: (code) => void stored.update((list) => removeEntry(list, code, Date.now())),
    clear: () => void stored.update((list) => removeEntries(list, Date.now())),
    _reset: stored._reset,
  };
}

export const held = storedList<HeldAssignment>(HELD_KEY, 'a', MAX_HELD);
export const reports = storedList<StoredReport>(REPORTS_KEY, 'r', MAX_REPORTS);
/** Assignments the trainer made here, so results can list trainees who have not reported. */
export const sent = storedList<SentAssignment>(SENT_KEY, 'a', MAX_HELD);

// The actions of each page live beside it, so a page loads only its own: ./reports.ts (the
// trainer's results), ./my-training.ts (the trainee's assignments and reports) and ./made.ts (the
// trainer page's Undo).
