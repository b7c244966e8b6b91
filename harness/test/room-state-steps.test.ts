import { expect, it } from 'vitest';
import { runInlineScripts } from './support/run-inline-scripts.js';

// Two agents, ids 164868 and 164869, so a step can name the one that is not the least busy.
const agents = [
  { name: 'Rina Sari', divisions: ['billing', 'sales'] },
  { name: 'Joko Widodo', divisions: ['billing', 'sales'] },
];
const runScripts = (scripts: Readonly<Record<string, string>>) =>
  runInlineScripts(scripts, { mock: { agents } });

// Waits that should pass have ten seconds, so a busy machine cannot fail them; the steps that
// are meant to fail wait 400ms.
const start = 'channel: wa\ntimeout: 10s\nsteps:\n';
const quick = '\n    timeout: 400ms';
const human = `${start}  - customer: I want to talk to a human\n  - bot: /agent/\n`;
const billing = `${start}  - customer: I have a question about my invoice\n  - bot: /help with your bill/\n`;

it('tells each handover state, and what an agent step did to the room', async () => {
  const result = await runScripts({
    a: `${human}  - handover: {}\n  - agent: { text: Hi, agent_id: 164869 }\n  - handover: {}\n  - handover: { role: sales }${quick}\n`,
    b: `${billing}  - handover: {}\n  - handover: { role: BILLING }\n  - handover: { role: sales }${quick}\n`,
    c: `${start}  - customer: Hello\n  - bot: /./\n  - handover: {}${quick}\n`,
    d: `${billing}  - handover: {}\n  - bot_active: true${quick}\n`,
    e: `${start}  - customer: Hello\n  - bot: /./\n  - bot_active: false${quick}\n`,
    f: `${human}  - handover: {}\n  - agent: { text: Hi, agent_id: 999 }\n`,
    g: `${human}  - handover: {}\n  - agent: Hi\n  - resolve\n`,
    h: `${start}  - customer: Hello\n  - bot: /./\n  - agent: Hi\n`,
  });

  const outcomes = result.scripts.map((script) => {
    const step = script.steps.find((candidate) => candidate.status !== 'passed');
    return step
      ? [step.kind, step.expected, step.actual, step.message?.replace(/Room \d+/, 'Room N')]
      : [script.status, script.error];
  });
  const notWithin = (actual: string) => `no handover within 400ms: ${actual}`;
  const accepted = 'the handover was accepted by Joko Widodo';
  const toBilling = 'the room was handed to the billing division (hand_over_to_role)';
  const noHandover = 'the bot still has the room (no handover)';
  expect(outcomes).toEqual([
    ['handover', 'the room handed to the sales division', accepted, notWithin(accepted)],
    ['handover', 'the room handed to the sales division', toBilling, notWithin(toBilling)],
    ['handover', 'the room handed over', noHandover, notWithin(noHandover)],
    [
      'bot_active',
      'the bot on for the room',
      `the bot off for the room; ${toBilling}`,
      "the room's bot switch did not turn on within 400ms",
    ],
    [
      'bot_active',
      'the bot off for the room',
      `the bot on for the room; ${noHandover}`,
      "the room's bot switch did not turn off within 400ms",
    ],
    [
      'agent',
      null,
      null,
      'the agent could not take the room: MOCK_ERR_AGENT_NOT_FOUND: No agent has the id 999: GET /_mock/config lists the agents and their ids.',
    ],
    ['passed', null],
    [
      'agent',
      null,
      null,
      'the agent could not write: MOCK_ERR_NO_AGENT: Room N has no agent: accept its handover first, or give agent_id.',
    ],
  ]);
}, 60_000);
