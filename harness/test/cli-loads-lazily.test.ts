import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it, onTestFinished } from 'vitest';

const root = new URL('../../', import.meta.url);
const bin = fileURLToPath(new URL('bin/qiscus-mock.js', root));
const recorder = fileURLToPath(new URL('support/record-loaded-modules.js', import.meta.url));

/** Runs the binary and lists the modules of ours (and of our dependencies) it loaded. */
async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-lazy-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  const log = join(folder, 'loaded.txt');
  await promisify(execFile)(process.execPath, ['--import', recorder, bin, ...args], {
    env: { ...process.env, RECORD_LOADED_MODULES: log },
  });
  return (await readFile(log, 'utf8'))
    .split('\n')
    .filter((url) => url.startsWith(root.href))
    .map((url) => url.slice(root.href.length))
    .filter(
      (path) => !/^node_modules\/(tsx|esbuild|@esbuild|get-tsconfig|resolve-pkg-maps)\//.test(path),
    )
    .filter((path) => path !== 'bin/qiscus-mock.js' && path !== 'packaging/register-sources.js');
}

// What the CLI needs to parse its arguments and no more: no command, no dependency.
const startUp = [
  'harness/src/cli/main.ts',
  'harness/src/cli/run-cli.ts',
  'harness/src/errors.ts',
  'harness/src/cli/command-table.ts',
  'harness/src/cli/package-version.ts',
  // Read for the version number.
  'package.json',
];

it('loads no command and no dependency for --version', async () => {
  expect((await modulesLoadedBy(['--version'])).sort()).toEqual([...startUp].sort());
});

it('loads no command and no dependency for --help', async () => {
  expect((await modulesLoadedBy(['--help'])).sort()).toEqual([...startUp].sort());
});

it('loads the command that runs and not the others', async () => {
  const loaded = await modulesLoadedBy(['openapi', '--help']);
  expect(loaded).toContain('harness/src/cli/openapi.command.ts');
  expect(loaded.filter((path) => /^(mock-server|reference-bot)\//.test(path))).toEqual([]);
  expect(loaded.filter((path) => /\.command\.ts$/.test(path))).toEqual([
    'harness/src/cli/openapi.command.ts',
  ]);
});

/** Starts `serve --port 0`, stops it with SIGINT at its listening line, and lists what it loaded. */
async function modulesLoadedByServe(): Promise<string[]> {
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-lazy-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  const log = join(folder, 'loaded.txt');
  const child = spawn(process.execPath, ['--import', recorder, bin, 'serve', '--port', '0'], {
    env: { ...process.env, RECORD_LOADED_MODULES: log },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('qiscus-mock listening on ')) break;
  }
  child.kill('SIGINT');
  expect((await exited)[0]).toBe(0);
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
}

it('starts serving without the docs viewer, the schema compilers, ws, undici, YAML or faker’s id_ID locale', async () => {
  const loaded = await modulesLoadedByServe();
  // Loaded by the start itself, so the list below is read from a real start.
  expect(loaded.some((url) => /\/node_modules\/fastify\/fastify\.js$/.test(url))).toBe(true);
  const late = [
    /\/mock-server\/src\/http\/docs-viewer\.ts$/,
    /\/node_modules\/@fastify\/(swagger|swagger-ui|static)\//,
    /\/node_modules\/(ajv|ws|undici|yaml)\//,
    /\/node_modules\/fast-json-stringify\/index\.js$/,
    // The directory's names are a copy of id_ID's; its module would load English's names too.
    /\/node_modules\/@faker-js\/faker\/dist\/(locale\/)?(id_ID|en)[-.]/,
  ];
  expect(loaded.filter((url) => late.some((pattern) => pattern.test(url)))).toEqual([]);
});
