import { createSystemClock, isMockError } from '#mock-server';
import { usageError } from '../errors.js';
import { formatJsonReport } from '../report/format-json-report.js';
import { formatJunitReport } from '../report/format-junit-report.js';
import { formatPrettyReport, formatSummaryLine } from '../report/format-pretty-report.js';
import { rebaselineRecording } from '../recording/rebaseline-recording.js';
import { replayRecording, type ReplayedRecording } from '../recording/replay-recording.js';
import type { RunResult, ScriptResult } from '../run/run-result.js';
import { parseDuration } from '../script/parse-duration.js';
import type { Command } from './command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { prepareReportFile, writeReportFile } from './report-file.js';
import { knownMockPort } from './mock-options-from-flags.js';

const help = `Usage: qiscus-mock replay <recording.jsonl …> [options]

Replays recordings against a bot: the recorded customer and agent side is played into a fresh
mock, in order; the bot's side of each turn (its webhook answers and its calls) is compared with
the recording, after normalising what changes from run to run (ids, timestamps, room ids, avatar
URLs). The first divergence of each conversation is reported with the recording's line, the turn
and every field that differs.

The bot (the bundled reference bot when neither is given):
  --bot-cmd "CMD"          start the bot with a shell command; it gets QISCUS_BASE_URL,
                           QISCUS_APP_CODE, QISCUS_SECRET_KEY, QISCUS_BOT_EMAIL and PORT
  --bot-url URL            the bot's webhook URL: with --bot-cmd, where it listens; alone, a bot
                           already running, which must call the mock at http://127.0.0.1:${knownMockPort}

Options:
  --ignore PATH            leave a field out of the comparison (repeatable), such as
                           request.body.payload.extras or response.body; * stands for any key
  --update                 rewrite each recording with the bot's side of this run, as the new
                           baseline (the customer and agent side stays)
  --reporter NAME          pretty (default), json or junit, as \`qiscus-mock test\`
  --out FILE               write the report to FILE
  --timeout DURATION       how long to wait for the bot's side of a turn (default 2s)
  --bot-start-timeout DURATION
                           how long the bot may take to answer at the start (default 15s)
  -h, --help               show this help

Examples:
  qiscus-mock replay recordings/greeting.jsonl
  qiscus-mock replay recordings/*.jsonl --bot-cmd "python3 bot.py" --reporter junit --out replay.xml
  qiscus-mock replay recordings/greeting.jsonl --bot-cmd "python3 bot.py" --update

Exit codes: 0 every conversation replayed as recorded (or was re-baselined), 1 a conversation
diverged, 2 a usage error, a file that is not a readable recording, or a bot that could not start.`;

const reporters = ['pretty', 'json', 'junit'] as const;

function duration(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const parsed = parseDuration(text);
  if (!parsed.ok) throw usageError(`--${flag} ${parsed.message}.`);
  return parsed.ms;
}

function runResult(
  replayed: readonly ReplayedRecording[],
  startedAt: string,
  ms: number,
): RunResult {
  const scripts: ScriptResult[] = replayed.flatMap((recording) => recording.conversations);
  const count = (status: ScriptResult['status']) =>
    scripts.filter((s) => s.status === status).length;
  const bot = replayed[0]?.bot ?? {
    kind: 'reference' as const,
    url: '',
    command: null,
    output: null,
  };
  return {
    started_at: startedAt,
    duration_ms: ms,
    bot,
    scripts,
    summary: {
      scripts: scripts.length,
      passed: count('passed'),
      failed: count('failed'),
      errors: count('error'),
      steps: scripts.reduce((sum, script) => sum + script.steps.length, 0),
      violations: 0,
    },
  };
}

/** `qiscus-mock replay`: replay recordings against a bot and diff turn by turn. */
export const replayCommand: Command = {
  name: 'replay',
  help,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(
      'replay',
      args,
      {
        'bot-cmd': { type: 'string' },
        'bot-url': { type: 'string' },
        ignore: { type: 'string', multiple: true },
        update: { type: 'boolean' },
        reporter: { type: 'string' },
        out: { type: 'string', short: 'o' },
        timeout: { type: 'string' },
        'bot-start-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      output.stdout(`${help}\n`);
      return 0;
    }
    if (positionals.length === 0) {
      throw usageError(
        'Give the recordings to replay, such as `qiscus-mock replay recording.jsonl`.\nRun `qiscus-mock replay --help` for its flags.',
      );
    }
    const reporter = reporters.find((name) => name === (values.reporter ?? 'pretty'));
    if (!reporter) {
      throw usageError(`--reporter must be pretty, json or junit, not "${values.reporter ?? ''}".`);
    }
    if (values.out !== undefined) await prepareReportFile(values.out);
    const progressTo = reporter !== 'pretty' && values.out === undefined ? 'stderr' : 'stdout';
    const write = output[progressTo];
    const color = output.colors?.[progressTo] ?? false;
    const botUrl = values['bot-url'];
    const botCmd = values['bot-cmd'];
    const options = {
      ...(botUrl === undefined ? {} : { botUrl }),
      ...(botCmd === undefined ? {} : { botCmd }),
      env: process.env,
      ignore: values.ignore ?? [],
      timeoutMs: duration('timeout', values.timeout, 2000),
      botStartTimeoutMs: duration('bot-start-timeout', values['bot-start-timeout'], 15_000),
      port: botUrl !== undefined && botCmd === undefined ? Number(knownMockPort) : 0,
      onWarning: (message: string) => {
        output.stderr(`warning: ${message}\n`);
      },
      signal: output.stop ?? new AbortController().signal,
    };
    const clock = createSystemClock();
    const startedAt = new Date(clock.now()).toISOString();
    const started = clock.monotonic();
    const replayed: ReplayedRecording[] = [];
    for (const file of positionals) {
      try {
        replayed.push(await replayRecording(file, options));
      } catch (error) {
        if (isMockError(error)) throw usageError(error.message, { cause: error });
        throw error;
      }
    }
    const result = runResult(replayed, startedAt, Math.round(clock.monotonic() - started));
    const report =
      reporter === 'pretty'
        ? formatPrettyReport(result, { color: values.out === undefined && color })
        : reporter === 'json'
          ? formatJsonReport(result)
          : formatJunitReport(result);
    if (values.out === undefined) output.stdout(report);
    else await writeReportFile(values.out, report);
    if (reporter !== 'pretty' || values.out !== undefined)
      write(`${formatSummaryLine(result, color)}\n`);
    if (values.update) {
      for (const recording of replayed) {
        const changed = await rebaselineRecording(recording);
        write(
          `Re-baselined ${recording.file}: the bot's side of this run is the new recording (${changed} ${changed === 1 ? 'turn' : 'turns'} changed).\n`,
        );
      }
      return 0;
    }
    return result.summary.failed + result.summary.errors > 0 ? 1 : 0;
  },
};
