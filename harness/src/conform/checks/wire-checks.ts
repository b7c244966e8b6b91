import type { ChannelSource } from '#contracts';
import type { ScriptResult, Violation } from '../../run/run-result.js';
import type { ConformCheck, RunView } from '../conform-check.js';
import { firstFinding } from './first-finding.js';
import type { ConformConfig } from '../conform-config.js';

/** The channel a check that needs just one runs on: the widget when deployed there. */
export function homeChannel(config: ConformConfig): ChannelSource {
  return config.channels.includes('qiscus') ? 'qiscus' : (config.channels[0] ?? 'qiscus');
}

// The whole answer is in: a refusal of its last message is this conversation's, not lost.
const answerEnds = { until_quiet: '500ms' };

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

/**
 * Why the options conversation does not count: the bot does not act on the older shape at all,
 * or it does not fit WhatsApp even when channel.source names it (channels.fit-whatsapp's
 * finding), so a refusal here says nothing of how it reads room.options.
 */
function notAboutOptions(script: ScriptResult, run: RunView): string | null {
  const step = script.steps.find((s) => s.status === 'failed');
  const message = step?.message ?? '';
  if (
    step?.kind === 'bot' &&
    (message.startsWith('no bot message') || message.includes('webhook delivery failed'))
  )
    return 'the bot does not act on a webhook in the older shape, the one where room.options is the only place of the channel (see webhook.old-shape)';
  const fit = run.scripts.find((other) => other.name.startsWith('channels.fit-whatsapp: '));
  if (fit && fit.status !== 'passed')
    return 'the bot does not fit WhatsApp even when channel.source names it (see channels.fit-whatsapp), so this cannot tell how it reads room.options';
  return null;
}

const optionsString: ConformCheck = {
  id: 'channels.options-json-string',
  area: 'channels',
  severity: 'should',
  title: 'reads the channel from room.options, a JSON string',
  fact: 'room.options is a JSON string in real traffic, also in the older webhook shape, which has no channel object: there it is the only place of the channel [DOC/CODE; the older shape still sent: INFERRED].',
  fix: 'Decode room.options with JSON.parse (json.loads) before reading channel or source; do not read it as an object.',
  skipWhen: (config) =>
    config.channels.includes('wa') ? null : 'the bot is not deployed on WhatsApp',
  scripts: () => [
    {
      name: 'a greeting on WhatsApp in the older shape',
      channel: 'wa',
      steps: [{ customer: { text: 'Hi', webhook_variant: 'legacy' } }, { bot: {} }, answerEnds],
    },
  ],
  inapplicable: notAboutOptions,
};

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

/** The checks of the channels and of the calls' credentials and shapes. */
export const wireChecks: readonly ConformCheck[] = [
  channelFit('wa', 'buttons and carousels'),
  channelFit('ig', 'buttons'),
  channelFit('telegram', 'carousels'),
  optionsString,
  accepted,
];
