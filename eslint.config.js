import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Each folder may reach another only through its public `#alias` (STYLE.md §3.2).
const deepImports = (...folders) =>
  folders.map((folder) => ({
    group: [`**/${folder}/**`, `${folder}/**`],
    message: `Import ${folder} through its '#' alias (package.json "imports"), never a deep path.`,
  }));

const bannedClockAndRandomness = [
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'Time comes from an injected Clock (clock.ts), so tests stay deterministic.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Time comes from an injected Clock (clock.ts), so tests stay deterministic.',
  },
  {
    selector: "CallExpression[callee.name='randomUUID']",
    message: 'Ids come from an injected IdGenerator (id-generator.ts).',
  },
  {
    selector: "CallExpression[callee.property.name='randomUUID']",
    message: 'Ids come from an injected IdGenerator (id-generator.ts).',
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Randomness comes from an injected, seedable generator.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'contracts/openapi/**',
      'dist/**',
      // Written by npm run mutation.
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `const { dropped, ...kept } = value` is how a key is left out of an object.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-console': 'error',
      'no-restricted-syntax': ['error', ...bannedClockAndRandomness],
    },
  },
  {
    files: ['contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['#mock-server', '#harness', '#reference-bot'],
              message: 'contracts depends on nothing of ours.',
            },
            ...deepImports('mock-server', 'harness', 'reference-bot'),
          ],
        },
      ],
    },
  },
  {
    files: ['mock-server/**/*.ts', 'reference-bot/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['#harness'],
              message: 'Only the harness depends on the other folders.',
            },
            ...deepImports('contracts', 'mock-server', 'harness', 'reference-bot'),
          ],
        },
      ],
    },
  },
  {
    files: ['harness/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: deepImports('contracts', 'mock-server', 'reference-bot') },
      ],
    },
  },
  {
    // The one home of wall-clock time and randomness; everything else gets them injected.
    files: ['**/clock.ts', '**/id-generator.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The CLI files are the only places allowed to print, read env or exit (STYLE.md §3.5).
    files: [
      '**/cli.ts',
      '**/cli/main.ts',
      'bin/**/*.js',
      'packaging/**/*.js',
      '**/write-openapi-file.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    // The benchmark's scripts and its stand-in servers are command-line programs too.
    files: ['bench/**/*.js'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A user's project, into which the package test installs the tarball: programs that print.
    files: ['packaging/test/user-project/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The dashboard runs in the browser as plain ES modules: browser globals, no Node ones, and
    // text never becomes markup (elements are built with dom.js, which uses text nodes only).
    files: ['mock-server/src/dashboard/ui/**/*.js'],
    languageOptions: {
      globals: {
        ...Object.fromEntries(Object.keys(globals.node).map((name) => [name, 'off'])),
        ...globals.browser,
      },
    },
    rules: {
      'no-restricted-syntax': [
        'error',
        ...bannedClockAndRandomness,
        {
          selector:
            'MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML|write|writeln)$/]',
          message: 'Build elements with h() from dom.js: text must never become markup.',
        },
      ],
    },
  },
);
