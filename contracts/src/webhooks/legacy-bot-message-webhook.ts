import { ChannelSourceSchema } from '../channels.js';
import { CommentTypeSchema } from '../message-type.js';
import { z } from '../zod.js';

/**
 * The bot webhook in the older shape Qiscus documented (and some clients still parse): numeric
 * ids, and `room.options` as an object. The mock sends the newer shape; this one is here so
 * recordings and bots written against it can be checked.
 */
export const LegacyBotMessageWebhookSchema = z
  .strictObject({
    type: z.enum(['post_comment_mobile', 'post_comment_rest']),
    payload: z.strictObject({
      from: z.strictObject({ id: z.number().int(), email: z.string(), name: z.string() }),
      room: z.strictObject({
        id: z.number().int(),
        topic_id: z.number().int(),
        type: z.enum(['group', 'single']),
        name: z.string(),
        options: z.strictObject({
          is_resolved: z.boolean(),
          source: ChannelSourceSchema,
          is_waiting: z.union([z.boolean(), z.enum(['true', 'false'])]),
          channel_details: z.strictObject({ channel_id: z.number().int(), name: z.string() }),
        }),
        participants: z.array(
          z.strictObject({
            id: z.number().int(),
            email: z.string(),
            username: z.string(),
            avatar_url: z.string(),
          }),
        ),
      }),
      message: z.strictObject({
        type: CommentTypeSchema,
        text: z.string(),
        payload: z.record(z.string(), z.unknown()),
      }),
    }),
  })
  .openapi('LegacyBotMessageWebhook', {
    example: {
      type: 'post_comment_mobile',
      payload: {
        from: { id: 1, email: '6281234567890', name: 'Budi Santoso' },
        room: {
          id: 187250792,
          topic_id: 187250792,
          type: 'group',
          name: 'Budi Santoso',
          options: {
            is_resolved: false,
            source: 'wa',
            is_waiting: 'false',
            channel_details: { channel_id: 963, name: 'Qiscus Mock WhatsApp' },
          },
          participants: [
            {
              id: 1,
              email: '6281234567890',
              username: 'Budi Santoso',
              avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
            },
          ],
        },
        message: { type: 'text', text: 'Hi, I need help with my invoice', payload: {} },
      },
    },
  });
export type LegacyBotMessageWebhook = z.infer<typeof LegacyBotMessageWebhookSchema>;
