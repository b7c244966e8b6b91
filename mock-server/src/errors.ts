import createError, { type FastifyErrorConstructor } from '@fastify/error';
import type { ErrorCode, ErrorDetail } from '#contracts';

/** What one code of the mock's own errors means; the README's table lists them all. */
interface MockErrorInfo {
  readonly status: number;
  readonly title: string;
  readonly when: string;
}

/** Every error of the mock's own surface (`/_mock`, the config file, start-up). */
export const mockErrorCodes = {
  MOCK_ERR_VALIDATION: {
    status: 400,
    title: 'Invalid request',
    when: 'A /_mock request does not match its schema; `errors` lists every problem with its field path.',
  },
  MOCK_ERR_MALFORMED_BODY: {
    status: 400,
    title: 'Malformed body',
    when: 'A /_mock body is not valid JSON.',
  },
  MOCK_ERR_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported media type',
    when: 'A /_mock body is not application/json.',
  },
  MOCK_ERR_PAYLOAD_TOO_LARGE: {
    status: 413,
    title: 'Body too large',
    when: 'A body is larger than the body limit (1 MiB).',
  },
  MOCK_ERR_ROUTE_NOT_FOUND: {
    status: 404,
    title: 'No such route',
    when: 'No /_mock route has that method and path.',
  },
  MOCK_ERR_METHOD_NOT_ALLOWED: {
    status: 405,
    title: 'Method not allowed',
    when: 'A /_mock route has that path but not that method; the `Allow` header lists its methods.',
  },
  MOCK_ERR_ADMIN_TOKEN_REQUIRED: {
    status: 401,
    title: 'Admin token required',
    when: 'The mock listens on a non-loopback address (e.g. --host 0.0.0.0), so /_mock asks for `Authorization: Bearer <admin token>` (or the raw token).',
  },
  MOCK_ERR_ROOM_NOT_FOUND: {
    status: 404,
    title: 'Room not found',
    when: 'No room has that id.',
  },
  MOCK_ERR_DELIVERY_NOT_FOUND: {
    status: 404,
    title: 'Delivery not found',
    when: 'No delivery in the log has that id.',
  },
  MOCK_ERR_CHANNEL_NOT_FOUND: {
    status: 404,
    title: 'Channel not found',
    when: 'The app has no channel of that kind (or with that channel_id).',
  },
  MOCK_ERR_CHANNEL_MISMATCH: {
    status: 409,
    title: 'Room is on another channel',
    when: 'A customer message names a room_id and a channel that is not the room’s.',
  },
  MOCK_ERR_BUTTON_NOT_FOUND: {
    status: 409,
    title: 'No such button',
    when: 'A postback names a label that no postback button the bot sent into the room has.',
  },
  MOCK_ERR_NO_PENDING_HANDOVER: {
    status: 409,
    title: 'No handover request',
    when: 'Accept or decline was asked for a room with no pending handover request.',
  },
  MOCK_ERR_AGENT_NOT_FOUND: {
    status: 404,
    title: 'Agent not found',
    when: 'No agent has that agent_id.',
  },
  MOCK_ERR_NO_AGENT: {
    status: 409,
    title: 'No agent',
    when: 'An agent is needed (to accept a handover, or to write) and none is in the room or available.',
  },
  MOCK_ERR_WEBHOOK_TARGET: {
    status: 400,
    title: 'Webhook target not allowed',
    when: 'A bot URL is not an http(s) URL, or not on this machine without --allow-remote-webhook.',
  },
  MOCK_ERR_HOST_NOT_ALLOWED: {
    status: 421,
    title: 'Host not allowed',
    when: 'The Host header names another machine while the mock listens on loopback (DNS-rebinding guard).',
  },
  MOCK_ERR_ORIGIN_NOT_ALLOWED: {
    status: 403,
    title: 'Origin not allowed',
    when: 'A web page of another origin called the control API or opened the event stream (only the dashboard, served by the mock itself, may).',
  },
  MOCK_ERR_CONFIG: {
    status: 400,
    title: 'Invalid configuration',
    when: 'The config file or an option is invalid; the message names the file and the key.',
  },
  MOCK_ERR_LISTEN: {
    status: 500,
    title: 'Cannot listen',
    when: 'The server could not bind its host and port (for example, the port is in use).',
  },
  MOCK_ERR_INTERNAL: {
    status: 500,
    title: 'Internal error',
    when: 'A bug in the mock; the message says where to report it.',
  },
} as const satisfies Record<string, MockErrorInfo>;

/** A code of the mock's own errors. */
export type MockErrorCode = keyof typeof mockErrorCodes;

const constructors = new Map<MockErrorCode, FastifyErrorConstructor>(
  (Object.keys(mockErrorCodes) as MockErrorCode[]).map((code) => [
    code,
    createError(code, '%s', mockErrorCodes[code].status),
  ]),
);

/** An error of the mock's own surface: a stable code, a message a person can act on, details. */
export interface MockError extends Error {
  readonly code: MockErrorCode;
  readonly statusCode: number;
  readonly errors: readonly ErrorDetail[];
}

/** Makes a catalogued error of the mock's own surface. */
export function mockError(
  code: MockErrorCode,
  message: string,
  options: { readonly errors?: readonly ErrorDetail[]; readonly cause?: unknown } = {},
): MockError {
  const Constructor = constructors.get(code);
  if (!Constructor) throw new Error(`unknown mock error code ${code}`);
  const error = new Constructor(message);
  if (options.cause !== undefined) error.cause = options.cause;
  return Object.assign(error, { code, errors: options.errors ?? [] }) as MockError;
}

/** Whether a value is one of the mock's catalogued errors. */
export function isMockError(error: unknown): error is MockError {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code in mockErrorCodes &&
    'errors' in error
  );
}

/** An error on the Qiscus surface, answered with the contract's error envelope. */
export class QiscusApiError extends Error {
  override readonly name = 'QiscusApiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** No delivery has the id: the redeliver routes' refusal, over HTTP and through the handle. */
export function deliveryNotFound(deliveryId: string): MockError {
  return mockError(
    'MOCK_ERR_DELIVERY_NOT_FOUND',
    `No delivery has the id "${deliveryId}". GET /_mock/deliveries lists them.`,
  );
}
