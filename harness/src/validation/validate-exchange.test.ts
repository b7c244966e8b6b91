import { expect, it } from 'vitest';
import {
  botMessageWebhook,
  messageExamples,
  postBotMessage,
  RoomIdSchema,
  type ErrorEnvelope,
  type Exchange,
} from '#contracts';
import { roomOfExchange } from './room-of-exchange.js';
import { validateExchange } from './validate-exchange.js';

const accepted = postBotMessage.responses[200].examples.text.value;
const webhookBody = botMessageWebhook.examples.text.value;

/** A bot's request to POST /{app_code}/bot, answered as given. */
function botPost(overrides: Partial<Exchange> = {}): Exchange {
  return {
    seq: 7,
    time: '2026-11-24T02:10:31Z',
    direction: 'from_bot',
    operation_id: 'postBotMessage',
    method: 'POST',
    path: '/qiscus-mock-app/bot',
    room_id: RoomIdSchema.parse(messageExamples.text.room_id),
    status: 200,
    request: {
      headers: { 'content-type': 'application/json', qiscus_sdk_secret: '[redacted]' },
      body: messageExamples.text,
    },
    response: { body: accepted },
    error: null,
    warnings: [],
    flags: [],
    ...overrides,
  };
}

const buttonsRefused = {
  status: 400,
  errors: {
    message:
      'buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead.',
    code: 'MESSAGE_TYPE_NOT_SUPPORTED',
    details: [{ path: 'type', message: 'WhatsApp (wa) refuses buttons and carousel' }],
  },
} satisfies ErrorEnvelope;

it('finds nothing wrong with an accepted request of the bot that matches its contract', () => {
  expect(validateExchange(botPost())).toEqual([]);
});

it('turns a refusal of the mock into an error carrying its code, message and field', () => {
  const refused = botPost({
    status: 400,
    request: { headers: {}, body: messageExamples.buttons },
    response: { body: buttonsRefused },
  });
  expect(validateExchange(refused)).toMatchInlineSnapshot(`
    [
      {
        "code": "REFUSED",
        "direction": "from_bot",
        "exchange_seq": 7,
        "message": "MESSAGE_TYPE_NOT_SUPPORTED: buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead. (type: WhatsApp (wa) refuses buttons and carousel)",
        "operation_id": "postBotMessage",
        "path": "type",
        "severity": "error",
      },
    ]
  `);
});

it('names a call the Qiscus API does not have', () => {
  const unexpected = botPost({
    operation_id: null,
    path: '/qiscus-mock-app/bots',
    room_id: null,
    status: 404,
    response: {
      body: {
        status: 404,
        errors: {
          message:
            'No operation is POST /qiscus-mock-app/bots: did you mean POST /qiscus-mock-app/bot?',
          code: 'ROUTE_NOT_FOUND',
          details: [],
        },
      } satisfies ErrorEnvelope,
    },
  });
  expect(validateExchange(unexpected)).toMatchInlineSnapshot(`
    [
      {
        "code": "UNEXPECTED_CALL",
        "direction": "from_bot",
        "exchange_seq": 7,
        "message": "the bot called POST /qiscus-mock-app/bots, which no operation of the Qiscus bot API has (the mock answered ROUTE_NOT_FOUND: No operation is POST /qiscus-mock-app/bots: did you mean POST /qiscus-mock-app/bot?)",
        "operation_id": null,
        "path": null,
        "severity": "error",
      },
    ]
  `);
});

it('reports a flagged message as an error and unknown fields as warnings', () => {
  const flagged = botPost({
    flags: ['BOT_MESSAGE_AFTER_HANDOVER'],
    warnings: [
      { path: 'mesage', message: 'is not a field of this object; did you mean "message"?' },
    ],
  });
  expect(validateExchange(flagged).map((v) => [v.code, v.severity, v.path, v.message]))
    .toMatchInlineSnapshot(`
    [
      [
        "FLAGGED",
        "error",
        null,
        "BOT_MESSAGE_AFTER_HANDOVER: the bot wrote into room 187250792 after handing it over: it talks over the human agent (check the room's handover before sending)",
      ],
      [
        "UNKNOWN_FIELD",
        "warning",
        "mesage",
        "mesage is not a field of this object; did you mean "message"?",
      ],
    ]
  `);
});

it('finds an accepted body that does not match the contract', () => {
  const { sender_email: _left, ...withoutSender } = messageExamples.text;
  const mismatched = botPost({ request: { headers: {}, body: withoutSender } });
  expect(validateExchange(mismatched).map((v) => [v.code, v.path])).toEqual([
    ['SCHEMA_MISMATCH', 'sender_email'],
  ]);
});

it('reports a webhook the bot did not take, with why', () => {
  const webhook = (status: number | null, error: string | null): Exchange =>
    botPost({
      direction: 'to_bot',
      operation_id: 'botMessage',
      path: '/',
      status,
      request: { headers: { 'content-type': 'application/json' }, body: webhookBody },
      response: status === null ? null : { body: 'oops' },
      error,
    });
  expect(validateExchange(webhook(200, null))).toEqual([]);
  expect(validateExchange(webhook(500, 'the bot answered 500')).map((v) => v.message)).toEqual([
    'the bot did not take the botMessage webhook: the bot answered 500: oops',
  ]);
  expect(
    validateExchange(
      webhook(null, 'connection refused at http://127.0.0.1:9/ (is the bot running?)'),
    ).map((v) => [v.code, v.direction]),
  ).toEqual([['DELIVERY_FAILED', 'to_bot']]);
});

it('finds the room of a request refused before the mock read it: in its body, its text or its path', () => {
  expect(roomOfExchange(botPost({ room_id: null }))).toBe(messageExamples.text.room_id);
  expect(
    roomOfExchange(
      botPost({ room_id: null, request: { headers: {}, body: '{"room_id": "42", oops' } }),
    ),
  ).toBe('42');
  expect(
    roomOfExchange(
      botPost({
        room_id: null,
        path: '/qiscus-mock-app/bot/77/hand_over',
        request: { headers: {}, body: null },
      }),
    ),
  ).toBe('77');
  expect(
    roomOfExchange(botPost({ room_id: null, request: { headers: {}, body: null } })),
  ).toBeNull();
});
