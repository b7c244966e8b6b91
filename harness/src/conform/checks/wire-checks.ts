import type { ChannelSource } from '#contracts';
import type { Violation } from '../../run/run-result.js';
import type { ConformCheck, RunView } from '../conform-check.js';
import type { ConformConfig } from '../conform-config.js';

/** The channel a check that needs just one runs on: the widget when deployed there. */
export function homeChannel(config: ConformConfig): ChannelSource {
  return config.channels.includes('qiscus') ? 'qiscus' : (config.channels[0] ?? 'qiscus');
}

function everyViolation(run: RunView): Violation[] {
  return run.scripts.flatMap((script) => [
    ...script.violations,
    ...script.steps.flatMap((step) => step.violations),
  ]);
}

/** The first of the run's findings that `owned` picks, as the check's reason, or null. */
function firstFinding(run: RunView, owned: (violation: Violation) => boolean): string | null {
  const found = everyViolation(run).filter((v) => v.severity === 'error' && owned(v));
  const first = found[0];
  if (!first) return null;
  const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
  return `${first.operation_id ?? first.direction}: ${first.message}${more}`;
}

// The whole answer is in: a refusal of its last message is this conversation's, not lost.
const answerEnds = { until_quiet: '500ms' };

const fileFromCustomer = {
  type: 'file_attachment',
  payload: { url: 'https://files.example.com/receipt.jpg', caption: 'my receipt' },
};
const locationFromCustomer = {
  type: 'location',
  payload: { latitude: -6.2088, longitude: 106.8456 },
};

const answersFast: ConformCheck = {
  id: 'webhook.answered-fast',
  area: 'webhook',
  severity: 'must',
  title: 'answers each webhook 2xx within 1 s',
  fact: 'Qiscus posts the bot webhook and does not wait for the reply: the bot answers by calling POST /{app_code}/bot itself [DOC webhook page]; a slow answer is taken as a failed delivery [INFERRED].',
  fix: 'Answer the webhook with 200 at once and do the work (NLU, database, the reply call) after, in the background or a queue.',
  scripts: (config) => [
    {
      name: 'the webhook is answered within 1s',
      channel: homeChannel(config),
      steps: [{ customer: 'Hi' }, { webhook: { within: '1s' } }, { bot: {} }],
    },
  ],
};

const messageTypes: ConformCheck = {
  id: 'webhook.message-types',
  area: 'webhook',
  severity: 'must',
  title: 'survives every message type a customer sends',
  fact: 'A customer message reaches the bot as type text, file_attachment (payload.url) or location (payload.latitude, longitude) [DOC webhook page]; extras and new fields may appear [INFERRED].',
  fix: 'Read payload.message.type before the text; answer 2xx for types you do not handle, and keep working for the next message.',
  scripts: (config) =>
    (
      [
        ['a file', fileFromCustomer],
        ['a location', locationFromCustomer],
      ] as const
    ).map(([what, says]) => ({
      name: `${what} from the customer, then a text`,
      channel: homeChannel(config),
      steps: [{ customer: says }, { customer: 'Hi' }, { bot: {} }],
    })),
};

const never5xx: ConformCheck = {
  id: 'webhook.never-5xx',
  area: 'webhook',
  severity: 'must',
  title: 'never answers a webhook with an error',
  fact: 'Qiscus may not send a webhook again after a failed delivery: a message answered 5xx can be lost [INFERRED].',
  fix: 'Catch every error while reading a webhook and answer 200; log what could not be handled.',
  scripts: () => [],
  judgeRun: (run) => firstFinding(run, (v) => v.code === 'DELIVERY_FAILED'),
};

const channelNames: Readonly<Partial<Record<ChannelSource, string>>> = {
  wa: 'WhatsApp',
  ig: 'Instagram',
  telegram: 'Telegram',
};

function channelFit(channel: 'wa' | 'ig' | 'telegram', refuses: string): ConformCheck {
  const name = channelNames[channel] ?? channel;
  return {
    id: `channels.fit-${name.toLowerCase()}`,
    area: 'channels',
    severity: 'must',
    title: `what it sends on ${name} is accepted`,
    fact: `${name} refuses ${refuses} from a bot [DOC channel pages]; a room's channel is in channel.source and in room.options, a JSON string to decode [DOC webhook page].`,
    fix: `Decode room.options with JSON.parse (it is a string) or read channel.source, and send ${refuses} as text on ${name}.`,
    skipWhen: (config) =>
      config.channels.includes(channel) ? null : `the bot is not deployed on ${name}`,
    scripts: () => [
      {
        name: `a greeting on ${name}`,
        channel,
        steps: [{ customer: 'Hi' }, { bot: {} }, answerEnds],
      },
    ],
  };
}

/** Whether a finding is about credentials or the shape of the bot's calls. */
function isAuthOrShape(violation: Violation): boolean {
  if (violation.code === 'UNEXPECTED_CALL') return true;
  if (violation.code === 'SCHEMA_MISMATCH') return violation.direction === 'from_bot';
  return (
    violation.code === 'REFUSED' &&
    /^(UNAUTHORIZED|VALIDATION_FAILED|ROOM_NOT_FOUND)\b/.test(violation.message)
  );
}

const plainChannels: readonly ChannelSource[] = ['qiscus', 'line', 'fb', 'custom'];

const accepted: ConformCheck = {
  id: 'auth.calls-accepted',
  area: 'auth',
  severity: 'must',
  title: 'every call carries an accepted credential and body',
  fact: 'POST /{app_code}/bot takes QISCUS_SDK_SECRET (or Qiscus-App-Id with Qiscus-Secret-Key) and a body with room_id as a string [DOC + CODE]; a wrong credential is refused [INFERRED: 401].',
  fix: 'Send the secret key in QISCUS_SDK_SECRET on every call (hand-overs too) and room_id as payload.room.id_str, a string.',
  scripts: (config) =>
    plainChannels
      .filter((channel) => config.channels.includes(channel))
      .map((channel) => ({
        name: `a greeting on ${channel}`,
        channel,
        steps: [{ customer: 'Hi' }, { bot: {} }, answerEnds],
      })),
  judgeRun: (run) => firstFinding(run, isAuthOrShape),
};

/** The checks of the webhook, the channels and the calls' credentials and shapes. */
export const wireChecks: readonly ConformCheck[] = [
  answersFast,
  messageTypes,
  never5xx,
  channelFit('wa', 'buttons and carousels'),
  channelFit('ig', 'buttons'),
  channelFit('telegram', 'carousels'),
  accepted,
];
