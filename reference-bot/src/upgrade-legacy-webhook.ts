import {
  BotMessageWebhookSchema,
  decodeRoomOptions,
  encodeRoomOptions,
  type BotMessageWebhook,
  type LegacyBotMessageWebhook,
} from '#contracts';

/**
 * A webhook in the older shape Qiscus documented, read as the newer one the bot handles: the
 * room id as a string, `room.options` as the JSON string the newer shape carries (decoded for the
 * channel, which the older shape has nowhere else). What
 * the older shape does not carry is left neutral: message id 0 (so it cannot be told from a
 * repeat; the caller does not de-duplicate it) and the epoch as its time (the bot uses neither).
 */
export function upgradeLegacyWebhook(
  legacy: LegacyBotMessageWebhook,
  appCode: string,
): BotMessageWebhook {
  const { from, room, message } = legacy.payload;
  const roomId = String(room.id);
  // A JSON string in real traffic, as in the newer shape; an object in the documented sample.
  const options =
    typeof room.options === 'string'
      ? decodeRoomOptions(room.options)
      : {
          channel: room.options.source,
          channel_details: room.options.channel_details,
          is_resolved: room.options.is_resolved,
          is_waiting: room.options.is_waiting === true || room.options.is_waiting === 'true',
          source: room.options.source,
        };
  const at = '1970-01-01T00:00:00Z';
  return BotMessageWebhookSchema.parse({
    app_code: appCode,
    channel: {
      id: options.channel_details.channel_id,
      name: options.channel_details.name,
      source: options.source,
    },
    payload: {
      from: {
        avatar_url: room.participants.find((p) => p.email === from.email)?.avatar_url ?? '',
        email: from.email,
        id: from.id,
        id_str: String(from.id),
        name: from.name,
      },
      message: {
        comment_before_id: 0,
        comment_before_id_str: '0',
        created_at: at,
        disable_link_preview: false,
        extras: null,
        id: 0,
        id_str: '0',
        payload: Object.keys(message.payload).length === 0 ? null : message.payload,
        text: message.text,
        timestamp: at,
        type: message.type,
        unique_temp_id: '',
        unix_nano_timestamp: 0,
        unix_timestamp: 0,
      },
      room: {
        id: roomId,
        id_str: roomId,
        is_public_channel: false,
        name: room.name,
        options: encodeRoomOptions(options),
        participants: room.participants.map((p) => ({ email: p.email })),
        room_avatar: '',
        topic_id: String(room.topic_id),
        topic_id_str: String(room.topic_id),
        type: room.type,
      },
      type: legacy.type,
    },
    type: legacy.type,
  });
}
