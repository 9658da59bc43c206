import { defineConfig } from 'vitest/config';

// The slow suite (`npm run test:slow`): many processes at once, SIGKILL at random moments, briefings printed to PDF.
// Kept out of `npm test` so that the everyday suite stays quick on a 2-core machine; CI runs both.
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    passWithNoTests: true,
  },
});
