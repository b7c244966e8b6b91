import type { DeliverySkipReason } from '#contracts';
import type { RoomState } from './room-state.js';

/** Why a customer's message must not reach the bot, with how to change that; none when it may. */
export function skipReasonFor(
  room: RoomState,
  botEnabled: boolean,
): { readonly reason: DeliverySkipReason; readonly message: string } | undefined {
  if (!botEnabled) {
    return {
      reason: 'BOT_DISABLED',
      message:
        'Not sent: the bot is switched off for the whole app (POST /api/v1/app/bot/activation is_active=true, or PATCH /_mock/config {"bot_enabled": true}).',
    };
  }
  if (!room.botActive) {
    return {
      reason: 'BOT_OFF_FOR_ROOM',
      message: `Not sent: the bot is off for room ${room.id}${room.handover.status === 'none' ? '' : ' since its handover'} (POST /bot/${room.id}/activate {"is_active": true} switches it back on).`,
    };
  }
  return undefined;
}
