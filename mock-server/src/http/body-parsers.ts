import type { FastifyInstance, FastifyRequest } from 'fastify';

type ParserDone = (error: Error | null, body?: unknown) => void;
import './exchange-notes.js';
import { MalformedBodyError } from './malformed-body-error.js';
import { parseMultipart } from './parse-multipart.js';

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new MalformedBodyError(
      `The body is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}.`,
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
 * The body parsers: JSON, form-encoded and multipart (text fields only), nothing else (other
 * types get 415). An empty body is
 * no body, so an optional one may be left out even with a Content-Type.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    try {
      const body = String(text);
      // Kept before parsing, so the traffic log shows even a body that is not JSON as it came.
      request.rawBody = { text: body, kind: 'json' };
      done(null, parseJson(body));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (request, text, done) => {
      try {
        const body = String(text);
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
