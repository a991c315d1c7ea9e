/* global self, caches, fetch, URL -- a service worker's globals (this file runs in dist/sw.js) */
// Imported by dist/sw.js (made by scripts/lib/offline-dist.mjs with Workbox). The pages open while
// the worker first installs came from the network before any worker ran, so they are not in the
// pages cache yet: they are stored now, so the very first page visited opens offline too.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open('pages');
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await Promise.all(
        windows.map(async (client) => {
          const url = new URL(client.url);
          // dist/lms/ runs inside an LMS: never cached (scripts/lib/offline-dist.mjs).
          if (url.origin !== self.location.origin || url.pathname.startsWith('/lms/')) return;
          if (await cache.match(url.href, { ignoreSearch: true, ignoreVary: true })) return;
          const response = await fetch(url.href, { credentials: 'same-origin' }).catch(() => null);
          if (response && response.status === 200) await cache.put(url.href, response);
        }),
      );
    })(),
  );
});
