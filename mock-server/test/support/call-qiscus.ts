import { request } from 'undici';
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
    readonly body?: unknown;
    /** Sent as it is, instead of `body`. */
    readonly rawBody?: string;
    readonly contentType?: string;
    readonly auth?: TestAuth;
    readonly headers?: Readonly<Record<string, string>>;
  } = {},
): Promise<QiscusAnswer<D>> {
  const style = options.auth ?? operation.auth.styles[0] ?? 'none';
  const isForm = options.contentType === 'application/x-www-form-urlencoded';
  const body =
    options.rawBody ??
    (options.body === undefined
      ? undefined
      : isForm
        ? new URLSearchParams(options.body as Record<string, string>).toString()
        : JSON.stringify(options.body));
  const response = await request(`${server.url}${fillPath(operation.path, options.params ?? {})}`, {
    method: operation.method.toUpperCase() as 'GET' | 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' }),
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
