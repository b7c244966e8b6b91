import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it, onTestFinished } from 'vitest';
import { RunResultSchema } from '../src/run/run-result.js';
import { parseXml, type XmlElement } from './support/parse-xml.js';
import { runCliCaptured } from './support/run-cli-captured.js';
import { runCli } from '#harness';

const bin = fileURLToPath(new URL('../../bin/qiscus-mock.js', import.meta.url));
const fixtures = 'harness/test/fixtures/cli';
const buttonsBot = `node ${fixtures}/buttons-bot.js`;

/** Durations change from run to run; everything else of a report is compared exactly. */
function withoutDurations(text: string): string {
  return text
    .replace(/\b\d+(\.\d)? (ms|s)\b/g, '<duration>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/listening on \d+/g, 'listening on <port>');
}

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'qiscus-mock-test-command-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

function elements(root: XmlElement, name: string): XmlElement[] {
  const below = root.children.flatMap((child) =>
    typeof child === 'string' ? [] : elements(child, name),
  );
  return root.name === name ? [root, ...below] : below;
}

it('asks for the scripts to run when given none, with exit code 2', async () => {
  expect(await runCliCaptured(['test'])).toEqual({
    code: 2,
    stdout: '',
    stderr:
      'qiscus-mock test: Give the conversation scripts to run: files or folders, such as `qiscus-mock test examples/conversations`.\nRun `qiscus-mock test --help` for its flags.\n',
  });
});

it('refuses an unknown reporter and a timeout without a unit, naming the flag', async () => {
  expect(await runCliCaptured(['test', fixtures, '--reporter', 'xml'])).toEqual({
    code: 2,
    stdout: '',
    stderr: 'qiscus-mock test: --reporter must be pretty, json or junit, not "xml".\n',
  });
  expect(await runCliCaptured(['test', fixtures, '--timeout', '2'])).toEqual({
    code: 2,
    stdout: '',
    stderr:
      'qiscus-mock test: --timeout "2" is not a duration: write it with a unit, such as 500ms, 2s, 1.5s or 1m.\n',
  });
  expect((await runCliCaptured(['test', fixtures, '--concurrency', '0'])).stderr).toBe(
    'qiscus-mock test: --concurrency must be a whole number from 1 to 1000, not "0".\n',
  );
});

it('names the script, line and column of a mistake, runs nothing and exits with 2', async () => {
  const run = await runCliCaptured(['test', `${fixtures}/invalid`, `${fixtures}/passing`]);
  expect([run.code, run.stdout]).toEqual([2, '']);
  expect(run.stderr).toMatch(
    /^qiscus-mock test: 1 of 3 script files (is|are) invalid; nothing was run/,
  );
  expect(run.stderr).toContain(
    `\n  ${fixtures}/invalid/misspelt-step.yaml:4:5: steps[0].custmer is not a step kind; did you mean "customer"?\n`,
  );
});

it('passes scripts the reference bot satisfies: a line per script, the summary, exit code 0', async () => {
  // One at a time, so the lines come in the scripts' order.
  const run = await runCliCaptured(['test', `${fixtures}/passing`, '--concurrency', '1']);
  expect(run.stderr).toBe('');
  expect(withoutDurations(run.stdout)).toMatchInlineSnapshot(`
    "Running 2 scripts against the reference bot (http://127.0.0.1:<port>/), with the mock at http://127.0.0.1:<port>
    ✓ A greeting on the web widget gets a welcome and the menu as buttons (harness/test/fixtures/cli/passing/greeting.yaml) <duration>
    ✓ The menu on WhatsApp comes as a numbered text (harness/test/fixtures/cli/passing/menu-on-whatsapp.yaml) <duration>

    2 scripts: 2 passed, 0 failed, 0 errors · 5 steps · <duration>
    "
  `);
  expect(run.code).toBe(0);
});

it('fails a bot that sends buttons to a WhatsApp room, naming the mock’s refusal, with exit code 1', async () => {
  const run = await runCliCaptured([
    'test',
    `${fixtures}/whatsapp-buttons`,
    '--bot-cmd',
    buttonsBot,
    '--deterministic',
  ]);
  expect(run.code).toBe(1);
  expect(withoutDurations(run.stdout)).toMatchInlineSnapshot(`
    "Running 1 script against \`node harness/test/fixtures/cli/buttons-bot.js\` (webhook http://127.0.0.1:<port>/), with the mock at http://127.0.0.1:<port> (QISCUS_BASE_URL)
    ✗ The menu on WhatsApp comes as a numbered text (harness/test/fixtures/cli/whatsapp-buttons/menu-on-whatsapp.yaml) <duration>, step 2 at line 7

    Failures:

    ✗ The menu on WhatsApp comes as a numbered text (harness/test/fixtures/cli/whatsapp-buttons/menu-on-whatsapp.yaml)
      harness/test/fixtures/cli/whatsapp-buttons/menu-on-whatsapp.yaml:7:5  step 2  bot: { type: text, text: /Reply with a number/ }
      the mock refused the bot's request: MESSAGE_TYPE_NOT_SUPPORTED: buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead. (type: WhatsApp (wa) refuses buttons and carousel)
      expected: a text message with text /Reply with a number/
      traffic of this turn:
        · CALL customer.say 200  {"channel":"wa","customer":{"id":"6281234567890","name":"Budi"},"text":"menu"}
        → webhook POST / 200  text "menu" from Budi
        ← POST /qiscus-mock-app/bot 400 MESSAGE_TYPE_NOT_SUPPORTED  {"type":"buttons","payload":{"text":"What can I help you with?","buttons":[{"label":"Billing","type…

    Output of the bot (node harness/test/fixtures/cli/buttons-bot.js):
      buttons bot listening on <port>

    1 script: 0 passed, 1 failed, 0 errors · 2 steps · 1 contract finding · <duration>
    "
  `);
});

it('writes a JUnit report with --out, and still prints the progress and summary', async () => {
  const folder = await temporaryFolder();
  const out = join(folder, 'reports', 'conversations.xml');
  const run = await runCliCaptured([
    'test',
    `${fixtures}/whatsapp-buttons`,
    `${fixtures}/passing/greeting.yaml`,
    '--bot-cmd',
    buttonsBot,
    '--reporter',
    'junit',
    '--out',
    out,
  ]);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`Wrote the junit report to ${out}\n`);
  const parsed = parseXml(await readFile(out, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const [suite] = elements(parsed.root, 'testsuite');
  expect(suite?.attributes).toMatchObject({ tests: '2', failures: '2', errors: '0' });
  const cases = elements(parsed.root, 'testcase').map((testCase) => testCase.attributes);
  expect(cases.map(({ classname, file }) => ({ classname, file }))).toEqual([
    {
      classname: 'harness.test.fixtures.cli.whatsapp-buttons.menu-on-whatsapp',
      file: `${fixtures}/whatsapp-buttons/menu-on-whatsapp.yaml`,
    },
    {
      classname: 'harness.test.fixtures.cli.passing.greeting',
      file: `${fixtures}/passing/greeting.yaml`,
    },
  ]);
  const failures = elements(parsed.root, 'failure');
  // On WhatsApp the mock refuses the buttons; on the widget they arrive, but are not the greeting.
  expect(failures.map((failure) => failure.attributes.type)).toEqual(['REFUSED', 'expectation']);
  expect(failures[1]?.attributes.message).toMatchInlineSnapshot(
    `"harness/test/fixtures/cli/passing/greeting.yaml:6:5 step 2 bot: /^Hi Budi!/: the next bot message does not match: its text is "What can I help you with?", expected /^Hi Budi!/"`,
  );
  const [systemOut] = elements(parsed.root, 'system-out');
  expect(systemOut?.children).toEqual([expect.stringContaining('buttons bot listening on')]);
});

it('prints the JSON report alone on stdout, as RunResultSchema reads it, and the progress on stderr', async () => {
  const run = await runCliCaptured(['test', `${fixtures}/passing`, '--reporter', 'json']);
  expect(run.code).toBe(0);
  const result = RunResultSchema.parse(JSON.parse(run.stdout));
  expect(result.summary).toEqual({
    scripts: 2,
    passed: 2,
    failed: 0,
    errors: 0,
    steps: 5,
    violations: 0,
  });
  expect(result.bot.kind).toBe('reference');
  expect(run.stderr).toContain('✓ The menu on WhatsApp comes as a numbered text');
});

// A cold start of the binary (tsx) and of a spawned bot take seconds on a busy machine.
it('runs as the qiscus-mock binary: exit code 1 and the refusal in the report', async () => {
  const failure = await promisify(execFile)(
    process.execPath,
    [bin, 'test', `${fixtures}/whatsapp-buttons`, '--bot-cmd', buttonsBot],
    { env: { ...process.env, NO_COLOR: '1' } },
  ).then(
    () => undefined,
    (error: unknown) => error as { code: number; stdout: string; stderr: string },
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stdout).toContain(
    `${fixtures}/whatsapp-buttons/menu-on-whatsapp.yaml:7:5  step 2`,
  );
  expect(failure?.stdout).toContain('MESSAGE_TYPE_NOT_SUPPORTED');
}, 20_000);

it('stops the run on Ctrl-C, not a minute later: the script not finished is an error, exit code 1', async () => {
  const stop = new AbortController();
  let stdout = '';
  const code = await runCli(['test', `${fixtures}/slow`], {
    stdout: (text) => {
      stdout += text;
      // The run has started once the bot is ready; the script then waits a minute.
      if (text.startsWith('Running 1 script')) stop.abort();
    },
    stderr: () => undefined,
    stop: stop.signal,
  });
  expect(code).toBe(1);
  expect(stdout).toContain('! could not run: A long silence after the thanks');
  expect(stdout).toContain('1 script: 0 passed, 0 failed, 1 error');
});

it('says the mock’s port is taken, with exit code 2, rather than crashing', async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        holder.close(() => {
          resolve();
        });
      }),
  );
  const address = holder.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  const run = await runCliCaptured(['test', `${fixtures}/passing`, '--port', String(port)]);

  expect(run.code).toBe(2);
  expect(run.stderr).toBe(
    `qiscus-mock test: Cannot listen on 127.0.0.1:${port}: port ${port} is in use: pick another with --port, or 0 for any free one.\n`,
  );
});

it('refuses an --out it cannot write before running anything, saying why', async () => {
  const folder = await temporaryFolder();
  await writeFile(join(folder, 'taken'), 'a file, not a folder');

  const underFile = await runCliCaptured([
    'test',
    `${fixtures}/passing`,
    '--out',
    join(folder, 'taken', 'report.xml'),
  ]);
  const aFolder = await runCliCaptured(['test', `${fixtures}/passing`, '--out', folder]);

  expect([underFile, aFolder].map((run) => [run.code, run.stdout, run.stderr])).toEqual([
    [
      2,
      '',
      `qiscus-mock test: Cannot write the report to ${folder}/taken/report.xml: a part of its path is a file, not a folder. Choose another --out.\n`,
    ],
    [
      2,
      '',
      `qiscus-mock test: Cannot write the report to ${folder}: it is a folder: name a file in it, such as ${folder}/report.xml. Choose another --out.\n`,
    ],
  ]);
});
