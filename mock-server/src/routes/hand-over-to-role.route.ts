import type { FastifyInstance } from 'fastify';
import { handOverToRole } from '#contracts';
import { registerOperation } from '../http/register-operation.js';
import { operationDeps, type RouteDeps } from './route-deps.js';

/** `POST /{app_code}/bot/{room_id}/hand_over_to_role`. */
export function handOverToRoleRoute(app: FastifyInstance, deps: RouteDeps): void {
  registerOperation(app, handOverToRole, operationDeps(deps), ({ params, body }) => {
    const { agent } = deps.service.handOverToRole(
      params.room_id,
      body.role,
      body.find_online_agent ?? false,
    );
    return { data: { added_agent: agent } };
  });
}
