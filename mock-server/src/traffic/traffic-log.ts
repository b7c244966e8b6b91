import type { Exchange } from '#contracts';
import type { Clock } from '../clock.js';
import { jsonTextTooDeep } from '../json/json-depth.js';
import { RingBuffer } from '../ring-buffer.js';
import { ExchangeJson } from './exchange-json.js';
import { presentExchange, type ExchangeRecord, type StoredExchange } from './kept-exchange.js';

export type { ExchangeRecord } from './kept-exchange.js';

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

/** Which exchanges a page holds, and how many at most. */
export interface PageOptions {
  readonly limit: number;
  /** About how many bytes of kept text; a page holds at least one exchange. */
  readonly maxBytes: number;
  readonly filter: (record: ExchangeRecord) => boolean;
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

/** A body as text: a value written out as JSON; no body stays as it is. */
function asText(body: unknown): string | null | undefined {
  if (body === undefined || body === null || typeof body === 'string') return body;
  return JSON.stringify(body);
}

/** Keeps a body's text cut short when long, so its cost is known and bounded. */
function keptText(text: string | null | undefined, max: number): string | null | undefined {
  return typeof text === 'string' ? truncateText(text, max) : text;
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

/**
 * Every exchange in both directions, bounded: the latest `limit` are kept and the rest counted.
 * Recording costs a reference per request; headers are redacted and bodies parsed when read.
 */
export class TrafficLog {
  private readonly ring: RingBuffer<StoredExchange>;
  private seq = 0;
  private starts = 0;
  private readonly listeners = new Set<(exchange: Exchange) => void>();
  private readonly lineListeners = new Set<(line: string) => void>();
  private readonly json: ExchangeJson;

  private bytes = 0;

  constructor(
    limit: number,
    private readonly clock: Clock,
    /** Values never shown: the secret key and the admin token. */
    private readonly secrets: readonly string[],
    private readonly budget: TrafficBudget = {
      maxBytes: 8 * 1024 * 1024,
      maxBodyBytes: 64 * 1024,
    },
  ) {
    this.ring = new RingBuffer(limit);
    this.json = new ExchangeJson(secrets);
  }

  /**
   * The next place in the order exchanges began: taken by an exchange when it begins (a webhook
   * as it is sent, a call as it reaches its route), so that a bot call a webhook led to comes
   * after that webhook however their answers end up logged.
   */
  start(): number {
    this.starts += 1;
    return this.starts;
  }

  record(input: ExchangeRecord): void {
    this.seq += 1;
    const max = this.budget.maxBodyBytes;
    // Bodies are kept as text, cut short past the body budget: a value is written out once here.
    const requestText = asText(input.requestBody);
    const requestBody = keptText(requestText, max);
    const requestIsValue = typeof input.requestBody !== 'string' && requestBody != null;
    const responseText = asText(input.responseBody);
    const responseBody = keptText(responseText, max);
    const bytes =
      256 +
      headersBytes(input.requestHeaders) +
      (typeof requestBody === 'string' ? requestBody.length : 0) +
      (typeof responseBody === 'string' ? responseBody.length : 0);
    // Every field written out, in one order: one object per exchange, all of one shape.
    const stored: StoredExchange = {
      seq: this.seq,
      startSeq: input.startSeq ?? this.start(),
      time: this.clock.now(),
      direction: input.direction,
      operationId: input.operationId,
      method: input.method,
      path: input.path,
      roomId: input.roomId,
      status: input.status,
      requestHeaders: input.requestHeaders,
      requestBody,
      requestBodyKind: requestIsValue ? 'json' : input.requestBodyKind,
      requestBodyParsed: input.requestBodyParsed,
      responseBody,
      responseIsText: responseBody != null,
      responseIsJson: input.responseIsJson,
      error: input.error,
      warnings: input.warnings,
      flags: input.flags,
      bytes,
      // Whether a kept body is one whole JSON text, to be written out as it is (ExchangeJson).
      requestJson:
        requestBody === requestText &&
        (requestIsValue
          ? !jsonTextTooDeep(requestBody)
          : input.requestBodyKind === 'json' && input.requestBodyParsed === true),
      responseJson:
        responseBody === responseText &&
        responseBody != null &&
        (input.responseIsText === true
          ? input.responseIsJson === true
          : typeof input.responseBody !== 'string'),
    };
    if (this.ring.length === this.ring.capacity) this.bytes -= this.ring.at(0)?.bytes ?? 0;
    this.ring.push(stored);
    this.bytes += bytes;
    while (this.bytes > this.budget.maxBytes && this.ring.length > 1) {
      this.bytes -= this.ring.shift()?.bytes ?? 0;
    }
    if (this.listeners.size > 0) {
      const exchange = presentExchange(stored, this.secrets);
      for (const listener of this.listeners) listener(exchange);
    }
    if (this.lineListeners.size > 0) {
      const line = this.json.write(stored);
      for (const listener of this.lineListeners) listener(line);
    }
  }

  /** Calls `listener` with every exchange recorded from now on; returns how to stop. */
  subscribe(listener: (exchange: Exchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `listener` with every exchange recorded from now on, as one line of JSON (the same
   * value `subscribe` gives, written from the kept text without making it); returns how to stop.
   */
  subscribeLines(listener: (line: string) => void): () => void {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  }

  /** The exchanges kept, oldest first. */
  list(): Exchange[] {
    return this.ring.toArray().map((stored) => presentExchange(stored, this.secrets));
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
  page(after: number, options: PageOptions): TrafficPage {
    const { kept, nextAfter } = this.select(after, options);
    return { exchanges: kept.map((stored) => presentExchange(stored, this.secrets)), nextAfter };
  }

  /**
   * The page `page` gives, as the JSON text of `GET /_mock/traffic` (exchanges, dropped,
   * next_after), written from the kept text: no body is parsed and written out again, so a page
   * costs about the copying of its bytes (issue 15).
   */
  pageJson(after: number, options: PageOptions): string {
    const { kept, nextAfter } = this.select(after, options);
    const exchanges = kept.map((stored) => this.json.write(stored)).join(',');
    return `{"exchanges":[${exchanges}],"dropped":${this.dropped},"next_after":${JSON.stringify(nextAfter)}}`;
  }

  private select(
    after: number,
    options: PageOptions,
  ): { kept: StoredExchange[]; nextAfter: number | null } {
    const kept: StoredExchange[] = [];
    let bytes = 0;
    // Seqs go up by one through the ring, so the first one wanted is found by arithmetic.
    const first = this.ring.at(0)?.seq ?? 0;
    for (let i = Math.max(0, after + 1 - first); i < this.ring.length; i += 1) {
      const stored = this.ring.at(i);
      if (!stored || !options.filter(stored)) continue;
      if (
        kept.length >= options.limit ||
        (kept.length > 0 && bytes + stored.bytes > options.maxBytes)
      ) {
        return { kept, nextAfter: kept.at(-1)?.seq ?? after };
      }
      kept.push(stored);
      bytes += stored.bytes;
    }
    return { kept, nextAfter: null };
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
