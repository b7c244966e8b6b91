import type { LegacyBotMessageWebhook, RoomMessage } from '#contracts';
import type { RoomState } from '../conversation/room-state.js';
import { defaultAvatar } from './build-bot-message-webhook.js';

/**
 * The bot webhook for a customer's message in the older shape Qiscus documented: numeric ids,
 * `room.options` an object, no message id, no `app_code` or `channel`.
 */
export function buildLegacyBotMessageWebhook(
  room: RoomState,
  message: RoomMessage,
): LegacyBotMessageWebhook {
  const roomId = Number(room.id);
  return {
    type: 'post_comment_mobile',
    payload: {
      from: { id: room.customer.userId, email: room.customer.id, name: room.customer.name },
      room: {
        id: roomId,
        topic_id: roomId,
        type: 'group',
        name: room.customer.name,
        options: {
          is_resolved: room.resolved,
          source: room.channel.source,
          // The older sample writes it as a string.
          is_waiting: String(!room.resolved && room.agentId === null) as 'true' | 'false',
          channel_details: { channel_id: room.channel.id, name: room.channel.name },
        },
        participants: [
          {
            id: room.customer.userId,
            email: room.customer.id,
            username: room.customer.name,
            avatar_url: room.customer.avatar_url || defaultAvatar,
          },
        ],
      },
      message: { type: message.type, text: message.text, payload: message.payload ?? {} },
    },
  };
}
