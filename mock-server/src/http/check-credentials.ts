import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { authStyles, type AuthRequirement, type AuthStyle, type ErrorDetail } from '#contracts';
import { QiscusApiError } from '../errors.js';

/** The app's credentials, hashed once so every comparison takes the same time. */
export interface Credentials {
  readonly appCode: string;
  readonly secretKey: string;
  readonly adminToken: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** A secret, kept both as bytes and as a digest, for comparisons in constant time. */
export interface Secret {
  readonly bytes: Buffer;
  readonly digest: Buffer;
}

/** A secret as bytes and digest, for `secretMatches`. */
export function secretOf(value: string): Secret {
  return { bytes: Buffer.from(value, 'utf8'), digest: digest(value) };
}

/**
 * Compares a presented secret with the real one in constant time. Bytes of the same length are
 * compared directly; any other length is compared by digest, so it neither crashes
 * `timingSafeEqual` nor answers faster, and the answer is the same: no match.
 */
export function secretMatches(presented: string, expected: Secret): boolean {
  const bytes = Buffer.from(presented, 'utf8');
  if (bytes.length === expected.bytes.length) return timingSafeEqual(bytes, expected.bytes);
  // Another length never matches; compare digests anyway, so the time does not tell.
  timingSafeEqual(digest(presented), expected.digest);
  return false;
}

/** The credentials check of one server: knows the secrets, never repeats them. */
export class CredentialCheck {
  private readonly secretDigest: Secret;
  private readonly adminDigest: Secret;

  constructor(private readonly credentials: Credentials) {
    this.secretDigest = secretOf(credentials.secretKey);
    this.adminDigest = secretOf(credentials.adminToken);
  }

  /** Throws UNAUTHORIZED unless one of the requirement's styles is presented and right. */
  check(headers: IncomingHttpHeaders, requirement: AuthRequirement): void {
    const problems: ErrorDetail[] = [];
    // A plain loop: this runs on every request.
    for (const style of requirement.styles) {
      if (!isPresented(headers, style)) continue;
      const problem = this.problemWith(headers, style, requirement);
      if (!problem) return;
      problems.push(problem);
    }
    if (problems.length > 0) {
      throw new QiscusApiError(
        'UNAUTHORIZED',
        `Wrong credentials: ${problems.map((p) => `${p.path.replace('headers.', '')} ${p.message}`).join('; ')}.`,
        problems,
      );
    }
    throw missingCredentials(headers, requirement);
  }

  private problemWith(
    headers: IncomingHttpHeaders,
    style: AuthStyle,
    requirement: AuthRequirement,
  ): ErrorDetail | undefined {
    switch (style) {
      case 'sdkSecret':
        return this.secretProblem(headers, 'qiscus_sdk_secret', 'QISCUS_SDK_SECRET');
      case 'appIdAndSecretKey':
        return (
          this.appIdProblem(headers, 'Qiscus-Secret-Key') ??
          this.secretProblem(headers, 'qiscus-secret-key', 'Qiscus-Secret-Key')
        );
      case 'authorization':
        return this.authorizationProblem(headers, requirement);
      case 'adminTokenAndAppId':
        return (
          this.appIdProblem(headers, 'Authorization') ??
          this.authorizationProblem(headers, { styles: [], authorizationAccepts: ['adminToken'] })
        );
    }
  }

  /** The secret key in a header of its own; a header sent twice is named as such, not as wrong. */
  private secretProblem(
    headers: IncomingHttpHeaders,
    name: string,
    shown: string,
  ): ErrorDetail | undefined {
    const value = header(headers, name);
    if (secretMatches(value, this.secretDigest)) return undefined;
    // Node joins a repeated header into one value, "a, b", which no secret then matches.
    const parts = value.split(', ');
    if (parts.length > 1) {
      const same = parts.every((part) => secretMatches(part, this.secretDigest));
      return {
        path: `headers.${shown}`,
        message: `was sent ${parts.length} times${same ? ' (each with the right key)' : ''}, and the copies are read as one value: send it once`,
      };
    }
    return { path: `headers.${shown}`, message: "does not hold the app's secret key" };
  }

  private appIdProblem(headers: IncomingHttpHeaders, partner: string): ErrorDetail | undefined {
    const appId = headers['qiscus-app-id'];
    if (appId === undefined) {
      return { path: 'headers.Qiscus-App-Id', message: `is required with ${partner}` };
    }
    // The value is not repeated: a swapped header would put the secret in the answer.
    return appId === this.credentials.appCode
      ? undefined
      : {
          path: 'headers.Qiscus-App-Id',
          message: `is not this app's code ("${this.credentials.appCode}")`,
        };
  }

  private authorizationProblem(
    headers: IncomingHttpHeaders,
    requirement: AuthRequirement,
  ): ErrorDetail | undefined {
    const value = header(headers, 'authorization');
    const accepts = requirement.authorizationAccepts ?? ['adminToken'];
    const matches = (token: string) =>
      (accepts.includes('adminToken') && secretMatches(token, this.adminDigest)) ||
      (accepts.includes('secretKey') && secretMatches(token, this.secretDigest));
    if (matches(value)) return undefined;
    const what =
      accepts.length === 2
        ? 'an admin token or the secret key'
        : accepts.includes('secretKey')
          ? 'the secret key'
          : 'an admin token';
    const token = value.replace(/^bearer\s+/i, '');
    if (!accepts.includes('secretKey') && secretMatches(token, this.secretDigest)) {
      return {
        path: 'headers.Authorization',
        message: `holds the app's secret key, but takes ${what} here: ${requirement.styles.includes('sdkSecret') ? 'send the secret key in the QISCUS_SDK_SECRET header instead' : 'send the admin token (printed at start-up) instead'}`,
      };
    }
    if (/^bearer\s+/i.test(value) && matches(token)) {
      return {
        path: 'headers.Authorization',
        message: `must hold ${what} as it is, without "Bearer " in front (Qiscus takes the raw token)`,
      };
    }
    return { path: 'headers.Authorization', message: `does not hold ${what}` };
  }
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function isPresented(headers: IncomingHttpHeaders, style: AuthStyle): boolean {
  switch (style) {
    case 'sdkSecret':
      return headers.qiscus_sdk_secret !== undefined;
    case 'appIdAndSecretKey':
      return headers['qiscus-secret-key'] !== undefined;
    case 'authorization':
    case 'adminTokenAndAppId':
      return headers.authorization !== undefined;
  }
}

function missingCredentials(
  headers: IncomingHttpHeaders,
  requirement: AuthRequirement,
): QiscusApiError {
  const ways = requirement.styles.map((style) => authStyles[style].headers.join(' with '));
  const hints: string[] = [];
  if (requirement.styles.includes('sdkSecret')) {
    hints.push(
      'If you did send QISCUS_SDK_SECRET, a proxy may have dropped it: its name has underscores, which nginx and others drop by default.',
    );
    if (headers['qiscus-sdk-secret'] !== undefined) {
      hints.push(
        'QISCUS-SDK-SECRET (with hyphens) is another header: this endpoint takes QISCUS_SDK_SECRET.',
      );
    }
  }
  const first = requirement.styles[0];
  const primary = first === undefined ? 'Authorization' : authStyles[first].headers[0];
  return new QiscusApiError(
    'UNAUTHORIZED',
    `Missing credentials: send ${ways.join(', or ')}.${hints.length > 0 ? ` ${hints.join(' ')}` : ''}`,
    [{ path: `headers.${primary}`, message: 'is required' }],
  );
}
