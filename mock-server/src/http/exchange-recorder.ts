import type { FastifyRequest } from 'fastify';
import type { TrafficLog } from '../traffic/traffic-log.js';
import { isControlRequest } from './control-request.js';
import './exchange-notes.js';
import { noFlags, noWarnings } from '../traffic/kept-exchange.js';

/** Reads of the mock itself and its docs are not exchanges worth keeping. */
function isUnrecorded(method: string, url: string): boolean {
  if (url.startsWith('/docs') || url.startsWith('/openapi.json') || url === '/favicon.ico') {
    return true;
  }
  return method === 'GET' && (isControlRequest(url) || url === '/');
}

/**
 * Puts an answered request in the traffic log. `bodyIsText` says the response body is the JSON
 * text the mock wrote, as it went out, which the log keeps as it is (one string costs the GC less
 * than a tree) and a recording line takes in as it is.
 */
export type RecordExchange = (
  request: FastifyRequest,
  status: number,
  responseBody: unknown,
  bodyIsText?: boolean,
) => void;

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
  bodyIsText = false,
): void {
  const notes = request.exchangeNotes;
  if (!notes && isUnrecorded(request.method, request.url)) return;
  const raw = request.rawBody;
  traffic.record({
    startSeq: notes?.startSeq,
    direction: notes?.direction ?? (isControlRequest(request.url) ? 'control' : 'from_bot'),
    operationId:
      notes?.operationId ??
      (request.routeOptions.config as { operationId?: string }).operationId ??
      null,
    method: request.method,
    path: request.url,
    roomId: notes?.roomId ?? null,
    status,
    // Node's raw lines joined into one string: the log keeps tens of thousands of exchanges, and
    // one string lives through the garbage collections more cheaply than a list and its dozen.
    requestHeaders: request.raw.rawHeaders.join('\n'),
    requestBody: raw ? raw.text : request.body,
    requestBodyKind: raw ? raw.kind : undefined,
    // The text was parsed into the body the route got: it is one whole JSON text.
    requestBodyParsed: raw?.kind === 'json' && request.body !== undefined,
    responseBody,
    responseIsText: bodyIsText,
    responseIsJson: bodyIsText,
    error: null,
    warnings: notes?.warnings ?? noWarnings,
    flags: notes?.flags ?? noFlags,
  });
}
