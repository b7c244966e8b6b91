import type { RoomFollower } from '../room-follower.js';

/**
 * What the bot did while a step waited for it, in one line: whether the webhook went out and how
 * it went, whether the bot is off for the room, what the bot called instead of writing.
 */
export function explainQuietBot(follower: RoomFollower): string {
  const { room, latestDelivery } = follower;
  const notes: string[] = [];
  if (room && !room.bot_active) {
    notes.push(
      room.handover.status === 'none'
        ? `the bot is off for room ${room.room_id}`
        : `the bot is off for room ${room.room_id} since its handover (${room.handover.status}${room.handover.role ? ` to ${room.handover.role}` : ''})`,
    );
  }
  if (latestDelivery) {
    switch (latestDelivery.status) {
      case 'skipped': {
        const off = notes.pop();
        notes.push(
          off === undefined
            ? `the webhook was not sent: ${latestDelivery.reason}`
            : `${off}, so the webhook was not sent`,
        );
        break;
      }
      case 'failed':
        notes.push(`the webhook delivery failed: ${latestDelivery.reason}`);
        break;
      case 'pending':
        notes.push('the webhook is still waiting for the bot to answer it');
        break;
      case 'delivered':
        notes.push(
          `the bot took the webhook (it answered ${String(latestDelivery.attempts.at(-1)?.status_code ?? '2xx')})`,
        );
        break;
    }
  }
  const calls = follower
    .traffic()
    .filter((exchange) => exchange.direction === 'from_bot')
    .map(
      (exchange) =>
        `${exchange.operation_id ?? `${exchange.method} ${exchange.path}`} → ${String(exchange.status)}`,
    );
  notes.push(
    calls.length > 0
      ? `this turn it called ${calls.join(', ')}`
      : 'it has called nothing this turn',
  );
  return notes.join('; ');
}
