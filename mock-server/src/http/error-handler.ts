import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  errorCodes,
  maxErrorDetails,
  operations,
  type ErrorCode,
  type ErrorDetail,
  type ErrorEnvelope,
  type Problem,
} from '#contracts';
import { isMockError, mockErrorCodes, QiscusApiError, type MockErrorCode } from '../errors.js';
import { BodyRefusedError } from './body-parsers.js';
import { MalformedBodyError } from './malformed-body-error.js';
import { isControlRequest } from './control-request.js';
import type { RecordExchange } from './exchange-recorder.js';
import type { RouteTable } from './route-table.js';

/** The Qiscus error envelope for a code, a message and its details (capped, the rest counted). */
export function envelope(
  code: ErrorCode,
  message: string,
  details: readonly ErrorDetail[],
): ErrorEnvelope {
  const shown = details.slice(0, maxErrorDetails);
  const more = details.length - shown.length;
  return {
    status: errorCodes[code].status,
    errors: {
      message: more > 0 ? `${message.replace(/\.$/, '')} (${more} more not listed).` : message,
      code,
      details: shown,
    },
  };
}

/** RFC 9457 problem details for a code of the mock's own surface. */
export function problem(
  code: MockErrorCode,
  detail: string,
  errors: readonly ErrorDetail[] = [],
): Problem {
  const info = mockErrorCodes[code];
  return {
    type: `urn:qiscus-mock:${code
      .replace(/^MOCK_ERR_/, '')
      .toLowerCase()
      .replace(/_/g, '-')}`,
    title: info.title,
    status: info.status,
    detail,
    code,
    ...(errors.length > 0 ? { errors: errors.slice(0, maxErrorDetails) } : {}),
  };
}

/** The same client mistake, named for each surface. */
const clientMistakes: Readonly<
  Record<string, { readonly wire: ErrorCode; readonly control: MockErrorCode }>
> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    wire: 'UNSUPPORTED_MEDIA_TYPE',
    control: 'MOCK_ERR_UNSUPPORTED_MEDIA_TYPE',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { wire: 'PAYLOAD_TOO_LARGE', control: 'MOCK_ERR_PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    wire: 'MALFORMED_BODY',
    control: 'MOCK_ERR_MALFORMED_BODY',
  },
  FST_ERR_BAD_URL: { wire: 'ROUTE_NOT_FOUND', control: 'MOCK_ERR_ROUTE_NOT_FOUND' },
};

