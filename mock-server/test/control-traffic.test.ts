import { request } from 'undici';
import { describe, expect, test } from 'vitest';
import { controlOperations, getTraffic, listDeliveries, operations, patchConfig } from '#contracts';
import { callControl } from './support/call-control.js';
import { okBody, say } from './support/control-answers.js';
import { startBot } from './support/start-bot.js';
import { startMock } from './support/start-mock.js';
import { botSays, budi, getJson } from './support/room-actions.js';

describe('the mock’s own control API: traffic, deliveries and its documents', () => {
  test('GET /_mock/traffic filters by direction, room and sequence number', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const a = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    const b = await say(server, {
      channel: 'qiscus',
      customer: { id: 'b@example.com' },
      text: 'Hi',
    });
    expect(await botSays(server, { room_id: b.room_id, message: 'Hello!' })).toBe(200);
    okBody(await callControl(server, patchConfig, { body: { auto_agent_allocation: false } }));

    const seqs = async (query: Record<string, string>) =>
      okBody(await callControl(server, getTraffic, { query })).exchanges.map((exchange) => [
        exchange.seq,
        exchange.direction,
        exchange.operation_id,
        exchange.room_id,
      ]);

    expect(await seqs({})).toEqual([
      [1, 'to_bot', 'botMessage', a.room_id],
      [2, 'control', 'sendCustomerMessage', a.room_id],
      [3, 'to_bot', 'botMessage', b.room_id],
      [4, 'control', 'sendCustomerMessage', b.room_id],
      [5, 'from_bot', 'postBotMessage', b.room_id],
      [6, 'control', 'patchConfig', null],
    ]);
    expect((await seqs({ direction: 'to_bot' })).map(([seq]) => seq)).toEqual([1, 3]);
    expect((await seqs({ direction: 'from_bot' })).map(([seq]) => seq)).toEqual([5]);
    expect((await seqs({ direction: 'control' })).map(([seq]) => seq)).toEqual([2, 4, 6]);
    expect((await seqs({ room_id: a.room_id })).map(([seq]) => seq)).toEqual([1, 2]);
    expect((await seqs({ after: '3' })).map(([seq]) => seq)).toEqual([4, 5, 6]);
    expect(
      (await seqs({ direction: 'control', room_id: b.room_id, after: '2' })).map(([seq]) => seq),
    ).toEqual([4]);
  });

  test('GET /_mock/traffic shows each body as it was sent, even one that is not JSON', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'qiscus', customer: budi, text: 'Hi' });
    expect(await botSays(server, { room_id, message: 'Hello!', type: 'text' })).toBe(200);
    const broken = await request(`${server.url}/${server.appCode}/bot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', QISCUS_SDK_SECRET: server.secretKey },
      body: '{"room_id": "1", "message": ',
    });
    await broken.body.dump();
    expect(broken.statusCode).toBe(400);

    const fromBot = okBody(
      await callControl(server, getTraffic, { query: { direction: 'from_bot' } }),
    ).exchanges;
    expect(fromBot.map((exchange) => [exchange.status, exchange.request.body])).toEqual([
      [200, { sender_email: server.botEmail, room_id, message: 'Hello!', type: 'text' }],
      [400, '{"room_id": "1", "message": '],
    ]);
    expect(fromBot[0]?.response?.body).toMatchObject({
      status: 200,
      results: { comment: { message: 'Hello!', type: 'text' } },
    });
    expect(fromBot[1]?.response?.body).toMatchObject({
      status: 400,
      errors: { code: 'MALFORMED_BODY' },
    });
  });

  test('GET /_mock/traffic leaves out reads of the mock and its docs, and keeps what else was asked', async () => {
    const server = await startMock();
    const ask = async (method: 'GET' | 'POST', path: string) => {
      const answer = await request(`${server.url}${path}`, { method });
      await answer.body.dump();
      return answer.statusCode;
    };
    for (const path of [
      '/',
      '/favicon.ico',
      '/docs',
      '/docs/json',
      '/openapi.json',
      '/_mock',
      '/_mock/nope',
      '/_mock?x=1',
    ]) {
      await ask('GET', path);
    }
    // Refused by the error handlers, which record what they answer unless it is one of these.
    for (const path of ['/docs/nope', '/openapi.json']) {
      await ask('POST', path);
    }
    await ask('POST', '/_mock/nope');
    await ask('POST', '/');
    await ask('GET', '/nowhere');

    const kept = okBody(await callControl(server, getTraffic, { query: {} })).exchanges;
    expect(
      kept.map((exchange) => [
        exchange.method,
        exchange.path,
        exchange.direction,
        exchange.operation_id,
        exchange.status,
      ]),
    ).toEqual([
      ['POST', '/_mock/nope', 'control', null, 404],
      ['POST', '/', 'from_bot', null, 405],
      ['GET', '/nowhere', 'from_bot', null, 404],
    ]);
  });

  test('GET /_mock/traffic keeps a control call under the room of its path, with its answer as JSON, and one refused before its checks under its operation', async () => {
    const server = await startMock();
    const { room_id } = await say(server, { channel: 'qiscus', customer: budi, text: 'Hi' });
    const resolved = await request(`${server.url}/_mock/rooms/${room_id}/resolve`, {
      method: 'POST',
    });
    const resolvedBody = await resolved.body.json();
    const crossSite = await request(`${server.url}/_mock/reset`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    await crossSite.body.dump();

    const kept = okBody(
      await callControl(server, getTraffic, { query: { direction: 'control' } }),
    ).exchanges.slice(1);
    expect(
      kept.map((exchange) => [
        exchange.path,
        exchange.operation_id,
        exchange.room_id,
        exchange.status,
      ]),
    ).toEqual([
      [`/_mock/rooms/${room_id}/resolve`, 'resolveRoom', room_id, resolved.statusCode],
      ['/_mock/reset', 'resetMock', null, 403],
    ]);
    // The answer's JSON text, kept as the value it holds, not as a string.
    expect(kept[0]?.response?.body).toEqual(resolvedBody);
  });

  test('GET /_mock/traffic keeps a refused bot call under the room it named, in its path or in its body (a number too)', async () => {
    const server = await startMock();
    const headers = { 'content-type': 'application/json', QISCUS_SDK_SECRET: server.secretKey };
    const send = async (path: string, body: string) => {
      const answer = await request(`${server.url}/${server.appCode}${path}`, {
        method: 'POST',
        headers,
        body,
      });
      await answer.body.dump();
      return answer.statusCode;
    };

    const statuses = [
      await send('/bot', '{"room_id": 123, "message": "Hi"}'),
      await send('/bot', '{"room_id": "456", "message": 7}'),
      await send('/bot/999/hand_over', '{}'),
    ];

    const kept = okBody(
      await callControl(server, getTraffic, { query: { direction: 'from_bot' } }),
    ).exchanges;
    expect(statuses.every((status) => status >= 400)).toBe(true);
    expect(kept.map((exchange) => exchange.room_id)).toEqual(['123', '456', '999']);
  });

  test('GET /_mock/deliveries filters by room and status', async () => {
    const bot = await startBot();
    const server = await startMock({ botUrl: bot.url });
    const a = await say(server, { channel: 'wa', customer: budi, text: 'Hi' });
    okBody(await callControl(server, patchConfig, { body: { bot_enabled: false } }));
    const b = await say(server, {
      channel: 'qiscus',
      customer: { id: 'b@example.com' },
      text: 'Hi',
    });

    const list = async (query: Record<string, string>) =>
      okBody(await callControl(server, listDeliveries, { query })).deliveries.map((d) => d.id);

    expect(await list({})).toEqual(['dlv_1', 'dlv_2']);
    expect(await list({ room_id: a.room_id })).toEqual(['dlv_1']);
    expect(await list({ room_id: b.room_id })).toEqual(['dlv_2']);
    expect(await list({ status: 'skipped' })).toEqual(['dlv_2']);
    expect(await list({ status: 'delivered' })).toEqual(['dlv_1']);
    expect(await list({ status: 'failed' })).toEqual([]);
  });

  test('GET /openapi.json describes the /_mock operations and the Qiscus operations', async () => {
    const server = await startMock();

    const { status, type, body } = await getJson(`${server.url}/openapi.json`);

    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    const document = body as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.servers[0]?.url).toBe(server.url);
    const described = [...controlOperations, ...operations].map((operation) => [
      operation.method,
      operation.path,
      document.paths[operation.path]?.[operation.method]?.operationId,
    ]);
    expect(described).toEqual(
      [...controlOperations, ...operations].map((operation) => [
        operation.method,
        operation.path,
        operation.id,
      ]),
    );
  });

  test.each(['/docs/', '/docs'])(
    'GET %s serves a page whose scripts and styles all come from the mock itself',
    async (path) => {
      const server = await startMock();
      const pageUrl = `${server.url}${path}`;

      const page = await request(pageUrl);
      const html = await page.body.text();

      expect(page.statusCode).toBe(200);
      expect(String(page.headers['content-type'])).toMatch(/^text\/html/);
      const foreign = (html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).filter(
        (url) => !url.startsWith(server.url),
      );
      expect(foreign).toEqual([]);
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? '');
      const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
        (m) => m[1] ?? '',
      );
      expect(scripts.length).toBeGreaterThan(0);
      expect(styles.length).toBeGreaterThan(0);
      const served: [string, string, number][] = [];
      for (const asset of [...scripts, ...styles]) {
        // Resolved as a browser would, against the page's own URL.
        const url = new URL(asset, pageUrl);
        const response = await request(url);
        await response.body.dump();
        served.push([asset, url.origin, response.statusCode]);
      }
      expect(served).toEqual([...scripts, ...styles].map((asset) => [asset, server.url, 200]));
    },
  );

  test('GET /docs/json is the same document as /openapi.json', async () => {
    const server = await startMock();

    const docs = await getJson(`${server.url}/docs/json`);
    const openapi = await getJson(`${server.url}/openapi.json`);

    expect(docs.status).toBe(200);
    expect(docs.body).toEqual(openapi.body);
  });
});
