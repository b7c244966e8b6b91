import {
  checkWebhookTarget,
  isMockError,
  serveOptionsFromFlags,
  type MockServerOptions,
} from '#mock-server';
import { usageError } from '../errors.js';
import { parseDuration } from '../script/parse-duration.js';

/** The port the mock takes when the bot is already running: it must know where the mock is. */
export const knownMockPort = '3737';

/** A duration flag (`--timeout 2s`) in milliseconds, or undefined when not given. */
export function durationFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseDuration(text);
  if (!parsed.ok) throw usageError(`--${flag} ${parsed.message}.`);
  return parsed.ms;
}

/**
 * The mock's options from a run command's `serve` flags. The mock listens on any free port, but
 * on 3737 when the bot is already running (`--bot-url` without `--bot-cmd`), since that bot must
 * be told where the mock is; the runner points the mock at the bot itself, so --bot-url does not
 * go into them. Throws HARNESS_ERR_USAGE naming the bad flag and `command`'s help.
 */
export async function mockOptionsFromFlags(
  command: string,
  values: Parameters<typeof serveOptionsFromFlags>[0] & {
    readonly 'bot-url'?: string | undefined;
    readonly 'bot-cmd'?: string | undefined;
  },
  log: (line: string) => void,
): Promise<MockServerOptions> {
  const alreadyRunning = values['bot-url'] !== undefined && values['bot-cmd'] === undefined;
  const port = values.port ?? (alreadyRunning ? knownMockPort : '0');
  let options: MockServerOptions;
  try {
    // --record is a folder for a run (one recording per script), written by the runner.
    const {
      botUrl: _set,
      record: _folder,
      scrub: _scrub,
      ...rest
    } = await serveOptionsFromFlags({ ...values, port }, log);
    options = rest;
  } catch (error) {
    if (error instanceof RangeError || isMockError(error)) {
      throw usageError(`${error.message}\nRun \`qiscus-mock ${command} --help\` for its flags.`, {
        cause: error,
      });
    }
    throw error;
  }
  // Refused here, as serve refuses it, rather than after waiting for a bot the mock won't call.
  const botUrl = values['bot-url'];
  const target =
    botUrl === undefined ? null : checkWebhookTarget(botUrl, options.allowRemoteWebhook === true);
  if (target?.ok === false) {
    throw usageError(
      `--bot-url ${target.message}.\nRun \`qiscus-mock ${command} --help\` for its flags.`,
    );
  }
  return options;
}
