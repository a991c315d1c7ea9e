/**
 * Switching language keeps the learner's place: the switcher's link gets the index of the section
 * (or the exercise) the learner is reading, and the page in the other language scrolls back to it.
 * Sections are the same, in the same order, in every language (tests/content checks that), so an
 * index is exact where a scroll position would not be (texts differ in length).
 *
 * A click on the switcher is also the learner choosing a language: it is remembered, and the pages
 * outside the languages (`/`, assignment links) then open in it (src/lib/negotiate.ts).
 */
import { LANGUAGE_KEY } from '../lib/negotiate';
import { writeRaw } from '../stores/storage';
const SECTION = 'main :is(h2, h3)';

function currentPlace(): string {
  const exercise = [...document.querySelectorAll<HTMLElement>('[data-exercise-id]')].find((el) => {
    const r = el.getBoundingClientRect();
    return r.top < innerHeight / 2 && r.bottom > innerHeight / 3;
  });
  if (exercise) return `x-${exercise.dataset.exerciseId}`;
  const headings = [...document.querySelectorAll<HTMLElement>(SECTION)];
  let index = -1;
  headings.forEach((h, i) => {
    if (h.getBoundingClientRect().top < innerHeight / 3) index = i;
  });
  return index >= 0 ? `s${index}` : '';
}

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

const place = location.hash.match(/^#(s(\d+)|x-([a-z0-9-]+))$/);
if (place) {
  const target =
    place[2] !== undefined
      ? document.querySelectorAll<HTMLElement>(SECTION)[Number(place[2])]
      : document.querySelector<HTMLElement>(`[data-exercise-id="${place[3]}"]`);
  target?.scrollIntoView({ block: 'start' });
}
