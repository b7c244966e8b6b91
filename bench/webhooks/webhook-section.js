// `npm run bench`'s webhook section: each sender in turn, the order rotated every round, and
// the mock's deliveries per second as a ratio to the bare pool's in the same round.
import { median, rotate, spread } from '../statistics.js';
import { costMedians } from '../summarize.js';
import { measureWebhookSender, templateOf } from './measure-webhook-sender.js';
import { webhookBaseline, webhookSenderNames, webhookSenders } from './webhook-senders.js';

// Issue 17: the mock delivers at least 0.7 of what a bare undici Pool loop does.
export const webhookFloor = 0.7;

function describeRun(run) {
  const rate = Math.round(run.deliveriesPerSecond).toLocaleString('en-US');
  const verdict = run.valid
    ? ''
    : ` INVALID (${run.failures} failed customer messages or unstamped webhooks)`;
  return `${rate} deliveries/s, p99 ${run.latencyP99Ms.toFixed(2)} ms, ${run.serverCpuMicrosPerDelivery.toFixed(1)} µs CPU/delivery${verdict}`;
}

async function runRounds(settings, context) {
  const rounds = [];
  let template;
  for (let round = 0; round < settings.rounds; round += 1) {
    const runs = [];
    for (const [position, name] of rotate(webhookSenderNames, round).entries()) {
      const prefix = `[webhooks, round ${round + 1}/${settings.rounds}, ${position + 1}/${webhookSenderNames.length}] ${name}:`;
      const log = (text) => context.log(`${prefix} ${text}`);
      const { captured, ...run } = await measureWebhookSender(webhookSenders[name], settings, {
        ...context,
        log,
        template,
      });
      if (!webhookSenders[name].copiesMockBody) template ??= templateOf(captured);
      runs.push({ ...run, round: round + 1, position: position + 1 });
      log(describeRun(run));
    }
    rounds.push(runs);
  }
  return rounds;
}

function summarizeSender(rounds, name) {
  const runs = rounds.flat().filter((run) => run.target === name);
  const valid = runs.filter((run) => run.valid);
  const pick = (key) => valid.map((run) => run[key]);
  const roundRatios = rounds.flatMap((round) => {
    const run = round.find((entry) => entry.target === name);
    const base = round.find((entry) => entry.target === webhookBaseline);
    return run?.valid && base?.valid ? [run.deliveriesPerSecond / base.deliveriesPerSecond] : [];
  });
  return {
    target: name,
    description: webhookSenders[name].description,
    runs: runs.length,
    invalidRuns: runs.length - valid.length,
    deliveriesPerSecond: spread(pick('deliveriesPerSecond')),
    serverCpuMicrosPerDelivery: median(pick('serverCpuMicrosPerDelivery')),
    ...costMedians(runs),
    roundRatios,
    medianRoundRatio: median(roundRatios),
  };
}

// Each mock sender against the floor, on the median of its per-round ratios.
function judge(summaries) {
  return summaries
    .filter((summary) => webhookSenders[summary.target].judged)
    .map((summary) => {
      const ratio = summary.medianRoundRatio;
      const passed = summary.invalidRuns === 0 && ratio !== null && ratio >= webhookFloor;
      return { target: summary.target, ratio, floor: webhookFloor, passed };
    });
}

export async function runWebhookSection(settings, context) {
  const rounds = await runRounds(settings, context);
  const summaries = webhookSenderNames.map((name) => summarizeSender(rounds, name));
  // As in the http section: bare's CPU per delivery over the sender's, steadier under load.
  const base = summaries.find((summary) => summary.target === webhookBaseline);
  for (const summary of summaries) {
    const own = summary.serverCpuMicrosPerDelivery;
    const bare = base.serverCpuMicrosPerDelivery;
    summary.cpuCostRatio = own && bare !== null ? bare / own : null;
  }
  return { settings, rounds, senders: summaries, judged: judge(summaries) };
}
