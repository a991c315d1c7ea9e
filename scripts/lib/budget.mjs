// The JavaScript budgets of the built pages, and which budget a page falls under. Pure functions:
// scripts/budget.mjs (run by `npm test`) and scripts/bench.mjs measure dist/ with
// scripts/lib/page-js.mjs and judge the figures here; tests/unit/budget.test.ts covers both files.

const KB = 1024;

/**
 * Gzipped bytes of JavaScript a page may make a visitor download, its inline scripts included.
 * The one place the budgets are written; CONTRIBUTING.md says what each kind of page is.
 */
export const BUDGETS = Object.freeze({
  // Lessons with no exercise, module pages, glossary, 404s and redirects: the menu, the language
  // switcher, lesson states by the completion rule, and on lessons the assignment's path; no
  // Preact. 5 KB until issue 13 added the completion rule and the path (5.3 KB max then); 5.5 KB
  // until issue 16 registered the offline service worker on every page (+265 bytes: registration
  // and the check for a waiting update; 5549 -> 5814 bytes on the heaviest lesson).
  reading: 5.75 * KB,
  // The course home, a learner's dashboard: a reading page plus "continue", each assignment's next
  // lesson and its due date (6.2 KB when it was added). 6.5 KB until issue 16: the worker's
  // registration and the "save the course for offline" button's loader (6390 -> 6744 bytes).
  home: 6.75 * KB,
  // A lesson with a role-play or exercise island: Preact and the island on top of a reading page.
  // 16 KB until issue 13's completion rule, assignment path, early-click replay and confirm (16.6 KB then).
  // 17 KB until issue 16's service-worker registration (+262 bytes: 17039 -> 17301 bytes).
  exercise: 17.25 * KB,
  // Trainer, results, my training and progress: whole applications in a page. 26 KB when the
  // check was added; 25 KB since the QR encoder loads only when links are made (24.1 KB max);
  // 27 KB since issue 14's results summary, cohort figures, details and phone cards (26.2 KB then).
  trainer: 27 * KB,
  // An LMS package's frame (dist/lms/index.html): the progress store, SCORM and cmi5, the compact
  // suspend data (fflate's deflate and inflate) and the navigation around the lesson (issue 15).
  lms: 20 * KB,
  // The search page (issue 16): a reading page plus its own script (the form, grouping and
  // drawing results). Pagefind itself (pagefind.js, its WebAssembly and index) loads with
  // import() on the first search, so it counts in no budget; README gives its sizes. 7.5 KB since
  // results beyond the first 20 load on "Show more" and the page arrives focused on its status.
  search: 7.5 * KB,
});

/** @typedef {keyof typeof BUDGETS} BudgetKind */

/**
 * The kind of a built page (its budget) and a finer label for reports, from its URL path
 * ("/en/relationship-selling/four-elements/", "/404.html") and whether it holds an island.
 * A path of no known shape gets the strictest budget, so a new page is never waved through.
 * @param {string} urlPath
 * @param {boolean} hasIsland
 * @returns {{ kind: BudgetKind, page: string }}
 */
export function classifyPage(urlPath, hasIsland) {
  const parts = urlPath.split('/').filter(Boolean);
  const [first, section, sub] = parts;
  /** @type {(kind: BudgetKind, page: string) => { kind: BudgetKind, page: string }} */
  const is = (kind, page) => ({ kind, page });
  // An LMS package's pages: its frame, and the site's lessons and glossary without the site around them.
  if (first === 'lms') {
    if (parts.length === 1) return is('lms', 'LMS package frame');
    if (parts.length === 3 && parts[2] === 'glossary') return is('reading', 'LMS glossary');
    if (parts.length === 4)
      return hasIsland ? is('exercise', 'LMS lesson, exercise') : is('reading', 'LMS lesson, reading');
  }
  if (parts.at(-1) === '404.html' || section === '404') return is('reading', '404');
  // "/", "/my-training/", "/trainer/results/": pages that send the visitor to their language.
  if (parts.length === 0 || first === 'my-training' || first === 'trainer') return is('reading', 'root redirect');
  if (parts.length === 1) return is('home', 'course home');
  if (section === 'trainer') return is('trainer', sub === 'results' ? 'trainer results' : 'trainer assign');
  if (section === 'my-training') return is('trainer', 'my training');
  if (section === 'progress') return is('trainer', 'progress page');
  if (section === 'glossary') return is('reading', 'glossary');
  if (section === 'offline' && parts.length === 2) return is('reading', 'offline page');
  if (section === 'search' && parts.length === 2) return is('search', 'search page');
  if (parts.length === 2) return is('reading', 'module page');
  if (parts.length === 3) return hasIsland ? is('exercise', 'lesson, exercise') : is('reading', 'lesson, reading');
  return is('reading', 'other');
}

/**
 * The pages over their budget, heaviest first.
 * @template {{ urlPath: string, kind: BudgetKind, gz: number }} R
 * @param {R[]} rows
 * @param {Record<BudgetKind, number>} [budgets]
 * @returns {(R & { budget: number })[]}
 */
export function overBudget(rows, budgets = BUDGETS) {
  return rows
    .filter((r) => r.gz > budgets[r.kind])
    .map((r) => ({ ...r, budget: budgets[r.kind] }))
    .sort((a, b) => b.gz - a.gz);
}

/**
 * Per kind: how many pages, the heaviest, and the typical (median) page's bytes.
 * @param {{ urlPath: string, kind: string, gz: number }[]} rows
 * @returns {Map<string, { pages: number, max: number, typical: number, heaviest: string }>}
 */
export function summarize(rows) {
  /** @type {Map<string, { urlPath: string, gz: number }[]>} */
  const byKind = new Map();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const out = new Map();
  for (const [kind, list] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a.gz - b.gz);
    const heaviest = sorted[sorted.length - 1];
    out.set(kind, {
      pages: list.length,
      max: heaviest.gz,
      typical: sorted[Math.floor((sorted.length - 1) / 2)].gz,
      heaviest: heaviest.urlPath,
    });
  }
  return out;
}

/** Bytes as "5.6 KB" (KB = 1024 bytes, as the budgets). @param {number} n */
export const kb = (n) => `${(n / KB).toFixed(1)} KB`;
