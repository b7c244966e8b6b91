// `npm run bench:harness`: 1,000 generated conversation scripts run against the reference bot
// through `runConversations`, with the default concurrency, as `qiscus-mock test` runs them.
// Prints progress, the wall time, conversations per second, steps, the pass count and the peak
// RSS; exits 1 unless every script passed. DESIGN.md's target: under 30 s on a 2-core machine.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { conversationTemplates, channelsForScale } from './harness-scale-templates.js';

await import('../packaging/register-sources.js');
const { runConversations } = await import('../harness/src/index.ts');

const usage = `Usage: npm run bench:harness [-- [--scripts N] [--concurrency N]]

Generates N conversation scripts (default 1000) across every channel and behaviour of the
reference bot into a temporary folder, runs them with runConversations against the reference
bot, and prints the wall time, conversations/s, steps, passes and peak RSS. Exits 1 unless every
script passed.
`;

const log = (text) => process.stderr.write(`${text}\n`);

function parseArgs(argv) {
  const options = { scripts: 1000, concurrency: undefined, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === '--help' || flag === '-h') {
      options.help = true;
      continue;
    }
    if (flag !== '--scripts' && flag !== '--concurrency') {
      throw new Error(`unknown option ${flag}: see --help`);
    }
    const value = Number(argv[index + 1]);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`${flag} needs a whole number of at least 1, got ${argv[index + 1]}`);
    }
    options[flag.slice(2)] = value;
    index += 1;
  }
  return options;
}

/** Script `index`: the behaviours cycle fastest, the channels next, so every pair comes up. */
function generateScript(index) {
  const template = conversationTemplates[index % conversationTemplates.length];
  const round = Math.floor(index / conversationTemplates.length);
  const channel = template.channels[round % template.channels.length];
  const customer = channelsForScale[channel].customer(index);
  return {
    file: `${String(index).padStart(4, '0')}-${template.name}-on-${channel}.yaml`,
    script: {
      name: `${template.title} (${channel}, #${index})`,
      channel,
      customer,
      steps: template.steps({ channel, firstName: customer.name.split(' ')[0] }),
    },
  };
}

async function main(argv) {
  const options = parseArgs(argv);
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'qiscus-mock-harness-scale-'));
  try {
    const counts = new Map();
    for (let index = 0; index < options.scripts; index += 1) {
      const { file, script } = generateScript(index);
      const key = `${script.channel}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      await writeFile(path.join(folder, file), stringify(script, { lineWidth: 0 }));
    }
    log(
      `Generated ${options.scripts} scripts from ${conversationTemplates.length} behaviours on ` +
        `${counts.size} channels (${[...counts].map(([channel, n]) => `${channel} ${n}`).join(', ')})`,
    );

    const loadAverage = os.loadavg().map((load) => load.toFixed(2));
    let finished = 0;
    let failed = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await runConversations({
      paths: [folder],
      cwd: folder,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      onProgress(event) {
        if (event.type === 'loaded') log(`Loaded ${event.scripts} scripts`);
        if (event.type === 'bot-ready')
          log(`Reference bot at ${event.url}, mock at ${event.mockUrl}`);
        if (event.type !== 'script-finished') return;
        finished += 1;
        if (event.result.status !== 'passed') failed += 1;
        if (finished % 100 === 0 || finished === options.scripts) {
          const seconds = (performance.now() - started) / 1000;
          log(
            `  ${finished}/${options.scripts} finished, ${failed} not passed, ${seconds.toFixed(1)} s`,
          );
        }
      },
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const { summary } = result;
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;

    process.stdout.write(
      [
        `conversations      ${summary.scripts}`,
        `passed             ${summary.passed} (failed ${summary.failed}, errors ${summary.errors})`,
        `steps              ${summary.steps}`,
        `violations         ${summary.violations}`,
        `wall time          ${wallSeconds.toFixed(2)} s`,
        `conversations/s    ${(summary.scripts / wallSeconds).toFixed(1)}`,
        `CPU time           ${cpuSeconds.toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)}), ${((cpuSeconds * 1000) / summary.scripts).toFixed(1)} ms per conversation`,
        `peak RSS           ${peakRssMiB.toFixed(0)} MiB`,
        `load before run    ${loadAverage.join(' ')} (1, 5, 15 min) on ${os.cpus().length} cores`,
        `node               ${process.version}`,
        '',
      ].join('\n'),
    );

    const notPassed = result.scripts.filter((script) => script.status !== 'passed');
    for (const script of notPassed.slice(0, 5)) {
      const step = script.steps.find((candidate) => candidate.status === 'failed');
      log(
        `NOT PASSED ${script.file}: ${script.error ?? `step ${step?.index} (${step?.summary}): ${step?.message}`}`,
      );
    }
    if (summary.scripts !== options.scripts || notPassed.length > 0) {
      log(
        `FAIL: ${notPassed.length} of ${summary.scripts} scripts did not pass (expected ${options.scripts} passes)`,
      );
      return 1;
    }
    return 0;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
