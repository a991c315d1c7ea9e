// `npm run budget` (and a check of `npm test`, after the build): fails when a built page makes a
// visitor download more gzipped JavaScript, inline scripts included, than its kind of page may
// (the budgets are in scripts/lib/budget.mjs). Sizes are counted, not timed, so the check is the
// same on every machine. Usage: npm run build && npm run budget
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUDGETS, classifyPage, kb, overBudget, summarize } from './lib/budget.mjs';
import { root } from './lib/env.mjs';
import { measurePages } from './lib/page-js.mjs';

const dist = path.join(root, 'dist');
if (!existsSync(dist)) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}

const rows = measurePages(dist).map((r) => ({ ...r, ...classifyPage(r.urlPath, r.islands.length > 0) }));
if (!rows.length) {
  console.error('No pages in dist/: the build produced nothing to check.');
  process.exit(1);
}

console.log('Gzipped JavaScript per page, inline scripts included, by budget:\n');
for (const [kind, s] of summarize(rows)) {
  const budget = BUDGETS[/** @type {keyof typeof BUDGETS} */ (kind)];
  console.log(
    `  ${kind.padEnd(9)} budget ${kb(budget).padStart(8)}   max ${kb(s.max).padStart(8)} (${s.heaviest})   typical ${kb(s.typical)}   ${s.pages} pages`,
  );
}

const over = overBudget(rows);
if (over.length) {
  console.error(`\n${over.length} page(s) over budget:`);
  for (const r of over) {
    console.error(
      `  ${r.urlPath}: ${r.kind} page (${r.page}), ${r.gz} bytes (${kb(r.gz)}) > budget ${r.budget} bytes (${kb(r.budget)})`,
    );
  }
  process.exit(1);
}
console.log(`\nAll ${rows.length} pages within budget.`);
