import type { ExchangeRecord } from '../traffic/traffic-log.js';
import { noFlags, noWarnings } from '../traffic/kept-exchange.js';

/** Each webhook names its delivery and attempt, so a bot can tell a retry from a new message. */
export const deliveryIdHeader = 'x-qiscus-mock-delivery-id';
export const attemptHeader = 'x-qiscus-mock-attempt';

/**
 * The headers of one attempt of a delivery. Written out as one literal: spread from a shared
 * object with computed names, the object was built key by key, a cost of every delivery.
 */
export function attemptHeaders(deliveryId: string, attempt: number): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'qiscus-mock',
    'x-qiscus-mock-delivery-id': deliveryId,
    'x-qiscus-mock-attempt': String(attempt),
  } satisfies {
    'content-type': string;
    'user-agent': string;
    [deliveryIdHeader]: string;
    [attemptHeader]: string;
  };
}

/** One attempt as it was sent. */
export interface SentAttempt {
  /** Taken as it was sent (`TrafficLog.start()`). */
  readonly startSeq: number;
  readonly webhook: string;
  readonly roomId: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  /** The webhook body, as JSON text. */
  readonly body: string;
}

/** What came of it: the bot's status and the head of its answer, or why none came. */
export interface AttemptAnswer {
  readonly statusCode: number | null;
  readonly head: string;
  readonly error: string | null;
}

/** An attempt as the traffic log keeps it: a `to_bot` exchange. */
export function attemptExchange(sent: SentAttempt, answer: AttemptAnswer): ExchangeRecord {
  return {
    startSeq: sent.startSeq,
    direction: 'to_bot',
    operationId: sent.webhook,
    method: 'POST',
    path: `${sent.url.pathname}${sent.url.search}`,
    roomId: sent.roomId,
    status: answer.statusCode,
    requestHeaders: sent.headers,
    requestBody: sent.body,
    requestBodyKind: 'json',
    responseBody: answer.statusCode === null ? undefined : answer.head,
    responseIsText: true,
    error: answer.error,
    warnings: noWarnings,
    flags: noFlags,
  };
}
