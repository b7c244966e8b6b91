import { once } from 'node:events';
import { formatBanner, isMockError, serveFlags, serveOptionsFromFlags } from '#mock-server';
import { BotError } from '#reference-bot';
import { usageError } from '../errors.js';
import { startLocalStack } from '../stack/start-local-stack.js';
import type { Command } from './command.js';
import { parseCommandArgs } from './parse-command-args.js';

const help = `Usage: qiscus-mock start [options]

Start the mock and the bundled reference bot together, wired to each other: the mock sends its
webhooks to the bot, the bot answers through the mock's API. This is what \`npm start\` runs.
Talk to the bot as a customer with POST /_mock/messages and read its answers in the room.

Options:
  --port N                 the mock's port (default 3737; 0 = any free port)
  --bot-port N             the reference bot's port (default 3738; 0 = any free port)
  --quiet                  do not print a line for each webhook the bot handles
  --record FILE            record every exchange to FILE (JSONL), as \`serve --record\`
  --scrub                  with --record: replace names, phone numbers, e-mails, attachment URLs
  and every option of \`qiscus-mock serve\` but --bot-url (--host, --config, --seed,
  --delivery, --deterministic, --allowed-host, --allow-remote-webhook), its memory budgets
  and retry window among them: --max-rooms N, --rooms-budget SIZE, --traffic-budget SIZE,
  --deliveries-budget SIZE, --stored-body-limit SIZE, --retry-for DURATION
  -h, --help               show this help

The first line printed is "qiscus-mock listening on URL", the second "reference bot listening
on URL". Exit codes: 0 stopped cleanly, 2 usage or configuration error.
Docs: docs/mock-server.md, docs/reference-bot.md.`;

function botPort(text: string | undefined): number {
  if (text === undefined) return 3738;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value > 65535) {
    throw usageError(`--bot-port must be a whole number from 0 to 65535, not "${text}".`);
  }
  return value;
}

/** `qiscus-mock start`: the mock and the reference bot, wired (what `npm start` runs). */
export const startCommand: Command = {
  name: 'start',
  help,
  async run(args, output) {
    // The bot URL is the reference bot's own, so `serve`'s --bot-url is not offered.
    const { 'bot-url': botUrl, ...flags } = serveFlags;
    const { values } = parseCommandArgs('start', args, {
      ...flags,
      'bot-port': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      output.stdout(`${help}\n`);
      return 0;
    }
    const log = (line: string) => {
      output.stderr(`${line}\n`);
    };
    let stack;
    try {
      const mock = await serveOptionsFromFlags(values, log);
      stack = await startLocalStack({
        mock,
        botPort: botPort(values['bot-port']),
        ...(values.quiet
          ? {}
          : {
              botLog: (line: string) => {
                log(`bot: ${line}`);
              },
            }),
      });
    } catch (error) {
      if (error instanceof RangeError || isMockError(error) || error instanceof BotError) {
        // The bot's own message cannot know which of start's flags moves it.
        const what =
          error instanceof BotError
            ? `The reference bot: ${error.message} (--bot-port)`
            : error.message;
        throw usageError(`${what}\nRun \`qiscus-mock start --help\` for its flags.`, {
          cause: error,
        });
      }
      throw error;
    }
    const { mock, bot } = stack;
    const recording = mock.recording();
    if (recording) {
      log(
        recording.state === 'recording'
          ? `Recording to ${recording.file}.`
          : `Not recording: ${recording.error ?? 'stopped'}.`,
      );
    }
    const banner = formatBanner({
      url: mock.url,
      secretKey: mock.secretKey,
      adminToken: mock.adminToken,
      settings: mock.settings(),
      answeringBot: 'the reference bot',
    });
    const [first, ...rest] = banner.split('\n');
    output.stdout(
      `${first ?? ''}\nreference bot listening on ${bot.url} (the mock's webhooks go to it)\n${rest.join('\n')}`,
    );
    // Without a stop signal it runs until the process ends.
    if (!output.stop) await new Promise<never>(() => undefined);
    else if (!output.stop.aborted) await once(output.stop, 'abort');
    output.stderr('Stopping: waiting for webhooks and replies in flight …\n');
    await stack.close();
    output.stderr('Stopped.\n');
    return 0;
  },
};
