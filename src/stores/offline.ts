/**
 * "Save for offline" as a store: one saver per button (the course on the home page, each
 * assignment on My training). check() finds out, from the caches alone, whether it was saved
 * before; prepare() fetches the list of files and shows the size first; save() stores them in the
 * caches the service worker reads from, with progress; the islands and the home script only render
 * its state. Logic is in src/lib/offline.ts.
 */
import { atom, type ReadableAtom } from 'nanostores';
import {
  ASSETS_CACHE,
  allStored,
  cacheFor,
  failureOf,
  offlinePlan,
  parseOfflineList,
  roomFor,
  savedListAddress,
  type OfflineList,
  type OfflinePlan,
} from '../lib/offline';

export type SaveState =
  | { phase: 'idle' }
  /** Found on the device when the page opened: every file of the plan is in the caches. */
  | { phase: 'saved' }
  | { phase: 'sizing' }
  | { phase: 'ready'; plan: OfflinePlan }
  | { phase: 'saving'; plan: OfflinePlan; done: number }
  | { phase: 'done'; plan: OfflinePlan }
  | { phase: 'failed'; reason: 'quota' | 'network' | 'other' | 'unsupported'; bytes: number };

export interface Saver {
  $state: ReadableAtom<SaveState>;
  /** Whether these lessons (null: the whole course) are already on the device; 'saved' if so. */
  check(locale: string, lessonIds: readonly string[] | null): Promise<void>;
  /** Looks up what saving means for these lessons (null: the whole course) and its size. */
  prepare(locale: string, lessonIds: readonly string[] | null): Promise<void>;
  save(): Promise<void>;
  cancel(): void;
}

/** A few downloads at once: quicker than one by one, gentle on a phone's connection. */
const PARALLEL = 3;

export const offlineSupported = () =>
  typeof window !== 'undefined' && 'caches' in window && 'serviceWorker' in navigator;

const lookup = { ignoreSearch: true, ignoreVary: true };

/**
 * The list to check a language's saves against, once per page (My training checks each
 * assignment): none when nothing of that language was ever saved on this device (no network
 * asked then); else this release's list when the network gives it (a lesson added since the save
 * is not saved), or the copy the save kept (offline).
 */
const listsChecked = new Map<string, Promise<OfflineList | null>>();
function listToCheck(locale: string): Promise<OfflineList | null> {
  const address = savedListAddress(locale);
  let list = listsChecked.get(locale);
  if (!list) {
    list = (async () => {
      const kept = await caches.match(address, lookup);
      if (!kept) return null;
      const current = navigator.onLine ? await fetch(address, { cache: 'no-cache' }).catch(() => null) : null;
      return parseOfflineList(await (current?.ok ? current : kept).json());
    })().catch(() => null);
    listsChecked.set(locale, list);
  }
  return list;
}

export function createSaver(): Saver {
  const $state = atom<SaveState>({ phase: 'idle' });
  /** What prepare() read, kept by save() as the sign that this language has something saved. */
  let prepared: { locale: string; list: OfflineList } | null = null;
  /** Found saved by check(): "Cancel" goes back to saying so. */
  let foundSaved = false;

  async function check(locale: string, lessonIds: readonly string[] | null) {
    if (!offlineSupported()) return;
    const list = await listToCheck(locale);
    if (!list) return;
    const saved = await allStored(offlinePlan(list, lessonIds).urls, async (url) =>
      Boolean(await caches.match(url, lookup)),
    ).catch(() => false);
    // Only over the plain button: a save the learner started meanwhile tells its own state.
    if (saved && $state.get().phase === 'idle') {
      foundSaved = true;
      $state.set({ phase: 'saved' });
    }
  }

  async function prepare(locale: string, lessonIds: readonly string[] | null) {
    if (!offlineSupported()) return $state.set({ phase: 'failed', reason: 'unsupported', bytes: 0 });
    if ($state.get().phase === 'sizing') return; // a second press while the size is worked out
    $state.set({ phase: 'sizing' });
    try {
      const response = await fetch(savedListAddress(locale), { cache: 'no-cache' });
      const list = response.ok ? parseOfflineList(await response.json()) : null;
      if (!list) return $state.set({ phase: 'failed', reason: 'other', bytes: 0 });
      prepared = { locale, list };
      $state.set({ phase: 'ready', plan: offlinePlan(list, lessonIds) });
    } catch (error) {
      $state.set({ phase: 'failed', reason: failureOf(error), bytes: 0 });
    }
  }

  async function save() {
    const state = $state.get();
    if (state.phase !== 'ready') return;
    const { plan } = state;
    const queue = [...plan.urls];
    const fail = (error: unknown) => {
      queue.length = 0; // the other downloads stop too
      $state.set({ phase: 'failed', reason: failureOf(error), bytes: plan.bytes });
    };
    try {
      // Before anything is written: say so now rather than fail halfway.
      if (!roomFor(plan.bytes, await navigator.storage?.estimate?.())) {
        return $state.set({ phase: 'failed', reason: 'quota', bytes: plan.bytes });
      }
      // The learner asked to keep these: ask the browser not to evict them under pressure.
      void navigator.storage?.persist?.().catch(() => false);
      // The shell (scripts, styles) is precached by the worker: wait until it is installed.
      await navigator.serviceWorker.ready;
      let done = 0;
      $state.set({ phase: 'saving', plan, done });
      const worker = async () => {
        for (let url = queue.shift(); url; url = queue.shift()) {
          const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
          // An HTTP error is no lost connection: it is 'other'.
          if (!response.ok) throw new Error(`${response.status} ${url}`);
          await (await caches.open(cacheFor(url))).put(url, response);
          done += 1;
          if ($state.get().phase === 'saving') $state.set({ phase: 'saving', plan, done });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
      // The list saved from: on the next visit, check() finds it without the network.
      if (prepared)
        await (
          await caches.open(ASSETS_CACHE)
        ).put(
          savedListAddress(prepared.locale),
          new Response(JSON.stringify(prepared.list), { headers: { 'content-type': 'application/json' } }),
        );
      $state.set({ phase: 'done', plan });
    } catch (error) {
      fail(error);
    }
  }

  return { $state, check, prepare, save, cancel: () => $state.set({ phase: foundSaved ? 'saved' : 'idle' }) };
}
