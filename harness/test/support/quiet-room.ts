import { RoomIdSchema, type MockRoom } from '#contracts';

export const quietRoomId = RoomIdSchema.parse('187250792');

/** A WhatsApp room as the mock shows it: the bot has it, no handover, one message, no agent. */
export const quietRoom = {
  room_id: quietRoomId,
  channel: { id: 963, source: 'wa', name: 'Qiscus Mock WhatsApp' },
  customer: { id: '6281234567890', name: 'Budi', avatar_url: 'https://example.com/a.svg' },
  bot_active: true,
  handover: {
    status: 'none',
    requested_at: null,
    answered_at: null,
    find_online_agent: false,
    role: null,
  },
  agent: null,
  division: null,
  is_waiting: false,
  resolved: false,
  resolved_at: null,
  created_at: '2026-11-24T02:10:30Z',
  updated_at: '2026-11-24T02:10:30Z',
  message_count: 1,
  last_message: null,
  tags: [],
  user_properties: [],
} satisfies MockRoom;
