import { expect, it } from 'vitest';
import type { Exchange } from '#contracts';
import { createSteppingClock } from '../clock.js';
import type { ExchangeRecord } from './kept-exchange.js';
import { TrafficLog } from './traffic-log.js';

const secret = 'mock-secret-key';
const token = 'admin/token';

const botCall: ExchangeRecord = {
  direction: 'from_bot',
  operationId: 'postBotMessage',
  method: 'POST',
  path: '/qiscus-mock-app/bot',
  roomId: '187250792',
  status: 200,
  requestHeaders: [
    'Host',
    '127.0.0.1:3000',
    'Content-Type',
    'application/json',
    'QISCUS_SDK_SECRET',
    secret,
    'X-Note',
    'say "hi" \\ there',
  ],
  requestBody: '{"message":"Hi\\nthere","room_id":"187250792","sender_email":"bot@example.com"}',
  requestBodyKind: 'json',
  requestBodyParsed: true,
  responseBody: '{"status":200,"results":{"comment":{"id":1}}}',
  responseIsText: true,
  responseIsJson: true,
  error: null,
  warnings: [],
  flags: [],
};

/** Records each exchange in a fresh log and returns both what `subscribe` and `subscribeLines` gave. */
function recordBoth(records: readonly ExchangeRecord[], maxBodyBytes = 64 * 1024) {
  const log = new TrafficLog(100, createSteppingClock(), [secret, token], {
    maxBytes: 1024 * 1024,
    maxBodyBytes,
  });
  const exchanges: Exchange[] = [];
  const lines: string[] = [];
  log.subscribe((exchange) => exchanges.push(exchange));
  log.subscribeLines((line) => lines.push(line));
  for (const record of records) log.record(record);
  return { exchanges, lines };
}

/** A line must read back as the very exchange the log shows, and be one line. */
function expectSame(records: readonly ExchangeRecord[], maxBodyBytes?: number): Exchange[] {
  const { exchanges, lines } = recordBoth(records, maxBodyBytes);
  expect(lines).toHaveLength(records.length);
  lines.forEach((line, i) => {
    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line)).toStrictEqual(exchanges[i]);
  });
  return exchanges;
}

it('writes a bot call as the exchange the log shows, the secret header redacted', () => {
  const [exchange] = expectSame([botCall]);
  expect(exchange?.request.headers).toStrictEqual({
    host: '127.0.0.1:3000',
    'content-type': 'application/json',
    qiscus_sdk_secret: '[redacted]',
    'x-note': 'say "hi" \\ there',
  });
  expect(exchange?.request.body).toMatchObject({ message: 'Hi\nthere' });
});

it('redacts a secret in a body, written plainly, behind a \\u escape, or behind \\/ in a secret with a slash', () => {
  const exchanges = expectSame([
    { ...botCall, requestBody: `{"message":"key ${secret}","n":1}` },
    { ...botCall, requestBody: '{"message":"key \\u006dock-secret-key"}' },
    { ...botCall, requestBody: '{"message":"admin\\/token"}' },
    { ...botCall, responseBody: `{"echo":"${secret}"}` },
  ]);
  expect(exchanges.map((e) => e.request.body)).toStrictEqual([
    { message: '[redacted]', n: 1 },
    { message: '[redacted]' },
    { message: '[redacted]' },
    { message: 'Hi\nthere', room_id: '187250792', sender_email: 'bot@example.com' },
  ]);
  expect(exchanges[3]?.response?.body).toStrictEqual({ echo: '[redacted]' });
});

