import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Delivery } from '#contracts';
import type { MockServer } from '#mock-server';

/** A port nobody listens on: a bot that is down. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Resolves once `check` holds for the delivery log, checked at every delivery event. */
export function waitForDeliveries(
  server: MockServer,
  check: (deliveries: Delivery[]) => boolean,
): Promise<void> {
  return new Promise((resolve) => {
    const stop = server.events.subscribe(() => {
      if (check(server.deliveries.list())) {
        stop();
        resolve();
      }
    });
  });
}
