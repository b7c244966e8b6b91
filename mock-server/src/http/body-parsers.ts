import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ErrorDetail } from '#contracts';
import { maxJsonDepth, scanJsonBytes } from '../json/json-depth.js';
import './exchange-notes.js';
import { MalformedBodyError } from './malformed-body-error.js';
import { inTurnOfItsOwn } from './one-step-per-turn.js';
import { parseMultipart } from './parse-multipart.js';

type ParserDone = (error: Error | null, body?: unknown) => void;

/**
 * A body refused before it is read as a value: nested too deep (answered as a validation error,
 * with the path), or sent compressed or in another charset (answered as an unsupported media type).
 */
export class BodyRefusedError extends Error {
  override readonly name = 'BodyRefusedError';

  constructor(
    readonly kind: 'too_deep' | 'encoding',
    message: string,
    readonly details: readonly ErrorDetail[],
  ) {
    super(message);
  }
}

/** Characters that would garble a message (controls, the replacement for a bad byte), escaped. */
function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\ufffd]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Refuses a body the parsers cannot read as UTF-8 JSON or form text: compressed (Content-Encoding,
 * or gzip's magic bytes), another charset, or bytes that are not UTF-8. Decodes nothing.
 */
function checkBytes(request: FastifyRequest, bytes: Buffer): void {
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    throw new BodyRefusedError(
      'encoding',
      `The body is sent with Content-Encoding: ${printable(encoding)}, which the mock does not decompress (nor does Qiscus, inferred): send it uncompressed, without that header.`,
      [
        {
          path: 'headers.content-encoding',
          message: 'is not accepted: send the body uncompressed',
        },
      ],
    );
  }
  const contentType = request.headers['content-type'];
  // What nearly every client sends names no charset: no expression to run for it.
  const charset =
    contentType === 'application/json'
      ? undefined
      : /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw new BodyRefusedError(
      'encoding',
      `The body is declared as charset=${printable(charset)}: send it as UTF-8 (charset=utf-8, or no charset).`,
      [
        {
          path: 'headers.content-type',
          message: `charset ${printable(charset)} is not accepted: use utf-8`,
        },
      ],
    );
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new MalformedBodyError(
      'The body is gzip-compressed data, not JSON or form text: send it uncompressed (the mock does not read Content-Encoding: gzip).',
    );
  }
  if (!isUtf8(bytes)) {
    throw new MalformedBodyError('The body is not valid UTF-8: encode its text as UTF-8.');
  }
}

/**
 * A body at least this long that is refused from its bytes (nested too deep, cut off) is never
 * decoded whole: only the part the traffic log keeps is. Shorter ones are read as any other.
 */
export const largeBodyBytes = 64 * 1024;

/** Whether a request's body is large (over `largeBodyBytes`) or of a length not given. */
export function hasLargeBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  if (length === undefined) return request.headers['transfer-encoding'] !== undefined;
  return Number(length) > largeBodyBytes;
}

/**
 * What the traffic log keeps of a body refused from its bytes: the text of its first bytes and
 * a marker, within `keep` characters, so the rest is never decoded (and never left to collect).
 */
function keptPrefix(bytes: Buffer, keep: number): string {
  if (bytes.length <= keep) return bytes.toString('utf8');
  // Room for the marker, and no character cut in two (a continuation byte starts none).
  let end = Math.max(0, keep - 96);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return `${bytes.toString('utf8', 0, end)}…[truncated: ${bytes.length} bytes in all, the first ${end} kept; refused before it was decoded]`;
}

/**
 * Refuses JSON from its bytes, before it is decoded to a string or parsed: nested deeper than
 * the limit (any size: a body nested 500,000 deep is never built), or, for a large body, cut off
 * inside a string or with objects or arrays left open.
 */
function refuseJsonBytes(request: FastifyRequest, bytes: Buffer, keep: number): void {
  if (bytes.length <= maxJsonDepth * 2) return;
  // A short body is refused only when nested too deep, which takes more opening brackets than
  // the limit: counted natively, most bodies are never scanned byte by byte.
  if (bytes.length < largeBodyBytes && !opensMoreThan(bytes, maxJsonDepth)) return;
  const scan = scanJsonBytes(bytes);
  const path = scan.tooDeepPath;
  if (path !== undefined) {
    request.rawBody = { text: keptPrefix(bytes, keep), kind: 'json' };
    throw new BodyRefusedError(
      'too_deep',
      `The body nests deeper than ${maxJsonDepth} levels of objects and arrays, at ${path}: flatten it.`,
      [{ path, message: `nests deeper than ${maxJsonDepth} levels` }],
    );
  }
  // A short body goes on to JSON.parse, whose message names the position.
  if (scan.endsOpen === undefined || bytes.length < largeBodyBytes) return;
  request.rawBody = { text: keptPrefix(bytes, keep), kind: 'json' };
  throw new MalformedBodyError(
    scan.endsOpen === 'string'
      ? `The body is not valid JSON: Unterminated string in JSON at byte ${bytes.length} (its end): was it cut off?`
      : `The body is not valid JSON: Unexpected end of JSON input (objects or arrays still open at byte ${bytes.length}): was it cut off?`,
  );
}

