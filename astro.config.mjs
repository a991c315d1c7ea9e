// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { fileURLToPath } from 'node:url';
import { CSP_DIRECTIVES } from './src/lib/csp.ts';
import { finishLmsPages } from './scripts/lib/lms-dist.mjs';
import { buildSearchIndex } from './scripts/lib/search-index.mjs';
import { finishOffline } from './scripts/lib/offline-dist.mjs';
import { LOCALE_IDS } from './src/i18n/locales.ts';

/**
 * Every .mdx file makes Rolldown log a MODULE_LEVEL_DIRECTIVE warning ("use astro:head-inject")
 * that is harmless and drowns real messages; a top-level onwarn does not reach the prerender
 * build, a per-environment onLog does.
 */
/** @returns {import('vite').Plugin} */
function quietMdxDirectiveWarnings() {
  return {
    name: 'quiet-mdx-directive-warnings',
    configEnvironment() {
      return {
        build: {
          rolldownOptions: {
            onLog(level, log, handler) {
              if (log.code === 'MODULE_LEVEL_DIRECTIVE' && String(log.message).includes('astro:head-inject')) return;
              handler(level, log);
            },
          },
        },
      };
    },
  };
}

/**
 * write-excel-file (the trainer's Excel download) zips with fflate, whose `zip` hands a file over
 * 160 KB to a Web Worker started from a blob: address: the Content-Security-Policy forbids that
 * (no blob: in script-src), so a big class's workbook would fail. This points write-excel-file's
 * imports of 'fflate' at src/lib/fflate-no-workers.ts: fflate with a `zip` that stays on the page.
 */
/** @returns {import('vite').Plugin} */
function fflateWithoutWorkers() {
  const shim = fileURLToPath(new URL('./src/lib/fflate-no-workers.ts', import.meta.url));
  return {
    name: 'fflate-without-workers',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === 'fflate' && importer && /[\\/]write-excel-file[\\/]/.test(importer)) return shim;
      return null;
    },
  };
}

/** The LMS package's pages get relative paths and a list of their files once the site is built. */
/** @returns {import('astro').AstroIntegration} */
function lmsPackagePages() {
  return {
    name: 'lms-package-pages',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await finishLmsPages(fileURLToPath(dir));
        // Offline (issue 16): the lists "Save for offline" reads and the Workbox service worker.
        const offline = await finishOffline(fileURLToPath(dir), [...LOCALE_IDS]);
        console.log(`[offline] sw.js precaches ${offline.sw.count} files, ${(offline.sw.size / 1024).toFixed(0)} KB`);
      },
    },
  };
}

/**
 * The site search's index (Pagefind) in dist/pagefind/, written here rather than as a step of
 * `npm start` or `npm test`, so every way of building gets it (scripts/lib/search-index.mjs).
 */
/** @returns {import('astro').AstroIntegration} */
function searchIndex() {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, records } = await buildSearchIndex(
          fileURLToPath(dir),
          fileURLToPath(new URL('.', import.meta.url)),
        );
        logger.info(`search index: ${pages} pages, ${records} exercise, role-play and glossary records`);
      },
    },
  };
}

/**
 * `client:answered` (src/scripts/client-answered.ts): lesson islands load when scrolled into view,
 * or at once when the learner has answers saved in them, so a lesson printed from its top prints
 * them. A directive because only the browser knows what is saved, before anything has loaded.
 */
/** @returns {import('astro').AstroIntegration} */
function answeredDirective() {
  return {
    name: 'client-answered',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({
          name: 'answered',
          entrypoint: fileURLToPath(new URL('./src/scripts/client-answered.ts', import.meta.url)),
        });
      },
    },
  };
}

export default defineConfig({
  // The address the site is published at: canonical and hreflang URLs are absolute on it.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), preact(), answeredDirective(), lmsPackagePages(), searchIndex()],
  devToolbar: { enabled: false },
  security: {
    // A <meta http-equiv="Content-Security-Policy"> on every page: script-src and style-src list
    // 'self' and the hashes of the inline scripts and styles (Astro's own, and ours through
    // src/components/InlineScript.astro); no 'unsafe-inline' or 'unsafe-eval' anywhere.
    csp: {
      algorithm: 'SHA-256',
      directives: [...CSP_DIRECTIVES],
    },
  },
  vite: {
    plugins: [quietMdxDirectiveWarnings(), fflateWithoutWorkers()],
    // Served as they are in `astro dev` too, so the plugin above sees write-excel-file's imports.
    optimizeDeps: { exclude: ['write-excel-file'] },
    build: {
      rolldownOptions: {
        output: {
          // Fewer, larger files for what every page loads: the budgets (scripts/budget.mjs) count
          // each file's gzip, and one file compresses better than four small ones automatic
          // splitting makes. 'core' is what every page runs (the progress store on its storage
          // layer, the page script, nanostores' atom); 'islands' is what every island page loads
          // (Preact, its JSX runtime, Vite's preload helper, the string helpers). Nothing moves to
          // a page that did not load it before.
          codeSplitting: {
            groups: [
              {
                name: 'islands',
                priority: 1,
                test: /node_modules[\\/]preact[\\/](dist[\\/]preact\.module|jsx-runtime[\\/])|preload-helper|src[\\/]lib[\\/]format\.ts/,
              },
              {
                name: 'core',
                // Before 'islands': a module both reach (src/lib/fill.ts, which lib/format.ts uses)
                // stays in what every page loads, so a page script never pulls in Preact.
                priority: 2,
                test: /nanostores[\\/]atom[\\/]|src[\\/](stores[\\/](storage|progress)|scripts[\\/](progress-ui|same-place|download-progress|load-script)|lib[\\/](progress|completion|progress-export|urls|fill)|i18n[\\/]locales)\.ts/,
              },
            ],
          },
        },
      },
    },
  },
});
