import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './vitest-summary-reporter.ts'],
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
          include: ['*/test/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
    ],
  },
});
