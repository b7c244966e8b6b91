import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DeliveryModeSchema, explainArgsError } from '#contracts';
import { formatBanner, formatRemoteWarning } from './banner.js';
import { loadConfigFile } from './config/load-config-file.js';
import { createMockServer } from './create-mock-server.js';
import { isMockError } from './errors.js';
import { optionsFromConfigFile, type MockServerOptions } from './options.js';
import { makeSelfSignedCertificate } from './tls/self-signed-certificate.js';
import { isLoopbackHost } from './webhooks/webhook-target.js';

/** Where `serve` writes, and the signal that stops it (Ctrl-C in the CLI). */
export interface ServeIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stop?: AbortSignal;
}

const help = `Usage: qiscus-mock serve [options]

Start the mock of the Qiscus Omnichannel bot API, and keep it running until Ctrl-C.

Options:
  --port N                 port to listen on (default 3737; 0 = any free port)
  --host HOST              interface to bind (default 127.0.0.1); beyond loopback (e.g. 0.0.0.0)
                           /_mock needs Authorization: Bearer <admin token>
  --bot-url URL            where the bot webhook goes (loopback only, see --allow-remote-webhook)
  --config FILE            a JSON or YAML config file: app code, secret, admin token, channels,
                           agents, divisions, switches (flags win over the file)
  --seed N                 seed for the generated agents and customers (default fixed)
  --delivery MODE          once (default), reliable (retries, per-room order) or chaos
  --deterministic          fixed clock and sequential ids, for output that repeats exactly
  --allow-remote-webhook   allow a bot URL on another machine
  --allowed-host NAME      accept requests addressed to NAME too (repeatable), e.g. a tunnel,
                           or omnichannel.qiscus.com for a bot with that host hard-coded
  --tls                    serve HTTPS with a self-signed certificate made with openssl for
                           localhost, 127.0.0.1 and each --allowed-host; its file is printed,
                           to trust it (NODE_EXTRA_CA_CERTS, curl --cacert, REQUESTS_CA_BUNDLE)
  --tls-cert FILE          serve HTTPS with this PEM certificate (with --tls-key FILE)
  --tls-key FILE           the certificate's PEM private key
  --retry-for DURATION     how long reliable delivery retries a webhook (default 2m), e.g. 10m
  --record FILE            record every exchange to FILE (JSONL; created or replaced), each
                           line written before its request is answered; secrets redacted
  --scrub                  with --record: replace names, phone numbers, e-mails and attachment
                           URLs with stand-ins (the same value gets the same stand-in)
  --json                   print one JSON line (url, app code, credentials) instead of the
                           banner; the line "qiscus-mock listening on URL" goes to stderr then
  -h, --help               show this help

The first line printed is "qiscus-mock listening on URL" (on stderr with --json); scripts can
wait for it.
Exit codes: 0 stopped cleanly, 2 usage or configuration error.
Docs: docs/mock-server.md (routes, flags, defaults, the config file), docs/error-codes.md.`;

function usage(io: ServeIo, message: string): number {
  io.stderr(`qiscus-mock serve: ${message}\nRun \`qiscus-mock serve --help\` for its flags.\n`);
  return 2;
}

