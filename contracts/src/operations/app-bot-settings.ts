import { defineOperation } from '../define-operation.js';
import { bodyErrorCodes } from '../error-codes.js';
import { FormBooleanSchema } from '../form-boolean.js';
import { AppCodeSchema, NumericIdSchema, TimestampSchema } from '../ids.js';
import { WebUrlSchema } from '../web-url.js';
import { z } from '../zod.js';

const webhookUrl = z.string().nullable().describe('Empty or null when not set.');

const appBotSettingsExample = {
  bot_webhook_url: 'http://127.0.0.1:3738/',
  is_bot_enabled: true,
  is_force_send_bot: false,
};

/** The bot settings of the app: where its webhook goes and whether it is on. */
export const AppBotSettingsSchema = z
  .strictObject({
    bot_webhook_url: webhookUrl,
    is_bot_enabled: z.boolean(),
    is_force_send_bot: z
      .boolean()
      .describe('Send webhooks to the bot even while an agent is in the room.'),
  })
  .openapi('AppBotSettings', { example: appBotSettingsExample });

/** What `GET /api/v1/app/bot` answers. */
export const GetAppBotResponseSchema = z
  .strictObject({ data: AppBotSettingsSchema, status: z.literal(200).optional() })
  .openapi('GetAppBotResponse', { example: { data: appBotSettingsExample, status: 200 } });

/** A realistic app object, reused by the examples of the operations that answer one. */
export const appExample = {
  id: 1,
  name: 'Qiscus Mock App',
  app_code: 'qiscus-mock-app',
  secret_key: '[redacted]',
  created_at: '2026-01-07T03:41:11Z',
  updated_at: '2026-11-24T02:00:00Z',
  bot_webhook_url: 'http://127.0.0.1:3738/',
  is_bot_enabled: true,
  allocate_agent_webhook_url: null,
  is_allocate_agent_webhook_enabled: false,
  mark_as_resolved_webhook_url: null,
  is_mark_as_resolved_webhook_enabled: false,
  is_mobile_pn_enabled: false,
  is_active: true,
  is_sessional: false,
  is_agent_allocation_enabled: true,
  is_agent_takeover_enabled: true,
  is_token_expiring: false,
  paid_channel_approved: null,
  use_latest: true,
  free_sessions: 0,
  is_force_send_bot: false,
  app_joined_status: 1,
  is_archieved: null,
  archieve_status: null,
  search_using_engine: false,
  use_2fa: false,
};

/** The app object the settings endpoints return, with every field Qiscus sends. */
export const AppSchema = z
  .strictObject({
    id: NumericIdSchema,
    name: z.string(),
    app_code: AppCodeSchema,
    secret_key: z.string().describe('The mock redacts it: it never echoes a secret.'),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
    bot_webhook_url: webhookUrl,
    is_bot_enabled: z.boolean(),
    allocate_agent_webhook_url: webhookUrl,
    is_allocate_agent_webhook_enabled: z.boolean(),
    mark_as_resolved_webhook_url: webhookUrl,
    is_mark_as_resolved_webhook_enabled: z.boolean(),
    is_mobile_pn_enabled: z.boolean(),
    is_active: z.boolean(),
    is_sessional: z.boolean(),
    is_agent_allocation_enabled: z.boolean().describe('Auto Agent Allocation.'),
    is_agent_takeover_enabled: z.boolean(),
    is_token_expiring: z.boolean(),
    paid_channel_approved: z.boolean().nullable(),
    use_latest: z.boolean(),
    free_sessions: z.number().int(),
    is_force_send_bot: z.boolean(),
    app_joined_status: z.number().int(),
    is_archieved: z.boolean().nullable().describe('Spelled as Qiscus spells it.'),
    archieve_status: z.number().int().nullable(),
    search_using_engine: z.boolean(),
    use_2fa: z.boolean(),
  })
  .openapi('App', { example: appExample });
export type App = z.infer<typeof AppSchema>;

/** What the activation and integrate endpoints answer: the whole app object. */
export const AppResponseSchema = z
  .strictObject({ data: z.strictObject({ app: AppSchema }) })
  .openapi('AppResponse', { example: { data: { app: appExample } } });

/** The form body of `POST /api/v1/app/bot/activation`. */
export const AppBotActivationFormSchema = z
  .strictObject({ is_active: FormBooleanSchema })
  .openapi('AppBotActivationForm', { example: { is_active: 'true' } });

