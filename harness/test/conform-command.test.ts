import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { parseConformConfig } from '../src/conform/conform-config.js';
import { runCliCaptured } from './support/run-cli-captured.js';

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'conform-cli-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

// Only what is quick: the widget, and none of the checks that wait through silences.
const quickFlags = [
  '--channels',
  'qiscus',
  '--no-handover',
  ...[
    'bot-switch.room',
    'bot-switch.app',
    'duplicates.answered-once',
    'sessions.fresh-after-resolve',
  ].flatMap((id) => ['--skip', id]),
];

it('shows its help, listing the reporters and conform.yaml', async () => {
  const run = await runCliCaptured(['conform', '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Usage: qiscus-mock conform');
  expect(run.stdout).toContain('pretty (default), json, junit or html');
  expect(run.stdout).toContain('--conform FILE');
});

it('refuses a bad flag value with exit 2, naming the flag and what it takes', async () => {
  const reporter = await runCliCaptured(['conform', '--reporter', 'xml']);
  expect([reporter.code, reporter.stderr]).toEqual([
    2,
    expect.stringContaining('--reporter must be pretty, json, junit or html, not "xml".'),
  ]);
  const html = await runCliCaptured(['conform', '--reporter', 'html']);
  expect(html.stderr).toContain('--reporter html writes a file: give it with --out');
  const skip = await runCliCaptured(['conform', '--skip', 'handover.on-reqest']);
  expect(skip.stderr).toContain(
    '--skip: "handover.on-reqest" is not a check; did you mean "handover.on-request"?',
  );
  const channels = await runCliCaptured(['conform', '--channels', 'qiscus,whatsap']);
  expect(channels.stderr).toContain('"whatsap" is not a channel');
});

it('names every problem of conform.yaml with file:line:column and a did-you-mean, and runs nothing', async () => {
  const folder = await tempFolder();
  const file = join(folder, 'conform.yaml');
  await writeFile(file, 'channels: [wa, telegrm]\nhandovr: false\nmin_score: 120\n');
  const run = await runCliCaptured(['conform', '--conform', file]);
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n').slice(1, 4)).toEqual([
    `  ${file}:1:16: channels[1] must be one of qiscus, wa, ig, telegram, line, fb, custom, not the text "telegrm"; did you mean "telegram"?`,
    `  ${file}:2:1: handovr is not a field here; did you mean "handover"?`,
    `  ${file}:3:12: min_score must be at most 100`,
  ]);
});

it('reads conform.yaml: channels, handover, phrases, skipped checks with their reason', () => {
  const parsed = parseConformConfig(
    'conform.yaml',
    'channels: [wa]\nhandover: false\nskip:\n  webhook.answered-fast: our gateway answers for us\n',
  );
  expect(parsed).toEqual({
    ok: true,
    config: {
      channels: ['wa'],
      handover: false,
      skip: { 'webhook.answered-fast': 'our gateway answers for us' },
    },
  });
});

it('runs against the reference bot, writes the JUnit report, and exits 0 at --min-score 100', async () => {
  const folder = await tempFolder();
  const out = join(folder, 'reports', 'conform.xml');
  const run = await runCliCaptured([
    'conform',
    ...quickFlags,
    '--reporter',
    'junit',
    '--out',
    out,
    '--min-score',
    '100',
  ]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  expect(run.stdout).toContain('Score 100% (');
  expect(await readFile(out, 'utf8')).toContain('<testsuites name="qiscus-mock conform"');
}, 60_000);

it('writes the HTML report and the score badge beside it', async () => {
  const folder = await tempFolder();
  const out = join(folder, 'conform.html');
  const run = await runCliCaptured(['conform', ...quickFlags, '--reporter', 'html', '--out', out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`Wrote the score badge to ${join(folder, 'conform.svg')}`);
  expect(await readFile(join(folder, 'conform.svg'), 'utf8')).toContain('qiscus conform: 100%');
  expect(await readFile(out, 'utf8')).toContain('<p class="score" id="score"');
}, 60_000);
