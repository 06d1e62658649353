import { defineConfig } from 'vitest/config';
import path from 'node:path';

// `server-only` throws outside Next's react-server bundle; in tests it is the empty module it is there.
const alias = {
  '@': path.resolve(import.meta.dirname),
  'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
};

// Two projects: `unit` is pure code (engine, exercises, lib helpers) and needs no database;
// `integration` gets a fresh PostgreSQL database per run from tests/setup/global-db.ts and runs one
// file at a time (they share that database and one server). In a single vitest process such a
// project starts only after every other project is done, so `npm test` (scripts/test.sh) runs the
// two projects as two vitest processes side by side.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['engine/**/*.test.ts', 'lib/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // The docs' screenshots are made on request (npm run docs:screenshots), not tested.
          exclude: process.env.DOCS_SCREENSHOTS === '1' ? [] : ['tests/e2e/docs-screenshots.test.ts'],
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/env.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits on browsers and a server sharing 2 cores with the unit project: its
          // default 1 s failed a KaTeX prompt that appeared later under load (stop 24's clean-clone
          // run). A poll that passes returns at once; only a failing one takes longer to fail.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
