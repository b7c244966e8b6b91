import { serveFlags } from '#mock-server';
import { usageError } from '../errors.js';
import type { RunConversationsOptions } from '../run/run-options.js';
import { durationFlag, mockOptionsFromFlags } from './mock-options-from-flags.js';
import { parseCommandArgs } from './parse-command-args.js';

const reporters = ['pretty', 'json', 'junit'] as const;
/** A report's format. */
export type Reporter = (typeof reporters)[number];

/** What `qiscus-mock test` was asked to do: show its help, or run with these options. */
export type TestRequest =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly reporter: Reporter;
      /** Where the report goes; stdout when undefined. */
      readonly out: string | undefined;
      /** The run, but for what the command adds as it runs (progress, Ctrl-C). */
      readonly run: Omit<RunConversationsOptions, 'onProgress' | 'signal'>;
    };

function chooseReporter(text: string | undefined): Reporter {
  if (text === undefined) return 'pretty';
  const reporter = reporters.find((candidate) => candidate === text);
  if (reporter === undefined) {
    throw usageError(`--reporter must be pretty, json or junit, not "${text}".`);
  }
  return reporter;
}

function concurrency(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value < 1 || value > 1000) {
    throw usageError(`--concurrency must be a whole number from 1 to 1000, not "${text}".`);
  }
  return value;
}

/**
 * Reads `qiscus-mock test`'s arguments into the options of `runConversations`, the report's
 * format and where it goes. The mock listens on any free port, but on 3737 when the bot is
 * already running (`--bot-url` without `--bot-cmd`), since that bot must be told where the mock
 * is. Throws HARNESS_ERR_USAGE naming a bad flag.
 */
export async function testRequestFromArgs(
  args: readonly string[],
  context: {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly log: (line: string) => void;
  },
): Promise<TestRequest> {
  const { values, positionals } = parseCommandArgs(
    'test',
    args,
    {
      ...serveFlags,
      'bot-cmd': { type: 'string' },
      reporter: { type: 'string' },
      out: { type: 'string', short: 'o' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      'bot-start-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) return { help: true };
  if (positionals.length === 0) {
    throw usageError(
      'Give the conversation scripts to run: files or folders, such as `qiscus-mock test examples/conversations`.\nRun `qiscus-mock test --help` for its flags.',
    );
  }
  const reporter = chooseReporter(values.reporter);
  const scriptsAtOnce = concurrency(values.concurrency);
  const timeoutMs = durationFlag('timeout', values.timeout);
  const botStartTimeoutMs = durationFlag('bot-start-timeout', values['bot-start-timeout']);
  const botUrl = values['bot-url'];
  const botCmd = values['bot-cmd'];
  const mock = await mockOptionsFromFlags('test', values, context.log);
  return {
    help: false,
    reporter,
    out: values.out,
    run: {
      paths: positionals,
      cwd: context.cwd,
      ...(botUrl === undefined ? {} : { botUrl }),
      ...(botCmd === undefined ? {} : { botCmd }),
      env: context.env,
      ...(scriptsAtOnce === undefined ? {} : { concurrency: scriptsAtOnce }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(botStartTimeoutMs === undefined ? {} : { botStartTimeoutMs }),
      ...(values.record === undefined
        ? {}
        : { record: { dir: values.record, scrub: values.scrub ?? false } }),
      mock,
    },
  };
}
