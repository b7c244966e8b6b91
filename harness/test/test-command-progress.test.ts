import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { runCliCaptured } from './support/run-cli-captured.js';

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-progress-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

it('lists the scripts in their order, also when a later one finishes first', async () => {
  const folder = await temporaryFolder();
  await writeFile(
    join(folder, 'a-slow.yaml'),
    'channel: qiscus\nsteps:\n  - customer: thanks\n  - bot: /welcome/\n  - silence: 400ms\n',
  );
  await writeFile(
    join(folder, 'b-fast.yaml'),
    'channel: wa\nsteps:\n  - customer: thanks\n  - bot: /welcome/\n',
  );
  const run = await runCliCaptured(['test', folder, '--concurrency', '2']);
  expect(run.code).toBe(0);
  const lines = run.stdout.split('\n').filter((line) => line.startsWith('✓'));
  expect(lines.map((line) => line.split(' ')[1])).toEqual(['a-slow', 'b-fast']);
});

it('names an unknown flag in its own words, with the flag that was probably meant', async () => {
  expect(await runCliCaptured(['test', 'scripts', '--bot-ur', 'http://127.0.0.1:8000/'])).toEqual({
    code: 2,
    stdout: '',
    stderr:
      'qiscus-mock test: unknown flag --bot-ur; did you mean --bot-url?\nRun `qiscus-mock test --help` for its flags.\n',
  });
  expect((await runCliCaptured(['serve', '--jsn'])).stderr).toBe(
    'qiscus-mock serve: unknown flag --jsn; did you mean --json?\nRun `qiscus-mock serve --help` for its flags.\n',
  );
  expect((await runCliCaptured(['openapi', '--out'])).stderr).toBe(
    'qiscus-mock openapi: --out needs a value: write --out VALUE\nRun `qiscus-mock openapi --help` for its flags.\n',
  );
});

it('refuses a --bot-url on another machine before it starts, as serve does', async () => {
  expect(
    await runCliCaptured(['test', 'scripts', '--bot-url', 'http://example.com:8001/']),
  ).toEqual({
    code: 2,
    stdout: '',
    stderr:
      'qiscus-mock test: --bot-url example.com is not this machine: the mock sends webhooks only to loopback addresses unless started with --allow-remote-webhook.\nRun `qiscus-mock test --help` for its flags.\n',
  });
});

it('says what it waits for while nothing answers at --bot-url', async () => {
  // Port 9 (discard) has nothing listening on this machine: each try is refused at once.
  const run = await runCliCaptured([
    'test',
    'harness/test/fixtures/cli/passing/greeting.yaml',
    '--bot-url',
    'http://127.0.0.1:9/',
    '--port',
    '0',
    '--bot-start-timeout',
    '300ms',
  ]);
  expect(run.code).toBe(2);
  expect(run.stdout.replace(/127\.0\.0\.1:\d{4,}/, '127.0.0.1:<port>')).toBe(
    '… Waiting up to 300ms for the bot to answer at http://127.0.0.1:9/ (--bot-url); start it now, with QISCUS_BASE_URL=http://127.0.0.1:<port>\n',
  );
  expect(run.stderr).toContain('Nothing answers at http://127.0.0.1:9/ (waited 300ms)');
});
