import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { channelSources } from '#contracts';
import { runConversations } from '#harness';

// The example suites are the product's own documentation of the script format, so CI runs them:
// the reference bot's suite, and the Python bot's through --bot-cmd, as a user would.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const referenceSuite = 'examples/conversations';
const pythonSuite = 'examples/python-bot/conversations';
const pythonBot = 'python3 examples/python-bot/bot.py';

type RunResult = Awaited<ReturnType<typeof runConversations>>;

/** The scripts of a folder, so a run that found fewer (or none) cannot pass. */
function scriptsIn(folder: string): string[] {
  return readdirSync(new URL(`../../${folder}/`, import.meta.url)).filter((name) =>
    name.endsWith('.yaml'),
  );
}

/** Each script that did not pass, with the step and reason, so a failure reads at once. */
function notPassed(result: RunResult): string[] {
  return result.scripts
    .filter((script) => script.status !== 'passed')
    .map((script) => {
      const step = script.steps.find((candidate) => candidate.status === 'failed');
      const why = step
        ? `line ${step.line}: ${step.summary}: ${step.message ?? ''} (expected ${step.expected ?? '-'}, got ${step.actual ?? '-'})`
        : (script.error ?? 'no step failed');
      return `${script.file}: ${script.status}: ${why}`;
    });
}

/** Fails with a clear reason where the Python example cannot run, rather than skipping it. */
function expectPython(): void {
  try {
    execFileSync('python3', ['-c', 'import sys; assert sys.version_info >= (3, 11)'], {
      stdio: 'pipe',
    });
  } catch (cause) {
    throw new Error(
      'python3 (3.11 or newer) is not on PATH: the Python example bot needs it. Install Python 3.11+ to run this test.',
      { cause },
    );
  }
}

it('passes every script of the example suite against the reference bot, on every channel and with every step kind', async () => {
  const files = scriptsIn(referenceSuite);

  const result = await runConversations({ paths: [referenceSuite], cwd: repoRoot });

  expect(notPassed(result)).toEqual([]);
  expect(files.length).toBeGreaterThanOrEqual(30);
  expect(result.summary).toMatchObject({
    scripts: files.length,
    passed: files.length,
    failed: 0,
    errors: 0,
    violations: 0,
  });
  expect(new Set(result.scripts.map((script) => script.channel))).toEqual(new Set(channelSources));
  const kinds = new Set(result.scripts.flatMap((script) => script.steps.map((step) => step.kind)));
  expect(kinds).toEqual(
    new Set([
      'customer',
      'bot',
      'handover',
      'silence',
      'agent',
      'resolve',
      'bot_active',
      // The admin API (issue 14): the bot assigns, tags, writes user info and resolves.
      'assign',
      'tag',
      'user_info',
      'resolve_by_bot',
    ]),
  );
});

it('passes every script of the Python example bot, started with --bot-cmd', async () => {
  expectPython();
  const files = scriptsIn(pythonSuite);

  const result = await runConversations({ paths: [pythonSuite], cwd: repoRoot, botCmd: pythonBot });

  expect(notPassed(result)).toEqual([]);
  expect(files.length).toBeGreaterThanOrEqual(5);
  expect(result.summary).toMatchObject({ scripts: files.length, passed: files.length });
  expect(result.bot).toMatchObject({ kind: 'command', command: pythonBot });
});

it('fails the WhatsApp script, naming the refusal, when the Python bot sends buttons there', async () => {
  expectPython();

  const result = await runConversations({
    paths: [
      `${pythonSuite}/greeting-shows-a-numbered-menu-on-whatsapp.yaml`,
      `${pythonSuite}/greeting-shows-buttons-on-the-web-widget.yaml`,
    ],
    cwd: repoRoot,
    botCmd: pythonBot,
    // The environment the CLI gives a bot: this machine's, PATH included.
    env: { ...process.env, EXAMPLE_BOT_FORCE_BUTTONS: '1' },
  });

  const byChannel = Object.fromEntries(
    result.scripts.map((script) => [script.channel ?? 'none', script.status] as const),
  );
  expect(byChannel).toEqual({ wa: 'failed', qiscus: 'passed' });
  const whatsapp = result.scripts.find((script) => script.channel === 'wa');
  const violations = [
    ...(whatsapp?.violations ?? []),
    ...(whatsapp?.steps.flatMap((step) => step.violations) ?? []),
  ];
  expect(violations).toContainEqual(
    expect.objectContaining({
      code: 'REFUSED',
      operation_id: 'postBotMessage',
      message: expect.stringContaining('MESSAGE_TYPE_NOT_SUPPORTED') as unknown,
    }),
  );
});
