import type { FastifyInstance } from 'fastify';
import {
  getOfficeHours,
  listAgents,
  listAgentsByDivision,
  listAvailableAgents,
  listChannels,
  listDivisions,
  listOtherAgents,
  type Channel,
  type ChannelSource,
} from '#contracts';
import { registerOperation } from '../http/register-operation.js';
import { operationDeps, type RouteDeps } from './route-deps.js';

function channelsOf(channels: readonly Channel[], source: ChannelSource): Channel[] {
  return channels.filter((channel) => channel.source === source);
}

/** The admin API's lists: agents, divisions, channels and office hours. */
export function adminDirectoryRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const opDeps = operationDeps(deps);
  const { admin } = deps;
  registerOperation(app, listAgents, opDeps, ({ query }) => {
    const page = admin.page(admin.agents(query.search, query.scope), query.page, query.limit);
    return {
      data: { agents: [...page.items] },
      meta: { per_page: page.limit, total_count: page.total },
      status: 200 as const,
    };
  });
  registerOperation(app, listAgentsByDivision, opDeps, ({ query }) => {
    const ids = [query['division_ids[]']].flat();
    const online =
      query.is_available === undefined ? {} : { online: query.is_available === 'true' };
    const found = admin.agentsByDivision(ids, {
      ...online,
      ...(query.sort ? { sort: query.sort } : {}),
    });
    const page = admin.page(found, query.page, query.limit);
    return {
      data: [...page.items],
      meta: { limit: page.limit, page: page.page, total: page.total, total_page: page.totalPages },
    };
  });
  registerOperation(app, listDivisions, opDeps, ({ query }) => {
    const page = admin.page(admin.divisions(), query.page, query.limit);
    return {
      data: [...page.items],
      meta: { limit: page.limit, page: page.page, total: page.total, total_page: page.totalPages },
    };
  });
  const roomAgentList = (roomId: string, onlineOnly: boolean, limit: number | undefined) => {
    const page = admin.page(admin.roomAgents(roomId, onlineOnly), 1, limit);
    return {
      data: { agents: [...page.items] },
      meta: { after: null, before: null, per_page: page.limit, total_count: page.total },
      status: 200 as const,
    };
  };
  registerOperation(app, listOtherAgents, opDeps, ({ query }) =>
    roomAgentList(query.room_id, false, query.limit),
  );
  registerOperation(app, listAvailableAgents, opDeps, ({ query }) =>
    roomAgentList(query.room_id, true, query.limit),
  );
  registerOperation(app, listChannels, opDeps, () => {
    const { channels } = deps.directory;
    return {
      data: {
        custom_channels: channelsOf(channels, 'custom'),
        fb_channels: channelsOf(channels, 'fb'),
        ig_channels: channelsOf(channels, 'ig'),
        line_channels: channelsOf(channels, 'line'),
        qiscus_channels: channelsOf(channels, 'qiscus'),
        telegram_channels: channelsOf(channels, 'telegram'),
        wa_channels: channelsOf(channels, 'wa'),
      },
    };
  });
  registerOperation(app, getOfficeHours, opDeps, () => ({ data: deps.officeHours() }));
}
