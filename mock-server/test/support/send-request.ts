import type { IncomingHttpHeaders } from 'node:http';
import { request, type Dispatcher } from 'undici';
import type { MockServer } from '#mock-server';

/** What the mock answered: status, headers and the body parsed as JSON (`undefined` if empty). */
export interface SentAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly contentType: string;
  readonly body: unknown;
}

/** A request to the mock with any method, headers and raw body, as a client might send it. */
export async function sendRequest(
  server: MockServer,
  method: Dispatcher.HttpMethod,
  path: string,
  options: { readonly headers?: Record<string, string>; readonly body?: string } = {},
): Promise<SentAnswer> {
  const response = await request(`${server.url}${path}`, {
    method,
    headers: options.headers ?? {},
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    contentType: String(response.headers['content-type']),
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}
