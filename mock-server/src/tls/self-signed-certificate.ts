import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isIP } from 'node:net';
import { mockError } from '../errors.js';

const run = promisify(execFile);

/** A PEM certificate and its key, and where the certificate was written (to trust it). */
export interface SelfSignedCertificate {
  readonly cert: string;
  readonly key: string;
  readonly certFile: string;
  /** The temporary folder holding both files. */
  readonly folder: string;
}

/**
 * Makes a self-signed certificate for `localhost`, `127.0.0.1`, `::1` and each of `hostNames`
 * (e.g. `omnichannel.qiscus.com`), valid for 30 days, with the system's `openssl`: Node can read
 * X.509 certificates but cannot make one. Written to a fresh temporary folder.
 */
export async function makeSelfSignedCertificate(
  hostNames: readonly string[] = [],
): Promise<SelfSignedCertificate> {
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-tls-'));
  const certFile = join(folder, 'qiscus-mock-cert.pem');
  const keyFile = join(folder, 'qiscus-mock-key.pem');
  const names = ['localhost', '127.0.0.1', '::1', ...hostNames].map((name) =>
    isIP(name) === 0 ? `DNS:${name}` : `IP:${name}`,
  );
  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '30',
      '-subj',
      '/CN=qiscus-mock',
      '-addext',
      `subjectAltName=${[...new Set(names)].join(',')}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);
  } catch (cause) {
    throw mockError(
      'MOCK_ERR_CONFIG',
      `--tls needs openssl to make a certificate, and it failed (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}). Make one yourself and give it with --tls-cert FILE --tls-key FILE (docs/mock-server.md#a-bot-with-a-hard-coded-qiscus-host).`,
      { cause },
    );
  }
  return {
    cert: await readFile(certFile, 'utf8'),
    key: await readFile(keyFile, 'utf8'),
    certFile,
    folder,
  };
}
