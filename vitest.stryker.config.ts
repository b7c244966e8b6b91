import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The suite as `npm run mutation` runs it (stryker.config.js): one test at a time on a machine
 * that is busy with the mutants, so timeouts are wider, and without the dashboard's browser tests
 * and the files whose tests start the binary, which runs no mutant (test-command's own 20 s limit
 * on the binary is too short for the instrumented code).
 */
const exclude = [
  ...configDefaults.exclude,
  'mock-server/test/dashboard/**',
  'mock-server/test/serve-cli.test.ts',
  'harness/test/cli.test.ts',
  'harness/test/start-command.test.ts',
  'harness/test/test-command.test.ts',
  // Spawns bots with 20 s limits of its own; its in-process part is small.
  'harness/test/bot-process.test.ts',
];

/**
 * `MUTATION_TESTS=a.test.ts,b.test.ts npm run mutation -- --mutate FILE`: only these test files,
 * as one project. Unlike `--testFiles`, which leaves static mutants (a schema, a table, a
 * constant) switched on only after their module has loaded (stryker-js#6144), this narrows what
 * vitest loads at all, so Stryker tests a static mutant with these files from the start.
 */
const onlyTests = process.env['MUTATION_TESTS']?.split(',').filter(Boolean);

const wide = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  // As in vitest.config.ts: the '#…' aliases resolve to the TypeScript sources, which are what
  // Stryker mutates (without this they resolve to dist/, which a fresh clone does not have and
  // no mutant is ever in, and vitest finds no test related to a mutated file).
  ssr: {
    resolve: { conditions: ['qiscus-mock-source', 'module', 'node', 'development|production'] },
  },
  test: {
    projects: onlyTests
      ? [{ extends: true, test: { name: 'only', include: onlyTests, exclude, ...wide } }]
      : [
          {
            extends: true,
            test: { name: 'unit', include: ['*/src/**/*.test.ts'], exclude },
          },
          {
            extends: true,
            test: { name: 'integration', include: ['*/test/**/*.test.ts'], exclude, ...wide },
          },
        ],
  },
});
