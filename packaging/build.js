// `npm run build` (and prepack): builds what the package ships into dist/, which is emptied
// first, so the package never carries output of a source that is gone.
//
// - dist/js/: the JavaScript, bundled by esbuild from the TypeScript sources into one ES module
//   per entry point (the CLI, `qiscus-mock`, `qiscus-mock/contracts`) and the chunks they share
//   or load on demand. Loading a few large files instead of some 900 small ones (ours, zod's,
//   fastify's) is most of what `serve` took to start. The dependencies a start does not need
//   stay outside, loaded from node_modules when first used (see `lateDependencies`).
// - dist/<folder>/src/: the declarations (tsc), beside every other file of the source folders
//   that the code reads at run time (the dashboard's browser modules, style sheets and page).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = 'tsconfig.build.json';
const { include, compilerOptions } = JSON.parse(readFileSync(path.join(root, config), 'utf8'));
const outDir = path.join(root, compilerOptions.outDir);
const jsDir = path.join(outDir, 'js');

/** The bundles, by the name of their file in dist/js/. */
const entryPoints = {
  cli: 'harness/src/cli/main.ts',
  'qiscus-mock': 'harness/src/qiscus-mock.ts',
  contracts: 'contracts/src/index.ts',
};

/**
 * Loaded on first use, never at start (cli-loads-lazily.test.ts): kept out of the bundles, so
 * they load from node_modules only then, with the files they read beside them (the Swagger UI's
 * pages). The code loads some of them with createRequire, which esbuild does not follow anyway.
 */
const lateDependencies = [
  '@fastify/swagger',
  '@fastify/swagger-ui',
  '@fastify/static',
  'ajv',
  'fast-json-stringify',
  'undici',
  'ws',
  'yaml',
];

/**
 * A source's `import.meta.url` names where the source's own compiled file would be in dist/, not
 * the bundle it ended up in, so the files it finds relative to itself are found (the dashboard
 * finds its ui/ folder so). Every bundle is in dist/js/, one level below dist/.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const compiled = path.relative(root, args.path).replace(/\.ts$/, '.js').replaceAll('\\', '/');
      const url = `new URL(${JSON.stringify(`../${compiled}`)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * zod's `locales` namespace holds its error messages in some fifty languages, 330 KB that every
 * start compiled, of the 2.4 MB that `serve` loads, and that nothing of ours reads: zod itself
 * uses English unless told otherwise. In the bundles, `z.locales` holds English alone. A bot that
 * wants another language gives `z.config()` one from its own zod (`import { fr } from
 * 'zod/locales'`), which works on ours just the same.
 */
const englishOnly = {
  name: 'zod-english-only',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)
        ? {
            path: 'zod/v4/locales',
            namespace: 'zod-english-only',
            pluginData: path.join(path.dirname(args.importer), '../locales'),
          }
        : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * fastify's server module requires `node:https` and `node:http2` as it loads, 13 ms of every
 * start (with the TLS they bring), though a mock serves plain HTTP/1.1 unless started with
 * `--tls-cert`. In the bundles they are required when fastify first creates such a server. The
 * build fails if fastify's source no longer reads as expected, so an upgrade cannot undo this
 * unnoticed.
 */
const lateServerModules = {
  name: 'fastify-late-server-modules',
  setup(esbuild) {
    esbuild.onLoad(
      { filter: /[\\/]node_modules[\\/]fastify[\\/]lib[\\/]server\.js$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        const eager = [
          "const https = require('node:https')\n",
          "const http2 = require('node:http2')\n",
        ];
        const missing = eager.filter((line) => !source.includes(line));
        if (missing.length > 0) {
          throw new Error(
            `fastify/lib/server.js no longer has ${missing.join(' and ')}: see lateServerModules in packaging/build.js`,
          );
        }
        const late = `let httpsModule
const https = { createServer: (...args) => (httpsModule ??= require('node:https')).createServer(...args) }
let http2Module
const http2 = {
  createServer: (...args) => (http2Module ??= require('node:http2')).createServer(...args),
  createSecureServer: (...args) => (http2Module ??= require('node:http2')).createSecureServer(...args)
}
`;
        return { contents: source.replace(eager[0], '').replace(eager[1], late), loader: 'js' };
      },
    );
  },
};

rmSync(outDir, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const declared = spawnSync(process.execPath, [tsc, '-p', config, '--emitDeclarationOnly'], {
  cwd: root,
  stdio: 'inherit',
});
if (declared.status !== 0) {
  console.error(`The build failed: tsc -p ${config} exited with ${declared.status}.`);
  process.exit(1);
}

const bundled = await build({
  absWorkingDir: root,
  entryPoints,
  outdir: jsDir,
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // The '#…' aliases resolve to the TypeScript sources, as in the repository.
  conditions: ['qiscus-mock-source'],
  external: lateDependencies,
  // The CommonJS dependencies in the bundles (fastify …) require Node's modules.
  banner: {
    js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);",
  },
  plugins: [keepModuleUrls, englishOnly, lateServerModules],
  logLevel: 'warning',
  metafile: true,
});

// esbuild writes strings and names in ASCII, but comments as they are: one other character in a
// comment makes Node decode the whole file as two-byte text, which made loading zod and the
// contracts 5 % slower (instructions counted). Escaped, they read the same.
for (const file of Object.keys(bundled.metafile.outputs)) {
  const text = readFileSync(path.join(root, file), 'utf8');
  if (!/[^\0-\x7f]/.test(text)) continue;
  const escape = (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  writeFileSync(path.join(root, file), text.replace(/[^\0-\x7f]/g, escape));
}

// Not bundled, needed at run time: anything in a source folder but TypeScript and JSON (the
// bundles hold the JSON the code imports) and tsconfigs.
const isAsset = (name) => !/\.(ts|json)$/.test(name);
let copied = 0;
for (const folder of include) {
  for (const entry of readdirSync(path.join(root, folder), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile() || !isAsset(entry.name)) continue;
    const from = path.join(entry.parentPath, entry.name);
    cpSync(from, path.join(outDir, path.relative(root, from)));
    copied += 1;
  }
}
console.log(
  `Built ${path.relative(root, outDir)}/ from ${include.join(', ')}: ${Object.keys(bundled.metafile.outputs).length} files of JavaScript, the declarations, and ${copied} files copied as they are.`,
);
