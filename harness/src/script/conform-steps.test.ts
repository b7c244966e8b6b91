import { expect, it } from 'vitest';
import { parseScriptText } from './parse-script-text.js';

it('reads the webhook, redeliver, until_quiet and bot_switch steps', () => {
  const parsed = parseScriptText(
    'steps.yaml',
    [
      'channel: wa',
      'steps:',
      '  - customer: Hi',
      '  - webhook: { within: 1s }',
      '  - until_quiet: 500ms',
      '  - redeliver',
      '  - bot_switch: { room: off }',
      '  - bot_switch: { app: true }',
      '',
    ].join('\n'),
    false,
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(parsed.script.steps.slice(1).map(({ kind, ...rest }) => ({ kind, ...rest }))).toEqual([
    expect.objectContaining({ kind: 'webhook', withinMs: 1000, line: 4 }),
    expect.objectContaining({ kind: 'until_quiet', durationMs: 500, line: 5 }),
    expect.objectContaining({ kind: 'redeliver', line: 6 }),
    expect.objectContaining({ kind: 'bot_switch', scope: 'room', active: false, line: 7 }),
    expect.objectContaining({ kind: 'bot_switch', scope: 'app', active: true, line: 8 }),
  ]);
});

it('names what is wrong with each of them, where', () => {
  const parsed = parseScriptText(
    'steps.yaml',
    [
      'channel: wa',
      'steps:',
      '  - customer: Hi',
      '  - webhook: { whithin: 1s }',
      '  - bot_switch: { room: off, app: on }',
      '  - redeliver: 2',
      '  - until_quiet: soon',
      '',
    ].join('\n'),
    false,
  );
  expect(parsed.ok ? [] : parsed.problems).toEqual([
    'steps.yaml:4:14: steps[1].webhook.within must be a duration: write it with a unit, such as 500ms, 2s, 1.5s or 1m',
    'steps.yaml:4:16: steps[1].webhook.whithin is not a field here; did you mean "within"?',
    'steps.yaml:5:17: steps[2].bot_switch names exactly one switch: { room: off } or { app: off }',
    'steps.yaml:6:16: steps[3].redeliver takes no value: write "- redeliver" or "- redeliver: {}"',
    'steps.yaml:7:18: steps[4].until_quiet "soon" is not a duration: write it with a unit, such as 500ms, 2s, 1.5s or 1m',
  ]);
});

it('reads the settings and refused steps and the customer’s postback_index and webhook_variant', () => {
  const parsed = parseScriptText(
    'steps.yaml',
    [
      'channel: qiscus',
      'steps:',
      '  - settings: { auto_agent_allocation: off }',
      '  - customer: { text: Hi, webhook_variant: legacy }',
      '  - refused: { operation: handOverToRole, code: AUTO_AGENT_ALLOCATION_OFF, timeout: 1500ms }',
      '  - refused: handOverToRole',
      '  - customer: { postback_index: 2 }',
      '',
    ].join('\n'),
    false,
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(parsed.script.steps.map(({ kind, ...rest }) => ({ kind, ...rest }))).toEqual([
    expect.objectContaining({ kind: 'settings', autoAgentAllocation: false, line: 3 }),
    expect.objectContaining({
      kind: 'customer',
      says: { text: 'Hi', webhook_variant: 'legacy' },
    }),
    expect.objectContaining({
      kind: 'refused',
      operation: 'handOverToRole',
      code: 'AUTO_AGENT_ALLOCATION_OFF',
      timeoutMs: 1500,
    }),
    expect.objectContaining({ kind: 'refused', operation: 'handOverToRole', code: null }),
    expect.objectContaining({ kind: 'customer', says: { postback_index: 2 } }),
  ]);
});

it('names what is wrong with the settings and refused steps, where', () => {
  const parsed = parseScriptText(
    'steps.yaml',
    [
      'channel: qiscus',
      'steps:',
      '  - customer: Hi',
      '  - settings: {}',
      '  - refused: handOverToRoll',
      '  - customer: { postback: Billing, postback_index: 1 }',
      '  - customer: { text: Hi, webhook_variant: old }',
      '  - settings: { auto_agent_allocation: off }',
      '    timeout: 1s',
      '',
    ].join('\n'),
    false,
  );
  expect(parsed.ok ? [] : parsed.problems).toEqual([
    'steps.yaml:4:15: steps[1].settings names no setting: write { auto_agent_allocation: off }',
    expect.stringMatching(
      /^steps\.yaml:5:14: steps\[2\]\.refused\.operation is not an operation of the Qiscus catalogue: one of postBotMessage, /,
    ),
    'steps.yaml:6:52: steps[3].customer.postback_index cannot go with postback: press a button by its label or by its place, not both',
    'steps.yaml:7:44: steps[4].customer.webhook_variant must be one of documented, unknown_fields, legacy, not the text "old"',
    'steps.yaml:9:14: steps[5].timeout does not go with settings: it takes effect at once',
  ]);
});
