// Mutation testing: `npm run mutation` (slow; not part of `npm test`). See docs/mutation-testing.md.
// One folder at a time: npm run mutation -- --mutate 'harness/src/run/**/!(*.test).ts'
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'contracts/src/**/*.ts',
    'mock-server/src/conversation/**/*.ts',
    'mock-server/src/webhooks/**/*.ts',
    'mock-server/src/http/**/*.ts',
    'harness/src/run/**/*.ts',
    '!**/*.test.ts',
  ],
  // The machine running this is usually shared; one test runner keeps the load predictable.
  concurrency: 1,
  timeoutMS: 10_000,
  // The first run is the whole related suite, which takes minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
