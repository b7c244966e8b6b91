import { connect } from 'node:net';
import { once } from 'node:events';
import { expect, it } from 'vitest';
import { ErrorEnvelopeSchema, ProblemSchema, postBotMessage } from '#contracts';
import { callQiscus } from './support/call-qiscus.js';
import { getRaw, sendRaw } from './support/send-raw.js';
import { startMock } from './support/start-mock.js';

function envelopeOf(body: string) {
  return ErrorEnvelopeSchema.parse(JSON.parse(body)).errors;
}

it('answers 404 to paths that climb out of the docs folder, raw or percent-encoded', async () => {
  const server = await startMock();
  for (const path of [
    '/docs/static/../../package.json',
    '/docs/static/%2e%2e/%2e%2e/package.json',
    '/docs/static/..%5c..%5cpackage.json',
  ]) {
    const answer = await getRaw(server.url, path);
    expect({ path, status: answer.status, code: envelopeOf(answer.body).code }).toEqual({
      path,
      status: 404,
      code: 'ROUTE_NOT_FOUND',
    });
  }
});

it('answers 405 with Allow to a wrong method on a path that exists, on both surfaces', async () => {
  const server = await startMock();
  const wire = await getRaw(server.url, `/${server.appCode}/bot`);
  expect([wire.status, wire.headers.allow, envelopeOf(wire.body).code]).toEqual([
    405,
    'POST',
    'METHOD_NOT_ALLOWED',
  ]);
  const control = await sendRaw(
    server.url,
    'DELETE /_mock/rooms HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
  );
  const problem = ProblemSchema.parse(JSON.parse(control.body));
  expect([control.status, control.headers.allow, problem.code]).toEqual([
    405,
    'GET',
    'MOCK_ERR_METHOD_NOT_ALLOWED',
  ]);
  expect((await getRaw(server.url, '/nowhere')).status).toBe(404);
});

it('answers headers too large and broken framing in the error envelope', async () => {
  const server = await startMock();
  const large = await getRaw(server.url, '/_mock/rooms', `X-Big: ${'a'.repeat(20_000)}\r\n`);
  expect([large.status, envelopeOf(large.body).code]).toEqual([431, 'HEADERS_TOO_LARGE']);

  const framing = await sendRaw(
    server.url,
    `POST /${server.appCode}/bot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
  );
  expect([framing.status, envelopeOf(framing.body).code]).toEqual([400, 'MALFORMED_REQUEST']);
});

/** The whole answer to raw bytes, as text, read until the server closes the connection. */
async function answerText(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.write(bytes);
  await once(socket, 'close');
  return text;
}

/** Splits an answer into its status line, its header lines and its body's envelope. */
function wholeAnswer(text: string) {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine, ...headers] = text.slice(0, end).split('\r\n');
  const body = text.slice(end + 4);
  return {
    statusLine,
    headers,
    length: Buffer.byteLength(body),
    body: JSON.parse(body) as unknown,
  };
}

it('words each refusal Node makes before any route, in a whole answer that closes', async () => {
  const server = await startMock();
  const large = wholeAnswer(
    await answerText(
      server.url,
      `GET /_mock/rooms HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ),
  );
  const framing = wholeAnswer(
    await answerText(
      server.url,
      `POST /${server.appCode}/bot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    ),
  );
  const headersOf = (length: number) => [
    'connection: close',
    'content-type: application/json; charset=utf-8',
    `content-length: ${length}`,
  ];
  expect(large).toEqual({
    statusLine: 'HTTP/1.1 431 Request Header Fields Too Large',
    headers: headersOf(large.length),
    length: large.length,
    body: {
      status: 431,
      errors: {
        message: 'The request headers are larger than 16 KiB: send fewer or shorter headers.',
        code: 'HEADERS_TOO_LARGE',
        details: [],
      },
    },
  });
  expect(framing).toEqual({
    statusLine: 'HTTP/1.1 400 Bad Request',
    headers: headersOf(framing.length),
    length: framing.length,
    body: {
      status: 400,
      errors: {
        message:
          'The request is not valid HTTP (HPE_INVALID_CHUNK_SIZE): check how the client frames its headers and body.',
        code: 'MALFORMED_REQUEST',
        details: [],
      },
    },
  });
});

it('says within how many milliseconds a request that never finished had to arrive, headers or body', async () => {
  const server = await startMock({ requestTimeoutMs: 300 });
  const unfinished = [
    `POST /_mock/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"chan`,
    'GET /_mock/rooms HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: a',
  ];
  const answers = await Promise.all(
    unfinished.map(async (bytes) => {
      const answer = wholeAnswer(await answerText(server.url, bytes));
      return [answer.statusLine, answer.body];
    }),
  );
  const timedOut = [
    'HTTP/1.1 408 Request Timeout',
    {
      status: 408,
      errors: {
        message:
          'The request did not arrive in full within 300 ms: send the whole body, with a Content-Length that matches it.',
        code: 'REQUEST_TIMEOUT',
        details: [],
      },
    },
  ];
  expect(answers).toEqual([timedOut, timedOut]);
});

