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
