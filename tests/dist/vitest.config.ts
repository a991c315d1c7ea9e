/**
 * The checks of the built site that need no browser: they read dist/ (and ask scripts/serve.mjs
 * for it over HTTP), so scripts/test.mjs runs them after `astro build`, before Playwright.
 * Run alone: node scripts/node24.mjs node_modules/vitest/vitest.mjs run --config tests/dist/vitest.config.ts
 */
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['tests/dist/**/*.test.ts'],
    environment: 'node',
  },
});
