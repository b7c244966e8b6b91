import { expect, it } from 'vitest';
import { runCliCaptured } from './support/run-cli-captured.js';
import { botMessage, header, jsonl, writeTemp } from './support/recording-lines.js';

it('validate: a recording that fits the contracts passes with exit code 0', async () => {
  const file = writeTemp('fits.jsonl', jsonl([header, botMessage(1), botMessage(2)]));
  const run = await runCliCaptured(['validate', file]);
  expect(run.stdout).toBe(`${file}: 2 exchanges, every one fits the contracts\n`);
  expect(run.code).toBe(0);
});

it('validate: each exchange that no longer fits is listed with its line and field path; exit code 1', async () => {
  const drifted = botMessage(2);
  const file = writeTemp(
    'drift.jsonl',
    jsonl([
      header,
      botMessage(1),
      {
        ...drifted,
        request: { ...drifted.request, body: { message: 'Hi', room_id: '187250792' } },
      },
    ]),
  );
  const run = await runCliCaptured(['validate', file]);
  expect(run.stdout).toContain(
    `${file}:3: exchange 2 (POST /qiscus-mock-app/bot) at sender_email: the request body does not match postBotMessage: sender_email`,
  );
  expect(run.stdout).toContain(`${file}: 2 exchanges, 1 problem\n`);
  expect(run.code).toBe(1);
});

it('validate: a file that is not a recording is a usage error naming the file and line', async () => {
  const file = writeTemp('other.jsonl', jsonl([{ format: 'har' }]));
  const run = await runCliCaptured(['validate', file]);
  expect(run.stderr).toContain(`${file}:1: not a qiscus-mock recording`);
  expect(run.code).toBe(2);
});

it('validate --help says what it does', async () => {
  const run = await runCliCaptured(['validate', '--help']);
  expect(run.stdout).toMatch(/^Usage: qiscus-mock validate <recording.jsonl …>/);
  expect(run.code).toBe(0);
});
