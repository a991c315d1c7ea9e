/**
 * The one storage layer under everything the course keeps in the browser: progress, the
 * assignments a trainee holds, the reports a trainer collected, the assignments a trainer made.
 *
 * localStorage is shared by every open tab, can refuse any call (blocked by a setting, a full
 * quota, a sandboxed frame), and can hold damaged values. So, for every key:
 * - every access is guarded, and a failing write never stops reading: a full quota still shows
 *   (and exports) everything that is stored;
 * - "full" (the quota) is told apart from "unavailable" (access refused);
 * - every change is applied to the freshest stored value, merged with what this tab has not been
 *   able to save yet, then written; a change that has to wait (decoding reports is asynchronous)
 *   is written only if nothing else wrote in between, else it is done again on the newer value;
 * - a value that cannot be read is copied aside once (the same content is never copied twice, at
 *   most ASIDE_MAX copies per key), and the original is replaced by its readable part only once
 *   the copy is safe. A damaged value that cannot be copied stays untouched and is never written
 *   over; the page works from memory and offers the value for download.
 */
import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';

/** 'ok'; 'unavailable': storage blocked (private mode, settings); 'full': the quota is used up. */
export type StorageState = 'ok' | 'unavailable' | 'full';
/** What reading a stored value found. */
export type ReadStatus = 'empty' | 'ok' | 'migrated' | 'repaired' | 'corrupt' | 'unknown-version';
/** What to tell the user once about a stored value, if anything. */
export type DamageNotice = Extract<ReadStatus, 'repaired' | 'corrupt' | 'unknown-version'> | null;

/**
 * The assignments' summary for lesson pages and the home (src/lib/paths.ts). Its key lives here,
 * in the code every page loads, so a lesson page reading it loads no extra file for one constant.
 */
export const PATHS_KEY = 'sales-course:paths';

export const ASIDE_MARK = ':unreadable:';
/** Aside copies kept per key: enough to recover from, never enough to fill the quota. */
export const ASIDE_MAX = 3;

function area(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.code === 22 || e.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** The stored string (null when nothing is stored), or undefined when storage cannot be read. */
export function readRaw(key: string): string | null | undefined {
  try {
    const s = area();
    return s ? s.getItem(key) : undefined;
  } catch {
    return undefined;
  }
}

export function writeRaw(key: string, value: string): StorageState {
  try {
    const s = area();
    if (!s) return 'unavailable';
    s.setItem(key, value);
    return 'ok';
  } catch (e) {
    return isQuotaError(e) ? 'full' : 'unavailable';
  }
}

function removeRaw(key: string): void {
  try {
    area()?.removeItem(key);
  } catch {
    /* nothing to do: the value stays */
  }
}

/** Every stored key, oldest aside copies first (their names end in the time they were made). */
function allKeys(): string[] {
  try {
    const s = area();
    if (!s) return [];
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k !== null) keys.push(k);
    }
    return keys;
  } catch {
    return [];
  }
}

const asideTime = (k: string) => Number(k.slice(k.lastIndexOf(':') + 1)) || 0;

/** The aside copies of one key (or of every key), oldest first. */
export function asideKeys(key?: string): string[] {
  return allKeys()
    .filter((k) => (key ? k.startsWith(key + ASIDE_MARK) : k.includes(ASIDE_MARK)))
    .sort((a, b) => asideTime(a) - asideTime(b));
}

/**
 * Copies an unreadable value aside, unless the same content is already there. Past ASIDE_MAX
 * copies the oldest goes, but only after the new copy is written. True when the value is safe.
 */
export function keepAside(key: string, raw: string, now = Date.now()): boolean {
  const existing = asideKeys(key);
  if (existing.some((k) => readRaw(k) === raw)) return true;
  // Names carry the time, always after the newest copy's, so "oldest first" holds even within a millisecond.
  const name = `${key}${ASIDE_MARK}${Math.max(now, ...existing.map((k) => asideTime(k) + 1))}`;
  let state = writeRaw(name, raw);
  // Full: make room with the oldest copy (a newer damage matters more), then try once more.
  if (state === 'full' && existing.length) {
    const oldest = existing[0];
    const before = readRaw(oldest);
    removeRaw(oldest);
    state = writeRaw(name, raw);
    if (state !== 'ok' && typeof before === 'string') writeRaw(oldest, before);
    else existing.shift();
  }
  if (state !== 'ok') return false;
  while (existing.length >= ASIDE_MAX) removeRaw(existing.shift()!);
  return true;
}

/** Everything set aside, and damaged values that could not be set aside, for the user to download. */
const keptInPlace = new Map<string, string>();
export function setAsideForDownload(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of asideKeys()) {
    const v = readRaw(k);
    if (typeof v === 'string') out[k] = v;
  }
  for (const [k, v] of keptInPlace) out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// A stored value: an atom that mirrors one key, with the rules above.

export interface StoredCodec<T> {
  empty(): T;
  /** Reads a raw stored string; never throws. */
  parse(raw: string | null): { value: T; status: ReadStatus };
  /**
   * Combines the freshest stored value with this tab's. It must be commutative, associative and
   * idempotent (nothing is ever lost by merging twice or in another order): browsers may show a
   * tab another tab's write a moment late, so tabs converge by merging, not by taking turns.
   */
  merge(stored: T, mine: T): T;
}

