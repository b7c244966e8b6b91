import { expect, it } from 'vitest';
import { botMessageWebhook, RoomIdSchema, type Exchange } from '#contracts';
import { comparableOf, inComparedOrder, normalized } from './normalize-exchange.js';

function call(overrides: Partial<Exchange> = {}): Exchange {
  return {
    seq: 4,
    time: '2026-11-24T02:10:31Z',
    direction: 'from_bot',
    operation_id: 'postBotMessage',
    method: 'POST',
    path: '/qiscus-mock-app/bot',
    room_id: RoomIdSchema.parse('187250792'),
    status: 200,
    request: {
      headers: { 'content-type': 'application/json' },
      body: { sender_email: 'bot@example.com', message: 'Hi', room_id: '187250792' },
    },
    response: { body: { status: 200 } },
    error: null,
    warnings: [],
    flags: [],
    ...overrides,
  };
}

it('replaces ids, room ids, timestamps and avatar URLs, however deep, and keeps the rest', () => {
  const view = comparableOf(
    call({
      path: '/qiscus-mock-app/bot/187250792/hand_over',
      response: {
        body: {
          results: {
            comment: {
              id: 2487134935,
              unique_temp_id: 'wa_2487134935',
              created_at: '2026-11-24T02:10:31Z',
              unix_timestamp: 1795486231,
              text: 'Hi',
              user: { avatar_url: 'https://cdn.example.com/a.png', username: 'Bot' },
              extras: { sent: '2026-11-24T02:10:31.123Z', count: 1234567 },
            },
            agents: [{ id: 7, name: 'Rina' }],
          },
        },
      },
    }),
  ) as { path: string; request: unknown; response: unknown };
  expect(view.path).toBe(`/qiscus-mock-app/bot/${normalized}/hand_over`);
  expect(view.request).toEqual({
    body: { sender_email: 'bot@example.com', message: 'Hi', room_id: normalized },
  });
  expect(view.response).toEqual({
    body: {
      results: {
        comment: {
          id: normalized,
          unique_temp_id: normalized,
          created_at: normalized,
          unix_timestamp: normalized,
          text: 'Hi',
          user: { avatar_url: normalized, username: 'Bot' },
          // Any ISO time is a timestamp; a plain number is not an id.
          extras: { sent: normalized, count: 1234567 },
        },
        agents: [{ id: normalized, name: 'Rina' }],
      },
    },
  });
});

it('keeps an id that is null, so a missing id is still told from a present one', () => {
  const view = comparableOf(call({ response: { body: { id: null } } })) as {
    response: { body: unknown };
  };
  expect(view.response.body).toEqual({ id: null });
});

it('keeps a short number in the path, which is not a room id', () => {
  const view = comparableOf(call({ path: '/api/v2/admin/agents?page=2&limit=50' })) as {
    path: string;
  };
  expect(view.path).toBe('/api/v2/admin/agents?page=2&limit=50');
});

it('does not compare a webhook’s body, which is the mock’s, but the bot’s answer to it', () => {
  const view = comparableOf(
    call({
      direction: 'to_bot',
      operation_id: 'botMessage',
      path: '/webhook',
      request: { headers: {}, body: botMessageWebhook.examples.text.value },
      response: { body: { ok: true } },
    }),
  ) as { request: unknown; response: unknown };
  expect(view.request).toEqual({ body: null });
  expect(view.response).toEqual({ body: { ok: true } });
});

it('leaves out --ignore paths: exact, with * for any key or index, and paths that are not there', () => {
  const exchange = call({
    request: {
      headers: {},
      body: {
        message: 'Pick one',
        payload: {
          buttons: [
            { label: 'A', image: 'a.png' },
            { label: 'B', image: 'b.png' },
          ],
        },
        extras: { trace: 'x' },
      },
    },
  });
  const view = comparableOf(exchange, [
    'request.body.extras',
    'request.body.payload.buttons.*.image',
    'request.body.nothing.here',
    'response.body',
  ]) as { request: unknown; response: unknown };
  expect(view.request).toEqual({
    body: { message: 'Pick one', payload: { buttons: [{ label: 'A' }, { label: 'B' }] } },
  });
  expect(view.response).toEqual({});
  const one = comparableOf(exchange, ['request.body.payload.buttons.1']) as {
    request: { body: { payload: { buttons: unknown[] } } };
  };
  expect(one.request.body.payload.buttons).toEqual([{ label: 'A', image: 'a.png' }, undefined]);
});

it('puts the webhooks of a turn before the bot’s calls, each kept in its order', () => {
  const items = [
    call({ seq: 1 }),
    call({ seq: 2, direction: 'to_bot' }),
    call({ seq: 3 }),
    call({ seq: 4, direction: 'to_bot' }),
  ];
  expect(inComparedOrder(items, (item) => item).map((item) => item.seq)).toEqual([2, 4, 1, 3]);
});
