import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { mockError, type MockError } from '../errors.js';
import { isLoopbackHost } from '../webhooks/webhook-target.js';
import { secretMatches, secretOf } from './check-credentials.js';
import { isControlRequest } from './control-request.js';

function hostnameOf(hostHeader: string): string {
  return hostHeader.startsWith('[')
    ? hostHeader.slice(0, hostHeader.indexOf(']') + 1)
    : (hostHeader.split(':')[0] ?? '');
}

/**
 * The DNS-rebinding guard: while the mock listens on loopback, it answers only requests whose
 * Host names this machine (or a name allowed at start-up). Returns, for a Host header, nothing
 * when it may be answered, or the refusal to throw.
 */
export function createHostCheck(
  boundHost: string,
  allowedHosts: readonly string[],
): (host: string | undefined) => MockError | undefined {
  if (!isLoopbackHost(boundHost)) return () => undefined;
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  // A client sends the same Host on every request; the last one found good is not checked again.
  let lastGood: string | undefined;
  return (host = '') => {
    if (host === lastGood) return undefined;
    const hostname = hostnameOf(host).toLowerCase();
    if (hostname === '' || isLoopbackHost(hostname) || allowed.has(hostname)) {
      lastGood = host;
      return undefined;
    }
    return mockError(
      'MOCK_ERR_HOST_NOT_ALLOWED',
      `The mock listens on ${boundHost} and answers only requests addressed to this machine, not "${hostname}": start it with --allowed-host ${hostname} to accept that name.`,
    );
  };
}

/**
 * The admin-token check of `/_mock` while the mock listens beyond loopback (e.g. `--host
 * 0.0.0.0`): anyone on the network could otherwise reset it or point its webhooks elsewhere.
 * The token comes as `Authorization: Bearer <token>` (or the raw token), or as `?token=` where a
 * browser cannot set headers (the dashboard's event stream). On loopback nothing is asked.
 */
export function createAdminCheck(
  boundHost: string,
  adminToken: string,
): (url: string, headers: IncomingHttpHeaders) => MockError | undefined {
  if (isLoopbackHost(boundHost)) return () => undefined;
  const secret = secretOf(adminToken);
  return (url, headers) => {
    if (!isControlRequest(url)) return undefined;
    const authorization = headers.authorization?.replace(/^bearer\s+/i, '');
    const query = url.includes('?') ? new URLSearchParams(url.slice(url.indexOf('?'))) : undefined;
    const presented = authorization ?? query?.get('token') ?? undefined;
    if (presented !== undefined && secretMatches(presented, secret)) return undefined;
    return mockError(
      'MOCK_ERR_ADMIN_TOKEN_REQUIRED',
      `The mock listens on ${boundHost}, beyond this machine, so /_mock needs the admin token: send Authorization: Bearer <admin token> (printed at start-up; --admin-token sets it)${presented === undefined ? '' : '; the token sent is not it'}.`,
      {
        errors: [
          {
            path: 'headers.authorization',
            message: presented === undefined ? 'is required' : 'does not hold the admin token',
          },
        ],
      },
    );
  };
}

/** The Host check of `createHostCheck` (and the admin check beyond loopback) for a fastify request: throws the refusal. */
export function createHostGuard(
  boundHost: string,
  allowedHosts: readonly string[],
  adminToken?: string,
): (request: FastifyRequest) => void {
  const check = createHostCheck(boundHost, allowedHosts);
  const checkAdmin = adminToken === undefined ? undefined : createAdminCheck(boundHost, adminToken);
  return (request) => {
    const refusal = check(request.headers.host) ?? checkAdmin?.(request.url, request.headers);
    if (refusal) throw refusal;
  };
}

/**
 * The cross-site guard of the mock's own API and event stream: a browser names the page that
 * makes a request in `Origin`, and only the dashboard, served by the mock itself, may drive the
 * mock. Clients that are not browsers (curl, bots, tests) send no Origin and pass. Returns the
 * refusal, or nothing.
 */
export function checkOrigin(
  origin: string | undefined,
  host: string | undefined,
): MockError | undefined {
  if (origin === undefined) return undefined;
  // Served through a TLS proxy, the dashboard's origin is https with the same Host.
  const lower = origin.toLowerCase();
  if (
    host !== undefined &&
    (lower === `http://${host.toLowerCase()}` || lower === `https://${host.toLowerCase()}`)
  ) {
    return undefined;
  }
  return mockError(
    'MOCK_ERR_ORIGIN_NOT_ALLOWED',
    `A page of ${JSON.stringify(origin)} may not drive the mock: its control API and event stream answer only the dashboard at http://${host ?? ''}/ and clients that are not browsers.`,
  );
}

/**
 * The Host check as an `onRequest` hook, for a scope of routes that are not catalogue operations
 * (the docs, the dashboard's files): the refusal goes to the error handler.
 */
export function hostGuardHook(
  guardHost: (request: FastifyRequest) => void,
): (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void {
  return (request, _reply, done) => {
    try {
      guardHost(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}