it('answers 408 and closes a request whose body never finishes', async () => {
  const server = await startMock({ requestTimeoutMs: 300 });
  const { port } = new URL(server.url);
  const socket = connect(Number(port), '127.0.0.1');
  await once(socket, 'connect');
  socket.write(
    `POST /_mock/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"chan`,
  );
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await once(socket, 'close');
  expect(text).toMatch(/^HTTP\/1\.1 408 /);
  expect(envelopeOf(text.slice(text.indexOf('\r\n\r\n') + 4)).code).toBe('REQUEST_TIMEOUT');
});

it('says a secret header sent twice was sent twice, not that the secret is wrong', async () => {
  const server = await startMock();
  const body = JSON.stringify({ sender_email: server.botEmail, message: 'Hi', room_id: '1' });
  const answer = await sendRaw(
    server.url,
    `POST /${server.appCode}/bot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nQISCUS_SDK_SECRET: ${server.secretKey}\r\nQISCUS_SDK_SECRET: ${server.secretKey}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
  const errors = envelopeOf(answer.body);
  expect([answer.status, errors.code]).toEqual([401, 'UNAUTHORIZED']);
  expect(errors.details[0]?.message).toContain('was sent 2 times (each with the right key)');
  expect(answer.body).not.toContain(server.secretKey);
});

it('says a secret header sent twice, once wrong, was sent twice, without "each with the right key"', async () => {
  const server = await startMock();
  const body = JSON.stringify({ sender_email: server.botEmail, message: 'Hi', room_id: '1' });
  const answer = await sendRaw(
    server.url,
    `POST /${server.appCode}/bot HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nQISCUS_SDK_SECRET: ${server.secretKey}\r\nQISCUS_SDK_SECRET: nope\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
  const errors = envelopeOf(answer.body);
  expect(errors.details).toEqual([
    {
      path: 'headers.QISCUS_SDK_SECRET',
      message: 'was sent 2 times, and the copies are read as one value: send it once',
    },
  ]);
});

it('points a secret key sent as "Authorization: Bearer" at QISCUS_SDK_SECRET', async () => {
  const server = await startMock();
  const answer = await callQiscus(server, postBotMessage, {
    params: { app_code: server.appCode },
    body: { sender_email: server.botEmail, message: 'Hi', room_id: '1' },
    auth: 'none',
    headers: { Authorization: `Bearer ${server.secretKey}` },
  });
  expect(answer.status).toBe(401);
  const { details } = ErrorEnvelopeSchema.parse(answer.body).errors;
  expect(details[0]?.message).toContain('send the secret key in the QISCUS_SDK_SECRET header');
});

it('answers a path parameter hundreds of characters long in the envelope, never 500', async () => {
  const server = await startMock();
  const long = '9'.repeat(400);
  const wire = await sendRaw(
    server.url,
    `GET /api/v2/customer_rooms/${long} HTTP/1.1\r\nHost: 127.0.0.1\r\nQiscus-App-Id: ${server.appCode}\r\nQiscus-Secret-Key: ${server.secretKey}\r\nConnection: close\r\n\r\n`,
  );
  expect(wire.status).toBeLessThan(500);
  expect(envelopeOf(wire.body).code).not.toBe('INTERNAL_ERROR');
  const control = await getRaw(server.url, `/_mock/rooms/${'x'.repeat(2000)}`);
  expect(control.status).toBeLessThan(500);
  expect(ProblemSchema.parse(JSON.parse(control.body)).code).not.toBe('MOCK_ERR_INTERNAL');
});

it('closing the mock cuts off a request still sending its body, without answering it', async () => {
  const server = await startMock({ requestTimeoutMs: 1000 });
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
  await once(socket, 'connect');
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  // Cut off, the connection is reset.
  socket.on('error', () => undefined);
  const closed = new Promise((resolve) => socket.on('close', resolve));
  socket.write(
    `POST /_mock/customers/message HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n`,
  );
  // Node answers "100 Continue" once it has the headers: the request is under way.
  await once(socket, 'data');
  socket.write('{"channel":');

  await server.close();
  await closed;

  expect(Buffer.concat(received).toString('latin1')).toBe('HTTP/1.1 100 Continue\r\n\r\n');
});
