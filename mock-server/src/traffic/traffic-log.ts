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
  /** About what it costs to keep, in bytes (string lengths). */
  readonly bytes: number;
}

/** The byte limits of a traffic log. */
export interface TrafficBudget {
  /** The bytes of bodies and headers kept in all; the oldest exchanges are let go beyond it. */
  readonly maxBytes: number;
  /** A body longer than this is kept cut short, with a marker saying how long it was. */
  readonly maxBodyBytes: number;
}

/** One page of the log: the exchanges after a seq, and where the next page starts. */
export interface TrafficPage {
  readonly exchanges: Exchange[];
  /** The seq to read on from (`?after=`), or null when this page reached the end. */
  readonly nextAfter: number | null;
}

/** A body's text cut to `max` characters, with a marker saying what was left out. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Not half of a surrogate pair at the cut.
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  // A copy, not a slice: V8 keeps a slice's whole parent alive, so 16 KB kept of a 1 MB body
  // held the megabyte, and the traffic log's byte budget counted a sixtieth of what it kept.
  const kept = Buffer.from(text.slice(0, end), 'utf8').toString('utf8');
  return `${kept}…[truncated: ${text.length} characters in all, the first ${end} kept]`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Keeps a body as text (cut short when long), so its cost is known and bounded. */
function boundedBody(body: unknown, max: number): unknown {
  if (body === undefined || body === null) return body;
  if (typeof body === 'string') return truncateText(body, max);
  return truncateText(JSON.stringify(body), max);
}

function headersBytes(headers: ExchangeRecord['requestHeaders']): number {
  if (typeof headers === 'string') return headers.length;
  if (Array.isArray(headers)) {
    let total = 0;
    for (const line of headers as readonly string[]) total += line.length;
    return total;
  }
  return 512;
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

  private bytes = 0;

  constructor(
    limit: number,
    private readonly clock: Clock,
    /** Values never shown: the secret key and the admin token. */
    private readonly secrets: readonly string[],
    private readonly budget: TrafficBudget = {
      maxBytes: 24 * 1024 * 1024,
      maxBodyBytes: 64 * 1024,
    },
  ) {
    this.ring = new RingBuffer(limit);
  }

  record(input: ExchangeRecord): void {
    this.seq += 1;
    const max = this.budget.maxBodyBytes;
    // Bodies are kept as text, cut short past the body budget: a value is written out once here.
    const requestBody = boundedBody(input.requestBody, max);
    const requestIsValue = typeof input.requestBody !== 'string' && requestBody != null;
    const responseBody = boundedBody(input.responseBody, max);
    const record: ExchangeRecord = {
      ...input,
      requestBody,
      requestBodyKind: requestIsValue ? 'json' : input.requestBodyKind,
      responseBody,
      responseIsText: responseBody != null,
    };
    const bytes =
      256 +
      headersBytes(input.requestHeaders) +
      (typeof requestBody === 'string' ? requestBody.length : 0) +
      (typeof responseBody === 'string' ? responseBody.length : 0);
    const stored = { seq: this.seq, time: this.clock.now(), record, bytes };
    if (this.ring.length === this.ring.capacity) this.bytes -= this.ring.at(0)?.bytes ?? 0;
    this.ring.push(stored);
    this.bytes += bytes;
    while (this.bytes > this.budget.maxBytes && this.ring.length > 1) {
      this.bytes -= this.ring.shift()?.bytes ?? 0;
    }
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
    // `raw` is the JSON text the body was read from, when it was: searched for the secrets as
    // it is, it spares writing the body out again. A text with escapes could hide a secret
    // (\u0073…), so it is searched as written out from the value, as any other body is.
    const clean = (body: unknown, raw?: unknown) => {
      if (body === undefined || body === null) return null;
      const text =
        typeof body === 'string'
          ? body
          : typeof raw === 'string' && !raw.includes('\\')
            ? raw
            : JSON.stringify(body);
      return this.secrets.some((secret) => text.includes(secret))
        ? redactSecrets(body, this.secrets)
        : body;
    };
    const jsonRequest = stored.requestBodyKind === 'json' ? stored.requestBody : undefined;
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
        body: clean(readBody(stored.requestBody, stored.requestBodyKind), jsonRequest),
      },
      response:
        stored.status === null && stored.responseBody === undefined
          ? null
          : {
              body: stored.responseIsText
                ? clean(parseText(stored.responseBody), stored.responseBody)
                : clean(stored.responseBody),
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

  /** How many characters of a body are kept; a longer one is kept cut short. */
  get maxBodyBytes(): number {
    return this.budget.maxBodyBytes;
  }

  /** The bytes the kept exchanges cost, about. */
  get size(): number {
    return this.bytes;
  }

  /**
   * One page: the exchanges after `after` that pass `filter`, at most `limit` of them and about
   * `maxBytes` of stored text, so reading a full log never holds the server for long.
   */
  page(
    after: number,
    options: {
      readonly limit: number;
      readonly maxBytes: number;
      readonly filter: (record: ExchangeRecord) => boolean;
    },
  ): TrafficPage {
    const exchanges: Exchange[] = [];
    let bytes = 0;
    // Seqs go up by one through the ring, so the first one wanted is found by arithmetic.
    const first = this.ring.at(0)?.seq ?? 0;
    for (let i = Math.max(0, after + 1 - first); i < this.ring.length; i += 1) {
      const stored = this.ring.at(i);
      if (!stored || !options.filter(stored.record)) continue;
      if (
        exchanges.length >= options.limit ||
        (exchanges.length > 0 && bytes + stored.bytes > options.maxBytes)
      ) {
        return { exchanges, nextAfter: exchanges.at(-1)?.seq ?? after };
      }
      exchanges.push(this.present(stored));
      bytes += stored.bytes;
    }
    return { exchanges, nextAfter: null };
  }

  /** How many older exchanges were let go. */
  get dropped(): number {
    return this.ring.dropped;
  }

  clear(): void {
    this.ring.clear();
    this.bytes = 0;
  }
}
