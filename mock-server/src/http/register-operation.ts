import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  checkContract,
  type BodyMediaType,
  type ExchangeFlag,
  type OperationDescriptor,
  type z,
} from '#contracts';
import { QiscusApiError } from '../errors.js';
import { injectedRefusal, type FaultInjector } from '../faults/fault-injector.js';
import { largeBodyBytes, mediaTypeOf } from './body-parsers.js';
import { compileSerializer } from './compile-serializer.js';
import type { CredentialCheck } from './check-credentials.js';
import type { ExchangeNotes } from './exchange-notes.js';
import type { TrafficLog } from '../traffic/traffic-log.js';
import type { RecordExchange } from './exchange-recorder.js';
import type { ReplyBatch } from './reply-batch.js';
import type { LargeBodyRouteConfig } from './body-slots.js';
import { forwardCall } from '../proxy/forward-call.js';
import type { UpstreamProxy } from '../proxy/upstream-proxy.js';
import { noFlags, noWarnings } from '../traffic/kept-exchange.js';

type ParamsOf<D extends OperationDescriptor> = D['request'] extends {
  readonly params: infer P extends z.ZodType;
}
  ? z.output<P>
  : Record<string, never>;

type QueryOf<D extends OperationDescriptor> = D['request'] extends {
  readonly query: infer Q extends z.ZodType;
}
  ? z.output<Q>
  : Record<string, never>;

type BodyOf<D extends OperationDescriptor> = D['request'] extends {
  readonly body: { readonly content: infer C };
}
  ? {
      [K in keyof C]: C[K] extends { readonly schema: infer S extends z.ZodType }
        ? z.output<S>
        : never;
    }[keyof C]
  : undefined;

/** What a handler gets: the checked params and body, and the request (to flag the exchange). */
export interface OperationInput<D extends OperationDescriptor> {
  readonly params: ParamsOf<D>;
  /** The checked query string; unknown parameters are kept out and noted as warnings. */
  readonly query: QueryOf<D>;
  /** The checked body; undefined when an optional body was left out. */
  readonly body:
    | BodyOf<D>
    | (D['request'] extends { readonly body: { readonly required: true } } ? never : undefined);
  readonly request: FastifyRequest;
}

/**
 * A handler's answer: the success body (the status is the operation's 200), made at once, as the
 * state is in memory. A plain record, so a promise cannot pass for one.
 */
export type OperationHandler<D extends OperationDescriptor> = (
  input: OperationInput<D>,
) => Readonly<Record<string, unknown>>;

/** Notes something about the exchange of a request, for the traffic log. */
export function flagExchange(request: FastifyRequest, flag: ExchangeFlag): void {
  const notes = request.exchangeNotes;
  if (notes) notes.flags = [...notes.flags, flag];
}

/** Whether a request's Content-Length says its body is over `largeBodyBytes`. */
function declaresLargeBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return length !== undefined && Number(length) > largeBodyBytes;
}

/** What the traffic log shows for a body refused before it was read. */
function notReadMarker(request: FastifyRequest): string {
  return `[not read: the request was refused before its body of ${request.headers['content-length'] ?? '?'} bytes was read]`;
}

/** Turns an OpenAPI path template into a fastify one: `/{app_code}/bot` → `/:app_code/bot`. */
export function toRoutePath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

/** The names of an OpenAPI path template's parameters: `/{app_code}/bot` → `['app_code']`. */
function pathParamNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

function sameValues(
  names: readonly string[],
  params: Readonly<Record<string, string>>,
  values: readonly string[],
): boolean {
  for (let i = 0; i < names.length; i += 1) {
    if (params[names[i] ?? ''] !== values[i]) return false;
  }
  return true;
}

const jsonContentType = 'application/json; charset=utf-8';

function refuse(problems: readonly { path: string; message: string }[], what: string): never {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  throw new QiscusApiError(
    'VALIDATION_FAILED',
    `${what} does not match the contract: ${count}.`,
    problems,
  );
}

