// What each built page makes a visitor download, measured from dist/: the JavaScript files it loads
// (following every static import), its inline scripts, its HTML and CSS. Shared by
// scripts/bench.mjs (figures for people) and scripts/budget.mjs (the check `npm test` runs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped size at the level a static host would pre-compress with. @param {string | Buffer} data */
export const gzipBytes = (data) => (data.length ? gzipSync(data, { level: 9 }).length : 0);

/** @param {string} dir @returns {string[]} */
const walk = (dir) =>
  readdirSync(dir).flatMap((n) =>
    statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)],
  );

/**
 * Every JS file a module pulls in through static imports (a dynamic import() loads only if used).
 * @param {string} dist @param {string} entry @param {Set<string>} [seen]
 */
function closure(dist, entry, seen = new Set()) {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    const target = m[1].startsWith('/') ? path.join(dist, m[1]) : path.resolve(path.dirname(entry), m[1]);
    closure(dist, target, seen);
  }
  return seen;
}

/**
 * The file an address in a page names. Root paths are in dist/; an LMS package's pages (dist/lms/)
 * use paths relative to the package, whose root holds the site's _astro/ and favicon: those are
 * found in dist/ itself.
 * @param {string} dist
 * @param {string} pageFile
 * @param {string} ref
 */
export function resolveRef(dist, pageFile, ref) {
  if (ref.startsWith('/')) return path.join(dist, ref);
  const target = path.resolve(path.dirname(pageFile), ref);
  const lms = path.join(dist, 'lms') + path.sep;
  return target.startsWith(lms) && !existsSync(target) ? path.join(dist, target.slice(lms.length)) : target;
}

/**
 * The inline scripts a browser runs: <script> without src, JSON data blocks left out.
 * @param {string} html
 */
export const inlineScripts = (html) =>
  [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join('');

/**
 * One row per built page. `gz` is the budgeted figure: each JavaScript file gzipped on its own (as
 * a host serves it) plus the page's inline scripts gzipped together.
 * @param {string} dist
 */
export function measurePages(dist) {
  /** @type {Map<string, { raw: number, gz: number }>} */
  const sizes = new Map();
  /** @param {string} file */
  const size = (file) => {
    let s = sizes.get(file);
    if (!s) {
      const buf = readFileSync(file);
      sizes.set(file, (s = { raw: buf.length, gz: gzipBytes(buf) }));
    }
    return s;
  };
  return walk(dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const urlPath =
        '/' +
        path
          .relative(dist, file)
          .split(path.sep)
          .join('/')
          .replace(/index\.html$/, '');
      const entries = new Set();
      for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) entries.add(m[1]);
      const islands = [...html.matchAll(/component-url="([^"]+)"/g)].map((m) => m[1]);
      for (const m of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) entries.add(m[1]);
      /** @type {Set<string>} */
      const js = new Set();
      for (const e of entries) closure(dist, resolveRef(dist, file, e), js);
      const inline = inlineScripts(html);
      let raw = Buffer.byteLength(inline);
      let gz = gzipBytes(inline);
      for (const f of js) {
        raw += size(f).raw;
        gz += size(f).gz;
      }
      const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].reduce(
        (n, m) => n + size(resolveRef(dist, file, m[1])).gz,
        0,
      );
      return { urlPath, islands, files: js.size, raw, gz, inlineGz: gzipBytes(inline), html: gzipBytes(html), css };
    });
}
