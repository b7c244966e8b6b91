import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runConversations } from '#harness';
import { readRecording, type RecordingLine } from '../src/recording/read-recording.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function readAll(file: string): Promise<RecordingLine[]> {
  const lines: RecordingLine[] = [];
  for await (const line of readRecording(file)) lines.push(line);
  return lines;
}

it('test --record DIR writes one recording per script, named after it, with its room’s exchanges', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'qiscus-mock-test-record-')), 'out');
  const result = await runConversations({
    paths: [
      'harness/test/fixtures/conversations/widget-menu-buttons.yaml',
      'harness/test/fixtures/conversations/promotions-carousel.yaml',
    ],
    cwd: root,
    record: { dir, scrub: false },
  });
  expect(result.summary.passed).toBe(2);
  expect(readdirSync(dir).sort()).toEqual([
    'promotions-carousel.jsonl',
    'widget-menu-buttons.jsonl',
  ]);
  const lines = await readAll(path.join(dir, 'widget-menu-buttons.jsonl'));
  expect(lines[0]).toMatchObject({ kind: 'header', header: { app_code: 'qiscus-mock-app' } });
  const exchanges = lines.flatMap((line) => (line.kind === 'exchange' ? [line.exchange] : []));
  const room = result.scripts.find((script) =>
    script.file.endsWith('widget-menu-buttons.yaml'),
  )?.room_id;
  expect(exchanges.every((exchange) => exchange.room_id === room)).toBe(true);
  expect(new Set(exchanges.map((exchange) => exchange.direction))).toEqual(
    new Set(['control', 'to_bot', 'from_bot']),
  );
  const texts = exchanges.flatMap((exchange) =>
    exchange.operation_id === 'postBotMessage'
      ? [(exchange.request.body as { message?: string }).message]
      : [],
  );
  expect(texts[0]).toBe('Hi Budi! I am the Qiscus Mock Shop assistant.');
});
