/**
 * "A new version is available — Reload": loaded by ./sw-register.ts when a new service worker is
 * waiting. The new worker takes over only when the learner presses Reload (Workbox's SKIP_WAITING
 * message), never on its own: a learner in the middle of an exercise keeps the files the page was
 * built with. Progress is in localStorage, so reloading keeps it. Words come from the page (Base.astro).
 */
import { Workbox } from 'workbox-window';

const region = document.querySelector<HTMLElement>('[data-sw-update]');
const template = region?.querySelector<HTMLTemplateElement>('template');
if (region && template) {
  const wb = new Workbox('/sw.js');
  let reloading = false;
  wb.addEventListener('waiting', () => {
    if (!region.hidden) return;
    // The status region first, its words a moment later: a screen reader announces a change in a
    // live region it already knows, politely, not one that arrives with its words.
    region.hidden = false;
    region.classList.add('update-banner--shown');
    setTimeout(() => {
      region.append(template.content.cloneNode(true));
      region.querySelector('[data-sw-reload]')!.addEventListener('click', () => {
        reloading = true;
        wb.messageSkipWaiting();
      });
      region.querySelector('[data-sw-later]')!.addEventListener('click', () => {
        region.classList.remove('update-banner--shown');
        region.replaceChildren(template);
        region.hidden = true;
      });
    }, 150);
  });
  // Only the tab where Reload was pressed reloads; other open tabs keep their page (and exercise).
  wb.addEventListener('controlling', () => reloading && location.reload());
  void wb.register({ immediate: true });
}
