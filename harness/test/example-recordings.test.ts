import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { RunResultSchema } from '#harness';
import { runCliCaptured } from './support/run-cli-captured.js';
import { writeTemp } from './support/recording-lines.js';

const folder = fileURLToPath(new URL('../../examples/recordings', import.meta.url));
const recordings = readdirSync(folder)
  .filter((name) => name.endsWith('.recording.jsonl'))
  .map((name) => path.join(folder, name));

it('every example recording replays green against the reference bot (json report)', async () => {
  expect(recordings.length).toBeGreaterThanOrEqual(4);
  const run = await runCliCaptured(['replay', ...recordings, '--reporter', 'json']);
  const report = RunResultSchema.parse(JSON.parse(run.stdout));
  expect(report.scripts.map((script) => [path.basename(script.file), script.status])).toEqual(
    recordings.map((file) => [path.basename(file), 'passed']),
  );
  expect(run.code).toBe(0);
});

it('every example recording fits the current contracts', async () => {
  const run = await runCliCaptured(['validate', ...recordings]);
  expect(run.code).toBe(0);
});

it('a changed bot answer in a recording is reported in the junit report, and --ignore leaves that field out', async () => {
  const source = recordings.find((file) => file.includes('menu-as-buttons-on-web-widget'));
  const text = readFileSync(source ?? '', 'utf8');
  const changed = writeTemp(
    'menu.recording.jsonl',
    text.replace('"Opening hours"', '"Open hours"'),
  );
  const junit = await runCliCaptured(['replay', changed, '--reporter', 'junit']);
  expect(junit.code).toBe(1);
  expect(junit.stdout).toContain('<failure');
  expect(junit.stdout).toContain(
    'request.body.payload.buttons[2].label: expected &quot;Open hours&quot;, actual &quot;Opening hours&quot;',
  );
  const ignored = await runCliCaptured([
    'replay',
    changed,
    '--ignore',
    'request.body.payload.buttons.*.label',
    '--ignore',
    'response.body',
  ]);
  expect(ignored.stdout).toContain('1 script: 1 passed');
  expect(ignored.code).toBe(0);
});