function clientMistakeMessage(error: FastifyError, request: FastifyRequest, limit: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Send the body as application/json${isControlRequest(request.url) ? '' : ' (or form-encoded where the operation takes it)'}; ${request.headers['content-type'] ?? 'no content type'} is not accepted.`;
    case 'FST_ERR_BAD_URL':
      return `The path is not a valid URL (${error.message}): check its percent-encoding.`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `The body is larger than ${limit % (1024 * 1024) === 0 ? `${limit / (1024 * 1024)} MiB` : `${Math.round(limit / 1024)} KiB`}.`;
    default:
      return error.message;
  }
}

/**
 * The one place that turns errors into responses: the Qiscus error envelope on the Qiscus surface,
 * problem+json on `/_mock`. A client's mistake is never a 500.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  options: {
    readonly bodyLimit: number;
    readonly log: (message: string) => void;
    readonly guardHost: (request: FastifyRequest) => void;
    readonly record: RecordExchange;
    readonly routes: RouteTable;
    /** Proxy mode: a request no route serves goes on to the upstream instead of a 404. */
    readonly forward?: ((request: FastifyRequest, reply: FastifyReply) => void) | undefined;
  },
): (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => void {
  const sendEnvelope = (request: FastifyRequest, reply: FastifyReply, body: ErrorEnvelope) => {
    options.record(request, body.status, body);
    void reply.code(body.status).type('application/json; charset=utf-8').send(body);
  };
  const sendProblem = (request: FastifyRequest, reply: FastifyReply, body: Problem) => {
    options.record(request, body.status, body);
    void reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
  };
  const handleError = (
    error: FastifyError | Error,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const control = isControlRequest(request.url);
    // A request for another machine is refused as such, even when its body is also bad.
    if (!isMockError(error)) {
      try {
        options.guardHost(request);
      } catch (refusal) {
        if (!isMockError(refusal)) throw refusal;
        sendProblem(request, reply, problem(refusal.code, refusal.message, refusal.errors));
        return;
      }
    }
    if (error instanceof QiscusApiError) {
      sendEnvelope(request, reply, envelope(error.code, error.message, error.details));
      return;
    }
    if (isMockError(error)) {
      sendProblem(request, reply, problem(error.code, error.message, error.errors));
      return;
    }
    if (error instanceof BodyRefusedError) {
      const tooDeep = error.kind === 'too_deep';
      if (control) {
        const code = tooDeep ? 'MOCK_ERR_VALIDATION' : 'MOCK_ERR_UNSUPPORTED_MEDIA_TYPE';
        sendProblem(request, reply, problem(code, error.message, error.details));
      } else {
        const code = tooDeep ? 'VALIDATION_FAILED' : 'UNSUPPORTED_MEDIA_TYPE';
        sendEnvelope(request, reply, envelope(code, error.message, error.details));
      }
      return;
    }
    if (error instanceof MalformedBodyError) {
      if (control) sendProblem(request, reply, problem('MOCK_ERR_MALFORMED_BODY', error.message));
      else sendEnvelope(request, reply, envelope('MALFORMED_BODY', error.message, []));
      return;
    }
    const code = 'code' in error ? error.code : undefined;
    const mistake = code === undefined ? undefined : clientMistakes[code];
    if (mistake) {
      const message = clientMistakeMessage(error as FastifyError, request, options.bodyLimit);
      const path = code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'headers.content-type' : '';
      const details = path === '' ? [] : [{ path, message: 'is not accepted here' }];
      if (control) sendProblem(request, reply, problem(mistake.control, message, details));
      else sendEnvelope(request, reply, envelope(mistake.wire, message, details));
      return;
    }
    options.log(
      `qiscus-mock: internal error on ${request.method} ${request.url}: ${error.stack ?? error.message}`,
    );
    const message = `The mock failed while handling ${request.method} ${request.url.split('?')[0] ?? ''}: this is a bug; please report it with the traffic log (GET /_mock/traffic).`;
    if (control) sendProblem(request, reply, problem('MOCK_ERR_INTERNAL', message));
    else sendEnvelope(request, reply, envelope('INTERNAL_ERROR', message, []));
  };
  app.setErrorHandler(handleError);

  app.setNotFoundHandler((request, reply) => {
    try {
      options.guardHost(request);
    } catch (error) {
      if (isMockError(error)) {
        sendProblem(request, reply, problem(error.code, error.message, error.errors));
        return;
      }
      throw error;
    }
    if (options.forward && !isControlRequest(request.url)) {
      options.forward(request, reply);
      return;
    }
    const path = request.url.split('?')[0] ?? '';
    const allowed = options.routes.methodsFor(path);
    if (allowed.length > 0) {
      const takes = `${request.method} ${path} is not served: ${path} takes ${allowed.join(', ')}.`;
      void reply.header('allow', allowed.join(', '));
      if (isControlRequest(request.url)) {
        sendProblem(request, reply, problem('MOCK_ERR_METHOD_NOT_ALLOWED', takes));
      } else {
        sendEnvelope(request, reply, envelope('METHOD_NOT_ALLOWED', takes, []));
      }
      return;
    }
    if (isControlRequest(request.url)) {
      sendProblem(
        request,
        reply,
        problem(
          'MOCK_ERR_ROUTE_NOT_FOUND',
          `No /_mock route is ${request.method} ${path}: see GET /docs for the routes there are.`,
        ),
      );
      return;
    }
    sendEnvelope(
      request,
      reply,
      envelope(
        'ROUTE_NOT_FOUND',
        `No operation is ${request.method} ${path}${suggestRoute(request.method, path)}`,
        [],
      ),
    );
  });
  return handleError;
}

/** "did you mean …" for a path close to one of the catalogue's. */
function suggestRoute(method: string, path: string): string {
  const segments = path.split('/');
  let best: { readonly text: string; readonly score: number } | undefined;
  for (const operation of operations) {
    const template = operation.path.split('/');
    if (template.length !== segments.length) continue;
    let score = 0;
    const filled = template.map((part, index) => {
      const actual = segments[index] ?? '';
      if (part.startsWith('{')) return actual;
      if (part !== actual) score += 1;
      return part;
    });
    if (operation.method.toUpperCase() !== method) score += 1;
    if (score <= 1 && (!best || score < best.score)) {
      best = { text: `${operation.method.toUpperCase()} ${filled.join('/')}`, score };
    }
  }
  return best && best.score > 0
    ? `: did you mean ${best.text}?`
    : ': see GET /docs for the operations there are.';
}
