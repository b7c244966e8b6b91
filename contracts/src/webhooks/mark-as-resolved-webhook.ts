import { ChannelSourceSchema } from '../channels.js';
import { defineWebhook } from '../define-operation.js';
import { NumericIdSchema, RoomIdSchema } from '../ids.js';
import { UserPropertySchema } from '../operations/admin/user-info.js';
import { z } from '../zod.js';

const resolvedExample = {
  customer: {
    additional_info: [{ key: 'Order ID', value: 'INV-2026-0042' }],
    avatar: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
    name: 'Budi Santoso',
    user_id: '6281234567890',
  },
  resolved_by: {
    email: 'admin@example.com',
    id: 1,
    is_available: true,
    name: 'Qiscus Mock Admin',
    type: 'admin',
  },
  service: {
    first_comment_id: '2487134935',
    id: 115830865,
    is_resolved: true,
    last_comment_id: '2488202680',
    notes: 'Invoice re-sent.',
    room_id: '187250792',
    source: 'wa',
  },
};

/**
 * The Mark-as-Resolved webhook: who was served, who resolved the room, and the session closed.
 * The shape of three independent captures of the real webhook.
 */
export const MarkAsResolvedWebhookSchema = z
  .strictObject({
    customer: z.strictObject({
      additional_info: z
        .array(UserPropertySchema)
        .describe('The customer’s additional info (user_info) at the time.'),
      avatar: z.string(),
      name: z.string(),
      user_id: z.string().min(1).describe('The customer’s id: a phone number, an e-mail …'),
    }),
    resolved_by: z.strictObject({
      email: z.string(),
      id: NumericIdSchema,
      is_available: z.boolean(),
      name: z.string(),
      type: z
        .enum(['admin', 'supervisor', 'agent'])
        .describe('`admin` in the captures; `agent` and `supervisor` inferred.'),
    }),
    service: z.strictObject({
      first_comment_id: z.string().describe('A string, as most callers type it.'),
      id: NumericIdSchema,
      is_resolved: z.literal(true),
      last_comment_id: z.string().describe('A string, as most callers type it (one reads an int).'),
      notes: z.string().nullable(),
      room_id: RoomIdSchema,
      source: ChannelSourceSchema,
    }),
  })
  .openapi('MarkAsResolvedWebhook', { example: resolvedExample });
export type MarkAsResolvedWebhook = z.infer<typeof MarkAsResolvedWebhookSchema>;

/** The Mark-as-Resolved webhook: Qiscus POSTs it when a room is resolved. */
export const markAsResolvedWebhook = defineWebhook({
  id: 'markAsResolved',
  summary: 'A room was resolved',
  description:
    'POSTed to the URL set with POST /api/v1/app/webhook/mark_as_resolved (or the mock’s config) when a room is resolved: by the bot’s POST /api/v1/admin/service/mark_as_resolved, or by Resolve in the inbox (the dashboard, POST /_mock/rooms/{room_id}/resolve). Not sent while no URL is set or the webhook is switched off.',
  tags: ['Webhooks'],
  body: MarkAsResolvedWebhookSchema,
  examples: { resolved: { summary: 'The admin resolved a WhatsApp room', value: resolvedExample } },
  reply: { description: 'Any 2xx acknowledges the webhook; Qiscus ignores the body.' },
  fidelity: [
    {
      source: 'CODE',
      fact: 'customer, resolved_by and service, field by field, from three independent captures of the real webhook; comment ids as strings, as most callers read them.',
    },
    { source: 'DOC', fact: 'Sent when an admin, supervisor or agent resolves a room.' },
    {
      source: 'INFERRED',
      fact: 'resolved_by.type `agent` or `supervisor` (only `admin` is captured); additional_info as the user_info key/value list; the bot’s resolve made by the admin.',
    },
  ],
});
