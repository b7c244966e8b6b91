import type { FastifyInstance } from 'fastify';
import { activateRoomBot, type RoomLog } from '#contracts';
import { formatTimestamp } from '../clock.js';
import type { RoomState } from '../conversation/room-state.js';
import { registerOperation } from '../http/register-operation.js';
import { operationDeps, type RouteDeps } from './route-deps.js';

/** The room as Qiscus's agent service stores it (`room_log`). */
export function toRoomLog(room: RoomState, firstCommentId: number | undefined): RoomLog {
  return {
    id: Number(room.id),
    app_id: 1,
    user_id: room.customer.id,
    room_id: room.id,
    source: room.channel.source,
    channel_id: room.channel.id,
    name: room.customer.name,
    user_avatar_url: room.customer.avatar_url,
    room_badge: `https://latest-multichannel.qiscus.com/img/${room.channel.source}_icon_100.png`,
    is_handled_by_bot: room.botActive,
    is_waiting: room.isWaiting,
    resolved: room.resolved,
    resolved_ts: room.resolvedAt === null ? null : formatTimestamp(room.resolvedAt),
    has_no_message: firstCommentId === undefined,
    start_service_comment_id: firstCommentId === undefined ? '' : String(firstCommentId),
    extras: '{}',
    check_wa_contact: false,
    origin: room.channel.source,
    sub_source: null,
    type: null,
    customer_id: null,
    created_at: formatTimestamp(room.createdAt),
    updated_at: formatTimestamp(room.updatedAt),
    deleted_at: null,
  };
}

/** `POST /bot/{room_id}/activate`. */
export function activateRoomBotRoute(app: FastifyInstance, deps: RouteDeps): void {
  registerOperation(app, activateRoomBot, operationDeps(deps), ({ params, body }) => {
    const room = deps.service.setRoomBot(params.room_id, body.is_active);
    return { data: toRoomLog(room, deps.service.firstMessageId(room.id)) };
  });
}
