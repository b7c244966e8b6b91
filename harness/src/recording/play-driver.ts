import { request } from 'undici';
import { controlOperations, type Exchange } from '#contracts';
import type { MockServer } from '#mock-server';

const controlById = new Map<string, (typeof controlOperations)[number]>(
  controlOperations.map((operation) => [operation.id, operation]),
);

/** Recorded room ids and the rooms they became in the replay. */
export type RoomMap = Map<string, string>;

function mapRooms(value: unknown, rooms: RoomMap): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const body = { ...(value as Record<string, unknown>) };
  if (typeof body.room_id === 'string') body.room_id = rooms.get(body.room_id) ?? body.room_id;
  return body;
}

/**
 * Plays one recorded control call (the customer writes, an agent answers, the switches change)
 * into the replay's mock over HTTP, with the recorded room ids mapped to the replay's; a customer's
 * message waits for its webhook to settle. Returns the status, and learns the room a first
 * message opened.
 */
export async function playDriver(
  mock: MockServer,
  exchange: Exchange,
  rooms: RoomMap,
): Promise<number> {
  const operation = controlById.get(exchange.operation_id ?? '');
  if (!operation) throw new Error(`no control operation ${String(exchange.operation_id)}`);
  const recordedRoom = exchange.room_id;
  const room = recordedRoom === null ? undefined : (rooms.get(recordedRoom) ?? recordedRoom);
  const path = operation.path.replace('{room_id}', encodeURIComponent(room ?? ''));
  const query = operation.id === 'sendCustomerMessage' ? '?wait=true' : '';
  let body = exchange.request.body;
  if (operation.id === 'patchConfig' && typeof body === 'object' && body !== null) {
    // The bot URL of the recording is not the bot under test's: the replay keeps its own.
    const { bot_url: _recorded, ...rest } = body as Record<string, unknown>;
    if (Object.keys(rest).length === 0) return 200;
    body = rest;
  }
  const answer = await request(`${mock.url}${path}${query}`, {
    method: operation.method.toUpperCase() as 'POST',
    ...(body === null || body === undefined
      ? {}
      : {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(mapRooms(body, rooms)),
        }),
  });
  const result = (await answer.body.json().catch(() => null)) as { room_id?: unknown } | null;
  if (
    operation.id === 'sendCustomerMessage' &&
    recordedRoom !== null &&
    typeof result?.room_id === 'string'
  ) {
    rooms.set(recordedRoom, result.room_id);
  }
  return answer.statusCode;
}
