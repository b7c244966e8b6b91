import type { Server } from 'node:http';
import { onTestFinished } from 'vitest';

/** Closes the server, and any connection still open to it, when the test ends. */
export function closeAfterTest<T extends Server>(server: T): T {
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  );
  return server;
}
