import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { validate } from '@readme/openapi-parser';
import { expect, it, onTestFinished } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { runCliCaptured } from './support/run-cli-captured.js';

const bin = fileURLToPath(new URL('../../bin/qiscus-mock.js', import.meta.url));

it('runs as the qiscus-mock binary: --version, and openapi --out writes a valid document', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-cli-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  const run = promisify(execFile);
  const version = await run(process.execPath, [bin, '--version']);
  expect(version.stdout).toBe(`${packageJson.version}\n`);
  const out = join(folder, 'qiscus.openapi.json');
  await run(process.execPath, [bin, 'openapi', '--out', out]);
  const document = JSON.parse(await readFile(out, 'utf8')) as { paths: object; webhooks: object };
  expect((await validate(document as never)).valid).toBe(true);
  expect(Object.keys(document.paths)).toHaveLength(23);
  expect(Object.keys(document.webhooks)).toEqual([
    'botMessage',
    'legacyBotMessage',
    'newSession',
    'customAgentAllocation',
    'markAsResolved',
  ]);
});

it('exits with 2 and the usage problem on stderr when the binary is misused', async () => {
  const run = promisify(execFile);
  const failure = await run(process.execPath, [bin, 'openapi', '--format', 'xml']).then(
    () => undefined,
    (error: unknown) => error as { code: number; stderr: string },
  );
  expect(failure).toMatchObject({
    code: 2,
    stderr: 'qiscus-mock openapi: --format must be json or yaml, not "xml".\n',
  });
});

it('lists its commands and the exit codes with --help', async () => {
  const run = await runCliCaptured(['--help']);
  expect(run.code).toBe(0);
  const listed = run.stdout
    .split('\n')
    .filter((line) => /^ {2}[a-z-]+ {2,}\S/.test(line))
    .map((line) => line.trim().split(/ {2,}/));
  expect(listed).toEqual([
    ['serve', 'start the mock Qiscus bot API (default 127.0.0.1:3737)'],
    ['start', 'start the mock and the reference bot together, wired (npm start)'],
    ['test', 'run conversation scripts against a bot; pretty, JSON or JUnit report'],
    [
      'conform',
      'the built-in conformance battery against a bot; a score and a pretty/JSON/JUnit/HTML report',
    ],
    ['reference-bot', 'start the bundled reference bot (default 127.0.0.1:3738)'],
    ['openapi', 'write the OpenAPI 3.1 document of the Qiscus bot API'],
    ['replay', 'replay recordings against a bot and diff turn by turn; --update re-baselines'],
    ['validate', 're-check recordings against the current contracts (a drift check)'],
    ['script', 'turn a recording into conversation scripts (YAML, one per room)'],
  ]);
  expect(run.stdout).toContain(
    'Exit codes: 0 success, 1 test failures or violations found, 2 usage',
  );
});

it('says an unknown command or an option before the command is unknown, with exit code 2', async () => {
  expect((await runCliCaptured(['serv'])).stderr).toBe(
    'Unknown command "serv". Run `qiscus-mock --help` for the commands there are.\n',
  );
  expect(await runCliCaptured(['--out', 'x.json'])).toEqual({
    code: 2,
    stdout: '',
    stderr:
      'Unknown option "--out"; options go after the command. Run `qiscus-mock --help` for the commands there are.\n',
  });
});

it('shows a command’s help through `help <command>`, and refuses help for one it does not have', async () => {
  const run = await runCliCaptured(['help', 'openapi']);
  expect(run.stdout).toContain('Usage: qiscus-mock openapi');
  const unknown = await runCliCaptured(['help', 'confrom']);
  expect(unknown).toEqual({
    code: 2,
    stdout: '',
    stderr: 'Unknown command "confrom". Run `qiscus-mock --help` for the commands there are.\n',
  });
});

it('stops quietly with exit code 0 when the reader of its output goes away early', async () => {
  // A shell pipe (64 KiB) rather than Node's socket pair, which would swallow the whole document.
  const script = `set -o pipefail; "${process.execPath}" "${bin}" openapi | head -c 1 > /dev/null`;
  const result = await promisify(execFile)('bash', ['-c', script]).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: unknown) => error as { code: number; stderr: string },
  );
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
});
