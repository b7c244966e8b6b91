import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import { handOver, markAsResolved } from '#contracts';
import { createMockServer } from '#mock-server';
import { validateExchange } from '#harness';

/** A receiver on 127.0.0.1 that takes every webhook with 200 and `answer`. */
async function startReceiver(answer: string): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

async function call(url: string, path: string, headers: Record<string, string>, body: unknown) {
  const answer = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(answer.status).toBe(200);
}

it('finds every New Session, Custom Agent Allocation and Mark-as-Resolved webhook true to its contract', async () => {
  const receiver = await startReceiver('{"ok":true}');
  const mock = await createMockServer({
    deterministic: true,
    botUrl: receiver,
    webhooks: {
      new_session: { url: receiver },
      agent_allocation: { url: receiver },
      mark_as_resolved: { url: receiver },
    },
  });
  onTestFinished(() => mock.close());
  const auth = { 'Qiscus-App-Id': mock.appCode, 'Qiscus-Secret-Key': mock.secretKey };
  const { room_id } = await mock.customer.say({ channel: 'wa', text: 'Hi' });
  await call(
    mock.url,
    handOver.path.replace('{app_code}', mock.appCode).replace('{room_id}', room_id),
    { QISCUS_SDK_SECRET: mock.secretKey },
    {},
  );
  await call(mock.url, markAsResolved.path, auth, { room_id });
  await mock.customer.say({ room_id, text: 'Again' });
  await mock.drain();

  const webhooks = mock.traffic.list().filter((exchange) => exchange.direction === 'to_bot');
  expect(webhooks.map((exchange) => exchange.operation_id)).toEqual([
    'newSession',
    'botMessage',
    'customAgentAllocation',
    'markAsResolved',
    'newSession',
    'botMessage',
  ]);
  expect(webhooks.flatMap((exchange) => validateExchange(exchange))).toEqual([]);
});
