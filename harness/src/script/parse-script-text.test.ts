import { expect, it } from 'vitest';
import { parseScriptText } from './parse-script-text.js';

const yaml = `name: Billing question goes to the billing team
channel: wa
customer: { name: Budi, id: "6281234567890" }
timeout: 3s
steps:
  - customer: Hi
  - bot: { text: /hi budi/i, type: text }
    timeout: 5s
  - customer: { postback: Billing }
  - handover: { role: billing }
  - silence: 500ms
  - agent: Hi, I am Dewi
  - resolve
  - bot_active: false
`;

it('reads every step kind with where it is written and how it reads', () => {
  const parsed = parseScriptText('billing.yaml', yaml, false);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(parsed.script.timeoutMs).toBe(3000);
  expect(
    parsed.script.steps.map((step) => `${step.line}:${step.column} ${step.kind} | ${step.summary}`),
  ).toEqual([
    '6:5 customer | customer: Hi',
    '7:5 bot | bot: { text: /hi budi/i, type: text }, timeout: 5s',
    '9:5 customer | customer: { postback: Billing }',
    '10:5 handover | handover: { role: billing }',
    '11:5 silence | silence: 500ms',
    '12:5 agent | agent: Hi, I am Dewi',
    '13:5 resolve | resolve',
    '14:5 bot_active | bot_active: false',
  ]);
  expect(parsed.script.steps[1]).toMatchObject({ kind: 'bot', timeoutMs: 5000 });
});

it('reads a JSON script, and names it after its file when it has no name', () => {
  const parsed = parseScriptText(
    'scripts/hello.json',
    '{\n  "channel": "qiscus",\n  "steps": [\n    { "customer": "Hi" },\n    { "bot": "/Hi/" }\n  ]\n}\n',
    true,
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(parsed.script.name).toBe('hello');
  expect(parsed.script.steps.map((step) => [step.line, step.column, step.summary])).toEqual([
    [4, 5, '{ "customer": "Hi" }'],
    [5, 5, '{ "bot": "/Hi/" }'],
  ]);
});

it('points at the key of a mistyped field and at the mapping a required one is missing from', () => {
  const parsed = parseScriptText(
    'typo.yaml',
    'name: x\nchannel: qiscus\nsteps:\n  - customer: Hi\n  - handover: { rol: billing }\n    timeout: 1s\n  - agent: { agent_id: 3 }\n  - customer: Hi\n    bot: Hello\n',
    false,
  );
  expect(parsed.ok ? [] : parsed.problems).toMatchInlineSnapshot(`
    [
      "typo.yaml:5:17: steps[1].handover.rol is not a field here; did you mean "role"?",
      "typo.yaml:7:12: steps[2].agent.text is required (a text)",
      "typo.yaml:8:5: steps[3] has customer and bot: give each its own step (one kind per step)",
    ]
  `);
});

it('refuses a step that opens the conversation with anything but a customer message', () => {
  const parsed = parseScriptText(
    'first.yaml',
    'channel: qiscus\nsteps:\n  - customer: { postback: Menu }\n',
    false,
  );
  expect(parsed.ok ? [] : parsed.problems).toMatchInlineSnapshot(`
    [
      "first.yaml:3:27: steps[0].customer.postback cannot open the conversation: there is no bot message with buttons to press yet",
    ]
  `);
});

it('shows a step written as a block mapping in flow style, on one line', () => {
  const parsed = parseScriptText(
    'block.yaml',
    [
      'channel: wa',
      'steps:',
      '  - customer: Hi',
      '  - bot:',
      '      type: buttons # the menu',
      '      buttons: [Billing, "Opening hours"]',
      '  - bot:',
      '      text: |-',
      '        Reply with a number:',
      '        1. Billing',
      '    timeout: 3s',
      '',
    ].join('\n'),
    false,
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  expect(parsed.script.steps.map((step) => step.summary)).toEqual([
    'customer: Hi',
    'bot: { type: buttons, buttons: [Billing, "Opening hours"] }',
    'bot: { text: "Reply with a number:\\n1. Billing" }, timeout: 3s',
  ]);
});

it('says a file holds one script when a second document starts in it', () => {
  const parsed = parseScriptText(
    'two.yaml',
    'channel: qiscus\nsteps:\n  - customer: Hi\n---\nchannel: wa\nsteps:\n  - customer: Hi\n',
    false,
  );
  expect(parsed.ok ? [] : parsed.problems).toEqual([
    'two.yaml:4:1: starts a second document (---): a file holds one script; put each in a file of its own',
  ]);
});

it('cuts a long step’s summary between characters, never inside an emoji', () => {
  const text = `${'a'.repeat(108)}😀😀😀😀😀😀😀😀`;
  const parsed = parseScriptText(
    'long.yaml',
    `channel: qiscus\nsteps:\n  - customer: ${text}\n`,
    false,
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const summary = parsed.script.steps[0]?.summary ?? '';
  expect(summary).toBe(`customer: ${'a'.repeat(108)}😀…`);
});

it('refuses a JSON script that YAML would take, with where JSON breaks', () => {
  const problemsOf = (text: string) => {
    const parsed = parseScriptText('bad.json', text, true);
    return parsed.ok ? [] : parsed.problems;
  };
  expect(problemsOf('{"steps":[{"customer":"Hi"},]}')).toEqual([
    'bad.json:1:29: is not valid JSON: found `]`, expected a value (no comma after the last item)',
  ]);
  expect(problemsOf('{\n  "channel": "qiscus",\n  "steps": [{ "customer": "Hi" }],\n}\n')).toEqual([
    'bad.json:4:1: is not valid JSON: found `}`, expected a key in double quotes (no comma after the last member)',
  ]);
  expect(problemsOf('{ channel: qiscus }')).toEqual([
    'bad.json:1:3: is not valid JSON: found `c`, expected a key in double quotes',
  ]);
  expect(problemsOf('{"channel": "qiscus", "steps": [{"customer": "Hi"}]} # done')).toEqual([
    'bad.json:1:54: is not valid JSON: found `#`, expected nothing after the value: one JSON value per file',
  ]);
  const valid =
    '\uFEFF{"channel": "qiscus", "steps": [{"customer": "H\\u00e9 \\"x\\""}, {"bot_active": true}]}';
  expect(problemsOf(valid)).toEqual([]);
  expect(JSON.parse(valid.slice(1))).toBeTruthy();
});
