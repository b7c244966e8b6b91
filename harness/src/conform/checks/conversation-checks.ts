import type { ScriptResult } from '../../run/run-result.js';
import { noRefusal } from '../../run/steps/settings-steps.js';
import type { ConformCheck } from '../conform-check.js';
import type { ConformConfig } from '../conform-config.js';
import { homeChannel } from './wire-checks.js';

// Long enough for an answer of several messages to end, short enough to keep the battery quick.
const quiet = { until_quiet: '500ms' };

const noHandover = (config: ConformConfig) =>
  config.handover
    ? null
    : 'the bot does not claim to hand rooms over (conform.yaml handover: false)';

const handoverOnRequest: ConformCheck = {
  id: 'handover.on-request',
  area: 'handover',
  severity: 'must',
  title: 'hands over when the customer asks for a person',
  fact: 'Qiscus documents three reasons to hand a room to an agent, the first a customer asking for one [DOC bot-human collaboration]; the bot calls hand_over or hand_over_to_role [CODE].',
  fix: 'Recognise requests for a person (in each language you serve) and call POST /{app_code}/bot/{room_id}/hand_over or hand_over_to_role.',
  skipWhen: noHandover,
  scripts: (config) =>
    config.handoverPhrases.map((phrase) => ({
      name: `"${phrase}" is handed over`,
      channel: homeChannel(config),
      steps: [{ customer: 'Hi' }, { bot: {} }, quiet, { customer: phrase }, { handover: {} }],
    })),
};

const silentAfterHandover: ConformCheck = {
  id: 'handover.silent-after',
  area: 'handover',
  severity: 'must',
  title: 'stays silent after handing over',
  fact: 'After a handover the room is the agent’s; the bot is off for the room until switched back [DOC bot-human collaboration + CODE].',
  fix: 'Send nothing into a room after handing it over: no follow-ups, no timers; wait for the bot switch to come back on.',
  skipWhen: noHandover,
  scripts: (config) => [
    {
      name: 'silent after the handover',
      channel: homeChannel(config),
      steps: [
        { customer: 'Hi' },
        { bot: {} },
        quiet,
        { customer: config.handoverPhrases[0] ?? 'human' },
        { handover: {} },
        quiet,
        { customer: 'hello?' },
        { silence: '1500ms' },
      ],
    },
  ],
};

const refusalCode = 'AUTO_AGENT_ALLOCATION_OFF';

/** Whether the conversation stopped because the bot made no hand_over_to_role call to refuse. */
function noRoleHandover(script: ScriptResult): string | null {
  const step = script.steps.find((s) => s.status === 'failed');
  if (step?.kind !== 'refused' || step.actual !== noRefusal) return null;
  const phrase = /"(.*)"/.exec(script.name)?.[1] ?? '';
  return `the bot did not hand the room to a division (hand_over_to_role) when the customer wrote "${phrase}": nothing to refuse; name what makes it do so with role_handover_phrases in conform.yaml`;
}

const roleRefusal: ConformCheck = {
  id: 'handover.role-refusal-not-retried',
  area: 'handover',
  severity: 'should',
  title: 'a refused hand-over to a role is not retried blindly',
  fact: 'hand_over_to_role works only with Auto Agent Allocation on and refuses the division the room is already in [CODE, INFERRED refusal: 400 AUTO_AGENT_ALLOCATION_OFF in the mock].',
  fix: 'On a refusal of hand_over_to_role, fall back to hand_over (or tell the customer) instead of calling it again.',
  skipWhen: noHandover,
  scripts: (config) =>
    config.roleHandoverPhrases.map((phrase) => ({
      name: `"${phrase}" with Auto Agent Allocation off`,
      channel: homeChannel(config),
      steps: [
        { settings: { auto_agent_allocation: 'off' } },
        { customer: phrase },
        { refused: { operation: 'handOverToRole', code: refusalCode, timeout: '1500ms' } },
        { until_quiet: '1500ms' },
      ],
    })),
  inapplicable: noRoleHandover,
};

function switchCheck(scope: 'room' | 'app'): ConformCheck {
  const what = scope === 'room' ? 'the room' : 'the whole app';
  return {
    id: `bot-switch.${scope}`,
    area: 'bot-switch',
    severity: 'must',
    title: `silent while the bot is off for ${what}, back when it is on`,
    fact:
      scope === 'room'
        ? 'POST /bot/{room_id}/activate switches the bot off or on for one room [CODE-Q]; an agent or the dashboard may do it.'
        : 'POST /api/v1/app/bot/activation switches the bot off or on for the whole app [CODE].',
    fix: 'Write only in answer to a webhook; keep no timers or follow-ups that write on their own, and do not keep a room "handed over" forever in your own memory.',
    scripts: (config) => [
      {
        name: `the bot off for ${what}, then on again`,
        channel: homeChannel(config),
        steps: [
          { customer: 'Hi' },
          { bot: {} },
          quiet,
          { bot_switch: { [scope]: 'off' } },
          { customer: 'are you there?' },
          { silence: '2s' },
          { bot_switch: { [scope]: 'on' } },
          { customer: 'I have a question' },
          { bot: {} },
        ],
      },
    ],
  };
}

const freshAfterResolve: ConformCheck = {
  id: 'sessions.fresh-after-resolve',
  area: 'sessions',
  severity: 'must',
  title: 'answers the first message after a resolve afresh',
  fact: 'A customer message after a resolve opens a new session: the bot has the room again [DOC New Session webhook].',
  fix: 'Forget a room’s conversation state when it is resolved (a new session starts): greet the customer again.',
  scripts: (config) => [
    {
      name: 'a greeting after resolve',
      channel: homeChannel(config),
      steps: [{ customer: 'Hi' }, { bot: {} }, quiet, 'resolve', { customer: 'Hi' }, { bot: {} }],
    },
  ],
};

const answeredOnce: ConformCheck = {
  id: 'duplicates.answered-once',
  area: 'duplicates',
  severity: 'must',
  title: 'a webhook delivered twice is answered once',
  fact: 'A webhook may arrive more than once with the same payload.message.id (a retry after a slow answer) [INFERRED].',
  fix: 'Remember the message ids you answered (a bounded set) and answer 200 without acting on one seen before.',
  scripts: (config) => [
    {
      name: 'the same webhook twice',
      channel: homeChannel(config),
      steps: [{ customer: 'Hi' }, { bot: {} }, quiet, 'redeliver', { silence: '1s' }],
    },
  ],
};

const roomsApart: ConformCheck = {
  id: 'duplicates.rooms-apart',
  area: 'duplicates',
  severity: 'must',
  title: 'two rooms at once each get their own answers',
  fact: 'Every webhook names its room (payload.room.id_str); customers write at the same time [DOC webhook page].',
  fix: 'Answer into the room of the webhook you are handling; keep no "current room" in a global variable.',
  scripts: (config) =>
    ['first', 'second'].map((which) => ({
      name: `the ${which} of two rooms at once`,
      channel: homeChannel(config),
      together: true,
      steps: [{ customer: 'Hi' }, { bot: {} }, quiet, { customer: 'Hi again' }, { bot: {} }],
    })),
};

/** The checks of a conversation's course: handover, the bot switch, sessions and duplicates. */
export const conversationChecks: readonly ConformCheck[] = [
  handoverOnRequest,
  silentAfterHandover,
  roleRefusal,
  switchCheck('room'),
  switchCheck('app'),
  freshAfterResolve,
  answeredOnce,
  roomsApart,
];
