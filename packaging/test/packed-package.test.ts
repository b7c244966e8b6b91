import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, lstat, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import semver from 'semver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listInstalledEngines } from './installed-packages-engines.js';

// The package as a user gets it: packed (prepack builds dist/ from the sources as they are now),
// installed from the tarball into an empty project in a temporary folder, and used there.

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const minute = 60_000;
const ours = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  devDependencies: Record<string, string>;
};
// What the running vitest set for its own workers is not for the programs started here.
// Colours are left out, so the output reads as text.
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'TEST' && name !== 'FORCE_COLOR',
    ),
  ),
  NO_COLOR: '1',
};

let folder = '';
let project = '';
let packedFiles: string[] = [];
let installOutput = '';

/** Runs a program in the user's project and gives its output, failing on a non-zero exit. */
async function inProject(file: string, args: readonly string[]) {
  return run(file, [...args], { cwd: project, env, maxBuffer: 16 * 1024 * 1024 });
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-package-'));
  const pack = await run('npm', ['pack', '--json', '--pack-destination', folder], {
    cwd: root,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  // The build's own lines come first on stdout; npm's JSON report is the rest.
  const [report] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[\n'))) as [
    { filename: string; files: { path: string }[] },
  ];
  packedFiles = report.files.map((file) => file.path).sort();

  project = join(folder, 'bot-project');
  await cp(fileURLToPath(new URL('user-project/', import.meta.url)), project, { recursive: true });
  await rename(join(project, 'user-tsconfig.json'), join(project, 'tsconfig.json'));
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'bot-project', private: true, type: 'module' }),
  );
  const install = await inProject('npm', [
    'install',
    join(folder, report.filename),
    `@types/node@${ours.devDependencies['@types/node'] ?? ''}`,
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
  ]);
  installOutput = install.stdout + install.stderr;
}, 15 * minute);

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

it('ships compiled JavaScript, declarations and what runs beside them, and nothing else', () => {
  const shipped =
    /^(dist\/.+\.(js|d\.ts|css|html)|bin\/qiscus-mock\.js|contracts\/openapi\/[\w.-]+\.json|package\.json|README\.md|CHANGELOG\.md)$/;
  expect(packedFiles.filter((path) => !shipped.test(path))).toEqual([]);
  expect(
    packedFiles.filter((path) => /(^|\/)(test|fixtures|screenshots|bench)\//.test(path)),
  ).toEqual([]);
  expect(packedFiles).toEqual(
    expect.arrayContaining([
      'bin/qiscus-mock.js',
      'dist/js/cli.js',
      'dist/js/qiscus-mock.js',
      'dist/harness/src/qiscus-mock.d.ts',
      'dist/js/contracts.js',
      'dist/contracts/src/index.d.ts',
      'dist/mock-server/src/dashboard/ui/index.html',
      'contracts/openapi/qiscus-omnichannel.openapi.json',
      'CHANGELOG.md',
    ]),
  );
});

it("bundles zod's English messages and none of its other languages, which every start compiled", async () => {
  const bundles = packedFiles.filter((path) => path.startsWith('dist/js/'));
  const locales = new Set<string>();
  for (const bundle of bundles) {
    const text = await readFile(join(project, 'node_modules/qiscus-mock', bundle), 'utf8');
    // esbuild names each module it bundles in a comment above it.
    for (const [, locale] of text.matchAll(
      /^\/\/ (?:\S*\/)?node_modules\/zod\/v4\/locales\/([\w-]+)\.js$/gm,
    )) {
      locales.add(locale!);
    }
  }
  expect([...locales]).toEqual(['en']);
});

it('installs from the tarball with no engine warning, no tsx, and no package wanting a newer Node', async () => {
  expect(installOutput).not.toContain('EBADENGINE');
  expect((await lstat(join(project, 'node_modules/qiscus-mock'))).isDirectory()).toBe(true);
  await expect(lstat(join(project, 'node_modules/tsx'))).rejects.toThrow();
  const lowest = semver.minVersion(ours.engines.node)!.version;
  const installed = await listInstalledEngines(join(project, 'node_modules'));
  expect(installed.filter((pkg) => !semver.satisfies(lowest, pkg.node))).toEqual([]);
});

it(
  'runs npx qiscus-mock --version',
  async () => {
    const { stdout } = await inProject('npx', ['--no', '--', 'qiscus-mock', '--version']);
    expect(stdout).toBe(`${ours.version}\n`);
  },
  3 * minute,
);

/** The status and content type of each path, fetched from a running mock. */
async function fetchEach(url: string, paths: readonly string[]) {
  const answers: Record<string, string> = {};
  for (const path of paths) {
    const response = await fetch(`${url}${path}`);
    await response.arrayBuffer();
    answers[path] = `${response.status} ${response.headers.get('content-type') ?? ''}`;
  }
  return answers;
}

it(
  'loads neither HTTPS nor HTTP/2 for qiscus-mock serve on HTTP, the 13 ms they took at each start',
  async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        './report-node-modules.mjs',
        'node_modules/.bin/qiscus-mock',
        'serve',
        '--port',
        '0',
      ],
      { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = once(child, 'exit');
    for await (const line of createInterface({ input: child.stdout })) {
      if (line.startsWith('qiscus-mock listening on ')) break;
    }
    child.kill('SIGINT');
    await exited;
    const loaded = /^node modules loaded: (.*)$/m.exec(stderr)?.[1]?.split(' ') ?? [];
    expect(loaded).toContain('http');
    expect(loaded.filter((name) => ['https', 'http2', 'tls'].includes(name))).toEqual([]);
  },
  3 * minute,
);

