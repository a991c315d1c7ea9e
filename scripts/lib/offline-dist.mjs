/**
 * After the build: what the course needs to work without a connection (issue 16).
 *
 * - dist/offline/<lang>.json lists, for each lesson of a language, the files "Save for offline"
 *   must store and their bytes (src/lib/offline.ts sums them before anything is downloaded, so the
 *   learner sees the size first), the learner's own pages every save stores too, and the module
 *   pages the whole course adds. Files the service worker already precaches are left out: they
 *   are on the device once the worker is installed, so counting them again would overstate.
 * - dist/sw.js, made by Workbox (workbox-build's generateSW): it precaches the shell (the CSS and
 *   the JavaScript the learner's pages load, the icons, the manifests and each language's "you are
 *   offline" page) and caches every page visited (NetworkFirst), so a page seen once opens
 *   offline; a page neither stored nor reachable gets the "you are offline" page of its language
 *   instead of the browser's error. The trainer's heavy exports and
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

/**
 * The learner's own pages under /<lang>/, saved with every save (the whole course or an
 * assignment): a saved lesson's menu links to the home, the glossary, My progress and My
 * training, and My training shows the certificate once an assignment is done. Small pages whose
 * scripts are in the shell.
 */
const LEARNER_PAGES = ['', 'glossary', 'progress', 'my-training', 'my-training/certificate'];
/** Path segments under /<lang>/ that are not modules. */
const NOT_MODULES = new Set(['glossary', 'my-training', 'progress', 'search', 'offline', 'trainer', '404']);
/** Saved with the whole course besides the modules: search opens offline to say it needs a connection. */
const COURSE_SECTIONS = new Set(['search']);
/**
 * Each language's page for a page that is neither stored nor reachable (src/pages/[lang]/offline/):
 * precached with the shell, and what the page route answers when the network fails and the page is
 * not stored, in the language of the address (English when it has none).
 */
const OFFLINE_PAGE = (lang) => `/${lang}/offline/index.html`;

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
  for (const lang of locales) {
    if (existsSync(join(distDir, lang, 'manifest.webmanifest'))) shell.add(`/${lang}/manifest.webmanifest`);
    if (!existsSync(join(distDir, OFFLINE_PAGE(lang))))
      throw new Error(`[offline] ${OFFLINE_PAGE(lang)} was not built`);
    shell.add(OFFLINE_PAGE(lang));
  }

  const lists = {};
  await mkdir(join(distDir, 'offline'), { recursive: true });
  for (const lang of locales) {
    const bytes = {};
    const size = (url) => (bytes[url] ??= statSync(join(distDir, url.endsWith('/') ? `${url}index.html` : url)).size);
    const lessons = {};
    const extra = [];
    const learner = LEARNER_PAGES.map((section) => (section ? `/${lang}/${section}/` : `/${lang}/`));
    learner.forEach(size); // a learner page missing from the build fails here, plainly
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
      } else if (parts.length === 2 && (isModulePart || COURSE_SECTIONS.has(parts[1]))) {
        // Module pages and search: saved with the whole course, so its links keep working offline.
        size(p.url);
        extra.push(p.url);
      }
    }
    const list = { version: 1, lessons, learner, extra: extra.sort(), bytes };
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
          plugins: [
            {
              // No network and the page not stored: our page saying so (OFFLINE_PAGE, precached), in
              // the address's language, rather than the browser's "This site can't be reached".
              // Precached files' keys carry Workbox's revision: hence ignoreSearch.
              handlerDidError: async ({ request }) => {
                const lang = new URL(request.url).pathname.split('/')[1];
                const page = (l) =>
                  // eslint-disable-next-line no-undef
                  caches.match(`/${l}/offline/index.html`, { ignoreSearch: true, ignoreVary: true });
                return (lang && (await page(lang))) || page('en');
              },
            },
          ],
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
