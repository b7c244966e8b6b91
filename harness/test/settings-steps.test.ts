import { expect, it } from 'vitest';
import { runInlineScripts } from './support/run-inline-scripts.js';

// One at a time: the setting is the mock's, for the script that sets it.
const runScripts = (scripts: Readonly<Record<string, string>>) =>
  runInlineScripts(scripts, { concurrency: 1 });

const billing = '  - customer: I have a question about my invoice\n';

it('takes the refusal a step expects, by operation and code, and fails on any other', async () => {
  const result = await runScripts({
    a: `channel: wa\ntimeout: 400ms\nsteps:\n  - settings: { auto_agent_allocation: off }\n${billing}  - refused: { operation: handOverToRole, code: AUTO_AGENT_ALLOCATION_OFF }\n`,
    b: `channel: wa\ntimeout: 400ms\nsteps:\n  - settings: { auto_agent_allocation: off }\n${billing}  - refused: { operation: handOverToRole, code: SOMETHING_ELSE }\n`,
    c: `channel: wa\ntimeout: 400ms\nsteps:\n  - settings: { auto_agent_allocation: off }\n${billing}  - refused: { operation: handOver }\n`,
    d: `channel: wa\ntimeout: 400ms\nsteps:\n  - settings: { auto_agent_allocation: on }\n${billing}  - refused: { operation: handOverToRole }\n`,
    e: `channel: wa\ntimeout: 400ms\nsteps:\n${billing}  - refused: { operation: handOverToRole }\n`,
    f: `channel: wa\ntimeout: 400ms\nsteps:\n  - settings: { auto_agent_allocation: off }\n${billing}  - refused: { operation: handOverToRole }\n`,
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
