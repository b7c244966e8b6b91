import type { ErrorCode, ErrorDetail } from '#contracts';

/** The codes of the reference bot's own errors, each with what it means (the README lists them). */
export const botErrorCodes = {
  BOT_ERR_REQUEST_INVALID:
    'The bot was about to send a request that breaks the contract; it was not sent.',
  BOT_ERR_API: 'Qiscus (or the mock) refused a request; the error carries its code and message.',
  BOT_ERR_UNREACHABLE: 'Qiscus (or the mock) could not be reached, or did not answer in time.',
  BOT_ERR_RESPONSE_INVALID:
    'Qiscus (or the mock) answered with a body the contract does not allow.',
  BOT_ERR_CONFIG: 'The bot was started with a missing or wrong setting.',
} as const;

/** A code of the reference bot's own errors. */
export type BotErrorCode = keyof typeof botErrorCodes;

/** An error of the reference bot, with a stable code to branch on. */
export class BotError extends Error {
  override readonly name: string = 'BotError';

  constructor(
    readonly code: BotErrorCode,
    message: string,
    options?: ErrorOptions & { readonly details?: readonly ErrorDetail[] },
  ) {
    super(message, options);
    this.details = options?.details ?? [];
  }

  /** Each problem, with the field path it is about. */
  readonly details: readonly ErrorDetail[];
}

/**
 * Qiscus refused a request: `apiCode` is the error envelope's code (e.g.
 * `MESSAGE_TYPE_NOT_SUPPORTED`), `status` the HTTP status.
 */
export class QiscusApiError extends BotError {
  override readonly name = 'QiscusApiError';

  constructor(
    readonly operationId: string,
    readonly status: number,
    readonly apiCode: ErrorCode,
    message: string,
    details: readonly ErrorDetail[],
  ) {
    super('BOT_ERR_API', message, { details });
  }
}
