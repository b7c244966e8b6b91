import { isIP } from 'node:net';

/** Whether a host name or address is this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // Only the exact name: another *.localhost name is resolved by whatever resolver there is.
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/**
 * Checks a bot webhook URL before the mock will send anything to it: http(s) only, and on this
 * machine unless remote targets were allowed at start-up.
 */
export function checkWebhookTarget(
  text: string,
  allowRemote: boolean,
): { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly message: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: `"${text}" is not a URL; give one such as http://127.0.0.1:3738/`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `must be an http(s) URL, not ${url.protocol}` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'must not carry a user name or password' };
  }
  if (!allowRemote && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message: `${url.hostname} is not this machine: the mock sends webhooks only to loopback addresses unless started with --allow-remote-webhook`,
    };
  }
  return { ok: true, url };
}
