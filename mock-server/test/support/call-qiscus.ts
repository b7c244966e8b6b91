import { FormData, request } from 'undici';
import {
  ErrorEnvelopeSchema,
  authStyles,
  injectedFaultCodes,
  type AuthStyle,
  type ErrorEnvelope,
  type OperationDescriptor,
  type z,
} from '#contracts';
import type { MockServer } from '#mock-server';

/** How a test authenticates: one of the contract's styles, none, or headers of its own. */
export type TestAuth = AuthStyle | 'none';

/** The headers of an auth style, with the server's real credentials. */
export function credentialHeaders(server: MockServer, auth: TestAuth): Record<string, string> {
  switch (auth) {
    case 'none':
      return {};
    case 'sdkSecret':
      return { QISCUS_SDK_SECRET: server.secretKey };
    case 'appIdAndSecretKey':
      return { 'Qiscus-App-Id': server.appCode, 'Qiscus-Secret-Key': server.secretKey };
    case 'authorization':
      return { Authorization: server.adminToken };
    case 'adminTokenAndAppId':
      return { Authorization: server.adminToken, 'Qiscus-App-Id': server.appCode };
  }
}

/** The answer to a call, its body already checked against the operation's contract. */
export type QiscusAnswer<D extends OperationDescriptor> =
  | { readonly status: 200; readonly body: z.output<D['responses'][200]['schema']> }
  | { readonly status: number; readonly body: ErrorEnvelope };

function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

/** A query string, `?a=1&b[]=2&b[]=3`, or nothing; an array repeats its key. */
export function queryString(
  query: Readonly<Record<string, string | readonly string[]>> | undefined,
): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value].flat()) search.append(key, item);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** A form body: form-encoded text, or multipart FormData. */
function formBody(contentType: string, fields: Record<string, string>): string | FormData {
  if (contentType === 'multipart/form-data') {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return form;
  }
  return new URLSearchParams(fields).toString();
}

/**
 * Calls an operation of the Qiscus surface over real HTTP and checks the answer against its
 * contract: the success schema for 200, otherwise the error envelope with a code the operation
 * lists. A mismatch throws, so every response a test sees is a contract value.
 */
export async function callQiscus<D extends OperationDescriptor>(
  server: MockServer,
  operation: D,
  options: {
    readonly params?: Readonly<Record<string, string>>;
    readonly query?: Readonly<Record<string, string | readonly string[]>>;
    readonly body?: unknown;
    /** Sent as it is, instead of `body`. */
    readonly rawBody?: string;
    readonly contentType?: string;
    readonly auth?: TestAuth;
    readonly headers?: Readonly<Record<string, string>>;
  } = {},
): Promise<QiscusAnswer<D>> {
  const style = options.auth ?? operation.auth.styles[0] ?? 'none';
  const contentType = options.contentType ?? 'application/json';
  const isForm = contentType !== 'application/json' && options.rawBody === undefined;
  const body =
    options.rawBody ??
    (options.body === undefined
      ? undefined
      : isForm
        ? formBody(contentType, options.body as Record<string, string>)
        : JSON.stringify(options.body));
  const url = `${server.url}${fillPath(operation.path, options.params ?? {})}${queryString(options.query)}`;
  const response = await request(url, {
    method: operation.method.toUpperCase() as 'GET' | 'POST',
    headers: {
      // FormData sets its own Content-Type, with the boundary.
      ...(body === undefined || body instanceof FormData ? {} : { 'content-type': contentType }),
      ...credentialHeaders(server, style),
      ...options.headers,
    },
    ...(body === undefined ? {} : { body }),
  });
  const json: unknown = await response.body.json();
  if (response.statusCode === 200) {
    const responses = operation.responses as Record<number, { schema: z.ZodType }>;
    const schema = responses[200]?.schema;
    if (!schema) throw new Error(`${operation.id} has no 200 response in the catalogue`);
    return { status: 200, body: schema.parse(json) } as QiscusAnswer<D>;
  }
  const envelope = ErrorEnvelopeSchema.parse(json);
  // Any operation may answer a fault injected on purpose.
  const listed: readonly string[] = [...operation.errors, ...injectedFaultCodes];
  if (!listed.includes(envelope.errors.code)) {
    throw new Error(
      `${operation.id} answered ${envelope.errors.code}, which its catalogue entry does not list`,
    );
  }
  return { status: response.statusCode, body: envelope };
}

/** The headers the contract names for an auth style, to check error messages against. */
export function headerNamesOf(style: AuthStyle): readonly string[] {
  return authStyles[style].headers;
}

/** The body of a successful answer; fails the test (naming the error) when it is not one. */
export function successOf<D extends OperationDescriptor>(
  answer: QiscusAnswer<D>,
): z.output<D['responses'][200]['schema']> {
  if (answer.status !== 200) {
    throw new Error(`expected 200, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body as z.output<D['responses'][200]['schema']>;
}
