import { AppResponseSchema, appExample } from '../app-bot-settings.js';
import { defineOperation } from '../../define-operation.js';
import { bodyErrorCodes } from '../../error-codes.js';
import { WebUrlSchema } from '../../web-url.js';
import { z } from '../../zod.js';
import { BooleanFieldSchema } from './field-inputs.js';
import { jsonAndFormBody } from './form-content.js';

/** The body of the webhook settings calls: where the webhook goes and whether it is on. */
export const WebhookSettingRequestSchema = z
  .strictObject({
    webhook_url: WebUrlSchema.describe('Where Qiscus POSTs the webhook.'),
    is_webhook_enabled: BooleanFieldSchema,
  })
  .openapi('WebhookSettingRequest', {
    example: { webhook_url: 'http://127.0.0.1:3738/resolved', is_webhook_enabled: true },
  });

const example = (path: string) => ({
  set: {
    summary: 'Send it to a local receiver',
    value: { webhook_url: `http://127.0.0.1:3738/${path}`, is_webhook_enabled: true },
  },
});

/** `POST /api/v1/app/webhook/mark_as_resolved`: set the Mark-as-Resolved webhook. */
export const setMarkAsResolvedWebhook = defineOperation({
  id: 'setMarkAsResolvedWebhook',
  method: 'post',
  path: '/api/v1/app/webhook/mark_as_resolved',
  summary: 'Set the Mark-as-Resolved webhook',
  description:
    'Where the Mark-as-Resolved webhook goes, and whether it is sent. The mock sends webhooks only to URLs its configuration allows (loopback unless told otherwise).',
  tags: ['Webhook settings'],
  auth: { styles: ['authorization'] },
  request: {
    body: jsonAndFormBody(
      'JSON (form-encoded and multipart also taken).',
      WebhookSettingRequestSchema,
      example('resolved'),
    ),
  },
  responses: {
    200: {
      description: 'The app, with the webhook set.',
      schema: AppResponseSchema,
      examples: {
        set: {
          summary: 'The webhook is set',
          value: {
            data: {
              app: {
                ...appExample,
                mark_as_resolved_webhook_url: 'http://127.0.0.1:3738/resolved',
                is_mark_as_resolved_webhook_enabled: true,
              },
            },
          },
        },
      },
    },
  },
  errors: ['UNAUTHORIZED', ...bodyErrorCodes],
  fidelity: [
    {
      source: 'DOC',
      fact: 'Path, webhook_url and is_webhook_enabled, with an admin token in Authorization.',
    },
    {
      source: 'INFERRED',
      fact: 'The answer: the app object, as the bot settings calls answer.',
    },
  ],
});

/** `POST /api/v1/app/webhook/agent_allocation`: set the Custom Agent Allocation webhook. */
export const setAgentAllocationWebhook = defineOperation({
  id: 'setAgentAllocationWebhook',
  method: 'post',
  path: '/api/v1/app/webhook/agent_allocation',
  summary: 'Set the Custom Agent Allocation webhook',
  description:
    'Where the Custom Agent Allocation webhook goes, and whether Custom Agent Allocation is on. Qiscus’s dashboard has a toggle for it; one public caller sets it with this call. Loopback URLs only, unless the mock allows remote webhooks.',
  tags: ['Webhook settings'],
  auth: { styles: ['authorization'] },
  request: {
    body: jsonAndFormBody(
      'JSON (form-encoded and multipart also taken).',
      WebhookSettingRequestSchema,
      example('allocate'),
    ),
  },
  responses: {
    200: {
      description: 'The app, with the webhook set.',
      schema: AppResponseSchema,
      examples: {
        set: {
          summary: 'The webhook is set',
          value: {
            data: {
              app: {
                ...appExample,
                allocate_agent_webhook_url: 'http://127.0.0.1:3738/allocate',
                is_allocate_agent_webhook_enabled: true,
              },
            },
          },
        },
      },
    },
  },
  errors: ['UNAUTHORIZED', ...bodyErrorCodes],
  fidelity: [
    {
      source: 'CODE',
      fact: 'The path, from one caller (a Go CAA service); the app fields allocate_agent_webhook_url and is_allocate_agent_webhook_enabled.',
    },
    {
      source: 'INFERRED',
      fact: 'The body (as the Mark-as-Resolved setting’s) and the answer (the app object).',
    },
  ],
});
