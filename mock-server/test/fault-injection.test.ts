import { request } from 'undici';
import { expect, it } from 'vitest';
import { getConfig, patchConfig, postBotMessage } from '#contracts';
import { parseConfigText, type MockServer } from '#mock-server';
import { optionsFromConfigFile } from '../src/options.js';
import { callControl } from './support/call-control.js';
import { credentialHeaders } from './support/call-qiscus.js';
import { startMock } from './support/start-mock.js';

async function openRoom(server: MockServer): Promise<string> {
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  return room_id;
}

/** The bot's reply over real HTTP, with the status, Retry-After and the error code. */
async function botReplies(server: MockServer, roomId: string) {
  const response = await request(`${server.url}/${server.appCode}/bot`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...credentialHeaders(server, 'sdkSecret'),
    },
    body: JSON.stringify({
      sender_email: server.settings().bot_email,
      room_id: roomId,
      message: 'Hello',
      type: 'text',
    }),
  });
  const body = (await response.body.json()) as { errors?: { code: string; message: string } };
  return {
    status: response.statusCode,
    retryAfter: response.headers['retry-after'] ?? null,
    code: body.errors?.code ?? null,
    message: body.errors?.message ?? null,
  };
}

function messageCount(server: MockServer, roomId: string): number {
  return server.rooms.get(roomId)?.messages.length ?? -1;
}

it('refuses the next matching calls with the injected fault, stores nothing, marks the traffic', async () => {
  const server = await startMock();
  const roomId = await openRoom(server);
  const before = messageCount(server, roomId);
  server.faults.inject({ status: 429, times: 2, retry_after: 3, operation: postBotMessage.id });
  const first = await botReplies(server, roomId);
  expect(first).toMatchObject({ status: 429, retryAfter: '3', code: 'INJECTED_RATE_LIMIT' });
  expect(first.message).toContain('injected on purpose');
  expect(first.message).toContain('PATCH /_mock/config {"faults": []}');
  expect((await botReplies(server, roomId)).status).toBe(429);
  expect(messageCount(server, roomId)).toBe(before);
  expect((await botReplies(server, roomId)).status).toBe(200);
  expect(messageCount(server, roomId)).toBe(before + 1);
  const fromBot = server.traffic.list().filter((exchange) => exchange.direction === 'from_bot');
  expect(fromBot.map((exchange) => [exchange.status, exchange.flags])).toEqual([
    [429, ['INJECTED_FAULT']],
    [429, ['INJECTED_FAULT']],
    [200, []],
  ]);
  expect(server.faults.list()).toEqual([]);
});

it('keeps to the room and the operation a fault names', async () => {
  const server = await startMock();
  const hit = await openRoom(server);
  const other = await openRoom(server);
  server.faults.inject({ status: 500, room_id: hit });
  server.faults.inject({ status: 503, operation: 'handOver' });
  expect((await botReplies(server, other)).status).toBe(200);
  expect(await botReplies(server, hit)).toMatchObject({
    status: 500,
    code: 'INJECTED_SERVER_ERROR',
    // Only a 429 says when to try again.
    retryAfter: null,
  });
});

it('refuses a call late with a fault that has both a latency and a status', async () => {
  const server = await startMock();
  const roomId = await openRoom(server);
  server.faults.inject({ status: 503, latency_ms: 50, times: 1 });

  expect(await botReplies(server, roomId)).toMatchObject({
    status: 503,
    code: 'INJECTED_UNAVAILABLE',
  });
});

it('turns faults on and off through PATCH /_mock/config, refusing a wrong one with its path', async () => {
  const server = await startMock();
  const roomId = await openRoom(server);
  const wrong = await callControl(server, patchConfig, { body: { faults: [{ status: 404 }] } });
  expect(wrong.ok).toBe(false);
  expect(JSON.stringify(wrong.body)).toContain('faults[0].status');
  expect((await botReplies(server, roomId)).status).toBe(200);
  const on = await callControl(server, patchConfig, {
    body: { faults: [{ status: 503, rate: 1 }] },
  });
  expect(on.ok).toBe(true);
  expect(await botReplies(server, roomId)).toMatchObject({
    status: 503,
    code: 'INJECTED_UNAVAILABLE',
  });
  await callControl(server, patchConfig, { body: { faults: [] } });
  expect((await botReplies(server, roomId)).status).toBe(200);
});

it('never hits a call at rate 0 and answers late with latency', async () => {
  const server = await startMock({
    faults: [{ status: 503, rate: 0, retry_after: 1, latency_ms: 0 }],
  });
  const roomId = await openRoom(server);
  expect((await botReplies(server, roomId)).status).toBe(200);
  server.faults.clear();
  server.faults.inject({ latency_ms: 300, times: 1 });
  const started = performance.now();
  expect((await botReplies(server, roomId)).status).toBe(200);
  expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  expect(server.traffic.list().at(-1)?.flags).toEqual(['INJECTED_FAULT']);
});

it('takes faults from the config file', async () => {
  const file = parseConfigText(
    'faults:\n  - { status: 503, operation: postBotMessage }\n',
    'qiscus-mock.yaml',
  );
  const server = await startMock(optionsFromConfigFile(file));
  const roomId = await openRoom(server);
  expect((await botReplies(server, roomId)).code).toBe('INJECTED_UNAVAILABLE');
  expect(() => parseConfigText('faults:\n  - { stauts: 503 }\n', 'qiscus-mock.yaml')).toThrow(
    /faults/,
  );
});

it('shows the faults armed in GET /_mock/config, each with the calls it still hits', async () => {
  const server = await startMock();
  const roomId = await openRoom(server);
  const armed = async () => {
    const answer = await callControl(server, getConfig);
    if (!answer.ok) throw new Error(answer.body.detail);
    return answer.body.faults;
  };
  expect(await armed()).toEqual([]);
  await callControl(server, patchConfig, {
    body: {
      faults: [
        { status: 503, times: 2, operation: postBotMessage.id, room_id: roomId },
        { latency_ms: 50, rate: 0.5, operation: 'handOver' },
      ],
    },
  });
  const shown = {
    status: 503,
    rate: 1,
    times: 2,
    operation: postBotMessage.id,
    room_id: roomId,
    retry_after: 1,
    latency_ms: 0,
  };
  const endless = { rate: 0.5, operation: 'handOver', retry_after: 1, latency_ms: 50 };
  expect(await armed()).toEqual([shown, endless]);
  expect((await botReplies(server, roomId)).status).toBe(503);
  expect(await armed()).toEqual([{ ...shown, times: 1 }, endless]);
  expect((await botReplies(server, roomId)).status).toBe(503);
  // Used up, it is no longer armed; the one without `times` stays.
  expect(await armed()).toEqual([endless]);
  server.faults.inject({ status: 429, times: 1, room_id: roomId });
  expect((await armed()).map((rule) => [rule.status, rule.times])).toEqual([
    [undefined, undefined],
    [429, 1],
  ]);
});
