// ESLint 9 flat config: `npm run lint`, and a step of `npm test` (scripts/test.mjs).
// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The islands lesson pages load (through src/components/Exercise.astro) and the base class they
 * share. Every lesson page must stay within its JavaScript budget (scripts/lib/budget.mjs), and
 * preact/hooks or useStore would add to all of them, so these islands subscribe by hand through
 * ProgressBound. (src/islands/shared.ts is used only by the trainer, training and progress
 * islands, which may use hooks; should a lesson island import it, `npm test`'s budget check fails.)
 */
const LESSON_ISLANDS = [
  'src/islands/RolePlay.tsx',
  'src/islands/QuestionSet.tsx',
  'src/islands/Categorize.tsx',
  'src/islands/ProgressBound.ts',
  'src/islands/Restart.tsx',
];
const WHY_NO_HOOKS =
  'lesson pages must stay within their JavaScript budget (scripts/lib/budget.mjs), so lesson islands extend ProgressBound and subscribe by hand instead of using hooks or useStore.';

/**
 * A scrollable table sits in a role="region" with tabindex="0" so keyboard users can scroll it
 * (axe's scrollable-region-focusable); jsx-a11y allows tabindex only on tabpanel by default.
 */
const TABINDEX_ROLES = { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true };

export default defineConfig(
  globalIgnores(['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  astro.configs['flat/jsx-a11y-recommended'],
  {
    name: 'project/islands-a11y',
    files: ['**/*.tsx'],
    // The same plugin object eslint-plugin-astro registers for .astro files; its rules for TSX here.
    plugins: { 'jsx-a11y': jsxA11y },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      'jsx-a11y/no-noninteractive-tabindex': ['error', TABINDEX_ROLES],
    },
  },
  {
    name: 'project/all',
    rules: {
      'astro/jsx-a11y/no-noninteractive-tabindex': ['error', TABINDEX_ROLES],
      // `const { key: _, ...rest } = value` drops a key on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Every page's Content-Security-Policy has no 'unsafe-eval': code built from strings would
      // throw in the browser, so it is an error everywhere (a test that needs it says why).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    name: 'project/node',
    files: ['scripts/**', 'tests/**', '*.config.{js,mjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'project/browser',
    files: ['src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    name: 'project/playwright-fixtures',
    files: ['tests/e2e/**'],
    // Playwright reads a fixture's dependencies from its first parameter, so a fixture with none
    // must still destructure it: `async ({}, use) => ...`.
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    name: 'project/lesson-islands-no-hooks',
    files: LESSON_ISLANDS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'preact/hooks', message: `No hooks here: ${WHY_NO_HOOKS}` },
            { name: 'preact/compat', message: `preact/compat brings preact/hooks: ${WHY_NO_HOOKS}` },
            { name: '@nanostores/preact', message: `No useStore here: ${WHY_NO_HOOKS}` },
          ],
        },
      ],
    },
  },
);
