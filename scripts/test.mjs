// `npm test`: type check, lint and format check, unit tests, production build, JavaScript budgets,
// checks of the built HTML (tests/dist), end-to-end tests in a real browser.
// Prints one closing line that sums up every suite: "N passed, N failed" (", N skipped").
// The type check, lint, format check, build and budget count as one check each; unit, dist and
// end-to-end tests count per test. `--only e2e`: the build, the dist checks and the end-to-end tests.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { findChromium, root, runNode } from './lib/env.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const resultsDir = path.join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

const chromium = await findChromium();
if (!chromium) {
  console.error(
    'No Chromium found for the end-to-end tests: install one (Debian: apt-get install chromium; or: npx playwright install chromium) or set CHROMIUM_PATH to its executable.',
  );
  process.exit(1);
}

/** A free TCP port on 127.0.0.1, so a server left running elsewhere cannot block the tests. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function step(name, script, args, env) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const code = await runNode(script, args, { env });
  console.log(`━━ ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

/** A vitest run (unit tests, or the dist checks with their own config), counted per test. */
async function vitest(name, label, file, extraArgs = []) {
  const json = path.join(resultsDir, file);
  rmSync(json, { force: true });
  const code = await step(name, 'node_modules/vitest/vitest.mjs', [
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
  ]);
  const result = readJson(json);
  if (result)
    record(
      label,
      result.numPassedTests,
      result.numFailedTests + (code !== 0 && result.numFailedTests === 0 ? 1 : 0),
      result.numPendingTests + result.numTodoTests,
    );
  else record(label, 0, 1);
}

function record(name, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${name}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

if (!only) {
  const code = await step('Type check (astro check)', 'node_modules/astro/bin/astro.mjs', ['check']);
  record('type check', code === 0 ? 1 : 0, code === 0 ? 0 : 1);

  const lintCode = await step('Lint (eslint)', 'node_modules/eslint/bin/eslint.js', ['.']);
  record('lint', lintCode === 0 ? 1 : 0, lintCode === 0 ? 0 : 1);
  const formatCode = await step('Format (prettier --check)', 'node_modules/prettier/bin/prettier.cjs', [
    '--check',
    '.',
  ]);
  record('format', formatCode === 0 ? 1 : 0, formatCode === 0 ? 0 : 1);

  await vitest('Unit tests (vitest)', 'unit', 'unit.json');
}

if (!only || only === 'e2e') {
  const buildCode = await step('Production build (astro build)', 'node_modules/astro/bin/astro.mjs', ['build']);
  record('build', buildCode === 0 ? 1 : 0, buildCode === 0 ? 0 : 1);
  if (buildCode === 0 && !only) {
    const budgetCode = await step('JavaScript budgets (scripts/budget.mjs)', 'scripts/budget.mjs');
    record('budget', budgetCode === 0 ? 1 : 0, budgetCode === 0 ? 0 : 1);
  }
  if (buildCode === 0) {
    // What needs no browser, read from dist/: cheap, and first, so a broken page is named quickly.
    await vitest('Checks of the built site (vitest, tests/dist)', 'dist', 'dist.json', [
      '--config',
      'tests/dist/vitest.config.ts',
    ]);

    const e2eJson = path.join(resultsDir, 'e2e.json');
    rmSync(e2eJson, { force: true });
    const code = await step(
      'End-to-end tests (Playwright, Chromium)',
      'node_modules/@playwright/test/cli.js',
      ['test', '--reporter=list,json'],
      {
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
        E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
      },
    );
    const e2e = readJson(e2eJson);
    if (e2e?.stats)
      record(
        'end-to-end',
        e2e.stats.expected + e2e.stats.flaky,
        e2e.stats.unexpected + (code !== 0 && e2e.stats.unexpected === 0 ? 1 : 0),
        e2e.stats.skipped,
      );
    else record('end-to-end', 0, 1);
  } else {
    console.log('\nDist checks and end-to-end tests not run: the build failed.');
  }
}

const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(path.join(resultsDir, 'summary.txt'), `${summary}\n`);
console.log(`\n${lines.join('\n')}`);
console.log(summary);
process.exit(totals.failed ? 1 : 0);
