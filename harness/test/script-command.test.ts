import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runConversations } from '#harness';
import { runCliCaptured } from './support/run-cli-captured.js';

const recordings = fileURLToPath(new URL('../../examples/recordings', import.meta.url));

it('script turns a recording into a conversation script that test runs green against the same bot', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'qiscus-mock-script-'));
  const recording = path.join(recordings, 'billing-question-goes-to-billing.recording.jsonl');
  const run = await runCliCaptured(['script', recording, '--out', out]);
  const file = path.join(out, 'billing-question-goes-to-billing-1.yaml');
  expect(run.stdout).toBe(`Wrote ${file} (room 187250792)\n`);
  expect(run.code).toBe(0);
  const yaml = readFileSync(file, 'utf8');
  expect(yaml).toContain('  - handover:\n      role: billing\n');
  expect(yaml).toContain('  - customer: ');
  expect(yaml).toContain('  - bot:\n      type: text\n');

  const result = await runConversations({ paths: [file], cwd: out });
  expect(result.scripts.map((script) => [script.status, script.error])).toEqual([['passed', null]]);
});

it('script needs exactly one recording', async () => {
  const run = await runCliCaptured(['script']);
  expect(run.stderr).toContain('Give one recording');
  expect(run.code).toBe(2);
});
