import { X509Certificate } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Agent, request } from 'undici';
import { expect, it, onTestFinished } from 'vitest';
import { serveOptionsFromFlags } from '#mock-server';
import { makeSelfSignedCertificate } from '../src/tls/self-signed-certificate.js';
import { startMock } from './support/start-mock.js';

const qiscusHost = 'omnichannel.qiscus.com';

/** A certificate made for the test, its folder removed when the test finishes. */
async function certificate(hostNames: readonly string[] = []) {
  const made = await makeSelfSignedCertificate(hostNames);
  onTestFinished(() => rm(made.folder, { recursive: true, force: true }));
  return made;
}

/** A client that trusts `ca` and, like a bot whose /etc/hosts points the host here, names it. */
function trusting(ca: string, servername?: string): Agent {
  const agent = new Agent({ connect: { ca, ...(servername ? { servername } : {}) } });
  onTestFinished(() => agent.close());
  return agent;
}

it('serves HTTPS with a self-signed certificate a client trusts, and a client that does not refuses it', async () => {
  const made = await certificate([qiscusHost]);
  expect(new X509Certificate(made.cert).subjectAltName).toContain(`DNS:${qiscusHost}`);
  const server = await startMock({ tls: made });
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

  const answer = await request(`${server.url}/_mock/config`, { dispatcher: trusting(made.cert) });
  expect(answer.statusCode).toBe(200);
  expect(((await answer.body.json()) as { app_code: string }).app_code).toBe(server.appCode);

  const untrusted = new Agent();
  onTestFinished(() => untrusted.close());
  await expect(
    request(`${server.url}/_mock/config`, { dispatcher: untrusted }),
  ).rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED/) as unknown });
});

it('answers a bot with https://omnichannel.qiscus.com hard-coded, once the host is allowed', async () => {
  const made = await certificate([qiscusHost]);
  const allowed = await startMock({ tls: made, allowedHosts: [qiscusHost] });
  const strict = await startMock({ tls: made });
  const dispatcher = trusting(made.cert, qiscusHost);
  const { room_id } = await allowed.customer.say({ channel: 'wa', text: 'Hi' });
  const send = (url: string) =>
    request(`${url}/${allowed.appCode}/bot`, {
      method: 'POST',
      dispatcher,
      headers: {
        host: qiscusHost,
        'content-type': 'application/json',
        qiscus_sdk_secret: allowed.secretKey,
      },
      body: JSON.stringify({
        sender_email: allowed.botEmail,
        type: 'text',
        message: 'Hello over TLS',
        room_id,
      }),
    });

  const served = await send(allowed.url);
  const refused = await send(strict.url);

  expect(served.statusCode).toBe(200);
  expect(allowed.rooms.get(room_id)?.messages.at(-1)?.text).toBe('Hello over TLS');
  expect(refused.statusCode).not.toBe(200);
  expect(await refused.body.text()).toContain(qiscusHost);
});

it('takes a certificate from --tls-cert and --tls-key, and refuses one without the other', async () => {
  const made = await certificate();
  const options = await serveOptionsFromFlags(
    { 'tls-cert': made.certFile, 'tls-key': made.certFile.replace('cert', 'key') },
    () => undefined,
  );
  expect(options.tls).toEqual({ cert: made.cert, key: made.key });
  await expect(
    serveOptionsFromFlags({ 'tls-cert': made.certFile }, () => undefined),
  ).rejects.toThrow('--tls-cert FILE and --tls-key FILE go together');
  const logged: string[] = [];
  const generated = await serveOptionsFromFlags({ tls: true }, (line) => logged.push(line));
  const folder = /NODE_EXTRA_CA_CERTS=(\S+)\/qiscus-mock-cert\.pem/.exec(logged.join('\n'))?.[1];
  onTestFinished(() => rm(folder ?? '/nonexistent', { recursive: true, force: true }));
  expect(generated.tls?.cert).toContain('BEGIN CERTIFICATE');
  expect(logged.join('\n')).toMatch(/trust it: NODE_EXTRA_CA_CERTS=\S+qiscus-mock-cert\.pem/);
});
