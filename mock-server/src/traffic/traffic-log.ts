import type { ErrorDetail, Exchange, ExchangeDirection, ExchangeFlag } from '#contracts';
import { formatTimestamp, type Clock } from '../clock.js';
import { RingBuffer } from '../ring-buffer.js';
import { redactHeaders } from './redact-headers.js';

/** What is noted about an exchange when it happens; made presentable only when read. */
export interface ExchangeRecord {
  readonly direction: ExchangeDirection;
  readonly operationId: string | null;
  readonly method: string;
  readonly path: string;
  readonly roomId: string | null;
  readonly status: number | null;
  readonly requestHeaders: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly requestBody: unknown;
  /** The response body: a value, or the serialized text as it went out. */
  readonly responseBody: unknown;
  readonly responseIsText?: boolean;
  readonly error: string | null;
  readonly warnings: readonly ErrorDetail[];
  readonly flags: readonly ExchangeFlag[];
}

interface StoredExchange extends ExchangeRecord {
  readonly seq: number;
  readonly time: number;
}

function parseText(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return text ?? null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Every exchange in both directions, bounded: the latest `limit` are kept and the rest counted.
 * Recording costs a reference per request; headers are redacted and bodies parsed when read.
 */
export class TrafficLog {
  private readonly ring: RingBuffer<StoredExchange>;
  private seq = 0;
  private readonly listeners = new Set<(exchange: Exchange) => void>();

  constructor(
    limit: number,
    private readonly clock: Clock,
  ) {
    this.ring = new RingBuffer(limit);
  }

  record(record: ExchangeRecord): void {
    this.seq += 1;
    const stored = { ...record, seq: this.seq, time: this.clock.now() };
    this.ring.push(stored);
    if (this.listeners.size > 0) {
      const exchange = TrafficLog.present(stored);
      for (const listener of this.listeners) listener(exchange);
    }
  }

  /** Calls `listener` with every exchange recorded from now on; returns how to stop. */
  subscribe(listener: (exchange: Exchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private static present(stored: StoredExchange): Exchange {
    return {
      seq: stored.seq,
      time: formatTimestamp(stored.time),
      direction: stored.direction,
      operation_id: stored.operationId,
      method: stored.method,
      path: stored.path,
      room_id: stored.roomId as Exchange['room_id'],
      status: stored.status,
      request: { headers: redactHeaders(stored.requestHeaders), body: stored.requestBody ?? null },
      response:
        stored.status === null && stored.responseBody === undefined
          ? null
          : {
              body: stored.responseIsText
                ? parseText(stored.responseBody)
                : (stored.responseBody ?? null),
            },
      error: stored.error,
      warnings: [...stored.warnings],
      flags: [...stored.flags],
    };
  }

  /** The exchanges kept, oldest first. */
  list(): Exchange[] {
    return this.ring.toArray().map((stored) => TrafficLog.present(stored));
  }

  /** How many older exchanges were let go. */
  get dropped(): number {
    return this.ring.dropped;
  }

  clear(): void {
    this.ring.clear();
  }
}
