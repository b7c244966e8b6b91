import type { ExchangeSchema, z } from '#contracts';
import { RunResultSchema } from '../../src/run/run-result.js';

// Typed as the schema's input (room ids are branded only once parsed), then parsed.
type RunResultInput = z.input<typeof RunResultSchema>;

const webhookBody = {
  app_code: 'qiscus-mock-app',
  channel: { id: 963, name: 'Qiscus Mock WhatsApp', source: 'wa' },
  payload: {
    from: { email: '6281234567890', name: 'Budi Santoso' },
    message: { type: 'text', text: 'menu', payload: null },
    room: { id: '187250792' },
    type: 'post_comment_mobile',
  },
  type: 'post_comment_mobile',
};

/** A turn on WhatsApp where the bot answers with buttons and the mock refuses them. */
const refusedTurn = [
  {
    seq: 7,
    time: '2026-11-24T02:10:31.000Z',
    direction: 'control',
    operation_id: 'postCustomerMessage',
    method: 'POST',
    path: '/_mock/messages',
    room_id: '187250792',
    status: 200,
    request: {
      headers: { 'content-type': 'application/json' },
      body: { channel: 'wa', customer: { id: '6281234567890', name: 'Budi' }, text: 'menu' },
    },
    response: { body: { room_id: '187250792' } },
    error: null,
    warnings: [],
    flags: [],
  },
  {
    seq: 8,
    time: '2026-11-24T02:10:31.002Z',
    direction: 'to_bot',
    operation_id: 'botMessage',
    method: 'POST',
    path: '/webhook',
    room_id: '187250792',
    status: 200,
    request: { headers: { 'content-type': 'application/json' }, body: webhookBody },
    response: { body: '' },
    error: null,
    warnings: [],
    flags: [],
  },
  {
    seq: 9,
    time: '2026-11-24T02:10:31.010Z',
    direction: 'from_bot',
    operation_id: 'postBotMessage',
    method: 'POST',
    path: '/qiscus-mock-app/bot',
    room_id: '187250792',
    status: 400,
    request: {
      headers: { 'content-type': 'application/json', qiscus_sdk_secret: '[redacted]' },
      body: {
        sender_email: 'qiscus-mock-app_admin@qismo.com',
        room_id: '187250792',
        type: 'buttons',
        payload: {
          text: 'What can I help you with?',
          buttons: [
            { label: 'Billing', type: 'postback' },
            { label: 'Sales', type: 'postback' },
          ],
        },
      },
    },
    response: {
      body: {
        status: 400,
        errors: {
          message:
            'buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead.',
          code: 'MESSAGE_TYPE_NOT_SUPPORTED',
          details: [{ path: 'type', message: 'WhatsApp (wa) refuses buttons and carousel' }],
        },
      },
    },
    error: null,
    warnings: [],
    flags: [],
  },
] satisfies z.input<typeof ExchangeSchema>[];

const passedStep = { violations: [], traffic: [], expected: null, actual: null, message: null };

/**
 * A run of three scripts against a spawned bot: one passes with a warning, one fails because the
 * mock refused the bot's buttons on WhatsApp, one could not run.
 */
export const failingRun = RunResultSchema.parse({
  started_at: '2026-11-24T02:10:30.000Z',
  duration_ms: 2345,
  bot: {
    kind: 'command',
    url: 'http://127.0.0.1:41234/webhook',
    command: 'python bot.py',
    output: 'bot listening on 41234\nPOST /webhook\nsending buttons to room 187250792\n',
  },
  scripts: [
    {
      file: 'scripts/greeting.yaml',
      name: 'Greeting',
      channel: 'qiscus',
      room_id: '187250790',
      status: 'passed',
      duration_ms: 120.4,
      steps: [
        {
          ...passedStep,
          index: 0,
          kind: 'customer',
          line: 5,
          column: 5,
          status: 'passed',
          duration_ms: 3,
          summary: 'customer: Hi',
        },
        {
          ...passedStep,
          index: 1,
          kind: 'bot',
          line: 6,
          column: 5,
          status: 'passed',
          duration_ms: 110,
          summary: 'bot: { text: /welcome/i }',
        },
      ],
      violations: [
        {
          code: 'UNKNOWN_FIELD',
          severity: 'warning',
          operation_id: 'postBotMessage',
          direction: 'from_bot',
          exchange_seq: 3,
          path: 'payload.colour',
          message: 'payload.colour is not a field of postBotMessage; did you mean "color"?',
        },
      ],
      error: null,
    },
    {
      file: 'scripts/menu-on-whatsapp.yaml',
      name: 'The menu on WhatsApp',
      channel: 'wa',
      room_id: '187250792',
      status: 'failed',
      duration_ms: 2011,
      steps: [
        {
          ...passedStep,
          index: 0,
          kind: 'customer',
          line: 5,
          column: 5,
          status: 'passed',
          duration_ms: 4,
          summary: 'customer: menu',
        },
        {
          index: 1,
          kind: 'bot',
          line: 6,
          column: 5,
          status: 'failed',
          duration_ms: 2002,
          summary: 'bot: { buttons: [Billing, Sales] }',
          expected: 'a buttons message with buttons [Billing, Sales]',
          actual: null,
          // As the runner words a step failed by a contract error: the finding's message in it.
          message:
            "the mock refused the bot's request: MESSAGE_TYPE_NOT_SUPPORTED: buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead.",
          violations: [
            {
              code: 'REFUSED',
              severity: 'error',
              operation_id: 'postBotMessage',
              direction: 'from_bot',
              exchange_seq: 9,
              path: 'type',
              message:
                'MESSAGE_TYPE_NOT_SUPPORTED: buttons messages are not supported in WhatsApp rooms: send the choices as a text message instead.',
            },
            {
              code: 'UNKNOWN_FIELD',
              severity: 'warning',
              operation_id: 'postBotMessage',
              direction: 'from_bot',
              exchange_seq: 9,
              path: 'payload.buttons[0].colour',
              message: 'payload.buttons[0].colour is not a field of postBotMessage.',
            },
          ],
          traffic: refusedTurn,
        },
        {
          ...passedStep,
          index: 2,
          kind: 'handover',
          line: 7,
          column: 5,
          status: 'skipped',
          duration_ms: 0,
          summary: 'handover: { role: billing }',
        },
      ],
      violations: [],
      error: null,
    },
    {
      file: 'scripts/broken-bot.yaml',
      name: 'A bot that never answers',
      channel: 'telegram',
      room_id: null,
      status: 'error',
      duration_ms: 0,
      steps: [],
      violations: [],
      error: 'The run was stopped (Ctrl-C) before this script finished.',
    },
  ],
  summary: { scripts: 3, passed: 1, failed: 1, errors: 1, steps: 5, violations: 3 },
} satisfies RunResultInput);

/** A run where every script passed, against the bundled reference bot. */
export const passingRun = RunResultSchema.parse({
  started_at: '2026-11-24T02:10:30.000Z',
  duration_ms: 312,
  bot: { kind: 'reference', url: 'http://127.0.0.1:41235/', command: null, output: null },
  scripts: [failingRun.scripts[0]!],
  summary: { scripts: 1, passed: 1, failed: 0, errors: 0, steps: 2, violations: 1 },
} satisfies RunResultInput);
