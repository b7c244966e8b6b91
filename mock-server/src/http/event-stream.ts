import {
  STATUS_CODES,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { MockRoom, MockSettings } from '#contracts';
import { mockError, type MockError } from '../errors.js';
import type { MockEvents } from '../events/mock-events.js';
import { problem } from './error-handler.js';
import { checkOrigin } from './host-guard.js';

/** Where the live events are served. */
export const eventStreamPath = '/_mock/events';

// A client this far behind is not reading; it is let go rather than kept in memory.
const maxBufferedBytes = 16 * 1024 * 1024;

/** Answers an upgrade the stream will not take, as problem+json, and closes the socket. */
function refuse(socket: Duplex, error: MockError): void {
  const body = JSON.stringify(problem(error.code, error.message, error.errors));
  socket.end(
    `HTTP/1.1 ${error.statusCode} ${STATUS_CODES[error.statusCode] ?? ''}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Serves `/_mock/events` on the mock's HTTP server: a WebSocket that sends a `ready` snapshot,
 * then every event as one JSON text frame. The Host check of the HTTP routes applies; other
 * upgrade paths get a 404. Returns how to close every stream (before the server closes).
 */
export function attachEventStream(
  server: Server,
  deps: {
    readonly events: MockEvents;
    readonly checkHost: (host: string | undefined) => MockError | undefined;
    /** The admin-token check beyond loopback. */
    readonly checkAdmin: (url: string, headers: IncomingHttpHeaders) => MockError | undefined;
    readonly snapshot: () => { readonly settings: MockSettings; readonly rooms: MockRoom[] };
  },
): { close(): void } {
  // ws is loaded with the first stream, not at start.
  let loading: Promise<WebSocketServer> | undefined;
  let wss: WebSocketServer | undefined;
  let closed = false;
  const streamServer = () =>
    (loading ??= import('ws').then(({ WebSocketServer }) => {
      wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
      return wss;
    }));

  const follow = (ws: WebSocket) => {
    ws.send(JSON.stringify({ type: 'ready', seq: deps.events.lastSeq, ...deps.snapshot() }));
    const stop = deps.events.subscribe((event) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > maxBufferedBytes) {
        ws.close(1013, 'too slow: the events were not read');
        return;
      }
      ws.send(JSON.stringify(event));
    });
    ws.on('close', stop);
    ws.on('error', stop);
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node leaves an upgraded socket without an error listener: a client that resets it while
    // it is refused or handed to ws would otherwise throw out of the process.
    socket.on('error', () => {
      socket.destroy();
    });
    const path = (request.url ?? '').split('?')[0];
    if (path !== eventStreamPath) {
      refuse(
        socket,
        mockError(
          'MOCK_ERR_ROUTE_NOT_FOUND',
          `Only ${eventStreamPath} takes a WebSocket here, not ${path ?? ''}.`,
        ),
      );
      return;
    }
    const refusal =
      deps.checkHost(request.headers.host) ??
      deps.checkAdmin(request.url ?? '', request.headers) ??
      checkOrigin(request.headers.origin, request.headers.host);
    if (refusal) {
      refuse(socket, refusal);
      return;
    }
    void streamServer().then(
      (streams) => {
        if (closed) socket.destroy();
        else streams.handleUpgrade(request, socket, head, follow);
      },
      () => socket.destroy(),
    );
  });

  return {
    close() {
      closed = true;
      if (!wss) return;
      for (const client of wss.clients) client.close(1001, 'the mock is stopping');
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
