import { RoomIdSchema, type MockEvent } from '#contracts';

/** The mock's event for a bot's text message "Hi" in a room, as a follower takes it. */
export function botMessageEvent(roomId: string): MockEvent {
  return {
    type: 'message',
    seq: 1,
    room_id: RoomIdSchema.parse(roomId),
    message: {
      id: 1,
      sender: 'bot',
      sender_id: 'qiscus-mock-app_admin@qismo.com',
      sender_name: 'Bot',
      type: 'text',
      text: 'Hi',
      payload: null,
      created_at: '2026-11-24T02:10:31Z',
      delivery_id: null,
    },
  };
}
