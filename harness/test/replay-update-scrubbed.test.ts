import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { createMockServer, Scrubber } from '#mock-server';
import { readRecording } from '../src/recording/read-recording.js';
import { runCliCaptured } from './support/run-cli-captured.js';

const script = 'examples/conversations/agent-answers-resolves-and-the-bot-is-back.yaml';

it('replay --update on a scrubbed recording writes the new bot side scrubbed, numbering on from the recording’s stand-ins, and it replays green', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qiscus-mock-update-scrubbed-'));
  const recorded = await runCliCaptured(['test', script, '--record', dir, '--scrub']);
  expect(recorded.code).toBe(0);
  const file = path.join(dir, 'agent-answers-resolves-and-the-bot-is-back.jsonl');
  const before = readFileSync(file, 'utf8');

  const updated = await runCliCaptured(['replay', file, '--update']);
  expect(updated.stdout).toContain('(0 turns changed)');
  expect(updated.code).toBe(0);
  const after = readFileSync(file, 'utf8');

  // The replay's mock has the same generated agents as the recording's had; none of them, and
  // not the customer's first name of the bot's greeting, may be in the file.
  const mock = await createMockServer();
  onTestFinished(() => mock.close());
  const people = mock.settings().agents.flatMap((agent) => [agent.name, agent.email]);
  expect(people.length).toBeGreaterThan(0);
  for (const text of [before, after]) {
    for (const person of [...people, 'Agung', 'Nugroho', '6281234500007']) {
      expect(text).not.toContain(person);
    }
  }
  // The agent who took the room is new to the updated file: a stand-in of its own.
  const standIns = (text: string) => new Set(text.match(/person\d+@example\.invalid/g));
  expect([...standIns(after)].some((email) => !standIns(before).has(email))).toBe(true);

  // Scrubbing it again changes nothing: every value in it is a stand-in or was never personal.
  const lines: unknown[] = [];
  for await (const item of readRecording(file)) {
    if (item.kind === 'exchange') lines.push(item.exchange);
  }
  const again = new Scrubber(new Set(['qiscus-mock-app_admin@qismo.com', 'qiscus-mock-app']));
  for (const exchange of lines) again.continueAfter(exchange);
  for (const exchange of lines) {
    expect(again.scrub(exchange as Parameters<Scrubber['scrub']>[0])).toEqual(exchange);
  }

  const replayed = await runCliCaptured(['replay', file]);
  expect(replayed.stdout).toContain('1 script: 1 passed');
  expect(replayed.code).toBe(0);
}, 60_000);
