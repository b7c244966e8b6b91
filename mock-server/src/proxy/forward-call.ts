import type { FastifyReply, FastifyRequest } from 'fastify';
import { QiscusApiError } from '../errors.js';
import type { ExchangeNotes } from '../http/exchange-notes.js';
import type { RecordExchange } from '../http/exchange-recorder.js';
import type { ReplyBatch } from '../http/reply-batch.js';
import type { UpstreamProxy } from './upstream-proxy.js';
import { noFlags, noWarnings } from '../traffic/kept-exchange.js';

/**
 * Passes one call of the bot on to the upstream and its answer back, unchanged (status, body,
 * content type, `Retry-After`). The call is still checked against the contract, but a proxy must
 * not change what happens: what the mock would have refused goes on anyway, and the problems
 * are noted on the exchange as warnings (the traffic log, the recording, `validate`) and told to
 * `upstream.report`. An upstream that cannot be reached answers 502 UPSTREAM_UNREACHABLE.
 */
export function forwardCall(
  upstream: UpstreamProxy,
  call: {
    readonly request: FastifyRequest;
    readonly reply: FastifyReply;
    readonly notes: ExchangeNotes;
    readonly deps: { readonly record: RecordExchange; readonly replies: ReplyBatch };
  },
  check: () => unknown,
): void {
  const { request, reply, notes, deps } = call;
  try {
    check();
  } catch (error) {
    if (!(error instanceof QiscusApiError)) throw error;
    const details =
      error.details.length > 0 ? error.details : [{ path: '', message: error.message }];
    notes.warnings = [
      ...notes.warnings,
      ...details.map((detail) => ({
        path: detail.path,
        message: `violates the contract (forwarded anyway): ${detail.message}`,
      })),
    ];
    upstream.report(
      `${request.method} ${request.url}: ${error.message} ${details
        .map((detail) => `${detail.path || '(body)'}: ${detail.message}`)
        .join('; ')}. Forwarded to the upstream as it was.`,
    );
  }
  upstream.forward(request).then(
    (answer) => {
      // The upstream's text as it came (JSON or not), read as JSON when shown if it is.
      deps.record(request, answer.status, answer.text);
      void reply.code(answer.status);
      if (answer.contentType !== null) void reply.header('content-type', answer.contentType);
      if (answer.retryAfter !== null) void reply.header('retry-after', answer.retryAfter);
      deps.replies.send(reply, answer.text);
    },
    (error: unknown) => {
      // The error handler answers it in the envelope and logs the exchange.
      void reply.send(error);
    },
  );
}

/**
 * Passes on a request no operation of the catalogue serves (proxy mode's not-found handler): the
 * upstream may serve it, and a proxy must not answer for it. Noted as outside the contract.
 */
export function forwardUnknownCall(
  upstream: UpstreamProxy,
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { readonly record: RecordExchange; readonly replies: ReplyBatch },
): void {
  const notes: ExchangeNotes = {
    direction: 'from_bot',
    operationId: null,
    roomId: null,
    warnings: noWarnings,
    flags: noFlags,
  };
  request.exchangeNotes = notes;
  forwardCall(upstream, { request, reply, notes, deps }, () => {
    throw new QiscusApiError(
      'ROUTE_NOT_FOUND',
      `No operation of the contracts is ${request.method} ${request.url.split('?')[0] ?? ''}.`,
    );
  });
}
