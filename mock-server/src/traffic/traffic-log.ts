import type { ErrorDetail, Exchange, ExchangeDirection, ExchangeFlag } from '#contracts';
import { formatTimestamp, type Clock } from '../clock.js';
import { jsonTextTooDeep, maxJsonDepth } from '../json/json-depth.js';
import { RingBuffer } from '../ring-buffer.js';
import { redactHeaders, redactSecrets } from './redact-headers.js';

/** What is noted about an exchange when it happens; made presentable only when read. */
export interface ExchangeRecord {
  readonly direction: ExchangeDirection;
  readonly operationId: string | null;
  readonly method: string;
  readonly path: string;
  readonly roomId: string | null;
  readonly status: number | null;
  /** The headers, or Node's raw lines (name, value, name, value …), as a list or joined by newlines. */
  readonly requestHeaders:
    Readonly<Record<string, string | readonly string[] | undefined>> | readonly string[] | string;
  /** The body: a value, or the text as it came (`requestBodyKind` says how to read it). */
  readonly requestBody: unknown;
  readonly requestBodyKind?: 'json' | 'form' | undefined;
  /** The response body: a value, or the serialized text as it went out. */
  readonly responseBody: unknown;
  readonly responseIsText?: boolean | undefined;
  readonly error: string | null;
  readonly warnings: readonly ErrorDetail[];
  readonly flags: readonly ExchangeFlag[];
}

interface StoredExchange {
  readonly seq: number;
  readonly time: number;
  readonly record: ExchangeRecord;
}

/** Whether headers were kept as Node's raw lines (a list, or a string joined by newlines). */
function isHeaderLines(
  headers: ExchangeRecord['requestHeaders'],
): headers is string | readonly string[] {
  return typeof headers === 'string' || Array.isArray(headers);
}

/** Raw header lines (name, value, … as a list or joined by newlines) back to an object, names in lower case. */
function headersFromLines(lines: string | readonly string[]): Record<string, string> {
  const parts = typeof lines === 'string' ? lines.split('\n') : lines;
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const name = (parts[i] ?? '').toLowerCase();
    const value = parts[i + 1] ?? '';
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name] ?? ''}, ${value}` : value;
  }
  return headers;
}

function readBody(body: unknown, kind: ExchangeRecord['requestBodyKind']): unknown {
  if (typeof body !== 'string' || kind === undefined) return body;
  if (body.trim() === '') return null;
  if (kind === 'form') return Object.fromEntries(new URLSearchParams(body));
  // A refused body nested too deep is shown as the text it came as: parsed, it would break the
  // JSON writer of every read of the log after it (issue 15).
  if (jsonTextTooDeep(body))
    return `[nested deeper than ${maxJsonDepth} levels, shown as text] ${body}`;
  return parseText(body);
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
    /** Values never shown: the secret key and the admin token. */
    private readonly secrets: readonly string[],
  ) {
    this.ring = new RingBuffer(limit);
  }

  record(record: ExchangeRecord): void {
    this.seq += 1;
    const stored = { seq: this.seq, time: this.clock.now(), record };
    this.ring.push(stored);
    if (this.listeners.size > 0) {
      const exchange = this.present(stored);
      for (const listener of this.listeners) listener(exchange);
    }
  }

  /** Calls `listener` with every exchange recorded from now on; returns how to stop. */
  subscribe(listener: (exchange: Exchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private present({ seq, time, record: stored }: StoredExchange): Exchange {
    const clean = (body: unknown) => {
      if (body === undefined || body === null) return null;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return this.secrets.some((secret) => text.includes(secret))
        ? redactSecrets(body, this.secrets)
        : body;
    };
    return {
      seq,
      time: formatTimestamp(time),
      direction: stored.direction,
      operation_id: stored.operationId,
      method: stored.method,
      path: this.redactText(stored.path),
      room_id: stored.roomId as Exchange['room_id'],
      status: stored.status,
      request: {
        headers: redactHeaders(
          isHeaderLines(stored.requestHeaders)
            ? headersFromLines(stored.requestHeaders)
            : stored.requestHeaders,
          this.secrets,
        ),
        body: clean(readBody(stored.requestBody, stored.requestBodyKind)),
      },
      response:
        stored.status === null && stored.responseBody === undefined
          ? null
          : {
              body: clean(
                stored.responseIsText ? parseText(stored.responseBody) : stored.responseBody,
              ),
            },
      error: stored.error === null ? null : this.redactText(stored.error),
      warnings: [...stored.warnings],
      flags: [...stored.flags],
    };
  }

  private redactText(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return out;
  }

  /** The exchanges kept, oldest first. */
  list(): Exchange[] {
    return this.ring.toArray().map((stored) => this.present(stored));
  }

  /** How many older exchanges were let go. */
  get dropped(): number {
    return this.ring.dropped;
  }

  clear(): void {
    this.ring.clear();
  }
}
