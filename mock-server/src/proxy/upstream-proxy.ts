import type { FastifyRequest } from 'fastify';
import { createRequire } from 'node:module';
import type * as Undici from 'undici';
import type { Pool } from 'undici';
import { QiscusApiError } from '../errors.js';
import { secretMatches, secretOf, type Secret } from '../http/check-credentials.js';

/** Where `serve --upstream` forwards the bot's calls, and the upstream's credentials. */
export interface UpstreamOptions {
  /** The real Qiscus base URL, e.g. `https://omnichannel.qiscus.com`. */
  readonly url: string;
  /** The upstream's app code, put in place of the mock's in paths and `Qiscus-App-Id`. */
  readonly appCode?: string;
  /** The upstream's secret key, put in place of the mock's in the credential headers. */
  readonly secretKey?: string;
  /** The upstream's admin token, put in place of the mock's in `Authorization`. */
  readonly adminToken?: string;
  /** How long to wait for the upstream's answer (default 10 s). */
  readonly timeoutMs?: number;
}

/** The upstream's answer, passed back to the bot as it came. */
export interface UpstreamAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly text: string;
}

/** Headers that belong to one connection, or that the proxy sets itself. */
const hopByHop = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-connection',
  // Asked for plainly, so the answer can be recorded and passed on as text.
  'accept-encoding',
]);

/**
 * Checks `serve --upstream`'s URL: http(s), no credentials in it (they would end up in the
 * recording's header), no query. Returns the problem, or null.
 */
export function upstreamUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `--upstream must be a URL such as https://omnichannel.qiscus.com, not "${url}"`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `--upstream must be an http(s) URL, not ${parsed.protocol}`;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return '--upstream must not hold credentials: give them with --upstream-secret-key and --upstream-admin-token (or their environment variables), which are never recorded';
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return '--upstream is a base URL: leave out the query and fragment';
  }
  return null;
}

/**
 * Forwards the bot's calls to the real Qiscus (`serve --upstream URL`). The bot talks to the
 * mock with the mock's credentials; each credential header that holds one of them is sent on
 * with the upstream's instead, and the mock's app code in the path becomes the upstream's.
 * Credentials the mock does not know go on as they are, so the upstream refuses them as it
 * would have. The upstream's credentials never leave this object: not in the traffic log, not
 * in the recording, not in any message.
 */
export class UpstreamProxy {
  readonly base: URL;
  private readonly pool: Pool;
  private readonly swaps: readonly { readonly from: Secret; readonly to: string }[];
  private readonly timeoutMs: number;

  constructor(
    options: UpstreamOptions,
    private readonly mock: {
      readonly appCode: string;
      readonly secretKey: string;
      readonly adminToken: string;
    },
    /** Told of what the proxy passed on although it breaks the contract (stderr in the CLI). */
    readonly report: (message: string) => void,
  ) {
    const problem = upstreamUrlProblem(options.url);
    if (problem) throw new RangeError(problem);
    this.base = new URL(options.url);
    // Required here, not when the mock starts: only a proxy needs it, and it is slow to load.
    const { Pool: UpstreamPool } = createRequire(import.meta.url)('undici') as typeof Undici;
    this.pool = new UpstreamPool(this.base.origin, { connections: 16, keepAliveTimeout: 4000 });
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const swaps: { from: Secret; to: string }[] = [];
    if (options.secretKey !== undefined) {
      swaps.push({ from: secretOf(mock.secretKey), to: options.secretKey });
    }
    if (options.adminToken !== undefined) {
      swaps.push({ from: secretOf(mock.adminToken), to: options.adminToken });
    }
    if (options.appCode !== undefined) {
      swaps.push({ from: secretOf(mock.appCode), to: options.appCode });
    }
    this.swaps = swaps;
    this.appCode = options.appCode ?? mock.appCode;
  }

  private readonly appCode: string;

  /** The upstream's secrets, for the traffic log to redact wherever they turn up. */
  static secretsOf(options: UpstreamOptions): string[] {
    return [options.secretKey, options.adminToken].filter(
      (value): value is string => value !== undefined && value !== '',
    );
  }

  /** The path on the upstream: under the base URL's path, with the upstream's app code. */
  targetPath(url: string): string {
    const prefix = `/${this.mock.appCode}`;
    const own =
      url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)
        ? `/${encodeURIComponent(this.appCode)}${url.slice(prefix.length)}`
        : url;
    return `${this.base.pathname.replace(/\/$/, '')}${own}`;
  }

  private headersFor(request: FastifyRequest): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || hopByHop.has(name)) continue;
      const text = Array.isArray(value) ? value.join(', ') : value;
      out[name] = this.swap(name, text);
    }
    return out;
  }

  private swap(name: string, value: string): string {
    const bearer = name === 'authorization' && /^bearer\s+/i.test(value);
    const bare = bearer ? value.replace(/^bearer\s+/i, '') : value;
    for (const { from, to } of this.swaps) {
      if (secretMatches(bare, from)) return bearer ? `Bearer ${to}` : to;
    }
    return value;
  }

  /**
   * Sends the bot's request on and returns the upstream's answer. Throws UPSTREAM_UNREACHABLE
   * (502) when the upstream cannot be reached or does not answer in time.
   */
  async forward(request: FastifyRequest): Promise<UpstreamAnswer> {
    const raw = request.rawBody;
    const body =
      raw !== null
        ? raw.text
        : request.body === undefined
          ? undefined
          : JSON.stringify(request.body);
    try {
      const answer = await this.pool.request({
        method: request.method,
        path: this.targetPath(request.url),
        headers: this.headersFor(request),
        ...(body === undefined ? {} : { body }),
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      const text = await answer.body.text();
      const header = (name: string) => {
        const value = answer.headers[name];
        return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
      };
      return {
        status: answer.statusCode,
        contentType: header('content-type'),
        retryAfter: header('retry-after'),
        text,
      };
    } catch (cause) {
      throw new QiscusApiError(
        'UPSTREAM_UNREACHABLE',
        `The upstream ${this.base.origin} could not be reached (${describe(cause, this.timeoutMs)}): check --upstream and that the service is up. The mock did not pass on an answer.`,
      );
    }
  }

  /** Closes the connections to the upstream. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

function describe(cause: unknown, timeoutMs: number): string {
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return `no answer within ${timeoutMs} ms`;
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return message === '' ? String(code) : message;
}
