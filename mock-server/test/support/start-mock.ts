import { onTestFinished } from 'vitest';
import { createMockServer, type MockServer, type MockServerOptions } from '#mock-server';

/** A fresh mock on 127.0.0.1 and a free port, deterministic, closed when the test finishes. */
export async function startMock(options: MockServerOptions = {}): Promise<MockServer> {
  const server = await createMockServer({ deterministic: true, ...options });
  onTestFinished(() => server.close());
  return server;
}
