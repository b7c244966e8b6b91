import { createServer } from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import { findFreePort } from '../src/run/find-free-port.js';

it('gives a port on 127.0.0.1 that is free again once it resolves, for a bot to listen on', async () => {
  const port = await findFreePort();
  expect(port).toBeGreaterThan(0);
  const server = createServer();
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve();
    });
  });
  expect(server.address()).toMatchObject({ address: '127.0.0.1', port });
});
