// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { CSP_DIRECTIVES } from './src/lib/csp.ts';

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

export default defineConfig({
  // The address the site is published at: canonical and hreflang URLs are absolute on it.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), preact()],
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
    plugins: [quietMdxDirectiveWarnings()],
  },
});