function integer(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value < min || value > max) {
    throw new RangeError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

/** The flags `serve` takes, for commands that start a mock too (e.g. with a bot). */
export const serveFlags = {
  port: { type: 'string' },
  host: { type: 'string' },
  'bot-url': { type: 'string' },
  config: { type: 'string' },
  seed: { type: 'string' },
  delivery: { type: 'string' },
  deterministic: { type: 'boolean' },
  'allow-remote-webhook': { type: 'boolean' },
  'allowed-host': { type: 'string', multiple: true },
  tls: { type: 'boolean' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'retry-for': { type: 'string' },
  record: { type: 'string' },
  scrub: { type: 'boolean' },
} as const;

type ServeFlagValues = {
  readonly [K in keyof typeof serveFlags]?: (typeof serveFlags)[K] extends { multiple: true }
    ? string[]
    : (typeof serveFlags)[K]['type'] extends 'boolean'
      ? boolean
      : string;
};

/**
 * The mock's options from `serve`'s flags (a config file read, flags winning over it). Throws a
 * RangeError or a mock error whose message names the bad flag or key.
 */
export async function serveOptionsFromFlags(
  flags: ServeFlagValues,
  log: (message: string) => void,
): Promise<MockServerOptions> {
  const delivery =
    flags.delivery === undefined ? undefined : DeliveryModeSchema.safeParse(flags.delivery);
  if (delivery && !delivery.success) {
    throw new RangeError(`--delivery must be once, reliable or chaos, not "${flags.delivery}"`);
  }
  const fromFile = flags.config ? optionsFromConfigFile(await loadConfigFile(flags.config)) : {};
  if (flags.scrub && flags.record === undefined) {
    throw new RangeError('--scrub goes with --record FILE: it scrubs what is recorded');
  }
  const port = integer('port', flags.port, 0, 65535);
  const retryFor =
    flags['retry-for'] === undefined ? undefined : /^([0-9]+)(ms|s|m)$/.exec(flags['retry-for']);
  if (retryFor === null) {
    throw new RangeError(
      `--retry-for must be a duration such as 90s or 10m, not "${flags['retry-for'] ?? ''}"`,
    );
  }
  const retryForMs = retryFor
    ? Number(retryFor[1]) *
      ({ ms: 1, s: 1000, m: 60_000 } as const)[retryFor[2] as 'ms' | 's' | 'm']
    : undefined;
  const seed = integer('seed', flags.seed, 0, 2 ** 31 - 1);
  const tls = await tlsFromFlags(flags, log);
  return {
    ...fromFile,
    port: port ?? 3737,
    ...(flags.host === undefined ? {} : { host: flags.host }),
    ...(flags['bot-url'] === undefined ? {} : { botUrl: flags['bot-url'] }),
    ...(seed === undefined ? {} : { seed }),
    ...(delivery?.success ? { delivery: delivery.data } : {}),
    ...(flags.deterministic ? { deterministic: true } : {}),
    ...(flags['allow-remote-webhook'] ? { allowRemoteWebhook: true } : {}),
    ...(flags['allowed-host'] ? { allowedHosts: flags['allowed-host'] } : {}),
    ...(retryForMs === undefined ? {} : { retryForMs }),
    ...(flags.record === undefined ? {} : { record: flags.record }),
    ...(flags.scrub ? { scrub: true } : {}),
    ...(tls ? { tls } : {}),
    log,
  };
}

/** The certificate `--tls` makes, or the one `--tls-cert` and `--tls-key` name. */
async function tlsFromFlags(
  flags: ServeFlagValues,
  log: (message: string) => void,
): Promise<MockServerOptions['tls']> {
  const certFile = flags['tls-cert'];
  const keyFile = flags['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new RangeError('--tls-cert FILE and --tls-key FILE go together');
  }
  if (certFile !== undefined && keyFile !== undefined) {
    if (flags.tls) throw new RangeError('--tls makes a certificate: leave it out with --tls-cert');
    const read = async (file: string, flag: string) => {
      try {
        return await readFile(file, 'utf8');
      } catch (cause) {
        throw new RangeError(`${flag}: cannot read ${file} (${String(cause)})`, { cause });
      }
    };
    return { cert: await read(certFile, '--tls-cert'), key: await read(keyFile, '--tls-key') };
  }
  if (!flags.tls) return undefined;
  const made = await makeSelfSignedCertificate(flags['allowed-host'] ?? []);
  log(
    `qiscus-mock: HTTPS with a self-signed certificate: ${made.certFile}\n  trust it: NODE_EXTRA_CA_CERTS=${made.certFile} (Node), curl --cacert ${made.certFile}, REQUESTS_CA_BUNDLE=${made.certFile} (Python), SSL_CERT_FILE=${made.certFile} (Go)`,
  );
  return { cert: made.cert, key: made.key };
}

const serveOptions = {
  ...serveFlags,
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function runServe(args: readonly string[], io: ServeIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: serveOptions,
    });
  } catch (error) {
    return usage(io, explainArgsError(error, Object.keys(serveOptions)));
  }
  const flags = parsed.values;
  if (flags.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  let options: MockServerOptions;
  try {
    options = await serveOptionsFromFlags(flags, (message) => {
      io.stderr(`${message}\n`);
    });
  } catch (error) {
    if (error instanceof RangeError) return usage(io, error.message);
    if (isMockError(error)) return usage(io, error.message);
    throw error;
  }
  let server;
  try {
    server = await createMockServer(options);
  } catch (error) {
    if (isMockError(error)) return usage(io, error.message);
    throw error;
  }
  const adminTokenRequired = !isLoopbackHost(options.host ?? '127.0.0.1');
  const recording = server.recording();
  if (recording) {
    io.stderr(
      recording.state === 'recording'
        ? `Recording to ${recording.file}${flags.scrub ? ' (scrubbed)' : ''}.\n`
        : `Not recording: ${recording.error ?? 'stopped'}.\n`,
    );
  }
  if (flags.json) {
    // stdout stays one JSON line; the line scripts wait on still comes, on stderr.
    io.stderr(`qiscus-mock listening on ${server.url}\n`);
    if (adminTokenRequired) io.stderr(formatRemoteWarning(server.adminToken));
    io.stdout(
      `${JSON.stringify({ event: 'listening', url: server.url, app_code: server.appCode, secret_key: server.secretKey, admin_token: server.adminToken, bot_email: server.botEmail, docs: `${server.url}/docs` })}\n`,
    );
  } else {
    io.stdout(
      formatBanner({
        url: server.url,
        secretKey: server.secretKey,
        adminToken: server.adminToken,
        settings: server.settings(),
        adminTokenRequired,
      }),
    );
  }
  // Without a stop signal it runs until the process ends.
  if (!io.stop) await new Promise<never>(() => undefined);
  else if (!io.stop.aborted) await once(io.stop, 'abort');
  io.stderr('Stopping: waiting for webhook deliveries in flight …\n');
  await server.close();
  io.stderr('Stopped.\n');
  return 0;
}

/** `qiscus-mock serve`: the CLI shell over `createMockServer`. */
export const serveCommand = {
  name: 'serve',
  help,
  run: runServe,
};
