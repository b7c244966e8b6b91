import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { explainArgsError } from '#contracts';
import { BotError } from './errors.js';
import { startReferenceBot, type ReferenceBotOptions } from './start-reference-bot.js';

/** Where `reference-bot` writes, what it reads, and the signal that stops it (Ctrl-C). */
export interface ReferenceBotIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stop?: AbortSignal;
  /** The environment to read settings from (the process's when left out). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const help = `Usage: qiscus-mock reference-bot [options]

Start the bundled reference bot: it takes Qiscus bot webhooks and answers through the Qiscus bot
API (the mock's, by default), handing rooms over to agents when it should.

Options (each has an environment variable, as a bot started by \`qiscus-mock test --bot-cmd\` gets):
  --base-url URL     the Qiscus API           QISCUS_BASE_URL    (default http://127.0.0.1:3737)
  --app-code CODE    the app code             QISCUS_APP_CODE    (default qiscus-mock-app)
  --secret KEY       the app's secret key     QISCUS_SECRET_KEY  (default mock-secret-key)
  --bot-email EMAIL  the bot's sender address QISCUS_BOT_EMAIL   (default {app code}_admin@qismo.com)
  --port N           the port for webhooks    PORT               (default 3738; 0 = any free port)
  --host HOST        the interface to bind                       (default 127.0.0.1)
  --quiet            do not print a line for each webhook
  -h, --help         show this help

The first line printed is "reference bot listening on URL"; give that URL to the mock as its
bot URL (qiscus-mock serve --bot-url URL). Exit codes: 0 stopped cleanly, 2 usage or
configuration error.
Docs: docs/reference-bot.md.`;

function usage(io: ReferenceBotIo, message: string): number {
  io.stderr(
    `qiscus-mock reference-bot: ${message}\nRun \`qiscus-mock reference-bot --help\` for its flags.\n`,
  );
  return 2;
}

function port(text: string, from: string): number {
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value > 65535) {
    throw new RangeError(`${from} must be a port number from 0 to 65535, not "${text}"`);
  }
  return value;
}

const botOptions = {
  'base-url': { type: 'string' },
  'app-code': { type: 'string' },
  secret: { type: 'string' },
  'bot-email': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function runReferenceBot(args: readonly string[], io: ReferenceBotIo): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: botOptions,
    }).values;
  } catch (error) {
    return usage(io, explainArgsError(error, Object.keys(botOptions)));
  }
  if (flags.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const env = io.env ?? process.env;
  let options: ReferenceBotOptions;
  try {
    const portText = flags.port ?? env.PORT;
    const botEmail = flags['bot-email'] ?? env.QISCUS_BOT_EMAIL;
    options = {
      baseUrl: flags['base-url'] ?? env.QISCUS_BASE_URL ?? 'http://127.0.0.1:3737',
      appCode: flags['app-code'] ?? env.QISCUS_APP_CODE ?? 'qiscus-mock-app',
      secretKey: flags.secret ?? env.QISCUS_SECRET_KEY ?? 'mock-secret-key',
      ...(botEmail ? { botEmail } : {}),
      port: portText === undefined ? 3738 : port(portText, flags.port ? '--port' : 'PORT'),
      ...(flags.host ? { host: flags.host } : {}),
      ...(flags.quiet
        ? {}
        : {
            log: (line: string) => {
              io.stderr(`${line}\n`);
            },
          }),
    };
  } catch (error) {
    if (error instanceof RangeError) return usage(io, error.message);
    throw error;
  }
  let bot;
  try {
    bot = await startReferenceBot(options);
  } catch (error) {
    if (error instanceof BotError) return usage(io, error.message);
    throw error;
  }
  io.stdout(
    `reference bot listening on ${bot.url}\n\n` +
      `  Qiscus API     ${options.baseUrl} (app ${options.appCode})\n` +
      `  Webhook URL    ${bot.url}   (set it as the mock's bot URL: qiscus-mock serve --bot-url ${bot.url})\n\n` +
      `Press Ctrl-C to stop.\n`,
  );
  // Without a stop signal it runs until the process ends.
  if (!io.stop) await new Promise<never>(() => undefined);
  else if (!io.stop.aborted) await once(io.stop, 'abort');
  io.stderr('Stopping: finishing the webhooks in hand …\n');
  await bot.close();
  io.stderr('Stopped.\n');
  return 0;
}

/** `qiscus-mock reference-bot`: the CLI shell over `startReferenceBot`. */
export const referenceBotCommand = {
  name: 'reference-bot',
  help,
  run: runReferenceBot,
};
