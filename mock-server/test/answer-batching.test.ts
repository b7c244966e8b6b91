// The Qiscus routes write their answers at the end of the event-loop turn (ReplyBatch): every
// answer must still reach its own client, in order on a connection, even when the server closes.
import net from 'node:net';
import { expect, it } from 'vitest';
import type { MockServer } from '#mock-server';
import { startMock } from './support/start-mock.js';

/** Writes `text` on a fresh connection and collects what comes back until `done` says so or it closes. */
function rawExchange(server: MockServer, text: string, done: (got: string) => boolean) {
  const { port } = new URL(server.url);
  return new Promise<string>((resolve, reject) => {
    let got = '';
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      got += chunk;
      if (done(got)) {
        socket.destroy();
        resolve(got);
      }
    });
    socket.on('close', () => {
      resolve(got);
    });
    socket.on('error', reject);
  });
}

function botPost(server: MockServer, roomId: string, message: string, secret = server.secretKey) {
  const body = JSON.stringify({
    sender_email: server.botEmail,
    message,
    type: 'text',
    room_id: roomId,
  });
  return (
    `POST /${server.appCode}/bot HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\n` +
    `Content-Type: application/json\r\nQISCUS_SDK_SECRET: ${secret}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

// Answers on one connection follow each other with nothing between them.
const statusLine = /HTTP\/1\.1 \d{3} /g;
const answerCount = (got: string) => (got.match(statusLine) ?? []).length;

it('answers pipelined requests on one connection in their order, a refusal between two successes', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const got = await rawExchange(
    server,
    botPost(server, room_id, 'first') +
      botPost(server, room_id, 'second', 'wrong-secret') +
      botPost(server, room_id, 'third'),
    (text) => answerCount(text) === 3 && text.endsWith('}'),
  );
  const answers = got.split(/(?=HTTP\/1\.1 \d{3} )/);
  expect(answers.map((answer) => answer.slice(9, 12))).toEqual(['200', '401', '200']);
  expect(answers[0]).toContain('"message":"first"');
  expect(answers[1]).toContain('"code":"UNAUTHORIZED"');
  expect(answers[2]).toContain('"message":"third"');
});

it('gives each of many connections writing at once its own answer', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  const { port } = new URL(server.url);
  const sockets = await Promise.all(
    Array.from(
      { length: 40 },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = net.connect(Number(port), '127.0.0.1', () => {
            resolve(socket);
          });
          socket.on('error', reject);
        }),
    ),
  );
  const answersOn = (round: string) =>
    Promise.all(
      sockets.map(
        (socket, i) =>
          new Promise<string>((resolve) => {
            let got = '';
            const collect = (chunk: Buffer) => {
              got += chunk.toString('utf8');
              if (!got.endsWith('}')) return;
              socket.off('data', collect);
              resolve(got);
            };
            socket.on('data', collect);
            socket.write(botPost(server, room_id, `${round} ${i}`));
          }),
      ),
    );
  // A first round makes sure the server reads every connection; the second then arrives
  // together, and its answers go out in one batch.
  await answersOn('first');
  const answers = await answersOn('second');
  for (const socket of sockets) socket.destroy();
  answers.forEach((answer, i) => {
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain(`"message":"second ${i}"`);
  });
});

it('sends an answer still waiting for the end of its turn before the server closes', async () => {
  const server = await startMock();
  const { room_id } = await server.customer.say({ channel: 'qiscus', text: 'Hi' });
  let closing: Promise<void> | undefined;
  // The bot's message is recorded before its answer is written: close right then.
  server.events.subscribe((event) => {
    if (event.type === 'exchange' && event.exchange.direction === 'from_bot') {
      closing ??= server.close();
    }
  });
  const got = await rawExchange(server, botPost(server, room_id, 'last words'), (text) =>
    text.endsWith('}'),
  );
  await closing;
  expect(closing).toBeDefined();
  expect(got).toMatch(/^HTTP\/1\.1 200 /);
  expect(got).toContain('"message":"last words"');
});