/**
 * Registers one operation of the catalogue. Before the handler runs, in this order: the app code
 * of the path, the credentials, the path parameters, the media type and the body, all checked
 * against the descriptor's schemas. Unknown body fields are accepted (as Qiscus ignores them) and
 * noted on the exchange as contract warnings. The answer goes out with the others of the same
 * event-loop turn (`ReplyBatch`).
 */
export function registerOperation<const D extends OperationDescriptor>(
  app: FastifyInstance,
  operation: D,
  deps: {
    readonly appCode: () => string;
    readonly credentials: () => CredentialCheck;
    readonly guardHost: (request: FastifyRequest) => void;
    readonly record: RecordExchange;
    readonly replies: ReplyBatch;
    readonly traffic: Pick<TrafficLog, 'start'>;
    /** The faults injected on purpose; left out: none. */
    readonly faults?: FaultInjector | undefined;
    /** Set in proxy mode (`serve --upstream`): every call goes on to the upstream. */
    readonly upstream?: UpstreamProxy | undefined;
  },
  handler: OperationHandler<D>,
): void {
  const { params: paramsSchema, query: querySchema, body: bodyContract } = operation.request;
  // An operation that names no credentials (logging in) is open to anyone.
  const needsCredentials = operation.auth.styles.length > 0;
  // Compiled in the background after the route's first answer, so a start of the mock does not
  // pay for every route, nor a request for the compiling.
  const serialize = compileSerializer(operation.responses[200]?.schema);
  // The path parameters last found valid: a bot posts to the same app, often the same room, again
  // and again, and the same values always check the same way.
  const paramNames = pathParamNames(operation.path);
  let lastParams: { readonly raw: readonly string[]; readonly value: unknown } | undefined;
  // The path, query and body against the descriptor's schemas, as the handler's input; throws the
  // refusal.
  const checkInput = (request: FastifyRequest, notes: ExchangeNotes): OperationInput<D> => {
    const rawParams = request.params as Record<string, string>;
    const rawBody: unknown = request.body;
    if (typeof rawBody === 'object' && rawBody !== null && 'room_id' in rawBody) {
      if (typeof rawBody.room_id === 'string') notes.roomId = rawBody.room_id;
      // The admin API's JSON callers may send the room id as a number.
      else if (typeof rawBody.room_id === 'number') notes.roomId = String(rawBody.room_id);
    }
    let params: unknown = {};
    if (paramsSchema) {
      if (lastParams && sameValues(paramNames, rawParams, lastParams.raw)) {
        params = lastParams.value;
      } else {
        const check = checkContract(paramsSchema, rawParams);
        if (!check.ok) refuse(check.problems, 'The path');
        params = check.value;
        // Shared by the requests that send the same values, so nobody may change it.
        lastParams = {
          raw: paramNames.map((name) => rawParams[name] ?? ''),
          value: Object.freeze(params),
        };
      }
    }
    let query: unknown = {};
    if (querySchema) {
      const check = checkContract(querySchema, request.query, { unknownFields: 'warn' });
      if (check.warnings.length > 0) notes.warnings = check.warnings;
      if (!check.ok) refuse(check.problems, 'The query');
      query = check.value;
    }
    let body: unknown;
    if (bodyContract) {
      if (request.body === undefined) {
        if (bodyContract.required) {
          const types = Object.keys(bodyContract.content).join(' or ');
          refuse([{ path: '', message: `the body is required (${types})` }], 'The request');
        }
      } else {
        const mediaType = mediaTypeOf(request.headers['content-type']) as BodyMediaType;
        const content = bodyContract.content[mediaType];
        if (!content) {
          const accepted = Object.keys(bodyContract.content);
          throw new QiscusApiError(
            'UNSUPPORTED_MEDIA_TYPE',
            `Send the body as ${accepted.join(' or ')}; ${mediaType} is not accepted here.`,
            [{ path: 'headers.content-type', message: `must be ${accepted.join(' or ')}` }],
          );
        }
        const check = checkContract(content.schema, request.body, { unknownFields: 'warn' });
        if (check.warnings.length > 0) notes.warnings = [...notes.warnings, ...check.warnings];
        if (!check.ok) refuse(check.problems, 'The body');
        body = check.value;
      }
    }
    return {
      params: params as ParamsOf<D>,
      query: query as QueryOf<D>,
      body: body as OperationInput<D>['body'],
      request,
    };
  };
  // The handler's answer, serialized once: the same text goes out and into the traffic log.
  const answer = (reply: FastifyReply, input: OperationInput<D>): void => {
    const text = serialize(handler(input));
    deps.record(input.request, 200, text, true);
    deps.replies.send(reply.code(200).header('content-type', jsonContentType), text);
  };
  // What is checked before the body: the Host, the app code of the path and the credentials.
  const begin = (request: FastifyRequest): ExchangeNotes => {
    deps.guardHost(request);
    const notes: ExchangeNotes = {
      // Taken now, not when answered: an answer held back (a fault's latency) does not move the
      // call after the webhooks sent meanwhile. A large body's call began at its headers, where
      // onRequest met it first.
      startSeq: request.exchangeNotes?.startSeq ?? deps.traffic.start(),
      direction: 'from_bot',
      operationId: operation.id,
      roomId: null,
      warnings: noWarnings,
      flags: noFlags,
    };
    request.exchangeNotes = notes;
    const rawParams = request.params as Record<string, string>;
    if (rawParams.room_id !== undefined) notes.roomId = rawParams.room_id;
    return notes;
  };
  const checkCaller = (request: FastifyRequest): void => {
    const appCode = (request.params as Record<string, string>).app_code;
    if (appCode !== undefined && appCode !== deps.appCode()) {
      throw new QiscusApiError(
        'APP_NOT_FOUND',
        `No app has the code in the path: this mock serves the app "${deps.appCode()}".`,
        [{ path: 'app_code', message: "is not this mock's app code" }],
      );
    }
    if (needsCredentials) deps.credentials().check(request.headers, operation.auth);
  };
  // A body declared large (Content-Length over 64 KB) from a caller who would be refused anyway
  // is refused before it is read: Node drains its bytes and drops them, never decoded or parsed
  // (issue 15: a wrong secret with 1 MB cost a full read and parse). A small body is read first,
  // as before, so the traffic log shows which room the refused call was about; so is a chunked
  // one, whose framing errors are then answered as such. A proxy passes everything on.
  const beforeLargeBody = (request: FastifyRequest): void => {
    if (!declaresLargeBody(request)) return;
    try {
      begin(request);
      checkCaller(request);
    } catch (error) {
      request.body = notReadMarker(request);
      throw error;
    }
  };
  const config: { operationId: string } & LargeBodyRouteConfig = deps.upstream
    ? { operationId: operation.id }
    : { operationId: operation.id, beforeLargeBody };
  app.route({
    method: operation.method.toUpperCase(),
    url: toRoutePath(operation.path),
    config,
    // Not async, and returns nothing: fastify then leaves the answer to the batch. Returning the
    // reply instead would make fastify wait for the response's 'finish' event, which costs every
    // request a set of listeners on the response.
    handler: (request, reply) => {
      const notes = begin(request);
      // A proxy passes everything on: the upstream judges the app code and the credentials.
      if (deps.upstream) {
        forwardCall(deps.upstream, { request, reply, notes, deps }, () =>
          checkInput(request, notes),
        );
        return;
      }
      checkCaller(request);
      const input = checkInput(request, notes);
      const fault = deps.faults?.take(operation.id, notes.roomId);
      // The usual case makes no closure (with the sources run through tsx, each also costs a
      // defineProperty for its name).
      if (!fault) {
        answer(reply, input);
        return;
      }
      flagExchange(request, 'INJECTED_FAULT');
      const finish = () => {
        if (fault.status !== undefined) {
          if (fault.status === 429) void reply.header('retry-after', String(fault.retry_after));
          throw injectedRefusal(fault.status, operation.id);
        }
        answer(reply, input);
      };
      if (fault.latency_ms === 0) {
        finish();
        return;
      }
      // A slow answer: the call is served (or refused) that much later.
      setTimeout(() => {
        try {
          finish();
        } catch (error) {
          void reply.send(error);
        }
      }, fault.latency_ms);
    },
  });
}
