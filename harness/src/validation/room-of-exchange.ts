import type { Exchange } from '#contracts';

const roomInPath = /\/bot\/(\d+)\//;
const roomInText = /"room_id"\s*:\s*"?(\d+)/;

/**
 * The room an exchange is about. The mock notes it on most exchanges; a request it refused before
 * reading the room (a wrong auth header, a malformed body) has it only in its body or path.
 */
export function roomOfExchange(exchange: Exchange): string | null {
  if (exchange.room_id !== null) return exchange.room_id;
  const body = exchange.request.body;
  if (typeof body === 'object' && body !== null && 'room_id' in body) {
    const roomId = body.room_id;
    if (typeof roomId === 'string' || typeof roomId === 'number') return String(roomId);
  }
  // A body that is not JSON is kept as its text.
  if (typeof body === 'string') {
    const inText = roomInText.exec(body)?.[1];
    if (inText !== undefined) return inText;
  }
  return roomInPath.exec(exchange.path)?.[1] ?? null;
}
