import type { ErrorDetail, ExchangeDirection, ExchangeFlag } from '#contracts';

/** What a handler learns about an exchange that the traffic log should show. */
export interface ExchangeNotes {
  /** Where the exchange began among the others (`TrafficLog.start()`), taken as it reached its route. */
  startSeq?: number;
  direction: ExchangeDirection;
  operationId: string | null;
  roomId: string | null;
  warnings: readonly ErrorDetail[];
  flags: readonly ExchangeFlag[];
}

declare module 'fastify' {
  interface FastifyRequest {
    exchangeNotes: ExchangeNotes | null;
    /** The body as it came, kept for the traffic log (cheaper to hold than the parsed value). */
    rawBody: { readonly text: string; readonly kind: 'json' | 'form' } | null;
  }
}
