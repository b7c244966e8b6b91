import type { RunResult, ScriptResult } from '../run/run-result.js';
import { createPaint } from './create-paint.js';
import { formatDuration } from '../script/parse-duration.js';
import { formatElapsed } from './format-elapsed.js';

/** What the header of a run says: the bot under test and the mock it talks to. */
export interface RunHeaderFacts {
  readonly scripts: number;
  readonly kind: RunResult['bot']['kind'];
  /** The bot's webhook URL. */
  readonly url: string;
  readonly mockUrl: string;
  /** The command that started the bot, for `--bot-cmd`. */
  readonly command?: string;
}

/**
 * The lines that open a run's progress: which bot, at which URL, against which mock. A bot that
 * was already running must call the mock at that URL, so it is said plainly.
 */
export function formatRunHeader(facts: RunHeaderFacts, color = false): string {
  const paint = createPaint(color);
  const scripts = `${facts.scripts} ${facts.scripts === 1 ? 'script' : 'scripts'}`;
  switch (facts.kind) {
    case 'reference':
      return `${paint.bold(`Running ${scripts}`)} against the reference bot (${facts.url}), with the mock at ${facts.mockUrl}\n`;
    case 'command':
      return `${paint.bold(`Running ${scripts}`)} against \`${facts.command ?? 'the bot'}\` (webhook ${facts.url}), with the mock at ${facts.mockUrl} (QISCUS_BASE_URL)\n`;
    case 'url':
      return `${paint.bold(`Running ${scripts}`)} against the bot at ${facts.url}\nThe mock is at ${paint.bold(facts.mockUrl)}: the bot must send its requests there (its QISCUS_BASE_URL).\n`;
  }
}

/** The line shown while a bot at --bot-url does not answer yet: what the run waits for, and how long. */
export function formatBotWaiting(
  facts: { readonly url: string; readonly mockUrl: string; readonly timeoutMs: number },
  color = false,
): string {
  const paint = createPaint(color);
  return `${paint.dim('…')} Waiting up to ${formatDuration(facts.timeoutMs)} for the bot to answer at ${paint.bold(facts.url)} (--bot-url); start it now, with QISCUS_BASE_URL=${facts.mockUrl}\n`;
}

/** One line per finished script: `✓ Greeting (scripts/greeting.yaml) 120 ms`. */
export function formatScriptLine(script: ScriptResult, color = false): string {
  const paint = createPaint(color);
  const where = `${script.name} ${paint.dim(`(${script.file})`)}`;
  switch (script.status) {
    case 'passed':
      return `${paint.green('✓')} ${where} ${formatElapsed(script.duration_ms)}\n`;
    case 'failed': {
      const step = script.steps.find((candidate) => candidate.status === 'failed');
      const at = step === undefined ? '' : `, step ${step.index + 1} at line ${step.line}`;
      return `${paint.red('✗')} ${where} ${formatElapsed(script.duration_ms)}${paint.red(at)}\n`;
    }
    case 'error': {
      const why = (script.error ?? 'it could not run').split('\n')[0] ?? '';
      return `${paint.yellow('!')} ${where} could not run: ${why}\n`;
    }
  }
}
