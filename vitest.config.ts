import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The '#…' aliases (and `qiscus-mock` itself) resolve to the TypeScript sources under this
  // condition, so the tests run the code as it is, never a build in dist/. The others are
  // Vite's default server conditions, which this list replaces.
  ssr: {
    resolve: { conditions: ['qiscus-mock-source', 'module', 'node', 'development|production'] },
  },
  test: {
    reporters: ['default', './vitest-summary-reporter.ts'],
    // Most files spend their time waiting (on a bot's silence, a webhook, a child process), not
    // on the CPU: four at once on two cores took the suite from 618 s to 343 s, all passing.
    maxWorkers: 4,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['*/src/**/*.test.ts'] },
      },
      {
        extends: true,
        // Some start the real binary (Node and tsx take 2–3 s of CPU to start), which a busy
        // 2-core machine can stretch past vitest's default 5 s.
        test: {
          name: 'integration',
          // examples/in-your-tests: a bot's own suite, which imports the package by its name.
          include: ['*/test/**/*.test.ts', 'examples/*/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        // `npm run bench` once, smoke-sized: it starts the mock five times and loads each target
        // for a second, about 20 s on a quiet machine.
        test: { name: 'bench', include: ['bench/test/**/*.test.js'], testTimeout: 90_000 },
      },
      {
        extends: true,
        // `npm run mutation:static` on a made-up project (its own tests run as processes).
        test: { name: 'mutation', include: ['mutation/test/**/*.test.js'], testTimeout: 20_000 },
      },
    ],
  },
});
