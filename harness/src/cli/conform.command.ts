import { isMockError } from '#mock-server';
import type { ConformResult } from '../conform/conform-result.js';
import { usageError } from '../errors.js';
import type { Command, CommandOutput } from './command.js';
import { conformRequestFromArgs, type ConformReporter } from './conform-options.js';
import { prepareReportFile, writeReportFile } from './report-file.js';
import { knownMockPort } from './mock-options-from-flags.js';

const help = `Usage: qiscus-mock conform [--bot-cmd "CMD" | --bot-url URL] [options]

Runs the built-in conformance battery against a bot (the bundled reference bot when neither is
given): small conversations, run as \`qiscus-mock test\` runs scripts, that check the webhook
handling, the channel limits, credentials and shapes, handover, the bot switches, sessions,
duplicates and (when fault injection is available) retries. Prints each check by area and the
score: passed must-checks / must-checks that ran. See docs/conform.md.

The bot under test:
  --bot-cmd "CMD"          start the bot with a shell command; it gets QISCUS_BASE_URL,
                           QISCUS_APP_CODE, QISCUS_SECRET_KEY, QISCUS_BOT_EMAIL and PORT
  --bot-url URL            the bot's webhook URL (alone: a bot already running, sending to the
                           mock at http://127.0.0.1:${knownMockPort})

What the bot claims (flags win over conform.yaml):
  --conform FILE           the conform.yaml to read (default ./conform.yaml when there is one)
  --channels LIST          the channels it is deployed on, such as wa,ig (default: all)
  --no-handover            it does not hand rooms over: the handover checks are skipped
  --handover-phrase TEXT   what a customer writes to ask for a person (repeatable)
  --role-handover-phrase TEXT
                           what a customer writes that the bot hands to a division
                           (hand_over_to_role; repeatable)
  --skip CHECK-ID          a check it does not claim (repeatable)

Report:
  --reporter NAME          pretty (default), json, junit or html (html needs --out)
  --out FILE               write the report to FILE; the score line still prints
  --badge FILE             write the score badge (SVG); beside FILE.html with --reporter html
  --min-score N            exit 1 below N (0-100) too
  --timeout DURATION       how long each expectation waits (default 2s)
  --bot-start-timeout DURATION
                           how long the bot may take to answer at the start (default 15s)
  and --port, --config, --seed, --host, --delivery, --deterministic, --allowed-host,
  --allow-remote-webhook as in \`qiscus-mock serve\`
  -h, --help               show this help

Examples:
  qiscus-mock conform --bot-cmd "python3 bot.py"
  qiscus-mock conform --bot-cmd "npm start" --reporter html --out reports/conform.html
  qiscus-mock conform --bot-url http://127.0.0.1:8000/webhook --channels wa,qiscus

Exit codes: 0 every must-check that ran passed (and the score is at least --min-score), 1 a
must-check failed or the score is below --min-score, 2 a usage error, an invalid conform.yaml,
or a bot that could not be started.`;

async function formatReport(
  reporter: ConformReporter,
  result: ConformResult,
  color: boolean,
): Promise<string> {
  // Each reporter is loaded only when asked for.
  switch (reporter) {
    case 'pretty':
      return (await import('../conform/report/format-conform-pretty.js')).formatConformPretty(
        result,
        { color },
      );
    case 'json':
      return (await import('../conform/report/format-conform-json.js')).formatConformJson(result);
    case 'junit':
      return (await import('../conform/report/format-conform-junit.js')).formatConformJunit(result);
    case 'html':
      return (await import('../conform/report/format-conform-html.js')).formatConformHtml(result);
  }
}

async function runConform(args: readonly string[], output: CommandOutput): Promise<number> {
  const request = await conformRequestFromArgs(args, {
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
  const { reporter, out, badge } = request;
  if (out !== undefined) await prepareReportFile(out);
  if (badge !== undefined) await prepareReportFile(badge);
  const reportOnStdout = out === undefined;
  const progressTo = reporter !== 'pretty' && reportOnStdout ? 'stderr' : 'stdout';
  const write = output[progressTo];
  const color = output.colors?.[progressTo] ?? false;

  const { runConformance } = await import('../conform/run-conformance.js');
  const { formatScoreLine } = await import('../conform/report/format-conform-pretty.js');
  let result: ConformResult;
  try {
    result = await runConformance({
      ...request.run,
      ...(output.stop ? { signal: output.stop } : {}),
    });
  } catch (error) {
    if (isMockError(error)) throw usageError(error.message, { cause: error });
    throw error;
  }
  if (out === undefined) {
    output.stdout(await formatReport(reporter, result, color));
    if (reporter !== 'pretty') write(`${formatScoreLine(result, color)}\n`);
  } else {
    await writeReportFile(out, await formatReport(reporter, result, false));
    write(`${formatScoreLine(result, color)}\nWrote the ${reporter} report to ${out}\n`);
  }
  if (badge !== undefined) {
    const { formatConformBadge } = await import('../conform/report/format-conform-badge.js');
    await writeReportFile(badge, formatConformBadge(result));
    write(`Wrote the score badge to ${badge}\n`);
  }
  const minScore = request.run.config.minScore;
  const belowMin = minScore !== null && (result.score ?? 0) < minScore;
  return result.summary.must.failed > 0 || belowMin ? 1 : 0;
}

/** `qiscus-mock conform`: the built-in conformance battery against a bot, with a score. */
export const conformCommand: Command = {
  name: 'conform',
  help,
  run: runConform,
};
