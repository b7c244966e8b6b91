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

const example = {
  set: {
    summary: 'Send it to a local receiver',
    value: { webhook_url: 'http://127.0.0.1:3738/resolved', is_webhook_enabled: true },
  },
};

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
      example,
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