/**
 * Runs `npx qiscus-mock serve --port 0` with `flags` in the user's project until its listening
 * line, gives `use` the URL that line names, and stops it with Ctrl-C; resolves once it exited,
 * with the line (empty if none came) and what `use` gave.
 */
async function whileServing<T>(
  flags: readonly string[],
  use: (url: string) => Promise<T>,
): Promise<{ listening: string; used: T | undefined }> {
  const child = spawn('npx', ['--no', '--', 'qiscus-mock', 'serve', '--port', '0', ...flags], {
    cwd: project,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let listening = '';
  let used: T | undefined;
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (line.startsWith('qiscus-mock listening on ')) {
        listening = line;
        break;
      }
    }
    const url = listening.slice('qiscus-mock listening on '.length);
    if (url) used = await use(url);
  } finally {
    process.kill(-(child.pid ?? 0), 'SIGINT');
  }
  await exited;
  return { listening, used };
}

it(
  'serves HTTPS with npx qiscus-mock serve --tls, though the bundles require HTTPS late',
  async () => {
    const { listening, used: status } = await whileServing(['--tls'], async (url) => {
      // The certificate is the mock's own, self-signed: trusted here for this request only.
      const answer = await new Promise<IncomingMessage>((resolve, reject) => {
        httpsGet(`${url}/_mock/config`, { rejectUnauthorized: false }, resolve).on('error', reject);
      });
      answer.resume();
      return answer.statusCode;
    });
    expect(listening).toMatch(/^qiscus-mock listening on https:\/\/127\.0\.0\.1:\d+$/);
    expect(status).toBe(200);
  },
  3 * minute,
);

it(
  'runs npx qiscus-mock serve until its listening line, serves the dashboard and the docs viewer, and stops on Ctrl-C',
  async () => {
    // The bundles find the dashboard's files beside the declarations, and the docs viewer its
    // plugins and the Swagger UI's files in node_modules.
    const { listening, used: answers } = await whileServing([], (url) =>
      fetchEach(url, ['/', '/dashboard/main.js', '/docs/', '/docs/static/swagger-ui-bundle.js']),
    );
    expect(listening).toMatch(/^qiscus-mock listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(answers).toEqual({
      '/': '200 text/html; charset=utf-8',
      '/dashboard/main.js': '200 text/javascript; charset=utf-8',
      '/docs/': '200 text/html; charset=utf-8',
      '/docs/static/swagger-ui-bundle.js': '200 application/javascript; charset=utf-8',
    });
  },
  3 * minute,
);

it(
  'runs npx qiscus-mock test on a script against the bundled reference bot',
  async () => {
    const { stdout } = await inProject('npx', [
      '--no',
      '--',
      'qiscus-mock',
      'test',
      'conversations',
    ]);
    expect(stdout).toContain('1 script: 1 passed, 0 failed, 0 errors');
  },
  3 * minute,
);

it(
  'writes with npx qiscus-mock openapi the document committed in the repository',
  async () => {
    const { stdout } = await inProject('npx', ['--no', '--', 'qiscus-mock', 'openapi']);
    const committed = await readFile(
      join(root, 'contracts/openapi/qiscus-omnichannel.openapi.json'),
      'utf8',
    );
    expect(JSON.parse(stdout)).toEqual(JSON.parse(committed));
  },
  3 * minute,
);

it(
  'imports qiscus-mock and qiscus-mock/contracts from an ES module, and no other path of it',
  async () => {
    const { stdout } = await inProject(process.execPath, ['esm.mjs']);
    expect(JSON.parse(stdout)).toEqual({
      listening: true,
      operations: 24,
      checked: true,
      classes: 'function',
      run: 'function',
      internal: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  },
  3 * minute,
);

it(
  'requires qiscus-mock and qiscus-mock/contracts from a CommonJS module',
  async () => {
    const { stdout } = await inProject(process.execPath, ['cjs.cjs']);
    expect(JSON.parse(stdout)).toEqual({ listening: true, refused: true, bot: 'function' });
  },
  3 * minute,
);

it(
  'type-checks a TypeScript file using both entry points under strict',
  async () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    // tsc prints what it finds on stdout and exits with 2.
    const checked = await inProject(process.execPath, [tsc, '-p', 'tsconfig.json']).catch(
      (error: unknown) => error as { stdout: string },
    );
    expect(checked.stdout).toBe('');
  },
  3 * minute,
);

it(
  'uses createMockServer in a vitest test',
  async () => {
    const vitest = join(root, 'node_modules/vitest/vitest.mjs');
    const { stdout } = await inProject(process.execPath, [vitest, 'run', '--root', project]);
    expect(stdout).toMatch(/Tests\s+1 passed/);
  },
  3 * minute,
);

it(
  'uses createMockServer in a node:test test',
  async () => {
    const { stdout } = await inProject(process.execPath, ['--test', 'mock.node-test.mjs']);
    expect(stdout).toContain('# pass 1');
  },
  3 * minute,
);
