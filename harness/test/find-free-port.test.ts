import { createServer, Server } from 'node:net';
import { expect, it, onTestFinished, vi } from 'vitest';
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

it('rejects with the error when no port can be listened on', async () => {
  // Node's listen fails once, as it would with no port left or no loopback interface.
  const failure = Object.assign(new Error('listen EADDRNOTAVAIL: address not available'), {
    code: 'EADDRNOTAVAIL',
  });
  const listen = vi.spyOn(Server.prototype, 'listen').mockImplementationOnce(function (
    this: Server,
  ) {
    process.nextTick(() => this.emit('error', failure));
    return this;
  });
  onTestFinished(() => {
    listen.mockRestore();
  });
  await expect(findFreePort()).rejects.toBe(failure);
});
