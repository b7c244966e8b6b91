import type { ErrorDetail, Exchange, ExchangeDirection, ExchangeFlag } from '#contracts';
import { formatTimestamp } from '../clock.js';
import { jsonTextTooDeep, maxJsonDepth } from '../json/json-depth.js';
import { redacted, redactHeaders, redactSecrets } from './redact-headers.js';

/**
 * The empty lists and headers most exchanges have, one frozen value each that they all share:
 * the log keeps tens of thousands of exchanges, and an empty list of each one's own is an object
 * more for every garbage collection to copy.
 */
export const noWarnings: readonly ErrorDetail[] = Object.freeze([]);
export const noFlags: readonly ExchangeFlag[] = Object.freeze([]);
export const noHeaders: Readonly<Record<string, string>> = Object.freeze({});

/** What is noted about an exchange when it happens; made presentable only when read. */
export interface ExchangeRecord {
  /**
   * The exchange's place in the order exchanges began (`TrafficLog.start()`), taken when it
   * began; left out, it is taken as it is logged.
   */
  readonly startSeq?: number | undefined;
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
  /** The request body is JSON text that was parsed without error (the value the route got). */
  readonly requestBodyParsed?: boolean | undefined;
  /** The response body: a value, or the serialized text as it went out. */
  readonly responseBody: unknown;
  readonly responseIsText?: boolean | undefined;
  /** The response text is JSON the mock wrote itself (one complete JSON text). */
  readonly responseIsJson?: boolean | undefined;
  readonly error: string | null;
  readonly warnings: readonly ErrorDetail[];
  readonly flags: readonly ExchangeFlag[];
}

/**
 * An exchange as the traffic log keeps it: what was noted, its bodies as (bounded) text, and its
 * place in the log. One object per exchange, not a record inside another: the log keeps tens of
 * thousands, and each object kept is copied by every garbage collection it lives through.
 */
export interface StoredExchange extends ExchangeRecord {
  readonly seq: number;
  readonly startSeq: number;
  readonly time: number;
  /** About what it costs to keep, in bytes (string lengths). */
  readonly bytes: number;
  /** The kept request body is a complete JSON text, read as it is (not cut short). */
  readonly requestJson: boolean;
  /** The kept response body is a complete JSON text, read as it is (not cut short). */
  readonly responseJson: boolean;
}

/** Whether headers were kept as Node's raw lines (a list, or a string joined by newlines). */
export function isHeaderLines(
  headers: ExchangeRecord['requestHeaders'],
): headers is string | readonly string[] {
  return typeof headers === 'string' || Array.isArray(headers);
}

/** Raw header lines (name, value, … as a list or joined by newlines) back to an object, names in lower case. */
export function headersFromLines(lines: string | readonly string[]): Record<string, string> {
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

/** The path or error text with every secret in it replaced. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(redacted);
  }
  return out;
}

/** The request headers as an exchange shows them: an object, names in lower case, secrets redacted. */
export function presentHeaders(
  headers: ExchangeRecord['requestHeaders'],
  secrets: readonly string[],
): Record<string, string> {
  return redactHeaders(isHeaderLines(headers) ? headersFromLines(headers) : headers, secrets);
}

/** The request body as an exchange shows it: a value, secrets redacted. */
export function presentRequestBody(record: ExchangeRecord, secrets: readonly string[]): unknown {
  const raw = record.requestBodyKind === 'json' ? record.requestBody : undefined;
  return clean(readBody(record.requestBody, record.requestBodyKind), secrets, raw);
}

/** The response body as an exchange shows it: a value, secrets redacted. */
export function presentResponseBody(record: ExchangeRecord, secrets: readonly string[]): unknown {
  return record.responseIsText
    ? clean(parseText(record.responseBody), secrets, record.responseBody)
    : clean(record.responseBody, secrets);
}

/**
 * A body with every string that holds a secret redacted. `raw` is the JSON text the body was
 * read from, when it was: searched for the secrets as it is, it spares writing the body out
 * again. A text with escapes could hide a secret (\u0073…), so it is searched as written out
 * from the value, as any other body is.
 */
function clean(body: unknown, secrets: readonly string[], raw?: unknown): unknown {
  if (body === undefined || body === null) return null;
  const text =
    typeof body === 'string'
      ? body
      : typeof raw === 'string' && !raw.includes('\\')
        ? raw
        : JSON.stringify(body);
  return secrets.some((secret) => text.includes(secret)) ? redactSecrets(body, secrets) : body;
}

/** The exchange as `GET /_mock/traffic` and the event stream show it, secrets redacted. */
export function presentExchange(stored: StoredExchange, secrets: readonly string[]): Exchange {
  return {
    seq: stored.seq,
    start_seq: stored.startSeq,
    time: formatTimestamp(stored.time),
    direction: stored.direction,
    operation_id: stored.operationId,
    method: stored.method,
    path: redactText(stored.path, secrets),
    room_id: stored.roomId as Exchange['room_id'],
    status: stored.status,
    request: {
      headers: presentHeaders(stored.requestHeaders, secrets),
      body: presentRequestBody(stored, secrets),
    },
    response:
      stored.status === null && stored.responseBody === undefined
        ? null
        : { body: presentResponseBody(stored, secrets) },
    error: stored.error === null ? null : redactText(stored.error, secrets),
    warnings: [...stored.warnings],
    flags: [...stored.flags],
  };
}
