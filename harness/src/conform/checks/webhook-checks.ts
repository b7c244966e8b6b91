import { legacyBotMessageWebhook, unknownWebhookFields } from '#contracts';
import type { ScriptResult } from '../../run/run-result.js';
import type { ConformCheck } from '../conform-check.js';
import { firstFinding } from './first-finding.js';
import { homeChannel } from './wire-checks.js';

// Long enough for an answer of several messages to end, short enough to keep the battery quick.
const quiet = { until_quiet: '500ms' };
const answeredFast = { webhook: { within: '1s' } };

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
  fact: 'Qiscus may not send a webhook again after a failed delivery: a message answered 5xx can be lost [INFERRED]. Judged on every webhook of the run in the documented shape (the older shape is webhook.old-shape’s).',
  fix: 'Catch every error while reading a webhook and answer 200; log what could not be handled.',
  scripts: () => [],
  judgeRun: (run) =>
    firstFinding(
      run,
      (v) => v.code === 'DELIVERY_FAILED' && v.operation_id !== legacyBotMessageWebhook.id,
    ),
};

/** Whether the conversation stopped because the bot had sent no postback button to press. */
function noButtonToPress(script: ScriptResult): string | null {
  const step = script.steps.find((s) => s.status === 'failed');
  if (step?.kind !== 'customer' || !step.message?.includes('MOCK_ERR_BUTTON_NOT_FOUND'))
    return null;
  return `the bot sent no postback button in answer to "Hi" on ${script.channel ?? 'its channel'}, so there was none to press (a bot that sends none never gets a press)`;
}

const postback: ConformCheck = {
  id: 'webhook.postback',
  area: 'webhook',
  severity: 'must',
  title: 'answers the press of a button it sent, with the button’s payload',
  fact: 'A press of a postback button reaches the bot as a message whose text is the button’s postback_text (or label) and whose payload is the button’s own payload [CODE]; its exact message.type is not documented [GAP: the mock sends text].',
  fix: 'Read a press as a text that may carry a payload (any JSON, or null); do not take every message with a payload for a file; answer 2xx, then answer the press.',
  scripts: (config) => [
    {
      name: 'the first button of the greeting pressed',
      channel: homeChannel(config),
      steps: [
        { customer: 'Hi' },
        { bot: {} },
        quiet,
        { customer: { postback_index: 1 } },
        answeredFast,
        { bot: {} },
      ],
    },
  ],
  inapplicable: noButtonToPress,
};

const unknownFields: ConformCheck = {
  id: 'webhook.unknown-fields',
  area: 'webhook',
  severity: 'must',
  title: 'takes a webhook with fields it does not know, and answers it',
  fact: `Qiscus adds fields to its webhook over time: the newer documented shape added app_code, channel, id_str and more to the older one [DOC]; the fields this check adds (${Object.keys(unknownWebhookFields.message).join(', ')} in the message, and others) are invented [INFERRED].`,
  fix: 'Validate only the fields you use and ignore the rest: no strict schema (additionalProperties: false, zod .strict(), pydantic extra=forbid) on the webhook.',
  scripts: (config) => [
    {
      name: 'a greeting whose webhook has unknown fields',
      channel: homeChannel(config),
      steps: [
        { customer: { text: 'Hi', webhook_variant: 'unknown_fields' } },
        answeredFast,
        { bot: {} },
      ],
    },
  ],
};

const oldShape: ConformCheck = {
  id: 'webhook.old-shape',
  area: 'webhook',
  severity: 'should',
  title: 'takes a webhook in the older documented shape, and keeps working',
  fact: 'Older Qiscus documentation shows the bot webhook with numeric ids, room.options an object and no message id [DOC knowledge-tam, SDK webhook page]; that some apps still receive it is inferred [INFERRED].',
  fix: 'Answer 2xx to any webhook you cannot read (log it); to act on the older shape, read room.id as a number and send it back as a string.',
  scripts: (config) => [
    {
      name: 'a greeting in the older shape, then a question in the newer',
      channel: homeChannel(config),
      steps: [
        { customer: { text: 'Hi', webhook_variant: 'legacy' } },
        answeredFast,
        quiet,
        { customer: 'I have a question' },
        { bot: {} },
      ],
    },
  ],
};

/** The checks of how the bot takes the webhook: in time, every message type and shape, no errors. */
export const webhookChecks: readonly ConformCheck[] = [
  answersFast,
  messageTypes,
  postback,
  unknownFields,
  oldShape,
  never5xx,
];
