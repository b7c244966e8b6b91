import { describe, expect, it } from 'vitest';
import { getRaw, sendRaw } from './support/send-raw.js';
import { sendRequest } from './support/send-request.js';
import { startMock } from './support/start-mock.js';

const json = { 'content-type': 'application/json' };

describe('a body over the limit', () => {
  it('names the limit in MiB when it is a whole number of them', async () => {
    const server = await startMock();
    const answer = await sendRequest(server, 'POST', '/_mock/messages', {
      headers: json,
      body: 'x'.repeat(1_100_000),
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({
      code: 'MOCK_ERR_PAYLOAD_TOO_LARGE',
      detail: 'The body is larger than 1 MiB.',
    });
  });

  it('names it in KiB, rounded, otherwise, on both surfaces', async () => {
    const server = await startMock({ bodyLimit: 1536 });
    const wire = await sendRequest(server, 'POST', `/${server.appCode}/bot`, {
      headers: json,
      body: 'x'.repeat(2000),
    });
    expect(wire.body).toMatchObject({
      errors: { code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than 2 KiB.' },
    });
    const control = await sendRequest(server, 'POST', '/_mock/messages', {
      headers: json,
      body: 'x'.repeat(2000),
    });
    expect(control.body).toMatchObject({
      code: 'MOCK_ERR_PAYLOAD_TOO_LARGE',
      detail: 'The body is larger than 2 KiB.',
    });
  });
});

describe('a body of a type no operation takes', () => {
  it('is refused on the Qiscus surface saying forms are taken where the operation takes them', async () => {
    const server = await startMock();
    const answer = await sendRequest(server, 'POST', `/${server.appCode}/bot`, {
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(answer.status).toBe(415);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.body).toMatchObject({
      errors: {
        message:
          'Send the body as application/json (or form-encoded where the operation takes it); text/plain is not accepted.',
      },
    });
  });

  it('is refused on /_mock as JSON only, and says when no content type was sent', async () => {
    const server = await startMock();
    const plain = await sendRequest(server, 'POST', '/_mock/messages', {
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(plain.body).toMatchObject({
      detail: 'Send the body as application/json; text/plain is not accepted.',
    });
    const none = await sendRaw(
      server.url,
      'POST /_mock/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi',
    );
    expect(none.status).toBe(415);
    expect((JSON.parse(none.body) as { detail: string }).detail).toBe(
      'Send the body as application/json; no content type is not accepted.',
    );
  });
});

describe('a path that is not a valid URL', () => {
  it('is answered 404 on both surfaces, saying to check its percent-encoding', async () => {
    const server = await startMock();
    const control = await getRaw(server.url, '/_mock/rooms/%E0%A4%A');
    expect(control.status).toBe(404);
    expect(JSON.parse(control.body)).toMatchObject({
      code: 'MOCK_ERR_ROUTE_NOT_FOUND',
      detail:
        "The path is not a valid URL ('/_mock/rooms/%E0%A4%A' is not a valid url component): check its percent-encoding.",
    });
    const wire = await getRaw(server.url, '/api/v2/customer_rooms/%E0%A4%A');
    expect(JSON.parse(wire.body)).toMatchObject({ errors: { code: 'ROUTE_NOT_FOUND' } });
  });
});

describe('a path that exists for other methods', () => {
  it('lists every method it takes, in Allow and in the message', async () => {
    const server = await startMock();
    const answer = await sendRequest(server, 'DELETE', '/_mock/config');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, PATCH');
    expect(answer.body).toMatchObject({
      detail: 'DELETE /_mock/config is not served: /_mock/config takes GET, PATCH.',
    });
  });
});

describe('an unknown path', () => {
  it('suggests no operation whose path and method differ in more than one place', async () => {
    const server = await startMock();
    const answer = await sendRequest(server, 'GET', `/${server.appCode}/bots`);
    expect(answer.body).toMatchObject({
      errors: {
        message: `No operation is GET /${server.appCode}/bots: see GET /docs for the operations there are.`,
      },
    });
    const further = await sendRequest(server, 'GET', '/api/v1/app/bots/activations');
    expect(further.body).toMatchObject({
      errors: {
        message:
          'No operation is GET /api/v1/app/bots/activations: see GET /docs for the operations there are.',
      },
    });
  });

  it('is refused by the Host check first when it is asked for another machine', async () => {
    const server = await startMock();
    const answer = await sendRaw(
      server.url,
      'GET /nothing/here HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'MOCK_ERR_HOST_NOT_ALLOWED' });
  });

  it('is answered on the mock’s own surface for /_mock itself and /_mock with a query', async () => {
    const server = await startMock();
    for (const path of ['/_mock', '/_mock?x=1']) {
      const answer = await getRaw(server.url, path);
      expect({
        path,
        type: answer.headers['content-type'],
        body: JSON.parse(answer.body) as unknown,
      }).toEqual({
        path,
        type: 'application/problem+json; charset=utf-8',
        body: expect.objectContaining({
          code: 'MOCK_ERR_ROUTE_NOT_FOUND',
          detail: 'No /_mock route is GET /_mock: see GET /docs for the routes there are.',
        }) as unknown,
      });
    }
    const beside = await getRaw(server.url, '/_mockery');
    expect(JSON.parse(beside.body)).toMatchObject({ errors: { code: 'ROUTE_NOT_FOUND' } });
  });
});

describe('a refusal with many problems', () => {
  it('lists the first 20 on /_mock', async () => {
    const server = await startMock();
    const extra = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}`, 1]));
    const answer = await sendRequest(server, 'POST', '/_mock/messages', {
      headers: json,
      body: JSON.stringify({ channel: 'wa', text: 'x', ...extra }),
    });
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: unknown[] }).errors).toHaveLength(20);
  });
});

describe('a docs path asked with another method', () => {
  it('is answered 405 for a path under a wildcard route and for a path with a dot', async () => {
    const server = await startMock();
    for (const path of ['/docs/static/index.html', '/openapi.json']) {
      const answer = await sendRequest(server, 'POST', path);
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toContain('GET');
    }
  });
});