/** Whether the bytes hold more than `count` opening brackets (`{` and `[`, in strings too). */
function opensMoreThan(bytes: Buffer, count: number): boolean {
  let seen = 0;
  for (const bracket of [0x7b, 0x5b]) {
    for (let at = bytes.indexOf(bracket); at !== -1; at = bytes.indexOf(bracket, at + 1)) {
      seen += 1;
      if (seen > count) return true;
    }
  }
  return false;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new MalformedBodyError(
      `The body is not valid JSON: ${printable(cause instanceof Error ? cause.message : String(cause))}.`,
    );
  }
  // A key that could reach Object.prototype is refused outright; the slower check runs only
  // when the text could spell it, plainly or with \u escapes.
  if (text.includes('__proto__') || text.includes('\\u')) {
    JSON.parse(text, (key, inner: unknown) => {
      if (key === '__proto__') {
        throw new MalformedBodyError('The body has a "__proto__" key, which is never accepted.');
      }
      return inner;
    });
  }
  return value;
}

function parseForm(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === '__proto__') throw new MalformedBodyError('The form has a "__proto__" field.');
    if (Object.hasOwn(fields, key)) {
      throw new MalformedBodyError(`The form gives "${key}" twice; give each field once.`);
    }
    fields[key] = value;
  }
  return fields;
}

/**
 * Runs `steps` in order, then `finish` (with the first error thrown, if any). A large body's steps
 * (checking its encoding, scanning its nesting, decoding, parsing) and then `finish` (the route)
 * each run in a turn of the event loop of their own (`inTurnOfItsOwn`), taking turns with other
 * large bodies' steps, so a request that arrived meanwhile is served between them rather than
 * after all of them (issue 15). A small body's run at once.
 */
export function inSteps(
  apart: boolean,
  steps: readonly (() => void)[],
  finish: (error: Error | null) => void,
): void {
  let next = 0;
  const run = (): void => {
    try {
      while (next < steps.length) {
        steps[next++]?.();
        if (apart) {
          inTurnOfItsOwn(run);
          return;
        }
      }
    } catch (error) {
      finish(error as Error);
      return;
    }
    finish(null);
  };
  if (apart) inTurnOfItsOwn(run);
  else run();
}

/**
 * The body parsers: JSON, form-encoded and multipart (text fields only), nothing else (other
 * types get 415). An empty body is no body, so an optional one may be left out even with a
 * Content-Type.
 */
export function registerBodyParsers(
  app: FastifyInstance,
  /** How many characters of a body the traffic log keeps. */
  keptBodyLength: () => number,
): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, bytes, done) => {
    const buffer = bytes as Buffer;
    // A small body, nearly every one: the same steps in one go, without the closures a large
    // body's turns need (they cost every request their allocation).
    if (buffer.length <= largeBodyBytes) {
      let value: unknown;
      try {
        checkBytes(request, buffer);
        refuseJsonBytes(request, buffer, keptBodyLength());
        const text = buffer.toString('utf8');
        // Kept before parsing, so the traffic log shows even a body that is not JSON as it came.
        request.rawBody = { text, kind: 'json' };
        value = parseJson(text);
      } catch (error) {
        done(error as Error, undefined);
        return;
      }
      done(null, value);
      return;
    }
    let body = '';
    let value: unknown;
    inSteps(
      true,
      [
        () => {
          checkBytes(request, buffer);
        },
        () => {
          refuseJsonBytes(request, buffer, keptBodyLength());
        },
        () => {
          body = buffer.toString('utf8');
          // Kept before parsing, so the traffic log shows even a body that is not JSON as it came.
          request.rawBody = { text: body, kind: 'json' };
        },
        () => {
          value = parseJson(body);
        },
      ],
      (error) => {
        if (error) done(error, undefined);
        else done(null, value);
      },
    );
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer' },
    (request, bytes, done) => {
      try {
        checkBytes(request, bytes as Buffer);
        const body = (bytes as Buffer).toString('utf8');
        request.rawBody = { text: body, kind: 'form' };
        done(null, body === '' ? undefined : parseForm(body));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  // Qiscus's n8n node sends its form calls (integrate, log in) as multipart/form-data.
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: string | Buffer, done: ParserDone) => {
      const buffer = typeof body === 'string' ? Buffer.from(body) : body;
      try {
        // Compressed bodies are refused here as for the other types; the parts are read below.
        checkBytes(request, Buffer.alloc(0));
      } catch (error) {
        done(error as Error, undefined);
        return;
      }
      if (buffer.length === 0) {
        done(null, undefined);
        return;
      }
      parseMultipart(buffer, request.headers['content-type'] ?? '').then(
        (fields) => {
          done(null, fields);
        },
        (error: unknown) => {
          done(error as Error, undefined);
        },
      );
    },
  );
}

/** The media type of a request, without parameters: `application/json; charset=utf-8` → `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  // What nearly every client sends, answered without splitting the string.
  if (contentType === 'application/json') return contentType;
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}
