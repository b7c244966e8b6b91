import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { expect, it } from 'vitest';
import { HarnessError } from '#harness';
import { readRecording, type RecordingLine } from '../src/recording/read-recording.js';
import { botMessage, header, jsonl, writeTemp } from './support/recording-lines.js';

async function readAll(file: string, warnings: string[] = []): Promise<RecordingLine[]> {
  const lines: RecordingLine[] = [];
  for await (const line of readRecording(file, { onWarning: (w) => warnings.push(w) })) {
    lines.push(line);
  }
  return lines;
}

async function failure(file: string): Promise<HarnessError> {
  try {
    await readAll(file);
  } catch (error) {
    if (error instanceof HarnessError) return error;
    throw error;
  }
  throw new Error(`${file} was read without an error`);
}

it('reads the header and every exchange with its line number', async () => {
  const file = writeTemp('ok.jsonl', jsonl([header, botMessage(1), botMessage(2)]));
  const lines = await readAll(file);
  expect(lines.map((line) => [line.kind, line.line])).toEqual([
    ['header', 1],
    ['exchange', 2],
    ['exchange', 3],
  ]);
});

it('reports a torn last line and skips it', async () => {
  const text = jsonl([header, botMessage(1)]) + JSON.stringify(botMessage(2)).slice(0, 40);
  const file = writeTemp('torn.jsonl', text);
  const warnings: string[] = [];
  const lines = await readAll(file, warnings);
  expect(lines).toHaveLength(2);
  expect(warnings).toEqual([
    `${file}:3: the last line is cut short (the recorder was stopped while writing it); skipped.`,
  ]);
});

it('stops at a corrupt line in the middle with file:line and what is wrong', async () => {
  const text = `${jsonl([header, botMessage(1)])}{"seq": 2, oops\n${jsonl([botMessage(3)])}`;
  const file = writeTemp('corrupt.jsonl', text);
  const error = await failure(file);
  expect(error.code).toBe('HARNESS_ERR_RECORDING');
  expect(error.message).toMatch(new RegExp(`^${file}:3: not JSON \\(`));
});

it('names the field of a line that is JSON but not an exchange', async () => {
  const { direction: _left, ...broken } = botMessage(2);
  const file = writeTemp('shape.jsonl', jsonl([header, botMessage(1), broken]));
  const error = await failure(file);
  expect(error.message).toMatch(new RegExp(`^${file}:3: not an exchange: direction: `));
});

it('refuses a file of another format by name', async () => {
  const file = writeTemp('other.jsonl', jsonl([{ format: 'har', version: 1 }, botMessage(1)]));
  expect((await failure(file)).message).toBe(
    `${file}:1: not a qiscus-mock recording: its first line has format "har", not "qiscus-mock-recording". Record one with \`qiscus-mock serve --record FILE\`.`,
  );
});

it('refuses a newer version by number, saying to upgrade', async () => {
  const file = writeTemp('newer.jsonl', jsonl([{ ...header, version: 2 }]));
  expect((await failure(file)).message).toBe(
    `${file}:1: recording format version 2 is newer than this qiscus-mock reads (version 1); upgrade qiscus-mock to read it.`,
  );
});

it('refuses an empty file and a missing one, naming them', async () => {
  const empty = writeTemp('empty.jsonl', '');
  expect((await failure(empty)).message).toBe(
    `${empty}: the recording is empty (not even its header line).`,
  );
  expect((await failure(`${empty}.missing`)).message).toBe(
    `${empty}.missing: cannot read the recording: no such file.`,
  );
});

it('reads 100,000 lines as a stream, never holding the file whole', async () => {
  const file = writeTemp('big.jsonl', '');
  const out = createWriteStream(file);
  out.write(`${JSON.stringify(header)}\n`);
  // Each line carries 1 KiB of text: the file is over 100 MiB, far more than the reader may hold.
  const filler = 'x'.repeat(1024);
  for (let seq = 1; seq <= 100_000; seq += 1) {
    if (!out.write(`${JSON.stringify(botMessage(seq, filler))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  let count = 0;
  const before = process.memoryUsage().rss;
  let peak = before;
  for await (const line of readRecording(file)) {
    if (line.kind === 'exchange') count += 1;
    if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  expect(count).toBe(100_000);
  // A whole file in memory would be over 100 MiB of text (twice that as JS strings).
  expect(peak - before).toBeLessThan(100 * 1024 * 1024);
}, 90_000);
