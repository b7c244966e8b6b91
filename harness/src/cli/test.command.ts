import { isMockError } from '#mock-server';
import { usageError } from '../errors.js';
import { formatJsonReport } from '../report/format-json-report.js';
import { formatJunitReport } from '../report/format-junit-report.js';
import { formatPrettyReport, formatSummaryLine } from '../report/format-pretty-report.js';
import { formatBotWaiting, formatRunHeader, formatScriptLine } from '../report/format-progress.js';
import { inScriptOrder } from '../report/in-script-order.js';
import type { RunResult, ScriptResult } from '../run/run-result.js';
import type { RunProgress } from '../run/run-options.js';
import type { Command, CommandOutput } from './command.js';
import { prepareReportFile, writeReportFile } from './report-file.js';
import { knownMockPort } from './mock-options-from-flags.js';
import { testRequestFromArgs, type Reporter } from './test-run-options.js';

const help = `Usage: qiscus-mock test <files or folders …> [options]

Runs conversation scripts (YAML or JSON; folders are searched for *.yaml, *.yml, *.json) against
a bot, with the mock in this process: each customer message reaches the bot as Qiscus's webhook,
each expectation waits for the bot's answer, and every request the bot makes is checked against
the contract. All scripts are checked before anything runs.

The bot under test (the bundled reference bot when neither is given):
  --bot-cmd "CMD"          start the bot with a shell command; it gets QISCUS_BASE_URL,
                           QISCUS_APP_CODE, QISCUS_SECRET_KEY, QISCUS_BOT_EMAIL and PORT
  --bot-url URL            the bot's webhook URL: with --bot-cmd, where the started bot listens;
                           alone, a bot already running, which must send its requests to the
                           mock at http://127.0.0.1:${knownMockPort} (see --port)

Options:
  --reporter NAME          pretty (default), json or junit
  --out FILE               write the report to FILE (folders are created); progress and a
                           summary line still print
  --concurrency N          scripts run at once (default 4 per core)
  --timeout DURATION       how long each expectation waits, such as 2s or 500ms (default 2s; a
                           script or a step may set its own)
  --bot-start-timeout DURATION
                           how long the bot may take to answer at the start, whether
                           started by --bot-cmd or already at --bot-url (default 15s)
  --port N                 the mock's port (default any free one; ${knownMockPort} with --bot-url alone)
  --config FILE            the mock's config file (channels, agents, divisions, switches)
  --seed N                 seed for the mock's generated agents and customers
  --record DIR             record each script's conversation to DIR/<script>.jsonl (folders are
                           created); --scrub replaces names, phones, e-mails, attachment URLs
  and --host, --delivery, --deterministic, --allowed-host, --allow-remote-webhook as in
  \`qiscus-mock serve\`
  -h, --help               show this help

Examples:
  qiscus-mock test examples/conversations
  qiscus-mock test scripts/ --bot-cmd "python bot.py"
  qiscus-mock test scripts/greeting.yaml --bot-url http://127.0.0.1:8000/webhook
  qiscus-mock test scripts/ --bot-cmd "npm start" --reporter junit --out reports/bot.xml

Exit codes: 0 every script passed, 1 a script failed or could not run, 2 a usage error, an
invalid script, or a bot that could not be started.
Docs: docs/scripts.md (the script format, the bot under test), docs/reports.md.`;

function formatReport(reporter: Reporter, result: RunResult, color: boolean): string {
  switch (reporter) {
    case 'pretty':
      return formatPrettyReport(result, { color });
    case 'json':
      return formatJsonReport(result);
    case 'junit':
      return formatJunitReport(result);
  }
}

/** Prints the header once the bot answers, and a line per finished script, in the scripts' order. */
function progressPrinter(
  write: (text: string) => void,
  color: boolean,
  command: string | undefined,
): (event: RunProgress) => void {
  let scripts = 0;
  const printScript = inScriptOrder((result: ScriptResult) => {
    write(formatScriptLine(result, color));
  });
  return (event) => {
    switch (event.type) {
      case 'loaded':
        scripts = event.scripts;
        return;
      case 'bot-waiting':
        write(formatBotWaiting(event, color));
        return;
      case 'bot-ready':
        write(formatRunHeader({ ...event, scripts, ...(command ? { command } : {}) }, color));
        return;
      case 'script-started':
        return;
      case 'script-finished':
        printScript(event.index, event.result);
        return;
    }
  };
}

async function runTest(args: readonly string[], output: CommandOutput): Promise<number> {
  const request = await testRequestFromArgs(args, {
    cwd: process.cwd(),
    env: process.env,
    log: (line) => {
      output.stderr(`${line}\n`);
    },
  });
  if (request.help) {
    output.stdout(`${help}\n`);
    return 0;
  }
  const { reporter, out } = request;
  if (out !== undefined) await prepareReportFile(out);

  // A machine-readable report on stdout keeps stdout to itself; progress goes to stderr then.
  const reportOnStdout = out === undefined;
  const progressTo = reporter !== 'pretty' && reportOnStdout ? 'stderr' : 'stdout';
  const write = output[progressTo];
  const color = output.colors?.[progressTo] ?? false;

  // Loaded only when a run starts, so that every other command starts without the runner.
  const { runConversations } = await import('../run/run-conversations.js');
  let result: RunResult;
  try {
    result = await runConversations({
      ...request.run,
      onProgress: progressPrinter(write, color, request.run.botCmd),
      ...(output.stop ? { signal: output.stop } : {}),
    });
  } catch (error) {
    // The mock could not start (its port is taken …): the flags are for the user to change.
    if (isMockError(error)) throw usageError(error.message, { cause: error });
    throw error;
  }

  if (out === undefined) {
    output.stdout(formatReport(reporter, result, color));
    if (reporter !== 'pretty') write(`${formatSummaryLine(result, color)}\n`);
  } else {
    await writeReportFile(out, formatReport(reporter, result, false));
    write(`\n${formatSummaryLine(result, color)}\nWrote the ${reporter} report to ${out}\n`);
  }
  return result.summary.failed + result.summary.errors > 0 ? 1 : 0;
}

/** `qiscus-mock test`: run conversation scripts against a bot and report. */
export const testCommand: Command = {
  name: 'test',
  help,
  run: runTest,
};
