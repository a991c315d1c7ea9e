/**
 * The service worker's own part (issue 16), beside what Workbox makes (scripts/lib/offline-dist.mjs
 * bundles this file into dist/sw-pages.js, which dist/sw.js imports). Three jobs:
 *
 * 1. The pages open while the worker first installs came from the network before any worker ran:
 *    they are stored when it activates, so the very first page visited opens offline too.
 * 2. A new release must not break what the learner saved for offline. Saved pages name the
 *    scripts and styles of the release they were saved with (hashed addresses), and Workbox drops
 *    the old release's shell when the new worker takes over. So, while the new worker installs
 *    (the old files are still there), the old shell files the new release no longer has are kept
 *    in the assets cache, marked as kept: a saved page opened offline still finds everything it
 *    was built with.
 * 3. Once the new worker is in charge, every stored page is fetched again with the files it now
 *    needs (files first, the page last, one page at a time: a page is never stored without its
 *    files), so saved lessons show the new release. A page that cannot be fetched (offline, or a
 *    page the new release no longer has) keeps its old copy; kept files no stored page needs any
 *    more are then removed.
 */
import { ASSETS_CACHE, KEPT_HEADER, PAGES_CACHE, filesOfPage, isHashed } from '../lib/offline';

/** The shell this release precaches (written in by scripts/lib/offline-dist.mjs). */
declare const __SHELL__: string[];

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface Worker {
  location: Location;
  clients: { matchAll(options: object): Promise<{ url: string }[]> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
}
const worker = self as unknown as Worker;
const shell = new Set(__SHELL__);
const ours = (url: URL) => url.origin === worker.location.origin && !url.pathname.startsWith('/lms/');
/** Workbox's precache (its name carries the scope). */
const isPrecache = (name: string) => name.startsWith('workbox-precache');

worker.addEventListener('install', (event) => event.waitUntil(keepOldShell()));

worker.addEventListener('activate', (event) => {
  event.waitUntil(storeOpenPages());
  // Not awaited by the activation: the learner's reload (the update prompt) must not wait for
  // the whole saved course to download. Each page is stored whole or not at all, so a worker
  // stopped half-way leaves every page usable; the rest are refreshed when next opened online.
  void refreshStoredPages().then(dropUnneededKept, () => undefined);
});

async function keepOldShell() {
  const assets = await caches.open(ASSETS_CACHE);
  for (const name of (await caches.keys()).filter(isPrecache)) {
    const precache = await caches.open(name);
    for (const request of await precache.keys()) {
      // Stored under the address pages ask for: Workbox may add a revision to its own keys.
      const url = new URL(request.url);
      const path = url.pathname;
      if (!isHashed(path) || shell.has(path) || (await assets.match(url.origin + path))) continue;
      const response = await precache.match(request);
      if (!response) continue;
      const headers = new Headers(response.headers);
      headers.set(KEPT_HEADER, '1');
      await assets.put(
        url.origin + path,
        new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers }),
      );
    }
  }
}

async function storeOpenPages() {
  const pages = await caches.open(PAGES_CACHE);
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(
    windows.map(async (client) => {
      const url = new URL(client.url);
      if (!ours(url)) return;
      if (await pages.match(url.href, { ignoreSearch: true, ignoreVary: true })) return;
      const response = await fetch(url.href, { credentials: 'same-origin' }).catch(() => null);
      if (response && response.status === 200) await pages.put(url.href, response);
    }),
  );
}

const textOf = (path: string) => path.endsWith('.js') || path.endsWith('.css');

async function refreshStoredPages() {
  const pages = await caches.open(PAGES_CACHE);
  const assets = await caches.open(ASSETS_CACHE);
  // Files already fetched in this round (a page's favicon and manifest are every page's).
  const done = new Map<string, string | null>();
  for (const request of await pages.keys()) {
    const url = new URL(request.url);
    if (!ours(url)) continue;
    try {
      const page = await fetch(request.url, { cache: 'no-cache', credentials: 'same-origin' });
      if (page.status !== 200 || !page.headers.get('content-type')?.includes('text/html')) continue;
      const html = await page.clone().text();
      const fetched = new Map<string, { response: Response; text: string }>();
      await filesOfPage(html, url.pathname, async (path) => {
        if (done.has(path)) return done.get(path)!;
        // A hashed file already on the device is the same file: used as it is.
        const stored = isHashed(path) ? await caches.match(path, { ignoreSearch: true, ignoreVary: true }) : undefined;
        const response = stored ?? (await fetch(path, { credentials: 'same-origin' }));
        // A reference that is not a file (or is gone) is skipped, as the build does.
        if (response.status !== 200) return null;
        const text = textOf(path) ? await response.clone().text() : '';
        if (!stored) fetched.set(path, { response, text });
        return text;
      });
      for (const [path, { response }] of fetched) await assets.put(path, response);
      for (const [path, { text }] of fetched) done.set(path, text);
      await pages.put(request, page);
    } catch {
      // Offline or interrupted: this page keeps its old copy and the files it was built with.
    }
  }
}

/** Kept files of an older release that no stored page names any more. */
async function dropUnneededKept() {
  const pages = await caches.open(PAGES_CACHE);
  const assets = await caches.open(ASSETS_CACHE);
  const needed = new Set<string>();
  const readStored = async (path: string) => {
    const response = await caches.match(path, { ignoreSearch: true, ignoreVary: true });
    if (!response) return null;
    return textOf(path) ? response.text() : '';
  };
  for (const request of await pages.keys()) {
    const response = await pages.match(request);
    if (!response) continue;
    for (const path of await filesOfPage(await response.text(), new URL(request.url).pathname, readStored))
      needed.add(path);
  }
  for (const request of await assets.keys()) {
    const path = new URL(request.url).pathname;
    if (needed.has(path)) continue;
    if ((await assets.match(request))?.headers.get(KEPT_HEADER)) await assets.delete(request);
  }
}
