import { expect, it } from 'vitest';
import { runInlineScripts } from './support/run-inline-scripts.js';

// One at a time: the setting is the mock's, for the script that sets it.
const runScripts = (scripts: Readonly<Record<string, string>>) =>
  runInlineScripts(scripts, { concurrency: 1 });

const billing = '  - customer: I have a question about my invoice\n';
// A refusal the bot makes has ten seconds, so a busy machine cannot fail the step; a step meant
// to find none waits 400ms; one meant to be shown another refusal waits out 3s, so that refusal
// has come even when the machine is busy (400ms was not always enough in CI).
const start = 'channel: wa\ntimeout: 10s\nsteps:\n';
const quick = '\n    timeout: 400ms';
const other = '\n    timeout: 3s';

it('takes the refusal a step expects, by operation and code, and fails on any other', async () => {
  const result = await runScripts({
    a: `${start}  - settings: { auto_agent_allocation: off }\n${billing}  - refused: { operation: handOverToRole, code: AUTO_AGENT_ALLOCATION_OFF }\n`,
    b: `${start}  - settings: { auto_agent_allocation: off }\n${billing}  - refused: { operation: handOverToRole, code: SOMETHING_ELSE }${other}\n`,
    c: `${start}  - settings: { auto_agent_allocation: off }\n${billing}  - refused: { operation: handOver }${other}\n`,
    d: `${start}  - settings: { auto_agent_allocation: on }\n${billing}  - refused: { operation: handOverToRole }${quick}\n`,
    e: `${start}${billing}  - refused: { operation: handOverToRole }${quick}\n`,
    f: `${start}  - settings: { auto_agent_allocation: off }\n${billing}  - refused: { operation: handOverToRole }\n`,
  });

  const outcomes = result.scripts.map((script) => {
    const step = script.steps.find((candidate) => candidate.status !== 'passed');
    return step
      ? [step.kind, step.expected, step.actual, step.message]
      : [script.status, script.error];
  });
  const refusal =
    'the mock refused the bot\'s request: AUTO_AGENT_ALLOCATION_OFF: Handover to a division needs Auto Agent Allocation, which is off: switch it on (PATCH /_mock/config {"auto_agent_allocation": true}), or use hand_over.';
  const none =
    'no handOverToRole call of the bot was refused within 400ms: the bot did not make it';
  expect(outcomes).toEqual([
    ['passed', null],
    ['refused', "the bot's handOverToRole call refused with SOMETHING_ELSE", null, refusal],
    ['refused', "the bot's handOver call refused", null, refusal],
    ['refused', "the bot's handOverToRole call refused", 'no refused call', none],
    // The setting is set back when the script that switched it ends.
    ['refused', "the bot's handOverToRole call refused", 'no refused call', none],
    // Without a code, a refusal of the operation with any code is the one expected.
    ['passed', null],
  ]);
}, 60_000);
