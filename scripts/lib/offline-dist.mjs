/**
 * After the build: what the course needs to work without a connection (issue 16).
 *
 * - dist/offline/<lang>.json lists, for each lesson of a language, the files "Save for offline"
 *   must store and their bytes (src/lib/offline.ts sums them before anything is downloaded, so the
 *   learner sees the size first). Files the service worker already precaches are left out: they
 *   are on the device once the worker is installed, so counting them again would overstate.
 * - dist/sw.js, made by Workbox (workbox-build's generateSW): it precaches the shell (the CSS and
 *   the JavaScript the learner's pages load, the icons and the manifests) and caches every page
 *   visited (NetworkFirst), so a page seen once opens offline. The trainer's heavy exports and
 *   dist/lms/ (the LMS package copies, which run inside an LMS, never on this site) are not
 *   precached, and dist/lms/ is not cached at all.
 * - dist/sw-pages.js, the worker's own part (src/sw/pages.ts, bundled here with esbuild, Astro's
 *   own bundler): what keeps saved pages working across a release.
 *
 * Run from the astro:build:done hook in astro.config.mjs, so `npm start`, `npm test` and CI all
 * get it with the build.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { build } from 'esbuild';
import { ASSETS_CACHE, PAGES_CACHE, filesOfPage } from '../../src/lib/offline.ts';
import { filesUnder } from './files.mjs';

/** Pages whose files are the shell: what a learner opens (not the trainer's tools). */
const LEARNER_SECTIONS = new Set(['glossary', 'my-training', 'progress']);
/** Path segments under /<lang>/ that are not modules. */
const NOT_MODULES = new Set(['glossary', 'my-training', 'progress', 'trainer', '404']);

/** A page's files, as the service worker will find them (src/lib/offline.ts). */
function closure(dist, html, url) {
  return filesOfPage(html, url, async (ref) => {
    const file = join(dist, ref);
    if (!existsSync(file) || !statSync(file).isFile()) return null; // a link to a page, not a file
    return ref.endsWith('.js') || ref.endsWith('.css') ? readFile(file, 'utf8') : '';
  });
}

/**
 * @param {string} distDir
 * @param {string[]} locales
 * @returns {Promise<{ precache: string[], lists: Record<string, object>, sw: { count: number, size: number } }>}
 */
export async function finishOffline(distDir, locales) {
  const pages = (await filesUnder(distDir))
    .filter((f) => f.endsWith('index.html'))
    .map((f) => ({
      file: f,
      url:
        '/' +
        relative(distDir, f)
          .split(sep)
          .join('/')
          .replace(/index\.html$/, ''),
    }))
    .filter((p) => !p.url.startsWith('/lms/'));

  // The shell: every file a learner's page loads (statically), plus icons and manifests.
  const shell = new Set(['/favicon.svg']);
  for (const p of pages) {
    const [lang, section] = p.url.split('/').filter(Boolean);
    if (!locales.includes(lang) || section === 'trainer' || section === '404') continue;
    for (const f of await closure(distDir, readFileSync(p.file, 'utf8'), p.url)) shell.add(f);
  }
  for (const f of await filesUnder(join(distDir, 'icons')).catch(() => []))
    shell.add('/' + relative(distDir, f).split(sep).join('/'));
  for (const lang of locales)
    if (existsSync(join(distDir, lang, 'manifest.webmanifest'))) shell.add(`/${lang}/manifest.webmanifest`);

  const lists = {};
  await mkdir(join(distDir, 'offline'), { recursive: true });
  for (const lang of locales) {
    const bytes = {};
    const size = (url) => (bytes[url] ??= statSync(join(distDir, url.endsWith('/') ? `${url}index.html` : url)).size);
    const lessons = {};
    const extra = [];
    for (const p of pages) {
      const parts = p.url.split('/').filter(Boolean);
      if (parts[0] !== lang) continue;
      const isModulePart = parts.length >= 2 && !NOT_MODULES.has(parts[1]);
      if (parts.length === 3 && isModulePart) {
        const files = [
          p.url,
          ...[...(await closure(distDir, readFileSync(p.file, 'utf8'), p.url))].filter((f) => !shell.has(f)),
        ];
        files.forEach(size);
        lessons[`${parts[1]}/${parts[2]}`] = files;
      } else if (parts.length === 1 || (parts.length === 2 && (isModulePart || LEARNER_SECTIONS.has(parts[1])))) {
        // The course home, module pages, glossary, progress and My training: saved with the whole
        // course, so its links keep working offline.
        size(p.url);
        extra.push(p.url);
      }
    }
    const list = { version: 1, lessons, extra: extra.sort(), bytes };
    lists[lang] = list;
    await writeFile(join(distDir, 'offline', `${lang}.json`), JSON.stringify(list) + '\n');
  }

  // The worker's own part (src/sw/pages.ts): the first page stored, a new release that keeps what
  // was saved working, saved pages refreshed. It is told this release's shell, so it knows which
  // of the old release's files to keep.
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/sw/pages.ts', import.meta.url))],
    outfile: join(distDir, 'sw-pages.js'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { __SHELL__: JSON.stringify([...shell].sort()) },
    logLevel: 'warning',
  });

  const { count, size, warnings } = await generateSW({
    globDirectory: distDir,
    // Exact files, not a wildcard: only the shell, never dist/lms/ or the trainer's exports.
    globPatterns: [...shell].map((f) => f.slice(1)).sort(),
    swDest: join(distDir, 'sw.js'),
    importScripts: ['/sw-pages.js'],
    // Never behind the learner's back: a new worker waits until the learner presses "Reload" in
    // the update banner (src/scripts/sw-update.ts), which sends SKIP_WAITING.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // Astro's file names carry a content hash: no cache-busting query needed.
    dontCacheBustURLsMatching: /^_astro\//, // matched against the manifest's URLs, which have no leading slash
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    runtimeCaching: [
      {
        // Every page visited: the network first (a new release shows at once when online), the
        // copy when offline. ?in=<assignment> pages are the same page: the search is ignored.
        // workbox-build writes these functions into sw.js as text: they run in the worker (self).
        urlPattern: ({ request, url }) =>
          // eslint-disable-next-line no-undef
          request.mode === 'navigate' && url.origin === self.location.origin && !url.pathname.startsWith('/lms/'),
        handler: 'NetworkFirst',
        options: {
          cacheName: PAGES_CACHE,
          networkTimeoutSeconds: 5,
          matchOptions: { ignoreSearch: true, ignoreVary: true },
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        // Scripts and styles not in the shell (the trainer's pages) once used: hashed, so never stale.
        // eslint-disable-next-line no-undef
        urlPattern: ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/_astro/'),
        handler: 'CacheFirst',
        options: {
          cacheName: ASSETS_CACHE,
          matchOptions: { ignoreVary: true },
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 100 },
        },
      },
    ],
  });
  for (const w of warnings) console.warn(`[offline] ${w}`);
  return { precache: [...shell].sort(), lists, sw: { count, size } };
}
