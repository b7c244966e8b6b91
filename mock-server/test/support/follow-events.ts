import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { MockEventSchema, type MockEvent } from '#contracts';

/** A client of `/_mock/events` that keeps every event, each parsed with the contract. */
export interface EventFollower {
  /** Every event so far, in the order received. */
  readonly received: MockEvent[];
  /** Resolves with the first event (received so far or later) that `matches`. */
  next<T extends MockEvent>(matches: (event: MockEvent) => event is T): Promise<T>;
  next(matches: (event: MockEvent) => boolean): Promise<MockEvent>;
  /** Resolves once the server has closed the stream, with its close code. */
  readonly closed: Promise<number>;
  close(): void;
}

/** Connects to a mock's event stream; closed when the test finishes. */
export async function followEvents(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventFollower> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/_mock/events`, { headers });
  const received: MockEvent[] = [];
  const waiting: { matches: (event: MockEvent) => boolean; resolve: (event: MockEvent) => void }[] =
    [];
  ws.on('message', (data: Buffer) => {
    // A frame that breaks the contract fails the test at once, with what was sent.
    const event = MockEventSchema.parse(JSON.parse(data.toString('utf8')));
    received.push(event);
    for (const wait of [...waiting]) {
      if (wait.matches(event)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(event);
      }
    }
  });
  const closed = new Promise<number>((resolve) => {
    ws.on('close', (code: number) => {
      resolve(code);
    });
  });
  onTestFinished(() => {
    ws.terminate();
  });
  await once(ws, 'open');
  return {
    received,
    next(matches: (event: MockEvent) => boolean) {
      const seen = received.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise<MockEvent>((resolve) => waiting.push({ matches, resolve }));
    },
    closed,
    close: () => {
      ws.close();
    },
  };
}

/** What an upgrade to `path` on the mock is answered with, when it is refused. */
export async function refusedUpgrade(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}`, { headers });
  // Ending a refused handshake makes the client say it never opened; that is the point here.
  ws.on('error', () => undefined);
  onTestFinished(() => {
    ws.terminate();
  });
  const [, response] = (await once(ws, 'unexpected-response')) as [unknown, IncomingMessage];
  let body = '';
  for await (const chunk of response) body += String(chunk);
  return { status: response.statusCode ?? 0, body };
}
