import { expect, it } from 'vitest';
import { parseXml, type XmlElement } from '../../test/support/parse-xml.js';
import { failingRun, passingRun } from '../../test/support/sample-run-results.js';
import { RunResultSchema } from '../run/run-result.js';
import { formatJunitReport } from './format-junit-report.js';

function elements(root: XmlElement, name: string): XmlElement[] {
  const below = root.children.flatMap((child) =>
    typeof child === 'string' ? [] : elements(child, name),
  );
  return root.name === name ? [root, ...below] : below;
}

function text(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === 'string' ? child : text(child)))
    .join('');
}

function parsed(xml: string): XmlElement {
  const result = parseXml(xml);
  if (!result.ok) throw new Error(`not well-formed: ${result.error}\n${xml}`);
  return result.root;
}

it('writes one test suite for the run and one test case per script, with failures, errors and the bot’s output', () => {
  expect(formatJunitReport(failingRun)).toMatchInlineSnapshot(`
    "<?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="qiscus-mock test" tests="3" failures="1" errors="1" skipped="0" time="2.345" timestamp="2026-11-24T02:10:30.000Z">
      <testsuite name="qiscus-mock test" tests="3" failures="1" errors="1" skipped="0" time="2.345" timestamp="2026-11-24T02:10:30.000Z">
        <properties>
          <property name="bot.kind" value="command"/>
          <property name="bot.url" value="http://127.0.0.1:41234/webhook"/>
          <property name="bot.command" value="python bot.py"/>
        </properties>
        <testcase classname="scripts.greeting" name="Greeting" file="scripts/greeting.yaml" time="0.120"/>
        <testcase classname="scripts.menu-on-whatsapp" name="The menu on WhatsApp" file="scripts/menu-on-whatsapp.yaml" line="6" time="2.011">
          <failure message="scripts/menu-on-whatsapp.yaml:6:5 step 2 bot: { buttons: [Billing, Sales] }: the mock refused the bot's request: MESSAGE_TYPE_NOT_SUPPORTED: buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead." type="REFUSED">scripts/menu-on-whatsapp.yaml:6:5  step 2  bot: { buttons: [Billing, Sales] }
    the mock refused the bot's request: MESSAGE_TYPE_NOT_SUPPORTED: buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead.
    expected: a buttons message with buttons [Billing, Sales]
    contract warnings:
      UNKNOWN_FIELD postBotMessage at payload.buttons[0].colour: payload.buttons[0].colour is not a field of postBotMessage.
    traffic of this turn:
      · POST /_mock/messages 200  {"channel":"wa","customer":{"id":"6281234567890","name":"Budi"},"text":"menu"}
      → webhook POST /webhook 200  text "menu" from Budi Santoso
      ← POST /qiscus-mock-app/bot 400 MESSAGE_TYPE_NOT_SUPPORTED  {"type":"buttons","payload":{"text":"What can I help you with?","buttons":[{"label":"Billing","type…</failure>
        </testcase>
        <testcase classname="scripts.broken-bot" name="A bot that never answers" file="scripts/broken-bot.yaml" time="0.000">
          <error message="The run was stopped (Ctrl-C) before this script finished." type="error">The run was stopped (Ctrl-C) before this script finished.</error>
        </testcase>
        <system-out>bot listening on 41234
    POST /webhook
    sending buttons to room 187250792
    </system-out>
      </testsuite>
    </testsuites>
    "
  `);
});

it('gives the totals CI tools read, on <testsuites> and on the suite', () => {
  const root = parsed(formatJunitReport(failingRun));
  expect(root.name).toBe('testsuites');
  const [suite] = elements(root, 'testsuite');
  for (const element of [root, suite!]) {
    expect(element.attributes).toMatchObject({
      tests: '3',
      failures: '1',
      errors: '1',
      time: '2.345',
    });
  }
  expect(elements(root, 'testcase').map((testCase) => testCase.attributes.name)).toEqual([
    'Greeting',
    'The menu on WhatsApp',
    'A bot that never answers',
  ]);
});

it('has no <system-out> when no bot was spawned', () => {
  const root = parsed(formatJunitReport(passingRun));
  expect(elements(root, 'system-out')).toEqual([]);
  expect(elements(root, 'property').map((property) => property.attributes)).toEqual([
    { name: 'bot.kind', value: 'reference' },
    { name: 'bot.url', value: 'http://127.0.0.1:41235/' },
  ]);
});

it('escapes markup, quotes and line breaks, and writes characters XML 1.0 forbids as \\uXXXX', () => {
  const nasty = `<b>"Tom" & 'Jerry'</b> ]]> \u0000\u0007\u001b[31mred\u001b[39m \uD800 \uFFFE 😀\r\nnext\tline`;
  const run = RunResultSchema.parse({
    ...failingRun,
    bot: { ...failingRun.bot, output: nasty },
    scripts: [{ ...failingRun.scripts[2]!, name: nasty, error: nasty }],
  });
  const xml = formatJunitReport(run);
  const root = parsed(xml);
  const readable = `<b>"Tom" & 'Jerry'</b> ]]> \\u0000\\u0007red \\uD800 \\uFFFE 😀\r\nnext\tline`;
  const [testCase] = elements(root, 'testcase');
  const [error] = elements(root, 'error');
  const [systemOut] = elements(root, 'system-out');
  expect(testCase!.attributes.name).toBe(readable);
  expect(error!.attributes.message).toBe(readable.split('\n')[0]);
  expect(text(error!)).toBe(readable);
  expect(text(systemOut!)).toBe(readable);
});

it('is refused by the checking parser when an ampersand is left bare, so the check above can fail', () => {
  expect(parseXml('<a b="x & y"/>')).toEqual({ ok: false, error: 'a bare & in x & y' });
  expect(parseXml('<a>\u0007</a>').ok).toBe(false);
  expect(parseXml('<a><b></a>').ok).toBe(false);
});
