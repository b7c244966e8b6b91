import type { FastifyRequest } from 'fastify';
import type { ErrorDetail, ExchangeFlag } from '#contracts';
import type { TrafficLog } from '../traffic/traffic-log.js';
import { isControlRequest } from './control-request.js';
import './exchange-notes.js';

const noWarnings: readonly ErrorDetail[] = Object.freeze([]);
const noFlags: readonly ExchangeFlag[] = Object.freeze([]);

/** Reads of the mock itself and its docs are not exchanges worth keeping. */
function isUnrecorded(method: string, url: string): boolean {
  if (url.startsWith('/docs') || url.startsWith('/openapi.json') || url === '/favicon.ico') {
    return true;
  }
  return method === 'GET' && (isControlRequest(url) || url === '/');
}

/**
 * Records one answered request in the traffic log. Called where the answer is made (the route
 * wrappers, the error and not-found handlers) rather than from a global hook, which would cost
 * every request a hook run.
 */
export function recordExchange(
  traffic: TrafficLog,
  request: FastifyRequest,
  status: number,
  responseBody: unknown,
): void {
  const notes = request.exchangeNotes;
  if (!notes && isUnrecorded(request.method, request.url)) return;
  const raw = request.rawBody;
  traffic.record({
    direction: notes?.direction ?? (isControlRequest(request.url) ? 'control' : 'from_bot'),
    operationId:
      notes?.operationId ??
      (request.routeOptions.config as { operationId?: string }).operationId ??
      null,
    method: request.method,
    path: request.url,
    roomId: notes?.roomId ?? null,
    status,
    // Strings rather than objects: the log keeps thousands, and strings cost the GC least.
    requestHeaders: request.raw.rawHeaders.join('\n'),
    requestBody: raw ? raw.text : request.body,
    ...(raw ? { requestBodyKind: raw.kind } : {}),
    responseBody,
    error: null,
    warnings: notes?.warnings ?? noWarnings,
    flags: notes?.flags ?? noFlags,
  });
}
