import { ChannelSourceSchema } from '../channels.js';
import { NumericIdSchema, RoomIdSchema } from '../ids.js';
import { maxMessageLength } from '../messages/bot-message.js';
import { LocationPayloadSchema } from '../messages/message-payloads.js';
import { WebUrlSchema } from '../web-url.js';
import { WebhookVariantSchema } from '../webhooks/webhook-variant.js';
import { z } from '../zod.js';
import { DeliverySchema, deliveryExample } from './delivery.js';

/** Who the customer is: their user id on the channel (a phone number on WhatsApp) and name. */
export const CustomerRefSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(191)
      .optional()
      .describe('Their user id on the channel; made up (from the seed) when left out.'),
    name: z.string().min(1).max(191).optional(),
  })
  .openapi('CustomerRef', { example: { id: '6281234567890', name: 'Budi Santoso' } });

const FileFromCustomerSchema = z.strictObject({
  url: WebUrlSchema,
  caption: z.string().max(maxMessageLength).optional(),
});

/** A location a customer shares: a phone sends the point, and a name or map link only sometimes. */
const LocationFromCustomerSchema = LocationPayloadSchema.partial({
  name: true,
  address: true,
  map_url: true,
});

const customerMessageExample = { channel: 'wa', customer: { name: 'Budi Santoso' }, text: 'Hi' };

/**
 * A customer writes (`POST /_mock/messages`): text, a file, a location, or the press of a button
 * the bot sent (`postback`). The room is made on first contact and reused after.
 */
export const CustomerMessageRequestSchema = z
  .strictObject({
    channel: ChannelSourceSchema.optional().describe(
      'The channel kind the customer writes through; needed unless room_id is given.',
    ),
    channel_id: NumericIdSchema.optional().describe(
      'Which channel of that kind, when the app has several.',
    ),
    room_id: RoomIdSchema.optional().describe('Write into this existing room.'),
    customer: CustomerRefSchema.optional(),
    type: z.enum(['text', 'file_attachment', 'location']).optional().describe('text by default.'),
    text: z.string().max(maxMessageLength).optional(),
    payload: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('`{ url, caption? }` for file_attachment; a location for location.'),
    postback: z
      .string()
      .min(1)
      .optional()
      .describe('Press the button with this label in the bot’s latest message that has it.'),
    postback_index: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'Press the n-th postback button (1: the first) of the bot’s latest message that has any, whatever its label.',
      ),
    webhook_variant: WebhookVariantSchema.optional().describe(
      'The body the bot gets for this message: documented (the default), unknown_fields or legacy.',
    ),
  })
  .superRefine((message, ctx) => {
    if (message.channel === undefined && message.room_id === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['channel'],
        message:
          'is required unless room_id is given: one of qiscus, wa, ig, telegram, line, fb, custom',
      });
    }
    if (message.postback !== undefined && message.postback_index !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['postback_index'],
        message: 'cannot go with postback: press a button by its label or by its place, not both',
      });
    }
    if (message.postback !== undefined || message.postback_index !== undefined) {
      const pressed = message.postback === undefined ? 'postback_index' : 'postback';
      for (const field of ['type', 'text', 'payload'] as const) {
        if (message[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `cannot go with ${pressed}: a press sends the button’s own text`,
          });
        }
      }
      return;
    }
    const type = message.type ?? 'text';
    if (type === 'text' && (message.text === undefined || message.text === '')) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required for a text message' });
    }
    if (type === 'text' && message.payload !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['payload'], message: 'is not used by a text message' });
    }
    const payloadSchema =
      type === 'file_attachment'
        ? FileFromCustomerSchema
        : type === 'location'
          ? LocationFromCustomerSchema
          : undefined;
    if (payloadSchema) {
      const result = payloadSchema.safeParse(message.payload);
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({
            code: 'custom',
            path: ['payload', ...issue.path],
            message: issue.message,
          });
        }
      }
    }
  })
  .openapi('CustomerMessageRequest', { example: customerMessageExample });
export type CustomerMessageRequest = z.infer<typeof CustomerMessageRequestSchema>;

/** What `POST /_mock/messages` answers: the room, the message, and what became of the webhook. */
export const CustomerMessageResultSchema = z
  .strictObject({
    room_id: RoomIdSchema,
    room_created: z.boolean(),
    comment_id: z.number().int().nonnegative(),
    new_session: z
      .boolean()
      .describe('The message opened a new session (first contact, or after resolve).'),
    delivery: DeliverySchema.describe(
      'Settled when ?wait=true was asked; maybe pending otherwise.',
    ),
  })
  .openapi('CustomerMessageResult', {
    example: {
      room_id: '187250792',
      room_created: true,
      comment_id: 2487134935,
      new_session: true,
      delivery: deliveryExample,
    },
  });
export type CustomerMessageResult = z.infer<typeof CustomerMessageResultSchema>;
