import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import type { MockSettings } from '#contracts';
import { MockEvents } from '../events/mock-events.js';
import { attachEventStream } from './event-stream.js';

/**
 * A bare HTTP server on 127.0.0.1 with the event stream attached, every check passing. `attached`
 * counts the followers' subscriptions through the hub's source, which is let go once the last
 * follower's subscription is.
 */
async function streamServer(): Promise<{
  server: Server;
  url: string;
  events: MockEvents;
  streams: { close(): void };
  lettingGo: Promise<void>;
}> {
  let letGo: () => void = () => undefined;
  const lettingGo = new Promise<void>((resolve) => (letGo = resolve));
  const events = new MockEvents([() => letGo]);
  const server = createServer();
  const streams = attachEventStream(server, {
    events,
    checkHost: () => undefined,
    checkAdmin: () => undefined,
    // Sent in the `ready` frame only; these tests do not read it.
    snapshot: () => ({ settings: {} as MockSettings, rooms: [] }),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  onTestFinished(async () => {
    streams.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as { port: number };
  return { server, url: `ws://127.0.0.1:${port}/_mock/events`, events, streams, lettingGo };
}

/** A follower, open once its `ready` frame arrived; terminated when the test finishes. */
async function follow(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  onTestFinished(() => {
    ws.terminate();
  });
  await once(ws, 'message');
  return ws;
}

/** A follower whose connection is expected to close before it opens ('socket hang up'). */
function refusedFollower(url: string): WebSocket {
  const ws = new WebSocket(url);
  ws.on('error', () => undefined);
  onTestFinished(() => {
    ws.terminate();
  });
  return ws;
}

describe('attachEventStream', () => {
  it('lets go of a follower that reads nothing while more than 16 MiB of events wait for it', async () => {
    const { url, events } = await streamServer();
    const ws = await follow(url);
    const reason = 'x'.repeat(1024 * 1024);
    const sent = 64;

    // The follower stops reading; 64 events of 1 MiB each are sent meanwhile.
    ws.pause();
    for (let index = 0; index < sent; index += 1) {
      events.emit(() => ({ type: 'rooms_dropped', room_ids: [], reason }));
    }
    let read = 0;
    const outcome = new Promise<[number, string] | 'read every event'>((resolve) => {
      ws.on('message', () => {
        read += 1;
        if (read === sent) resolve('read every event');
      });
      ws.on('close', (code: number, why: Buffer) => {
        resolve([code, why.toString('utf8')]);
      });
    });
    ws.resume();

    expect(await outcome).toEqual([1013, 'too slow: the events were not read']);
    // What was sent before the limit still arrives: at least 16 MiB (the socket's own buffers,
    // a few MiB, took some of it at once), and not everything.
    expect(read).toBeGreaterThanOrEqual(16);
    expect(read).toBeLessThan(sent);
  });

  it('lets go of a follower’s subscription once it has left', async () => {
    const { url, events, lettingGo } = await streamServer();
    const ws = await follow(url);
    expect(events.active).toBe(true);

    ws.close();

    // Resolves when the hub's last subscription is let go.
    await lettingGo;
    expect(events.active).toBe(false);
  });

  it('closes an upgraded socket that fails, instead of throwing the error out', async () => {
    const { server, url } = await streamServer();
    const failed: { thrown: unknown; destroyed: boolean }[] = [];
    // Runs after the stream's own listener, as a reset of the client's would come after it.
    server.on('upgrade', (_request: IncomingMessage, socket: Duplex) => {
      let thrown: unknown;
      try {
        socket.emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
      } catch (error) {
        thrown = error;
      }
      failed.push({ thrown, destroyed: socket.destroyed });
    });
    const ws = refusedFollower(url);

    await new Promise((resolve) => ws.on('close', resolve));
    expect(failed).toEqual([{ thrown: undefined, destroyed: true }]);
  });

  it('closes an upgrade that arrives while the stream is closing, instead of following it', async () => {
    const { server, url, streams } = await streamServer();
    // The stream is closed in the same turn as the upgrade, before ws takes the socket.
    server.on('upgrade', () => {
      streams.close();
    });
    const ws = refusedFollower(url);
    const opened: boolean[] = [];
    ws.on('open', () => opened.push(true));

    await new Promise((resolve) => ws.on('close', resolve));
    expect(opened).toEqual([]);
  });
});
