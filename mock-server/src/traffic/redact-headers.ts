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

/** The marker that replaces a secret. */
export const redacted = '[redacted]';

/** A copy of the headers with every credential replaced by `[redacted]`. */
export function redactHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] = secretHeaders.has(lower)
      ? redacted
      : typeof value === 'string'
        ? value
        : value.join(', ');
  }
  return out;
}
