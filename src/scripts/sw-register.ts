/**
 * Every page: registers the service worker (dist/sw.js, made by Workbox after the build, see
 * scripts/lib/offline-dist.mjs) so that every page visited opens offline. Kept to a few lines on
 * purpose: reading pages are near their JavaScript budget. workbox-window (for the "new version"
 * prompt) loads only when a new worker is actually waiting, in ./sw-update.ts (see ./load-script.ts).
 */
import { loadScript } from './load-script';

if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').then((reg) => {
      // No registration, though no refusal either, where workers are blocked (Playwright's
      // serviceWorkers: 'block' does this): nothing to watch.
      if (!reg) return;
      // Only an update waits: a first install (no controller yet) takes over at once.
      const check = () =>
        reg.waiting &&
        navigator.serviceWorker.controller &&
        loadScript(document.querySelector<HTMLElement>('[data-sw-update]')?.dataset.src);
      check();
      reg.onupdatefound = () => reg.installing?.addEventListener('statechange', check);
    }, Boolean);
  });
}
