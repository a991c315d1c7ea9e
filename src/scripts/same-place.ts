/**
 * Switching language keeps the learner's place: the switcher's link gets the index of the section
 * (or the exercise) the learner is reading (./place.ts), and the page in the other language
 * scrolls back to it.
 *
 * A click on the switcher is also the learner choosing a language: it is remembered, and the pages
 * outside the languages (`/`, assignment links) then open in it (src/lib/negotiate.ts).
 */
import { LANGUAGE_KEY } from '../lib/negotiate';
import { writeRaw } from '../stores/storage';
import { currentPlace, goToPlace } from './place';

for (const link of document.querySelectorAll<HTMLAnchorElement>('.lang-switcher a[data-locale]')) {
  link.addEventListener('click', () => {
    // Guarded: blocked or full storage only means the choice is not remembered; the link still goes.
    writeRaw(LANGUAGE_KEY, link.dataset.locale!);
    // A lesson opened from an assignment (?in=…) stays on the assignment's path in the other language.
    link.search = location.search;
    // An assignment or report not yet added travels on to the other language's page; else the
    // place. Setting `hash` replaces the link's fragment ('' removes it, a leading '#' is optional).
    link.hash = /^#[ar]\d+\./.test(location.hash) ? location.hash : currentPlace();
  });
}

goToPlace(location.hash);
