import { request } from 'undici';
import { ProblemSchema, type ControlOperationDescriptor, type Problem, type z } from '#contracts';
import type { MockServer } from '#mock-server';

/** The answer of a control call, checked against its contract (or problem+json). */
export type ControlAnswer<D extends ControlOperationDescriptor> =
  | { readonly ok: true; readonly status: number; readonly body: z.output<D['response']['schema']> }
  | { readonly ok: false; readonly status: number; readonly body: Problem };

/**
 * Calls an operation of the mock's own API over real HTTP and checks the answer: the operation's
 * response schema on success, problem+json (content type and body) otherwise.
 */
export async function callControl<D extends ControlOperationDescriptor>(
  server: MockServer,
  operation: D,
  options: {
    readonly params?: Readonly<Record<string, string>>;
    readonly query?: Readonly<Record<string, string>>;
    readonly body?: unknown;
  } = {},
): Promise<ControlAnswer<D>> {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(options.params?.[name] ?? ''),
  );
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const response = await request(`${server.url}${path}${query}`, {
    method: operation.method.toUpperCase() as 'GET' | 'POST' | 'PATCH',
    ...(options.body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(options.body) }),
  });
  const json: unknown = await response.body.json();
  if (response.statusCode === operation.response.status) {
    const body = operation.response.schema.parse(json) as z.output<D['response']['schema']>;
    return { ok: true, status: response.statusCode, body };
  }
  const type = String(response.headers['content-type']);
  if (!type.startsWith('application/problem+json')) {
    throw new Error(
      `${operation.id} answered ${response.statusCode} with ${type}, not problem+json`,
    );
  }
  return { ok: false, status: response.statusCode, body: ProblemSchema.parse(json) };
}
