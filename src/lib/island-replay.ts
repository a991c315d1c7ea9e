/**
 * A click that lands before an exercise has loaded is not lost (issue 13). Lesson islands are
 * rendered on the server and hydrate when scrolled into view (client:answered, which loads them
 * earlier only when the learner has answers saved in them), so for a moment their buttons are
 * visible but dead. This inline script, run first in <body> of a lesson page
 * with an exercise, listens to clicks in the capture phase; a click on a button inside an island
 * not hydrated yet (`astro-island[ssr]`: Astro removes `ssr` and fires `astro:hydrate` once the
 * component is live, see node_modules/astro/dist/runtime/server/astro-island.js) is remembered:
 * the button's place among the island's buttons and the island's whole text at that moment. When
 * the island hydrates, the same button is clicked again.
 *
 * Only if the island still reads exactly as it did when clicked: the server renders every exercise
 * at its start, and a learner with saved answers sees them only after hydration. A click made on
 * the start view must not answer whatever question their saved attempt is at, so then it is
 * dropped. The check waits a task (setTimeout) because the islands show saved progress in a
 * re-render right after hydrating (src/islands/ProgressBound.ts), which Preact runs as a
 * microtask. Only the last click before hydration counts: one replay per island, never a double
 * answer. Kept tiny and hand-minified: it is counted in the exercise pages' JavaScript budget.
 */
export const ISLAND_CLICK_REPLAY =
  'addEventListener("click",e=>{' +
  // The clicked button, and its island if that has not hydrated yet.
  'let t=e.target.closest?.("button"),i=t?.closest("astro-island[ssr]"),b=()=>[...i.querySelectorAll("button")];' +
  'if(i){' +
  // Once per island: after hydration (and the re-render with saved progress), click again if unchanged.
  'i.r||i.addEventListener("astro:hydrate",()=>setTimeout(()=>{i.textContent==i.r[1]&&b()[i.r[0]].click()}));' +
  'i.r=[b().indexOf(t),i.textContent]}' +
  '},1)';
