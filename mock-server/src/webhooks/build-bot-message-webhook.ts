import type { BotMessageWebhook, RoomMessage } from '#contracts';
import type { RoomState } from '../conversation/room-state.js';
import { roomOptionsOf } from './room-options-of.js';

const defaultAvatar = 'https://latest-multichannel.qiscus.com/img/default_avatar.svg';

/**
 * The bot webhook for a customer's message, in the newer shape Qiscus documents: `type` at both
 * levels, string room ids, `room.options` a JSON string.
 */
export function buildBotMessageWebhook(
  app: { readonly appCode: string; readonly botEmail: string },
  room: RoomState,
  message: RoomMessage,
  previousMessageId: number,
  unixMs: number,
): BotMessageWebhook {
  const unixSeconds = Math.floor(unixMs / 1000);
  return {
    app_code: app.appCode as BotMessageWebhook['app_code'],
    channel: { id: room.channel.id, name: room.channel.name, source: room.channel.source },
    payload: {
      from: {
        avatar_url: room.customer.avatar_url,
        email: room.customer.id,
        id: room.customer.userId,
        id_str: String(room.customer.userId),
        name: room.customer.name,
      },
      message: {
        comment_before_id: previousMessageId,
        comment_before_id_str: String(previousMessageId),
        created_at: message.created_at,
        disable_link_preview: false,
        extras: null,
        id: message.id,
        id_str: String(message.id),
        payload: message.payload,
        text: message.text,
        timestamp: message.created_at,
        type: message.type,
        unique_temp_id: `${room.channel.source}_${message.id}`,
        // Qiscus's documented sample holds milliseconds in this field despite its name.
        unix_nano_timestamp: unixSeconds * 1000,
        unix_timestamp: unixSeconds,
      },
      room: {
        id: room.id,
        id_str: room.id,
        is_public_channel: false,
        name: room.customer.name,
        options: roomOptionsOf(room),
        participants: [{ email: room.customer.id }, { email: app.botEmail }],
        room_avatar: defaultAvatar,
        topic_id: room.id,
        topic_id_str: room.id,
        type: 'group',
      },
      type: 'post_comment_mobile',
    },
    type: 'post_comment_mobile',
  };
}

export { defaultAvatar };
