import type { FastifyInstance } from 'fastify';
import { getRoomScript, type RoomScript } from '#contracts';
import { registerControlOperation } from '../http/register-control-operation.js';
import { scriptsFromExchanges } from '../recording/scripts-from-exchanges.js';
import type { RouteDeps } from './route-deps.js';

/**
 * `GET /_mock/rooms/{room_id}/script`: the room's conversation as a script, made from the
 * traffic log by the same conversion `qiscus-mock script` applies to a recording.
 */
export function roomScriptRoute(app: FastifyInstance, deps: RouteDeps): void {
  registerControlOperation(app, getRoomScript, deps, ({ params }): RoomScript => {
    const roomId = params.room_id;
    const room = deps.service.view(deps.service.requireControlRoom(roomId));
    const { exchanges } = deps.traffic.page(0, {
      limit: Number.MAX_SAFE_INTEGER,
      maxBytes: Number.POSITIVE_INFINITY,
      filter: (record) => record.roomId === roomId,
    });
    const [script] = scriptsFromExchanges(
      exchanges.map((exchange) => ({ line: exchange.seq, exchange })),
      () => `Conversation in room ${roomId} with ${room.customer.name}, saved from the dashboard`,
    );
    // The room's first message is in the log when its answer says it made the room.
    const opening = exchanges.find((exchange) => exchange.operation_id === 'sendCustomerMessage');
    const opened = (opening?.response?.body as { room_created?: unknown } | null | undefined)
      ?.room_created;
    return {
      room_id: roomId,
      file_name: `room-${roomId}.yaml`,
      script:
        script?.yaml ??
        `name: Conversation in room ${roomId}\nchannel: ${room.channel.source}\nsteps: []\n`,
      complete: opened === true,
    };
  });
}
