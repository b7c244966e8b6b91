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
        test: { name: 'integration', include: ['*/test/**/*.test.ts'] },
      },
    ],
  },
});