it('writes bodies that are not one whole JSON text as the log shows them', () => {
  const long = `{"message":"${'x'.repeat(300)}"}`;
  const exchanges = expectSame(
    [
      { ...botCall, requestBody: '{\r\n  "pretty": [1,\n 2]\n}\n' },
      { ...botCall, requestBody: long },
      { ...botCall, requestBody: '{"cut off', requestBodyParsed: false },
      { ...botCall, requestBody: `${'['.repeat(80)}${']'.repeat(80)}`, requestBodyParsed: false },
      { ...botCall, requestBody: 'a=1&b=two', requestBodyKind: 'form', requestBodyParsed: false },
      { ...botCall, requestBody: '   ', requestBodyParsed: false },
      { ...botCall, responseBody: 'not json', responseIsJson: false },
      { ...botCall, responseBody: long },
    ],
    200,
  );
  expect(exchanges[0]?.request.body).toStrictEqual({ pretty: [1, 2] });
  expect(exchanges[1]?.request.body).toMatch(/truncated: 314 characters in all/);
  expect(exchanges[2]?.request.body).toBe('{"cut off');
  expect(exchanges[3]?.request.body).toMatch(/^\[nested deeper than 64 levels/);
  expect(exchanges[4]?.request.body).toStrictEqual({ a: '1', b: 'two' });
  expect(exchanges[5]?.request.body).toBeNull();
  expect(exchanges[6]?.response?.body).toBe('not json');
  expect(exchanges[7]?.response?.body).toMatch(/truncated/);
});

it('writes headers given twice, integer-like header names, header objects and value bodies as the log shows them', () => {
  const exchanges = expectSame([
    { ...botCall, requestHeaders: ['Accept', 'a', 'accept', 'b', '42', 'x', 'Cookie', 'c=1'] },
    {
      ...botCall,
      direction: 'to_bot',
      path: `/webhook?key=${secret}`,
      status: null,
      requestHeaders: { 'content-type': 'application/json', 'x-leak': `Bearer ${secret}` },
      requestBody: { text: 'hi', nested: { list: [1, 'two', null] } },
      requestBodyKind: undefined,
      responseBody: undefined,
      responseIsText: false,
      error: `connect ECONNREFUSED (${secret})`,
      warnings: [{ path: 'messsage', message: 'unknown field; did you mean "message"?' }],
      flags: ['BOT_MESSAGE_AFTER_HANDOVER'],
    },
    {
      ...botCall,
      direction: 'control',
      requestHeaders: {},
      requestBody: undefined,
      responseBody: { rooms: [], note: `token ${token}` },
      responseIsText: false,
    },
  ]);
  expect(exchanges[0]?.request.headers).toStrictEqual({
    accept: 'a, b',
    '42': 'x',
    cookie: '[redacted]',
  });
  expect(exchanges[1]).toMatchObject({
    path: '/webhook?key=[redacted]',
    response: null,
    error: 'connect ECONNREFUSED ([redacted])',
  });
  expect(exchanges[1]?.request.headers['x-leak']).toBe('[redacted]');
  expect(exchanges[2]?.response?.body).toStrictEqual({ rooms: [], note: '[redacted]' });
});

it('writes a page of the log as the page it shows, dropped and next_after included', () => {
  const log = new TrafficLog(3, createSteppingClock(), [secret], {
    maxBytes: 1024 * 1024,
    maxBodyBytes: 1024,
  });
  for (let n = 0; n < 5; n += 1) log.record({ ...botCall, roomId: String(n) });
  const options = { limit: 1, maxBytes: 1024, filter: () => true };
  const page = log.page(2, options);
  expect(JSON.parse(log.pageJson(2, options))).toStrictEqual({
    exchanges: page.exchanges,
    dropped: 2,
    next_after: 3,
  });
  expect(JSON.parse(log.pageJson(4, options))).toMatchObject({ next_after: null });
});

it('writes headers kept as one string of lines, as the server keeps them, escaping what JSON must', () => {
  const lines = [
    'Host',
    '127.0.0.1:3000',
    'X-Tab',
    'a\tb',
    'X-Quote',
    'say "hi" \\ there',
    'X-Emoji',
    'ok 👍',
    'X-Misspelt-Secret',
    `key=${secret}`,
    'Authorization',
    `Bearer ${token}`,
  ];
  const [exchange] = expectSame([{ ...botCall, requestHeaders: lines.join('\n') }]);
  expect(exchange?.request.headers).toStrictEqual({
    host: '127.0.0.1:3000',
    'x-tab': 'a\tb',
    'x-quote': 'say "hi" \\ there',
    'x-emoji': 'ok 👍',
    'x-misspelt-secret': '[redacted]',
    authorization: '[redacted]',
  });
  // A name given twice in the string is joined as Node joins it.
  const [twice] = expectSame([{ ...botCall, requestHeaders: 'Accept\na\naccept\nb' }]);
  expect(twice?.request.headers).toStrictEqual({ accept: 'a, b' });
});
