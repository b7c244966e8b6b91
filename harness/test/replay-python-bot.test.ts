import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { pythonBot, recordPythonConversation } from './support/record-python-bot.js';
import { runCliCaptured } from './support/run-cli-captured.js';

it('a conversation recorded with serve --record and the Python bot replays green, goes red with the changed field when its reply changes, and green after --update', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'qiscus-mock-replay-py-'));
  const file = path.join(dir, 'opening-hours.jsonl');
  await recordPythonConversation(file);

  const same = await runCliCaptured(['replay', file, '--bot-cmd', `python3 ${pythonBot}`]);
  expect(same.stdout).toContain('1 script: 1 passed');
  expect(same.code).toBe(0);

  // A new build of the bot: the opening hours changed.
  const changedBot = path.join(dir, 'bot.py');
  copyFileSync(pythonBot, changedBot);
  const source = readFileSync(changedBot, 'utf8');
  writeFileSync(changedBot, source.replace('from 08:00 to 20:00', 'from 09:00 to 21:00'));
  const changed = await runCliCaptured(['replay', file, '--bot-cmd', `python3 ${changedBot}`]);
  expect(changed.code).toBe(1);
  expect(changed.stdout).toContain(
    '[1].request.body.message: expected "We are open every day from 08:00 to 20:00 (WIB).", actual "We are open every day from 09:00 to 21:00 (WIB)."',
  );
  expect(changed.stdout).toMatch(
    new RegExp(`${file}:\\d+:1 {2}step 2 {2}customer: postback "Opening hours"`),
  );

  const updated = await runCliCaptured([
    'replay',
    file,
    '--bot-cmd',
    `python3 ${changedBot}`,
    '--update',
  ]);
  expect(updated.stdout).toContain(
    `Re-baselined ${file}: the bot's side of this run is the new recording (1 turn changed).`,
  );
  expect(updated.code).toBe(0);
  const again = await runCliCaptured(['replay', file, '--bot-cmd', `python3 ${changedBot}`]);
  expect(again.stdout).toContain('1 script: 1 passed');
  expect(again.code).toBe(0);
}, 90_000);
