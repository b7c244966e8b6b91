/** Header names whose values are credentials; they never leave the mock. */
const secretHeaders = new Set([
  'qiscus_sdk_secret',
  'qiscus-sdk-secret',
  'qiscus-secret-key',
  'authorization',
  'cookie',
  'set-cookie',
  'proxy-authorization',
]);

/** Whether a header (its name in lower case) carries a credential. */
export function isSecretHeader(name: string): boolean {
  return secretHeaders.has(name);
}

/** The marker that replaces a secret. */
export const redacted = '[redacted]';

/**
 * A copy of the headers with every credential replaced by `[redacted]`: the known credential
 * headers, and any header whose value holds one of the app's secrets (a misspelt header name).
 */
export function redactHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  secrets: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const text = typeof value === 'string' ? value : value.join(', ');
    out[lower] =
      isSecretHeader(lower) || secrets.some((secret) => text.includes(secret)) ? redacted : text;
  }
  return out;
}

/** The value with every string that holds one of the secrets replaced by `[redacted]`. */
export function redactSecrets(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    return secrets.some((secret) => value.includes(secret)) ? redacted : value;
  }
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, redactSecrets(inner, secrets)]),
    );
  }
  return value;
}
