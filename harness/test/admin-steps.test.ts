import { expect, it } from 'vitest';
import type { MockServerOptions } from '#mock-server';
import { parseScriptText } from '../src/script/parse-script-text.js';
import { StepSchema } from '../src/script/step-schema.js';
import { runInlineScripts } from './support/run-inline-scripts.js';

const runScripts = (
  scripts: Readonly<Record<string, string>>,
  mock: Omit<MockServerOptions, 'deterministic'> = {},
) => runInlineScripts(scripts, { mock });

// Waits that should pass have ten seconds, so a busy machine cannot fail them; the steps that
// are meant to fail wait 400ms, after a step that waits for what they will find in the room.
const start = 'channel: wa\ntimeout: 10s\nsteps:\n';
const quick = '\n    timeout: 400ms';
const opening = `${start}  - customer: 'Where is my order INV-2041?'\n  - bot: /Orders/\n`;

it('passes assign, tag, user_info and resolve_by_bot when the bot makes those calls', async () => {
  const result = await runScripts({
    calls: `${opening}  - tag: order\n  - user_info: { Order ID: /^INV-\\d+$/ }\n  - customer: done, thanks\n  - bot: /closed/\n  - resolve_by_bot\n  - customer: urgent!\n  - bot: /urgent/\n  - assign: {}\n`,
  });
  expect(result.scripts.map((script) => [script.status, script.error])).toEqual([['passed', null]]);
}, 60_000);

it('fails each step when the bot did not make the call, saying what the room holds', async () => {
  const result = await runScripts({
    a: `${opening}  - tag: order\n  - tag: vip${quick}\n`,
    b: `${opening}  - user_info: { Order ID: INV-2041 }\n  - user_info: { Order ID: INV-9999 }${quick}\n`,
    c: `${opening}  - resolve_by_bot: {}${quick}\n`,
    d: `${opening}  - customer: urgent!\n  - bot: /urgent/\n  - assign: {}\n  - assign: { agent: Nobody Here }${quick}\n`,
    e: `${opening}  - assign: {}${quick}\n`,
  });

  const failures = result.scripts.map((script) => {
    const step = script.steps.find((candidate) => candidate.status === 'failed');
    return [step?.kind, step?.expected, step?.actual];
  });
  const agent = /^the room is with (.+) \(agent \d+\)$/.exec(String(failures[3]?.[2]))?.[1];
  expect(agent).toBeDefined();
  expect(failures).toEqual([
    ['tag', 'the room tagged "vip"', 'the room\'s tags are "order"'],
    ['user_info', 'Order ID: "INV-9999"', 'Order ID: "INV-2041"'],
    [
      'resolve_by_bot',
      'the room resolved by the bot (mark_as_resolved)',
      'the room is not resolved',
    ],
    ['assign', 'Nobody Here assigned to the room', failures[3]?.[2]],
    ['assign', 'an agent assigned to the room', 'no agent has the room'],
  ]);
}, 60_000);

it('names the agent by id, or by name or email in any case, and tells tags and properties apart', async () => {
  // One agent, so the bot's assign_agent gives her the room; ids are sequential, from 164868.
  const agents = [{ name: 'Rina Sari', email: 'Rina.Sari@Example.com', divisions: ['billing'] }];
  const urgent = `${opening}  - customer: urgent!\n  - bot: /urgent/\n`;
  const done = `${opening}  - customer: done, thanks\n  - bot: /closed/\n`;
  const result = await runScripts(
    {
      a: `${urgent}  - assign: { agent: 164868 }\n  - assign: { agent: RINA SARI }\n  - assign: { agent: rina.SARI@example.COM }\n  - tag: order\n  - tag: urgent\n  - user_info: { Order ID: /^INV-/ }\n`,
      b: `${urgent}  - assign: { agent: 164868 }\n  - assign: { agent: 164869 }${quick}\n`,
      c: `${urgent}  - tag: order\n  - tag: urgent\n  - tag: vip${quick}\n`,
      d: `${done}  - user_info: { Order ID: /^INV-/, Closed by: bot }\n  - user_info: { Order ID: /^INV-/, Closed by: human }${quick}\n`,
      e: `${opening}  - user_info: { Order ID: INV-2041 }\n  - user_info: { Plan: /^INV-/ }${quick}\n`,
      f: `${start}  - customer: Hello\n  - bot: /./\n  - tag: vip${quick}\n`,
      g: `${start}  - customer: Hello\n  - bot: /./\n  - user_info: { Plan: gold }${quick}\n`,
    },
    { agents },
  );

  const outcomes = result.scripts.map((script) => {
    const step = script.steps.find((candidate) => candidate.status !== 'passed');
    return step
      ? [step.kind, step.expected, step.actual, step.message]
      : [script.status, script.error];
  });
  expect(outcomes).toEqual([
    ['passed', null],
    [
      'assign',
      '164869 assigned to the room',
      'the room is with Rina Sari (agent 164868)',
      'not within 400ms: the room is with Rina Sari (agent 164868)',
    ],
    [
      'tag',
      'the room tagged "vip"',
      'the room\'s tags are "order", "urgent"',
      'not within 400ms: the room\'s tags are "order", "urgent"',
    ],
    [
      'user_info',
      'Order ID: /^INV-/, Closed by: "human"',
      'Order ID: "INV-2041", Closed by: "bot"',
      'not within 400ms: Order ID: "INV-2041", Closed by: "bot"',
    ],
    [
      'user_info',
      'Plan: /^INV-/',
      'Order ID: "INV-2041"',
      'not within 400ms: Order ID: "INV-2041"',
    ],
    [
      'tag',
      'the room tagged "vip"',
      'the room has no tags',
      'not within 400ms: the room has no tags',
    ],
    [
      'user_info',
      'Plan: "gold"',
      'the customer has no additional info',
      'not within 400ms: the customer has no additional info',
    ],
  ]);
}, 60_000);

it('refuses the new steps written wrong, with the field and a hint', () => {
  const parsed = parseScriptText(
    'typo.yaml',
    'channel: wa\nsteps:\n  - customer: Hi\n  - assign: { agnet: 3 }\n',
    false,
  );
  expect(parsed.ok ? [] : parsed.problems.join('\n')).toMatch(
    /assign\.agnet.*did you mean "agent"/,
  );
  expect(JSON.stringify(StepSchema.safeParse({ tag: '' }).error?.issues)).toContain(
    'must be the tag the bot puts on the room',
  );
  expect(JSON.stringify(StepSchema.safeParse({ user_info: {} }).error?.issues)).toContain(
    'names no property',
  );
  expect(JSON.stringify(StepSchema.safeParse({ resolve_by_bot: 3 }).error?.issues)).toContain(
    'takes no value',
  );
  expect(StepSchema.parse('resolve_by_bot')).toEqual({ kind: 'resolve_by_bot', timeoutMs: null });
  expect(StepSchema.parse({ assign: { agent: 12 }, timeout: '1s' })).toEqual({
    kind: 'assign',
    agent: 12,
    timeoutMs: 1000,
  });
});
