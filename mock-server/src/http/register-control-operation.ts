import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkContract, type ControlOperationDescriptor, type z } from '#contracts';
import { mockError } from '../errors.js';
import { jsonContentType, JsonText } from '../json/json-text.js';
import { mediaTypeOf } from './body-parsers.js';
import { checkOrigin } from './host-guard.js';
import type { TrafficLog } from '../traffic/traffic-log.js';
import type { RecordExchange } from './exchange-recorder.js';
import type { ReplyBatch } from './reply-batch.js';
import { toRoutePath } from './register-operation.js';
import { noFlags, noWarnings } from '../traffic/kept-exchange.js';

type PartOf<
  D extends ControlOperationDescriptor,
  K extends 'params' | 'query',
> = D['request'] extends {
  readonly [P in K]: infer S extends z.ZodType;
}
  ? z.output<S>
  : Record<string, never>;

type BodyOf<D extends ControlOperationDescriptor> = D['request'] extends {
  readonly body: { readonly schema: infer S extends z.ZodType; readonly required: infer R };
}
  ? R extends true
    ? z.output<S>
    : z.output<S> | undefined
  : undefined;

/** What a control handler gets: checked params, query and body. */
export interface ControlInput<D extends ControlOperationDescriptor> {
  readonly params: PartOf<D, 'params'>;
  readonly query: PartOf<D, 'query'>;
  readonly body: BodyOf<D>;
  readonly request: FastifyRequest;
}

function check<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = checkContract(schema, value);
  if (result.ok) return result.value;
  const prefixed = result.problems.map((problem) => ({
    path: where === 'body' ? problem.path : `${where}.${problem.path}`.replace(/\.$/, ''),
    message: problem.message,
  }));
  const count = prefixed.length === 1 ? '1 problem' : `${prefixed.length} problems`;
  throw mockError(
    'MOCK_ERR_VALIDATION',
    `The ${where} does not match the schema: ${count} (${prefixed.map((p) => `${p.path || where}: ${p.message}`).join('; ')}).`,
    { errors: prefixed },
  );
}

/**
 * Registers one operation of the mock's own API: params, query and body checked against the
 * descriptor (unknown fields refused: this API is ours, and a typo should not pass), changes
 * recorded in the traffic log as `control` exchanges. A handler returns the answer's value, or
 * its JSON text already written (`JsonText`). The answer is written out as JSON once, the same
 * text going out and into the log; an answer made at once goes out with the others of the same
 * event-loop turn (`ReplyBatch`), one the handler waits for as soon as it is ready.
 */
export function registerControlOperation<const D extends ControlOperationDescriptor>(
  app: FastifyInstance,
  operation: D,
  deps: {
    readonly guardHost: (request: FastifyRequest) => void;
    readonly record: RecordExchange;
    readonly replies: ReplyBatch;
    readonly traffic: Pick<TrafficLog, 'start'>;
  },
  handler: (input: ControlInput<D>) => unknown,
): void {
  const { params, query, body } = operation.request;
  const { status } = operation.response;
  // Batched: the answer goes out at the end of the turn, and fastify must be given nothing.
  const answer = (
    request: FastifyRequest,
    reply: FastifyReply,
    result: unknown,
    batched: boolean,
  ) => {
    const text =
      result instanceof JsonText ? result.text : (JSON.stringify(result) as string | undefined);
    if (text === undefined) {
      deps.record(request, status, result);
      const sent = reply.code(status).send(result);
      return batched ? undefined : sent;
    }
    deps.record(request, status, text, true);
    const ready = reply.code(status).header('content-type', jsonContentType);
    if (!batched) return ready.send(text);
    deps.replies.send(ready, text);
    return undefined;
  };
  app.route({
    method: operation.method.toUpperCase(),
    url: toRoutePath(operation.path),
    config: { operationId: operation.id },
    // Not async: a handler's answer made at once goes to the batch, and fastify is given nothing
    // to wait for; one that is a promise is answered when it settles.
    handler: (request, reply) => {
      deps.guardHost(request);
      const crossSite = checkOrigin(request.headers.origin, request.headers.host);
      if (crossSite) throw crossSite;
      if (operation.method !== 'get') {
        const roomId = (request.params as { room_id?: string }).room_id ?? null;
        request.exchangeNotes = {
          // Taken now: the webhooks a call sets off (and waits for) begin after it.
          startSeq: deps.traffic.start(),
          direction: 'control',
          operationId: operation.id,
          roomId,
          warnings: noWarnings,
          flags: noFlags,
        };
      }
      const input = {
        params: params ? check(params, request.params, 'path') : {},
        query: query ? check(query, request.query, 'query') : {},
        body: undefined as unknown,
        request,
      };
      if (request.body !== undefined) {
        if (mediaTypeOf(request.headers['content-type']) !== 'application/json') {
          throw mockError('MOCK_ERR_UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.', {
            errors: [{ path: 'headers.content-type', message: 'must be application/json' }],
          });
        }
        input.body = body ? check(body.schema, request.body, 'body') : undefined;
      } else if (body?.required) {
        check(body.schema, undefined, 'body');
      }
      const result = handler(input as ControlInput<D>);
      if (result instanceof Promise) {
        return result.then((value: unknown) => answer(request, reply, value, false));
      }
      return answer(request, reply, result, true);
    },
  });
}
