import { AppResponseSchema, appExample } from '../app-bot-settings.js';
import { defineOperation, type FidelityNote } from '../../define-operation.js';
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

/** A webhook settings call: its body is the request above, its answer the app object. */
function webhookSetting<const Id extends string, const Path extends string>(spec: {
  readonly id: Id;
  readonly path: Path;
  readonly summary: string;
  readonly description: string;
  /** Where the example sends the webhook, under http://127.0.0.1:3738/. */
  readonly examplePath: string;
  /** The app's fields for this webhook, once set as in the example. */
  readonly appFields: Readonly<Record<string, unknown>>;
  readonly fidelity: readonly FidelityNote[];
}) {
  return defineOperation({
    id: spec.id,
    method: 'post',
    path: spec.path,
    summary: spec.summary,
    description: spec.description,
    tags: ['Webhook settings'],
    auth: { styles: ['authorization'] },
    request: {
      body: jsonAndFormBody(
        'JSON (form-encoded and multipart also taken).',
        WebhookSettingRequestSchema,
        {
          set: {
            summary: 'Send it to a local receiver',
            value: {
              webhook_url: `http://127.0.0.1:3738/${spec.examplePath}`,
              is_webhook_enabled: true,
            },
          },
        },
      ),
    },
    responses: {
      200: {
        description: 'The app, with the webhook set.',
        schema: AppResponseSchema,
        examples: {
          set: {
            summary: 'The webhook is set',
            value: { data: { app: { ...appExample, ...spec.appFields } } },
          },
        },
      },
    },
    errors: ['UNAUTHORIZED', ...bodyErrorCodes],
    fidelity: spec.fidelity,
  });
}

/** `POST /api/v1/app/webhook/mark_as_resolved`: set the Mark-as-Resolved webhook. */
export const setMarkAsResolvedWebhook = webhookSetting({
  id: 'setMarkAsResolvedWebhook',
  path: '/api/v1/app/webhook/mark_as_resolved',
  summary: 'Set the Mark-as-Resolved webhook',
  description:
    'Where the Mark-as-Resolved webhook goes, and whether it is sent. The mock sends webhooks only to URLs its configuration allows (loopback unless told otherwise).',
  examplePath: 'resolved',
  appFields: {
    mark_as_resolved_webhook_url: 'http://127.0.0.1:3738/resolved',
    is_mark_as_resolved_webhook_enabled: true,
  },
  fidelity: [
    {
      source: 'DOC',
      fact: 'Path, webhook_url and is_webhook_enabled, with an admin token in Authorization.',
    },
    { source: 'INFERRED', fact: 'The answer: the app object, as the bot settings calls answer.' },
  ],
});

/** `POST /api/v1/app/webhook/agent_allocation`: set the Custom Agent Allocation webhook. */
export const setAgentAllocationWebhook = webhookSetting({
  id: 'setAgentAllocationWebhook',
  path: '/api/v1/app/webhook/agent_allocation',
  summary: 'Set the Custom Agent Allocation webhook',
  description:
    'Where the Custom Agent Allocation webhook goes, and whether Custom Agent Allocation is on. Qiscus’s dashboard has a toggle for it; one public caller sets it with this call. Loopback URLs only, unless the mock allows remote webhooks.',
  examplePath: 'allocate',
  appFields: {
    allocate_agent_webhook_url: 'http://127.0.0.1:3738/allocate',
    is_allocate_agent_webhook_enabled: true,
  },
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
