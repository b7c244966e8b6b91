import type { FastifyInstance } from 'fastify';
import {
  assignAgent,
  createRoomTag,
  getCustomerRoom,
  getRoomTags,
  getUserInfo,
  markAsResolved,
  setUserInfo,
} from '#contracts';
import { registerOperation } from '../http/register-operation.js';
import { operationDeps, type RouteDeps } from './route-deps.js';

/** The admin API on rooms: assign, resolve, tags, the customer's info and the room record. */
export function adminRoomRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const opDeps = operationDeps(deps);
  const { admin } = deps;
  registerOperation(app, assignAgent, opDeps, ({ body }) => {
    const { agent, service } = admin.assignAgent(body.room_id, body.agent_id);
    return { data: { added_agent: agent, service } };
  });
  registerOperation(app, markAsResolved, opDeps, ({ body }) => {
    const { room, service } = admin.resolve(body.room_id, body.notes ?? null);
    return { data: { service, room_info: admin.roomInfo(room) } };
  });
  registerOperation(app, getUserInfo, opDeps, ({ params }) => admin.userInfo(params.room_id));
  registerOperation(app, setUserInfo, opDeps, ({ params, body }) =>
    admin.setUserInfo(params.room_id, body.user_properties),
  );
  registerOperation(app, getCustomerRoom, opDeps, ({ params }) => ({
    data: { customer_room: admin.customerRoom(params.room_id) },
    status: 200 as const,
  }));
  registerOperation(app, getRoomTags, opDeps, ({ params }) => ({
    data: [...admin.tags(params.room_id)],
  }));
  registerOperation(app, createRoomTag, opDeps, ({ body }) => ({
    data: admin.addTag(body.room_id, body.tag),
  }));
}
