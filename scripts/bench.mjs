// `npm run bench`: what each built page costs a visitor, in bytes of JavaScript (raw and gzip),
// following every module import, plus the page's own HTML and CSS. Prints figures; fails nothing,
// since budgets are judged by people, not by timed tests (flaky on shared machines).
// Usage: npm run build && npm run bench
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from './lib/env.mjs';

const dist = path.join(root, 'dist');
if (!existsSync(dist)) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}
const walk = (dir) =>
  readdirSync(dir).flatMap((n) =>
    statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)],
  );
const size = (file) => {
  const buf = readFileSync(file);
  return { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
};

/** Every JS file a module pulls in through static imports (a dynamic import() loads only if used). */
function closure(entry, seen = new Set()) {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    const target = m[1].startsWith('/') ? path.join(dist, m[1]) : path.resolve(path.dirname(entry), m[1]);
    closure(target, seen);
  }
  return seen;
}

const pages = walk(dist).filter((f) => f.endsWith('.html'));
const rows = [];
for (const file of pages) {
  const html = readFileSync(file, 'utf8');
  const urlPath = '/' + path.relative(dist, file).replace(/index\.html$/, '');
  const entries = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) entries.add(m[1]);
  for (const m of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) entries.add(m[1]);
  const js = new Set();
  for (const e of entries) closure(path.join(dist, e), js);
  const inline = [
    ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g),
  ]
    .map((m) => m[1])
    .join('');
  let raw = Buffer.byteLength(inline),
    gz = inline ? gzipSync(inline).length : 0;
  for (const f of js) {
    const s = size(f);
    raw += s.raw;
    gz += s.gz;
  }
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].reduce(
    (n, m) => n + size(path.join(dist, m[1])).gz,
    0,
  );
  rows.push({ urlPath, kind: kindOf(urlPath), files: js.size, raw, gz, html: gzipSync(html).length, css });
}

function kindOf(p) {
  const parts = p.split('/').filter(Boolean);
  if (p.endsWith('404.html') || parts[1] === '404') return '404';
  if (parts.length === 0) return 'root redirect';
  if (parts[0] === 'my-training' || parts[0] === 'trainer') return 'root redirect';
  if (parts.length === 1) return 'course home';
  if (parts[1] === 'progress') return 'progress page';
  if (parts[1] === 'my-training') return 'my training';
  if (parts[1] === 'trainer') return parts[2] === 'results' ? 'trainer results' : 'trainer assign';
  if (parts[1] === 'glossary') return 'glossary';
  if (parts[1] === '404' || p.endsWith('404.html')) return '404';
  if (parts.length === 2) return 'module page';
  return 'lesson page';
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const byKind = new Map();
for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
console.log('JavaScript a visitor downloads, per kind of page (max over the pages of that kind):\n');
console.log(
  [
    'page kind'.padEnd(16),
    'pages'.padStart(5),
    'JS files'.padStart(9),
    'JS raw'.padStart(10),
    'JS gzip'.padStart(10),
    'HTML gzip'.padStart(10),
    'CSS gzip'.padStart(10),
  ].join('  '),
);
for (const [kind, list] of [...byKind].sort()) {
  const max = (k) => Math.max(...list.map((r) => r[k]));
  console.log(
    [
      kind.padEnd(16),
      String(list.length).padStart(5),
      String(max('files')).padStart(9),
      kb(max('raw')).padStart(10),
      kb(max('gz')).padStart(10),
      kb(max('html')).padStart(10),
      kb(max('css')).padStart(10),
    ].join('  '),
  );
}
const heaviest = [...rows].sort((a, b) => b.gz - a.gz)[0];
console.log(`\nHeaviest page: ${heaviest.urlPath} (${kb(heaviest.gz)} of JavaScript, gzip). Pages: ${rows.length}.`);
