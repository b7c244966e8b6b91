import type { LegacyBotMessageWebhook, RoomMessage } from '#contracts';
import type { RoomState } from '../conversation/room-state.js';
import { defaultAvatar } from './build-bot-message-webhook.js';
import { roomOptionsOf } from './room-options-of.js';

/**
 * The bot webhook for a customer's message in the older shape Qiscus documented: numeric ids,
 * no message id, no `app_code` or `channel`: `room.options`, a JSON string, is the only place of the
 * channel.
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
        // A JSON string, as in real traffic (the documented sample shows an object).
        options: roomOptionsOf(room),
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
