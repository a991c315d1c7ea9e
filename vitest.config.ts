import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
    // tests/build runs real `astro build`s of broken content; they take seconds each.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
