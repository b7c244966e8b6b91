import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientError } from './answer-client-error.js';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
        }),
    ),
  );
});

/**
 * Two ends of one real TCP connection on 127.0.0.1: the server's socket (as Node hands it to a
 * `clientError` handler) and the client's, whose bytes are read until it closes.
 */
async function connection(): Promise<{ server: Socket; received: Promise<string> }> {
  const listener = createServer();
  servers.push(listener);
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const address = listener.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const accepted = once(listener, 'connection') as Promise<[Socket]>;
  const client = connect(address.port, '127.0.0.1');
  let text = '';
  client.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const received = once(client, 'close').then(() => text);
  const [[server]] = await Promise.all([accepted, once(client, 'connect')]);
  return { server, received };
}

/** The status line and the JSON body of an answer read off the wire. */
function answerOf(text: string): { statusLine: string; body: unknown } {
  return {
    statusLine: text.slice(0, text.indexOf('\r\n')),
    body: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as unknown,
  };
}

describe('answerClientError', () => {
  it('answers an error that carries no code as unreadable', async () => {
    const { server, received } = await connection();

    answerClientError(new Error('no code'), server, 300);

    expect(answerOf(await received)).toEqual({
      statusLine: 'HTTP/1.1 400 Bad Request',
      body: {
        status: 400,
        errors: {
          message:
            'The request is not valid HTTP (unreadable): check how the client frames its headers and body.',
          code: 'MALFORMED_REQUEST',
          details: [],
        },
      },
    });
  });

  it('answers a headers timeout as a request that did not arrive in time', async () => {
    // Node 20 raises ERR_HTTP_REQUEST_TIMEOUT for headers too; other versions raise this one.
    const { server, received } = await connection();

    answerClientError(
      Object.assign(new Error('headers timeout'), { code: 'ERR_HTTP_HEADERS_TIMEOUT' }),
      server,
      300,
    );

    expect(answerOf(await received)).toEqual({
      statusLine: 'HTTP/1.1 408 Request Timeout',
      body: {
        status: 408,
        errors: {
          message:
            'The request did not arrive in full within 300 ms: send the whole body, with a Content-Length that matches it.',
          code: 'REQUEST_TIMEOUT',
          details: [],
        },
      },
    });
  });

  it.each(['ECONNRESET', 'EPIPE'])(
    'closes the socket without an answer when the client is gone (%s)',
    async (code) => {
      const { server, received } = await connection();

      answerClientError(Object.assign(new Error('gone'), { code }), server, 300);

      expect(server.destroyed).toBe(true);
      expect(await received).toBe('');
    },
  );

  it('closes a socket that can no longer be written without writing to it', async () => {
    const { server, received } = await connection();
    const errors: unknown[] = [];
    server.on('error', (error) => errors.push(error));
    const closed = once(server, 'close');
    // As when the client's end arrived first: Node has ended the server's side.
    server.end();

    answerClientError(Object.assign(new Error('bad'), { code: 'HPE_INVALID_METHOD' }), server, 300);

    await closed;
    expect(await received).toBe('');
    // Writing to the ended socket would have failed with a write after end.
    expect(errors).toEqual([]);
  });
});
