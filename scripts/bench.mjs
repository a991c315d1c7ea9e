// `npm run bench`: what each built page costs a visitor, in bytes of JavaScript (raw and gzip),
// following every module import, plus the page's own HTML and CSS, per kind of page. Prints
// figures and fails nothing; `npm run budget` (part of `npm test`) fails pages over their budget.
// Usage: npm run build && npm run bench
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUDGETS, classifyPage, kb } from './lib/budget.mjs';
import { root } from './lib/env.mjs';
import { measurePages } from './lib/page-js.mjs';

const dist = path.join(root, 'dist');
if (!existsSync(dist)) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}

const rows = measurePages(dist).map((r) => ({ ...r, ...classifyPage(r.urlPath, r.islands.length > 0) }));
/** @type {Map<string, typeof rows>} */
const byPage = new Map();
for (const r of rows) byPage.set(r.page, [...(byPage.get(r.page) ?? []), r]);

console.log('JavaScript a visitor downloads, per kind of page (max over the pages of that kind):\n');
const cols = ['page kind', 'pages', 'JS files', 'JS raw', 'JS gzip', 'budget', 'HTML gzip', 'CSS gzip'];
const widths = [18, 5, 9, 10, 10, 18, 10, 10];
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(cols));
for (const [page, list] of [...byPage].sort(([a], [b]) => a.localeCompare(b))) {
  /** @param {'files' | 'raw' | 'gz' | 'html' | 'css'} k */
  const max = (k) => Math.max(...list.map((r) => r[k]));
  const kind = list[0].kind;
  console.log(
    line([
      page,
      String(list.length),
      String(max('files')),
      kb(max('raw')),
      kb(max('gz')),
      `${kind} ${kb(BUDGETS[kind])}`,
      kb(max('html')),
      kb(max('css')),
    ]),
  );
}
const heaviest = [...rows].sort((a, b) => b.gz - a.gz)[0];
console.log(`\nHeaviest page: ${heaviest.urlPath} (${kb(heaviest.gz)} of JavaScript, gzip). Pages: ${rows.length}.`);