/** The form body of `POST /api/v1/app/bot/integrate` (the dashboard's "connect" button). */
export const AppBotIntegrateFormSchema = z
  .strictObject({
    bot_webhook_url: WebUrlSchema.describe('Where Qiscus POSTs the bot webhook.'),
    is_bot_enabled: FormBooleanSchema,
  })
  .openapi('AppBotIntegrateForm', {
    example: { bot_webhook_url: 'http://127.0.0.1:3738/', is_bot_enabled: 'true' },
  });

const adminAuth = { styles: ['adminTokenAndAppId'] } as const;
const settingsErrors = ['UNAUTHORIZED', ...bodyErrorCodes] as const;
const dashboardFidelity = {
  source: 'CODE',
  fact: 'Path, body and response as a Qiscus dashboard sub-page app calls them, with Authorization and Qiscus-App-Id.',
} as const;

/** `GET /api/v1/app/bot`: the app's bot settings. */
export const getAppBot = defineOperation({
  id: 'getAppBot',
  method: 'get',
  path: '/api/v1/app/bot',
  summary: 'Read the bot settings',
  description: 'The bot webhook URL and whether the bot is on for the whole app.',
  tags: ['Bot activation'],
  auth: adminAuth,
  request: {},
  responses: {
    200: {
      description: 'The bot settings.',
      schema: GetAppBotResponseSchema,
      examples: {
        on: {
          summary: 'Bot connected and on',
          value: {
            data: appBotSettingsExample,
            status: 200,
          },
        },
      },
    },
  },
  errors: ['UNAUTHORIZED'],
  fidelity: [dashboardFidelity],
});

/** `POST /api/v1/app/bot/activation`: switch the bot on or off for the whole app. */
export const setAppBotActivation = defineOperation({
  id: 'setAppBotActivation',
  method: 'post',
  path: '/api/v1/app/bot/activation',
  summary: 'Switch the bot on or off for the whole app',
  description: 'While the bot is off, no room sends it webhooks.',
  tags: ['Bot activation'],
  auth: adminAuth,
  request: {
    body: {
      required: true,
      description: 'Form-encoded.',
      content: {
        'application/x-www-form-urlencoded': {
          schema: AppBotActivationFormSchema,
          examples: {
            off: { summary: 'Switch the bot off', value: { is_active: 'false' } },
            on: { summary: 'Switch the bot on', value: { is_active: 'true' } },
          },
        },
        // Qiscus's n8n node sends its form calls as multipart/form-data.
        'multipart/form-data': {
          schema: AppBotActivationFormSchema,
          examples: {
            off: { summary: 'Switch the bot off', value: { is_active: 'false' } },
            on: { summary: 'Switch the bot on', value: { is_active: 'true' } },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The app, with `is_bot_enabled` set as asked.',
      schema: AppResponseSchema,
      examples: { on: { summary: 'The bot is on', value: { data: { app: appExample } } } },
    },
  },
  errors: settingsErrors,
  fidelity: [dashboardFidelity],
});

/** `POST /api/v1/app/bot/integrate`: set the bot webhook URL and switch the bot on or off. */
export const integrateAppBot = defineOperation({
  id: 'integrateAppBot',
  method: 'post',
  path: '/api/v1/app/bot/integrate',
  summary: 'Connect the bot: set its webhook URL',
  description:
    'What the dashboard’s bot integration page does. The mock sends webhooks only to URLs its configuration allows (loopback unless told otherwise).',
  tags: ['Bot activation'],
  auth: adminAuth,
  request: {
    body: {
      required: true,
      description: 'Form-encoded.',
      content: {
        'application/x-www-form-urlencoded': {
          schema: AppBotIntegrateFormSchema,
          examples: {
            connect: {
              summary: 'Connect a local bot',
              value: { bot_webhook_url: 'http://127.0.0.1:3738/', is_bot_enabled: 'true' },
            },
          },
        },
        // Qiscus's n8n node sends its form calls as multipart/form-data.
        'multipart/form-data': {
          schema: AppBotIntegrateFormSchema,
          examples: {
            connect: {
              summary: 'Connect a local bot',
              value: { bot_webhook_url: 'http://127.0.0.1:3738/', is_bot_enabled: 'true' },
            },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The app, with the new bot settings.',
      schema: AppResponseSchema,
      examples: {
        connected: { summary: 'The bot is connected', value: { data: { app: appExample } } },
      },
    },
  },
  errors: settingsErrors,
  fidelity: [
    dashboardFidelity,
    {
      source: 'CODE-Q',
      fact: 'The call as Qiscus’s n8n node makes it: form fields bot_webhook_url and is_bot_enabled, Authorization with Qiscus-App-Id.',
    },
  ],
});
