import type { FastifyInstance } from 'fastify';
import { handOver } from '#contracts';
import { registerOperation } from '../http/register-operation.js';
import { operationDeps, type RouteDeps } from './route-deps.js';

/** `POST /{app_code}/bot/{room_id}/hand_over`. */
export function handOverRoute(app: FastifyInstance, deps: RouteDeps): void {
  registerOperation(app, handOver, operationDeps(deps), ({ params, body }) => {
    const room = deps.service.handOver(params.room_id, body?.find_online_agent ?? false);
    return {
      data: { room_id: room.id, is_handled_by_bot: false as const, is_waiting: room.isWaiting },
      status: 200,
    };
  });
}
