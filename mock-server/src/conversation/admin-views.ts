import type { Agent, Channel, RoomMessage, Service, UserProperty, z } from '#contracts';
import type { CustomerRoomSchema, RoomAgentSchema } from '#contracts';
import { formatTimestamp } from '../clock.js';
import type { RoomSession } from '../state/room-annotations.js';
import type { RoomState } from './room-state.js';

/** The room's current session as Qiscus's "service" record. */
export function toService(
  room: RoomState,
  session: RoomSession | undefined,
  lastMessage: RoomMessage | undefined,
): Service {
  const firstCommentId = session?.firstCommentId ?? lastMessage?.id ?? 0;
  return {
    id: session?.serviceId ?? 0,
    app_id: 1,
    room_id: room.id,
    room_log_id: Number(room.id),
    user_id: room.customer.userId,
    notes: session?.notes ?? null,
    is_resolved: room.resolved,
    resolved_at: room.resolvedAt === null ? null : formatTimestamp(room.resolvedAt),
    first_comment_id: String(firstCommentId),
    last_comment_id: String(lastMessage?.id ?? firstCommentId),
    retrieved_at: room.agentId === null ? null : formatTimestamp(room.updatedAt),
    created_at: formatTimestamp(room.createdAt),
    updated_at: formatTimestamp(room.updatedAt),
  };
}

/** The room as `GET /api/v2/customer_rooms/{room_id}` shows it. */
export function toCustomerRoom(
  room: RoomState,
  messages: readonly RoomMessage[],
): z.infer<typeof CustomerRoomSchema> {
  const last = messages.at(-1);
  const lastCustomer = messages.findLast((message) => message.sender === 'customer');
  return {
    channel_id: room.channel.id,
    contact_id: room.customer.userId,
    id: Number(room.id),
    is_handled_by_bot: room.botActive,
    is_resolved: room.resolved,
    is_waiting: room.isWaiting,
    last_comment_sender: last?.sender_id ?? null,
    last_comment_sender_type: last?.sender ?? null,
    last_comment_text: last?.text ?? null,
    last_comment_timestamp: last?.created_at ?? null,
    last_customer_comment_text: lastCustomer?.text ?? null,
    last_customer_timestamp: lastCustomer?.created_at ?? null,
    name: room.customer.name,
    room_badge: null,
    room_id: room.id,
    room_type: 'group',
    source: room.channel.source,
    user_avatar_url: room.customer.avatar_url,
    user_id: room.customer.id,
  };
}

/** What both `user_info` calls answer. */
export function toUserInfo(room: RoomState, properties: readonly UserProperty[]) {
  return {
    data: {
      extras: { user_properties: [...properties] },
      first_initiated: formatTimestamp(room.createdAt),
      first_agent_response_time: null,
      user_id: room.customer.id,
      channel_id: room.channel.id,
      is_blocked: false,
      channel_name: room.channel.name,
      channel: room.channel,
      room_id: room.id,
    },
  };
}

/** An agent with their load, as the room's agent lists show them. */
export function toRoomAgent(
  agent: Agent,
  openRooms: number,
  channels: readonly Channel[],
): z.infer<typeof RoomAgentSchema> {
  return {
    ...agent,
    current_customer_count: openRooms,
    user_channels: channels.map((channel) => ({ id: channel.id, name: channel.name })),
  };
}
