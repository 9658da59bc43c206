import { defineConfig } from 'vitest/config';

// The main suite (`npm test`). Slow suites (kill and race tests, printing PDFs) live in test/slow/ and run with
// `npm run test:slow` (vitest.slow.config.ts), which CI also runs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/slow/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
