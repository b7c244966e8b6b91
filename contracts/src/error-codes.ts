/** What one error code of the Qiscus surface means. */
export interface ErrorCodeInfo {
  /** The HTTP status it is answered with. */
  readonly status: 400 | 401 | 404 | 405 | 408 | 413 | 415 | 429 | 431 | 500 | 502 | 503;
  /** When the mock answers with it, in one sentence. */
  readonly when: string;
  /** A realistic `errors.message` and `errors.details` for it. */
  readonly example: {
    readonly message: string;
    readonly details: readonly { readonly path: string; readonly message: string }[];
  };
}

/**
 * Every code the mock puts in `errors.code` on the Qiscus surface. The real error bodies are not
 * published, so the codes are ours; the envelope around them is the one Qiscus uses elsewhere.
 */
export const errorCodes = {
  UNAUTHORIZED: {
    status: 401,
    when: 'A credential header is missing or wrong; the message names the header that was expected.',
    example: {
      message:
        "Missing credentials: send the app's secret key in the QISCUS_SDK_SECRET header (or Qiscus-App-Id with Qiscus-Secret-Key). A proxy may have dropped the header: its name has underscores.",
      details: [{ path: 'headers.QISCUS_SDK_SECRET', message: 'is required' }],
    },
  },
  APP_NOT_FOUND: {
    status: 404,
    when: 'The `{app_code}` in the path is not the mock’s app code.',
    example: {
      message: 'No app has the code "my-app": this mock serves the app "qiscus-mock-app".',
      details: [{ path: 'app_code', message: "is not this mock's app code" }],
    },
  },
  VALIDATION_FAILED: {
    status: 400,
    when: 'The body, path or query does not match the contract; `details` lists every problem with its field path.',
    example: {
      message: 'The message does not match the contract: 2 problems.',
      details: [
        { path: 'payload.url', message: 'is required (expected string)' },
        { path: 'room_id', message: 'expected string, received number 123' },
      ],
    },
  },
  MALFORMED_BODY: {
    status: 400,
    when: 'The body is not parseable as its declared content type (for example broken JSON).',
    example: {
      message: 'The body is not valid JSON: Unexpected end of JSON input.',
      details: [],
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    when: 'The `Content-Type` is not one the operation accepts (JSON, or form-encoded where documented).',
    example: {
      message: 'Send the body as application/json; text/plain is not accepted here.',
      details: [{ path: 'headers.content-type', message: 'must be application/json' }],
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    when: 'The body is larger than the body limit (1 MiB).',
    example: {
      message: 'The body is larger than 1 MiB.',
      details: [],
    },
  },
  ROOM_NOT_FOUND: {
    status: 404,
    when: 'No room has that `room_id`.',
    example: {
      message: 'No room has the id "999": use payload.room.id_str from the webhook.',
      details: [{ path: 'room_id', message: 'no such room' }],
    },
  },
  MESSAGE_TYPE_NOT_SUPPORTED: {
    status: 400,
    when: 'The room’s channel refuses that message type (buttons on WhatsApp or Instagram, carousel on WhatsApp or Telegram).',
    example: {
      message:
        'buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead.',
      details: [{ path: 'type', message: 'WhatsApp (wa) refuses buttons and carousel' }],
    },
  },
  ROLE_NOT_FOUND: {
    status: 404,
    when: 'No division has the role name given to `hand_over_to_role`.',
    example: {
      message:
        'No division is called "finance": the divisions are customer service, billing, sales, technical.',
      details: [{ path: 'role', message: 'no such division' }],
    },
  },
  SAME_DIVISION: {
    status: 400,
    when: 'The room is already with an agent of the division named in `hand_over_to_role`.',
    example: {
      message:
        'The room is already with an agent of billing: hand it to another division, or leave it with them.',
      details: [{ path: 'role', message: "the room's agent is already in billing" }],
    },
  },
  AUTO_AGENT_ALLOCATION_OFF: {
    status: 400,
    when: '`hand_over_to_role` was called while Auto Agent Allocation is switched off.',
    example: {
      message:
        'Handover to a division needs Auto Agent Allocation, which is off: switch it on, or use hand_over.',
      details: [],
    },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    when: 'No operation has that method and path.',
    example: {
      message:
        'No operation is POST /qiscus-mock-app/bots: did you mean POST /qiscus-mock-app/bot?',
      details: [],
    },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    when: 'The path is an operation’s, but not with that method; the `Allow` header lists the methods it takes.',
    example: {
      message: 'POST /qiscus-mock-app/bot takes POST, not GET.',
      details: [],
    },
  },
  MALFORMED_REQUEST: {
    status: 400,
    when: 'The request itself cannot be read as HTTP (broken framing, a bad chunk size, a bad header line); the connection is closed after the answer.',
    example: {
      message:
        'The request is not valid HTTP (HPE_INVALID_CHUNK_SIZE): check how the client frames its body.',
      details: [],
    },
  },
  REQUEST_TIMEOUT: {
    status: 408,
    when: 'The request (headers and body) did not arrive in full within the request timeout (10 s by default, `--request-timeout`).',
    example: {
      message:
        'The request did not arrive in full within 10000 ms: send the whole body, with a Content-Length that matches it.',
      details: [],
    },
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    when: 'The request’s headers are larger than Node’s limit (16 KiB).',
    example: {
      message: 'The request headers are larger than 16 KiB: send fewer or shorter headers.',
      details: [],
    },
  },
  INJECTED_RATE_LIMIT: {
    status: 429,
    when: 'A fault injected on purpose (config, `PATCH /_mock/config` or a `qiscus_fails` script step): the call was not served; `Retry-After` says when to try again.',
    example: {
      message: 'Injected fault: 429 Too Many Requests on purpose (qiscus_fails); retry after 1 s.',
      details: [],
    },
  },
  INJECTED_SERVER_ERROR: {
    status: 500,
    when: 'A fault injected on purpose: a 500 instead of serving the call, to see whether the bot retries.',
    example: {
      message: 'Injected fault: 500 on purpose (qiscus_fails); the call was not served, retry it.',
      details: [],
    },
  },
  INJECTED_UNAVAILABLE: {
    status: 503,
    when: 'A fault injected on purpose: a 503 instead of serving the call, to see whether the bot retries.',
    example: {
      message: 'Injected fault: 503 on purpose (qiscus_fails); the call was not served, retry it.',
      details: [],
    },
  },
  UPSTREAM_UNREACHABLE: {
    status: 502,
    when: 'The mock runs as a recording proxy (`serve --upstream URL`) and the upstream could not be reached, or did not answer in time.',
    example: {
      message:
        'The upstream https://api.example.com could not be reached (connect ECONNREFUSED): check --upstream and that the service is up; nothing was forwarded.',
      details: [],
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    when: 'Something failed inside the mock: a bug. The message says where to report it; the request was not stored.',
    example: {
      message:
        'The mock failed while handling POST /qiscus-mock-app/bot: please report it with the traffic log (GET /_mock/traffic).',
      details: [],
    },
  },
  // The admin API (issue 14).
  AGENT_NOT_FOUND: {
    status: 404,
    when: 'No agent has the `agent_id` given to an admin endpoint (assign_agent).',
    example: {
      message: 'No agent has the id 99: GET /api/v2/admin/agents lists the agents and their ids.',
      details: [{ path: 'agent_id', message: 'no such agent' }],
    },
  },
  DIVISION_NOT_FOUND: {
    status: 404,
    when: 'No division has an id given in `division_ids[]` (agents by division).',
    example: {
      message: 'No division has the id 9: GET /api/v2/divisions lists the divisions.',
      details: [{ path: 'division_ids[]', message: 'no division has the id 9' }],
    },
  },
} as const satisfies Record<string, ErrorCodeInfo>;

/** The codes of faults injected on purpose; any operation of the Qiscus surface may answer them. */
export const injectedFaultCodes = [
  'INJECTED_RATE_LIMIT',
  'INJECTED_SERVER_ERROR',
  'INJECTED_UNAVAILABLE',
] as const;

/** The codes every operation with a request body can answer with, besides its own. */
export const bodyErrorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_BODY',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
] as const;
