import { RoomIdSchema, TimestampSchema } from '../ids.js';
import { z } from '../zod.js';

/** Why a webhook was not sent at all. */
export const DeliverySkipReasonSchema = z
  .enum(['BOT_DISABLED', 'BOT_OFF_FOR_ROOM', 'NO_BOT_URL', 'NO_WEBHOOK_URL'])
  .openapi('DeliverySkipReason', {
    example: 'BOT_OFF_FOR_ROOM',
    description:
      'BOT_DISABLED: the bot is switched off for the whole app. BOT_OFF_FOR_ROOM: switched off for this room (by a handover or POST /bot/{room_id}/activate). NO_BOT_URL: no bot webhook URL is set. NO_WEBHOOK_URL: another webhook (redelivered) has no URL now, or is off.',
  });
export type DeliverySkipReason = z.infer<typeof DeliverySkipReasonSchema>;

const attemptExample = {
  number: 1,
  started_at: '2026-11-24T02:10:30Z',
  status_code: 200,
  latency_ms: 3.1,
  error: null,
  response_head: '{"ok":true}',
};

/** One try at POSTing a webhook to the bot. */
export const DeliveryAttemptSchema = z
  .strictObject({
    number: z.number().int().positive(),
    started_at: TimestampSchema,
    status_code: z.number().int().nullable().describe('null when no answer came.'),
    latency_ms: z.number().nonnegative(),
    error: z.string().nullable().describe('Why the attempt failed: refused, timeout, a non-2xx …'),
    response_head: z.string().describe('The first bytes of the bot’s answer.'),
  })
  .openapi('DeliveryAttempt', { example: attemptExample });
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

/** Where a delivery stands: still trying, delivered (2xx), failed for good, or not sent. */
export const DeliveryStatusSchema = z
  .enum(['pending', 'delivered', 'failed', 'skipped'])
  .openapi('DeliveryStatus', { example: 'delivered' });
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** A realistic delivery: delivered at the first attempt. */
export const deliveryExample = {
  id: 'dlv_1',
  webhook: 'botMessage',
  room_id: '187250792',
  comment_id: 2487134935,
  url: 'http://127.0.0.1:3738/',
  status: 'delivered',
  skip_reason: null,
  reason: 'The bot answered 200.',
  created_at: '2026-11-24T02:10:30Z',
  settled_at: '2026-11-24T02:10:30Z',
  attempts: [attemptExample],
  redelivery_of: null,
};

/** One webhook the mock sent (or decided not to send) to the bot, with every attempt. */
export const DeliverySchema = z
  .strictObject({
    id: z.string().regex(/^dlv_[0-9]+$/),
    webhook: z
      .string()
      .describe(
        'Which webhook: its id in the catalogue (botMessage, newSession, customAgentAllocation, markAsResolved).',
      ),
    room_id: RoomIdSchema,
    comment_id: z.number().int().nonnegative().describe('The customer message it carries.'),
    url: z.string().nullable().describe('Where it went; null when no URL was set.'),
    status: DeliveryStatusSchema,
    skip_reason: DeliverySkipReasonSchema.nullable(),
    reason: z.string().describe('The outcome in one sentence a person can act on.'),
    created_at: TimestampSchema,
    settled_at: TimestampSchema.nullable(),
    attempts: z.array(DeliveryAttemptSchema),
    next_retry_at: TimestampSchema.optional().describe(
      'While `reliable` mode waits to try again: when the next attempt goes out.',
    ),
    redelivery_of: z
      .string()
      .nullable()
      .describe('The delivery this one repeats, when made by redeliver.'),
  })
  .openapi('Delivery', { example: deliveryExample });
export type Delivery = z.infer<typeof DeliverySchema>;

/** `GET /_mock/deliveries`: the delivery log, oldest first. */
export const DeliveryListSchema = z
  .strictObject({ deliveries: z.array(DeliverySchema) })
  .openapi('DeliveryList', { example: { deliveries: [deliveryExample] } });
