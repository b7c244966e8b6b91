// The webhook section of the report: one row per sender, the per-round ratios, the floor.
import {
  costCells,
  markdownTable,
  medianAndRange,
  oneDecimal,
  ratio,
  upToTwoDecimals,
} from '../format.js';
import { webhookBaseline } from './webhook-senders.js';

function sendersTable(senders) {
  const header = [
    'sender',
    'runs',
    'deliveries/s median (min–max)',
    `× ${webhookBaseline} (median of rounds)`,
    'server CPU µs/delivery',
    `× ${webhookBaseline} by CPU µs`,
    'p50 ms',
    'p99 ms',
    'server CPU',
    'receiver CPU',
    'others + steal',
    'peak RSS MiB',
    'failures',
  ];
  const rows = senders.map((summary) => [
    summary.target,
    summary.invalidRuns === 0
      ? String(summary.runs)
      : `${summary.runs} (${summary.invalidRuns} INVALID)`,
    medianAndRange(summary.deliveriesPerSecond),
    ratio(summary.medianRoundRatio),
    oneDecimal(summary.serverCpuMicrosPerDelivery),
    ratio(summary.cpuCostRatio),
    upToTwoDecimals(summary.latencyP50Ms),
    upToTwoDecimals(summary.latencyP99Ms),
    ...costCells(summary),
  ]);
  return markdownTable(header, rows);
}

export function renderWebhookReport(section) {
  const { settings, senders, judged } = section;
  return [
    `Webhooks: ${settings.connections} customers each writing again once their webhook settled, to a ` +
      'bare node:http receiver that answers 200 (pinned to the load core, with the customers of the ' +
      `control API); ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured per sender, ` +
      `${settings.rounds} round(s), order rotated. Latency: from the customer's message to the webhook received.`,
    '',
    ...senders.map((summary) => `- ${summary.target}: ${summary.description}`),
    '',
    sendersTable(senders),
    '',
    ...judged.map((verdict) => {
      const rounds = senders.find((summary) => summary.target === verdict.target).roundRatios;
      return (
        `Webhooks, ${verdict.target}: ${ratio(verdict.ratio)} × ${webhookBaseline} (rounds ` +
        `${rounds.map((value) => value.toFixed(2)).join(', ') || '–'}; floor ${verdict.floor.toFixed(2)}): ` +
        (verdict.passed ? 'PASS' : 'FAIL')
      );
    }),
    '',
  ].join('\n');
}
