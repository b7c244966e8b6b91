import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { startMock } from './support/start-mock.js';

const page = await readFile(new URL('../../docs/qiscus-admin-api.md', import.meta.url), 'utf8');

it('runs every curl of the admin API page against a fresh mock, each answered 200', async () => {
  const server = await startMock();
  const match = /## Try it with curl\n+```sh\n([\s\S]*?)```/.exec(page);
  const script = (match?.[1] ?? '').replace('MOCK=http://127.0.0.1:3737', `MOCK=${server.url}`);

  const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script]);

  expect(stdout).not.toBe('');
  const calls = server.traffic
    .list()
    .filter((exchange) => exchange.direction !== 'to_bot')
    .map((exchange) => `${exchange.operation_id ?? exchange.path} ${exchange.status}`);
  expect(calls).toEqual([
    'sendCustomerMessage 200',
    'logIn 200',
    'listAgents 200',
    'createRoomTag 200',
    'setUserInfo 200',
    'markAsResolved 200',
  ]);
  const [room] = server.rooms.list();
  expect(room).toMatchObject({
    resolved: true,
    tags: [{ name: 'vip' }],
    user_properties: [{ key: 'Order ID', value: 'INV-1' }],
  });
});
