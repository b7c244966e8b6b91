import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { expect, onTestFinished, test } from 'vitest';
import { ExchangeSchema, RecordingHeaderSchema, RecordingStatusSchema } from '#contracts';
import { startMock } from './support/start-mock.js';

function tempFile(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qiscus-mock-record-'));
  return path.join(dir, name);
}

function linesOf(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

test('every exchange is a line of the recording, after a header, before its answer arrives', async () => {
  const file = tempFile('conversation.jsonl');
  const server = await startMock({ record: file });
  const said = await request(`${server.url}/_mock/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'wa',
      customer: { id: '6281234567890', name: 'Budi' },
      text: 'Hi',
    }),
  });
  const result = (await said.body.json()) as { room_id: string; comment_id: number };
  // The answer is here: its line must already be on disk.
  const [header, ...exchanges] = linesOf(file);
  expect(RecordingHeaderSchema.parse(header)).toMatchObject({
    format: 'qiscus-mock-recording',
    version: 1,
    app_code: 'qiscus-mock-app',
    scrubbed: false,
  });
  const control = exchanges
    .map((line) => ExchangeSchema.parse(line))
    .find((line) => line.direction === 'control');
  expect(control).toMatchObject({
    operation_id: 'sendCustomerMessage',
    room_id: result.room_id,
    status: 200,
    response: { body: { comment_id: result.comment_id } },
  });

  const answered = await request(`${server.url}/qiscus-mock-app/bot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: server.secretKey },
    body: JSON.stringify({
      sender_email: server.botEmail,
      message: `the secret is ${server.secretKey}`,
      room_id: result.room_id,
    }),
  });
  expect(answered.statusCode).toBe(200);
  await answered.body.dump();
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(server.secretKey);
  const botLine = linesOf(file)
    .slice(1)
    .map((line) => ExchangeSchema.parse(line))
    .find((line) => line.direction === 'from_bot');
  expect(botLine?.request.headers.qiscus_sdk_secret).toBe('[redacted]');
  expect(botLine?.request.body).toMatchObject({ message: '[redacted]' });
  expect(server.recording()).toEqual({ file, state: 'recording', lines: 3, error: null });
});

test('--scrub replaces the same name, phone and e-mail with the same stand-in throughout', async () => {
  const file = tempFile('scrubbed.jsonl');
  const server = await startMock({ record: file, scrub: true });
  for (const text of ['Hi', 'My mail is budi@example.com, call 6281234567890']) {
    await server.customer.say({
      channel: 'wa',
      customer: { id: '6281234567890', name: 'Budi Santoso' },
      text,
    });
  }
  await server.drain();
  const text = readFileSync(file, 'utf8');
  expect(text).not.toMatch(/Budi|budi@example\.com|6281234567890/);
  const [header, ...lines] = linesOf(file);
  expect(RecordingHeaderSchema.parse(header).scrubbed).toBe(true);
  const bodies = lines.map((line) => ExchangeSchema.parse(line).request.body);
  expect(bodies[0]).toMatchObject({
    customer: { id: '6280000000001', name: 'Person 1' },
  });
  expect(bodies.at(-1)).toMatchObject({
    customer: { id: '6280000000001', name: 'Person 1' },
    text: 'My mail is person1@example.invalid, call 6280000000001',
  });
  // The bot's own address is not a person's and stays.
  expect(text).toContain(server.botEmail);
});

test('a full disk stops the recording loudly: a line on the log, the status, and the exchange still answered', async () => {
  const logged: string[] = [];
  const server = await startMock({ record: '/dev/full', log: (line) => logged.push(line) });
  const answer = await request(`${server.url}/_mock/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'qiscus', text: 'Hi' }),
  });
  expect(answer.statusCode).toBe(200);
  await answer.body.dump();
  expect(logged).toEqual([
    'qiscus-mock: RECORDING STOPPED: /dev/full: the disk is full (after 0 lines). The mock goes on answering, but records nothing more.',
  ]);
  const config = await request(`${server.url}/_mock/config`);
  const settings = (await config.body.json()) as { recording?: unknown };
  expect(RecordingStatusSchema.parse(settings.recording)).toEqual({
    file: '/dev/full',
    state: 'stopped',
    lines: 0,
    error: 'the disk is full (after 0 lines)',
  });
});

test('a recording file that cannot be created stops the mock from starting, naming the file', async () => {
  const file = path.join(tempFile('x'), 'no-such-folder', 'r.jsonl');
  await expect(startMock({ record: file })).rejects.toMatchObject({
    code: 'MOCK_ERR_CONFIG',
    message: expect.stringContaining(`Cannot record to ${file}: ENOENT`) as unknown,
  });
  onTestFinished(() => undefined);
});
