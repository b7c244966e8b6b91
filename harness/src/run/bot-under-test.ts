import type { Clock, MockServer } from '#mock-server';
import { botError } from '../errors.js';
import { formatDuration } from '../script/parse-duration.js';
import { startReferenceBotFor } from '../stack/start-reference-bot-for.js';
import { spawnBotProcess } from './bot-process.js';
import { findFreePort } from './find-free-port.js';
import { RunStopped } from './steps/step-context.js';
import { waitUntilAnswers } from './wait-until-answers.js';

/** The bot a run talks to: the bundled reference bot, one at a URL, or one started by a command. */
export interface BotUnderTest {
  readonly kind: 'reference' | 'url' | 'command';
  /** Its webhook URL, which the mock posts to. */
  readonly url: string;
  readonly command: string | null;
  /** A spawned bot's output (the last 64 KiB); null for the others. */
  output(): string | null;
  /** Resolves once the bot has handled every webhook it took (only the reference bot can tell). */
  drain(): Promise<void>;
  /** Stops what the run started; a bot at a URL is left running. */
  stop(): Promise<void>;
}

/** Which bot, and how long it may take to answer. */
export interface BotUnderTestOptions {
  readonly mock: MockServer;
  readonly clock: Clock;
  readonly botUrl?: string | undefined;
  readonly botCmd?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  readonly startTimeoutMs: number;
  /** Aborted when the run is stopped: a bot still starting is stopped too. */
  readonly signal: AbortSignal;
  /** Told when a bot at --bot-url did not answer at once: the run waits for it. */
  readonly onWaiting?: ((url: string) => void) | undefined;
}

const lines = 40;

async function startReference(mock: MockServer): Promise<BotUnderTest> {
  const bot = await startReferenceBotFor(mock);
  return {
    kind: 'reference',
    url: bot.url,
    command: null,
    output: () => null,
    drain: () => bot.drain(),
    stop: () => bot.close(),
  };
}

async function connectUrl(options: BotUnderTestOptions, url: string): Promise<BotUnderTest> {
  const answers = await waitUntilAnswers(
    url,
    options.startTimeoutMs,
    options.signal,
    () => options.clock.now(),
    () => options.onWaiting?.(url),
  );
  if (options.signal.aborted)
    throw new RunStopped('the run was stopped while the bot was looked for');
  if (!answers) {
    throw botError(
      `Nothing answers at ${url} (waited ${formatDuration(options.startTimeoutMs)}): start the bot first, check its URL, or give a command that starts it (--bot-cmd).`,
    );
  }
  return {
    kind: 'url',
    url,
    command: null,
    output: () => null,
    drain: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
}

function portOf(url: string): string {
  const parsed = new URL(url);
  return parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
}

async function startCommand(options: BotUnderTestOptions, command: string): Promise<BotUnderTest> {
  const { mock } = options;
  const port = options.botUrl === undefined ? String(await findFreePort()) : portOf(options.botUrl);
  const url = options.botUrl ?? `http://127.0.0.1:${port}/`;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env ?? {}))
    if (value !== undefined) env[name] = value;
  Object.assign(env, {
    QISCUS_BASE_URL: mock.url,
    QISCUS_APP_CODE: mock.appCode,
    QISCUS_SECRET_KEY: mock.secretKey,
    QISCUS_BOT_EMAIL: mock.botEmail,
    PORT: port,
  });
  const bot = spawnBotProcess(command, env);
  const gaveUp = AbortSignal.any([bot.exited, options.signal]);
  const answers = await waitUntilAnswers(url, options.startTimeoutMs, gaveUp, () =>
    options.clock.now(),
  );
  if (options.signal.aborted) {
    await bot.stop();
    throw new RunStopped('the run was stopped while the bot started');
  }
  if (!answers) {
    const exited = bot.exitReason();
    await bot.stop();
    const tail = bot.output.lastLines(lines);
    const shown = tail === '' ? '(it printed nothing)' : tail;
    throw botError(
      exited === null
        ? `The bot started by "${command}" did not answer at ${url} within ${formatDuration(options.startTimeoutMs)}: make it listen on 127.0.0.1 and the port in $PORT (${port}), or give the URL it listens on with --bot-url; if it only needs longer to start, raise --bot-start-timeout. The last of its output:\n${shown}`
        : `The bot started by "${command}" stopped (${exited}) before it answered at ${url}. The last of its output:\n${shown}`,
    );
  }
  return {
    kind: 'command',
    url,
    command,
    output: () => bot.output.toString(),
    drain: () => Promise.resolve(),
    stop: () => bot.stop(),
  };
}

/**
 * Starts (or finds) the bot under test. A command is spawned with the mock's details in its
 * environment (QISCUS_BASE_URL, QISCUS_APP_CODE, QISCUS_SECRET_KEY, QISCUS_BOT_EMAIL, PORT) and
 * waited for until its webhook URL answers; HARNESS_ERR_BOT, with the tail of its output, if it
 * exits first or never answers.
 */
export async function startBotUnderTest(options: BotUnderTestOptions): Promise<BotUnderTest> {
  if (options.botUrl !== undefined && !/^https?:\/\//i.test(options.botUrl)) {
    throw botError(
      `The bot URL "${options.botUrl}" is not an http(s) URL: give one such as http://127.0.0.1:4000/webhook.`,
    );
  }
  if (options.botUrl !== undefined && !URL.canParse(options.botUrl)) {
    throw botError(`The bot URL "${options.botUrl}" is not a valid URL.`);
  }
  const bot =
    options.botCmd !== undefined
      ? await startCommand(options, options.botCmd)
      : options.botUrl !== undefined
        ? await connectUrl(options, options.botUrl)
        : await startReference(options.mock);
  // Stopped once, however many times asked (at the end of a run, and again on the way out).
  let stopping: Promise<void> | undefined;
  return {
    ...bot,
    stop: () => (stopping ??= bot.stop()),
  };
}
