/**
 * The learner's place in a page, as an index rather than a scroll position: the section (or the
 * exercise) being read. Sections are the same, in the same order, in every language
 * (tests/content checks that), so the index is exact where a scroll position would not be (texts
 * differ in length). Used by the language switcher (./same-place.ts) and by an LMS package's frame
 * (./lms-shell.ts), which reads the page in its inner frame.
 */
const SECTION = 'main :is(h2, h3)';

/** '#x-<exercise>' or '#s<index>' for where the reader is in `doc`, or '' at the top. */
export function currentPlace(doc: Document = document): string {
  const height = doc.defaultView?.innerHeight ?? 0;
  const exercise = [...doc.querySelectorAll<HTMLElement>('[data-exercise-id]')].find((el) => {
    const r = el.getBoundingClientRect();
    return r.top < height / 2 && r.bottom > height / 3;
  });
  if (exercise) return `x-${exercise.dataset.exerciseId}`;
  const headings = [...doc.querySelectorAll<HTMLElement>(SECTION)];
  let index = -1;
  headings.forEach((h, i) => {
    if (h.getBoundingClientRect().top < height / 3) index = i;
  });
  return index >= 0 ? `s${index}` : '';
}

/** Scrolls to the place a '#s<index>' or '#x-<exercise>' names, if the page has it. */
export function goToPlace(hash: string, doc: Document = document): void {
  const place = hash.match(/^#(s(\d+)|x-([a-z0-9-]+))$/);
  if (!place) return;
  const target =
    place[2] !== undefined
      ? doc.querySelectorAll<HTMLElement>(SECTION)[Number(place[2])]
      : doc.querySelector<HTMLElement>(`[data-exercise-id="${place[3]}"]`);
  target?.scrollIntoView({ block: 'start' });
}
