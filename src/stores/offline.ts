/**
 * "Save for offline" as a store: one saver per button (the course on the home page, each
 * assignment on My training). prepare() fetches the list of files and shows the size first; save()
 * stores them in the caches the service worker reads from, with progress; the islands and the home
 * script only render its state. Logic is in src/lib/offline.ts.
 */
import { atom, type ReadableAtom } from 'nanostores';
import { cacheFor, failureOf, offlinePlan, parseOfflineList, roomFor, type OfflinePlan } from '../lib/offline';

export type SaveState =
  | { phase: 'idle' }
  | { phase: 'sizing' }
  | { phase: 'ready'; plan: OfflinePlan }
  | { phase: 'saving'; plan: OfflinePlan; done: number }
  | { phase: 'done'; plan: OfflinePlan }
  | { phase: 'failed'; reason: 'quota' | 'network' | 'other' | 'unsupported'; bytes: number };

export interface Saver {
  $state: ReadableAtom<SaveState>;
  /** Looks up what saving means for these lessons (null: the whole course) and its size. */
  prepare(locale: string, lessonIds: readonly string[] | null): Promise<void>;
  save(): Promise<void>;
  cancel(): void;
}

/** A few downloads at once: quicker than one by one, gentle on a phone's connection. */
const PARALLEL = 3;

export const offlineSupported = () =>
  typeof window !== 'undefined' && 'caches' in window && 'serviceWorker' in navigator;

export function createSaver(): Saver {
  const $state = atom<SaveState>({ phase: 'idle' });

  async function prepare(locale: string, lessonIds: readonly string[] | null) {
    if (!offlineSupported()) return $state.set({ phase: 'failed', reason: 'unsupported', bytes: 0 });
    $state.set({ phase: 'sizing' });
    try {
      const response = await fetch(`/offline/${locale}.json`, { cache: 'no-cache' });
      const list = response.ok ? parseOfflineList(await response.json()) : null;
      if (!list) return $state.set({ phase: 'failed', reason: 'other', bytes: 0 });
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
      $state.set({ phase: 'done', plan });
    } catch (error) {
      fail(error);
    }
  }

  return { $state, prepare, save, cancel: () => $state.set({ phase: 'idle' }) };
}