export interface StoredValue<T> {
  /** The value, live: this tab's changes and other tabs' */
  $value: ReadableAtom<T>;
  $state: ReadableAtom<StorageState>;
  /** Set once when the stored value had to be repaired or set aside */
  $notice: WritableAtom<DamageNotice>;
  /** Reads the stored value and starts following other tabs; safe to call again. Subscribing does it too. */
  start(): void;
  /** Applies a change to the freshest value and saves it; returns the new value. */
  update(change: (value: T) => T): T;
  /**
   * The freshest stored value merged with this tab's (this tab's view becomes it), and the raw text
   * it was read from: undefined when storage cannot be read. For changes that must wait for
   * something (./storage-async.ts).
   */
  fresh(): { value: T; raw: string | null | undefined };
  /** Writes a value as is (reset, remove all): not merged, so nothing removed comes back. */
  replace(value: T): void;
  /** For tests: forget this tab's state. */
  _reset(): void;
}

export function storedValue<T>(key: string, codec: StoredCodec<T>): StoredValue<T> {
  const $value = atom<T>(codec.empty());
  const $state = atom<StorageState>('ok');
  const $notice = atom<DamageNotice>(null);
  let started = false;
  /** A damaged value that could not be copied aside: it must not be written over. */
  let frozen = false;

  /** The freshest readable stored value (repairing a damaged one), or null when there is none to use. */
  function readFresh(): { value: T; raw: string | null } | null {
    if (frozen) return null;
    const raw = readRaw(key);
    if (raw === undefined) {
      $state.set('unavailable');
      return null;
    }
    const { value, status } = codec.parse(raw);
    if (raw !== null && (status === 'repaired' || status === 'corrupt' || status === 'unknown-version')) {
      if (!keepAside(key, raw)) {
        // No room for a copy: leave the original where it is, untouched, and work in memory.
        frozen = true;
        keptInPlace.set(key, raw);
        $state.set('full');
        $notice.set(status);
        return { value, raw: null };
      }
      $notice.set(status);
      // The readable part goes back at once, so the next page load does not find the damage again.
      const repaired = JSON.stringify(value);
      setState(writeRaw(key, repaired));
      return { value, raw: repaired };
    }
    return { value, raw };
  }

  function setState(state: StorageState) {
    if ($state.get() !== state) $state.set(state);
  }

  function write(next: T): void {
    if (frozen) return;
    setState(writeRaw(key, JSON.stringify(next)));
  }

  function start() {
    if (started || typeof window === 'undefined') return;
    started = true;
    const fresh = readFresh();
    if (fresh) $value.set(fresh.value);
    if (fresh && !frozen) {
      // Tell "full" from "fine" before the user's work depends on it, not at the first lost change.
      const probe = `${key}:probe`;
      setState(writeRaw(probe, '1'));
      removeRaw(probe);
    }
    try {
      window.addEventListener('storage', (event: StorageEvent) => {
        if (event.key !== key || frozen) return;
        const other = codec.parse(event.newValue);
        if (other.status !== 'ok' && other.status !== 'empty' && other.status !== 'migrated') return;
        const merged = codec.merge(other.value, $value.get());
        $value.set(merged);
        // The other tab wrote without something this tab has (it read a moment too early): put it back.
        // Merges keep the order of their first argument, so equal content gives equal text.
        if (JSON.stringify(merged) !== JSON.stringify(other.value)) write(merged);
      });
    } catch {
      /* no events (a test's window): other tabs' changes arrive with the next change */
    }
  }

  function current(): { value: T; raw: string | null | undefined } {
    const fresh = readFresh();
    const mine = $value.get();
    if (!fresh) return { value: mine, raw: undefined };
    const merged = codec.merge(fresh.value, mine);
    $value.set(merged);
    return { value: merged, raw: fresh.raw };
  }

  function update(change: (value: T) => T): T {
    start();
    const { value, raw } = current();
    const next = change(value);
    // Written only over a value just read: what cannot be read is never written over.
    if (raw !== undefined) write(next);
    $value.set(next);
    return next;
  }

  function replace(value: T): void {
    start();
    if (readFresh() !== null) write(value);
    $value.set(value);
  }

  function _reset() {
    started = false;
    frozen = false;
    keptInPlace.delete(key);
    $value.set(codec.empty());
    $state.set('ok');
    $notice.set(null);
  }

  // A store starts itself when it is first read or listened to (an island, a page script, a
  // derived store), so no caller has to remember to; actions start it too. Wrapping `get` and
  // `listen` (which `subscribe` uses) costs a few bytes on every page, where nanostores' onMount
  // lifecycle costs a few hundred; tests/unit/stores/actions.test.ts checks each way in.
  for (const $store of [$value, $state, $notice] as WritableAtom<unknown>[]) {
    const { get, listen } = $store;
    $store.get = () => (start(), get.call($store));
    $store.listen = (listener) => (start(), listen.call($store, listener));
  }

  const fresh = () => (start(), current());

  return { $value, $state, $notice, start, update, fresh, replace, _reset };
}
