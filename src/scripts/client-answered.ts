/**
 * `client:answered`, the hydration of the lesson islands (src/components/Exercise.astro; added in
 * astro.config.mjs). An exercise or role-play whose learner has answers saved loads as soon as the
 * page is idle; any other loads when scrolled into view, exactly as `client:visible`.
 *
 * Why: the server renders every exercise at its start, and the learner's answers appear only once
 * the island runs. A lesson printed from its top (Ctrl+P, never scrolled to the exercise) printed
 * the exercise without them, and printing is synchronous: a `beforeprint` handler cannot wait for
 * an island to load. Loading early only the islands that have something to show keeps the rest of
 * the lesson pages as light as before.
 *
 * Astro inlines this (bundled and minified) into every page that uses it, counted in the exercise
 * pages' JavaScript budget (scripts/lib/budget.mjs): keep it small.
 */
import type { ClientDirective } from 'astro';
import { holdsAnswers, PROGRESS_KEY } from '../lib/progress-peek';

const answered: ClientDirective = (load, { value: id }, el) => {
  const go = async () => (await load())();
  if (holdsAnswers(() => localStorage.getItem(PROGRESS_KEY), id)) {
    // Idle, not at once: the page's own scripts and first paint go first (Safari has no idle callback).
    (self.requestIdleCallback || setTimeout)(go);
    return;
  }
  const io = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      io.disconnect();
      go();
    }
  });
  for (const child of el.children) io.observe(child);
};

export default answered;
