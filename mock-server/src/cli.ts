import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DeliveryModeSchema, explainArgsError } from '#contracts';
import { formatBanner, formatRemoteWarning } from './banner.js';
import { budgetFlags, budgetOptionsFromFlags } from './config/budget-flags.js';
import { loadConfigFile } from './config/load-config-file.js';
import { createMockServer } from './create-mock-server.js';
import { isMockError } from './errors.js';
import { formatShutdownSummary } from './webhooks/shutdown-summary.js';
import { defaults, optionsFromConfigFile, type MockServerOptions } from './options.js';
import type { UpstreamOptions } from './proxy/upstream-proxy.js';
import { makeSelfSignedCertificate } from './tls/self-signed-certificate.js';
import { isLoopbackHost } from './webhooks/webhook-target.js';

/** Where `serve` writes, and the signal that stops it (Ctrl-C in the CLI). */
export interface ServeIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stop?: AbortSignal;
  /** The environment, for the upstream's credentials (`process.env` in the CLI). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A size in whole mebibytes as the budget flags take it: 16MB. */
const inMB = (bytes: number) => `${bytes / (1024 * 1024)}MB`;

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
  --record FILE            record every exchange to FILE (JSONL; created or replaced), each
                           line written before its request is answered; secrets redacted
  --scrub                  with --record: replace names, phone numbers, e-mails and attachment
                           URLs with stand-ins (the same value gets the same stand-in)
  --upstream URL           proxy mode: forward the bot's calls to this real Qiscus base URL and
                           pass the webhooks it sends to /_upstream/webhook on to --bot-url;
                           with --record, both directions are recorded
  --upstream-app-code CODE the upstream's app code (env QISCUS_UPSTREAM_APP_CODE); put in place
                           of the mock's in paths and Qiscus-App-Id
  --upstream-secret-key K  the upstream's secret key (env QISCUS_UPSTREAM_SECRET_KEY, preferred:
                           flags show in ps); put in place of the mock's in credential headers
  --upstream-admin-token T the upstream's admin token (env QISCUS_UPSTREAM_ADMIN_TOKEN)
  --json                   print one JSON line (url, app code, credentials) instead of the
                           banner; the line "qiscus-mock listening on URL" goes to stderr then
  -h, --help               show this help

Memory budgets (docs/reliability.md; sizes such as 64MB or 512KB, counted in 1,024s):
  --max-rooms N            rooms kept (default 20000); the oldest go beyond it
  --rooms-budget SIZE      bytes of rooms and messages kept (default ${inMB(defaults.roomsMaxBytes)}); the oldest rooms go
  --traffic-budget SIZE    bytes of the traffic log (default ${inMB(defaults.trafficMaxBytes)}); the oldest exchanges go
  --deliveries-budget SIZE bytes of webhook bodies in the delivery log (default ${inMB(defaults.deliveryMaxBytes)})
  --stored-body-limit SIZE a body longer than this is kept cut short in the logs (default 16KB)
  --retry-for DURATION     how long reliable delivery retries a webhook (default 2m), e.g. 10m
The config file takes each of these too, as max_rooms, rooms_budget … retry_for.

The first line printed is "qiscus-mock listening on URL" (on stderr with --json); scripts can
wait for it.
Exit codes: 0 stopped cleanly, 2 usage or configuration error.
Docs: docs/mock-server.md (routes, flags, defaults, the config file), docs/error-codes.md,
docs/record-and-replay.md (recording, the proxy).`;

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
  ...budgetFlags,
  tls: { type: 'boolean' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
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
  const budgets = budgetOptionsFromFlags(flags);
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
    ...budgets,
    ...(flags.record === undefined ? {} : { record: flags.record }),
    ...(flags.scrub ? { scrub: true } : {}),
    ...(tls ? { tls } : {}),
    log,
  };
}

/** The proxy's flags: `serve` only. */
const upstreamFlags = {
  upstream: { type: 'string' },
  'upstream-app-code': { type: 'string' },
  'upstream-secret-key': { type: 'string' },
  'upstream-admin-token': { type: 'string' },
} as const;

/**
 * The proxy's options from its flags and the environment (flags win). Throws a RangeError naming
 * the flag when the credentials come without `--upstream`.
 */
export function upstreamOptionsFromFlags(
  flags: { readonly [K in keyof typeof upstreamFlags]?: string | undefined },
  env: Readonly<Record<string, string | undefined>>,
): UpstreamOptions | undefined {
  const pick = (flag: string | undefined, name: string) => {
    const value = flag ?? env[name];
    return value === undefined || value === '' ? {} : { [name]: value };
  };
  const given = {
    ...pick(flags['upstream-app-code'], 'QISCUS_UPSTREAM_APP_CODE'),
    ...pick(flags['upstream-secret-key'], 'QISCUS_UPSTREAM_SECRET_KEY'),
    ...pick(flags['upstream-admin-token'], 'QISCUS_UPSTREAM_ADMIN_TOKEN'),
  };
  if (flags.upstream === undefined) {
    const stray = ['upstream-app-code', 'upstream-secret-key', 'upstream-admin-token'].find(
      (name) => flags[name as keyof typeof flags] !== undefined,
    );
    if (stray) throw new RangeError(`--${stray} goes with --upstream URL`);
    return undefined;
  }
  const appCode = given.QISCUS_UPSTREAM_APP_CODE;
  const secretKey = given.QISCUS_UPSTREAM_SECRET_KEY;
  const adminToken = given.QISCUS_UPSTREAM_ADMIN_TOKEN;
  return {
    url: flags.upstream,
    ...(appCode === undefined ? {} : { appCode }),
    ...(secretKey === undefined ? {} : { secretKey }),
    ...(adminToken === undefined ? {} : { adminToken }),
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
  ...upstreamFlags,
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
    const upstream = upstreamOptionsFromFlags(flags, io.env ?? {});
    if (upstream) options = { ...options, upstream };
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
  if (options.upstream) {
    io.stderr(
      `Proxy: the bot's calls go on to ${options.upstream.url}; point the upstream's bot webhook at ${server.url}/_upstream/webhook (through a tunnel, with --allowed-host).\n`,
    );
  }
  // Without a stop signal it runs until the process ends.
  if (!io.stop) await new Promise<never>(() => undefined);
  else if (!io.stop.aborted) await once(io.stop, 'abort');
  const pending = server.deliveries
    .list()
    .filter((delivery) => delivery.status === 'pending')
    .map((delivery) => delivery.id);
  io.stderr(
    pending.length === 0
      ? 'Stopping …\n'
      : `Stopping: ${pending.length} webhook deliveries in flight; attempts under way have ${((options.deliveryTimeoutMs ?? defaults.deliveryTimeoutMs) / 1000).toString()} s to be answered, no retry starts …\n`,
  );
  await server.close();
  io.stderr(formatShutdownSummary(pending, server.deliveries.list()));
  io.stderr('Stopped.\n');
  return 0;
}

/** `qiscus-mock serve`: the CLI shell over `createMockServer`. */
export const serveCommand = {
  name: 'serve',
  help,
  run: runServe,
};
