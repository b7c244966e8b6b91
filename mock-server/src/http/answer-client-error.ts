import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from '#contracts';
import { envelope } from './error-handler.js';

function refusalOf(
  code: string,
  requestTimeoutMs: number,
): { readonly code: ErrorCode; readonly message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      code: 'HEADERS_TOO_LARGE',
      message: 'The request headers are larger than 16 KiB: send fewer or shorter headers.',
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT') {
    return {
      code: 'REQUEST_TIMEOUT',
      message: `The request did not arrive in full within ${requestTimeoutMs} ms: send the whole body, with a Content-Length that matches it.`,
    };
  }
  return {
    code: 'MALFORMED_REQUEST',
    message: `The request is not valid HTTP (${code || 'unreadable'}): check how the client frames its headers and body.`,
  };
}

/**
 * Answers what Node refuses before any route sees it (headers too large, broken framing, a request
 * that never finishes) with the Qiscus error envelope instead of Node's bare status line, then
 * closes the connection: after a framing error nothing more on it can be trusted.
 */
export function answerClientError(
  error: Error & { readonly code?: string },
  socket: Socket,
  requestTimeoutMs: number,
): void {
  const code = error.code ?? '';
  if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable) {
    socket.destroy();
    return;
  }
  const refusal = refusalOf(code, requestTimeoutMs);
  const answer = envelope(refusal.code, refusal.message, []);
  const body = JSON.stringify(answer);
  const status = answer.status;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
