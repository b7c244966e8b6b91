import type { FastifyInstance } from 'fastify';
import {
  acceptHandover,
  declineHandover,
  getConfig,
  getRoom,
  getTraffic,
  listDeliveries,
  listRooms,
  patchConfig,
  redeliver,
  resetMock,
  resolveRoom,
  sendAgentMessage,
  sendCustomerMessage,
  setRoomBot,
  type MockSettings,
  type RecordingStatus,
} from '#contracts';
import { deliveryNotFound } from '../errors.js';
import { JsonText } from '../json/json-text.js';
import { registerControlOperation } from '../http/register-control-operation.js';
import { applySettingsPatch } from '../settings/apply-settings-patch.js';
import type { RouteDeps } from './route-deps.js';

/** About how many bytes of kept bodies one page of `GET /_mock/traffic` holds: small enough to be
 * built and sent in a few milliseconds even while hostile 1 MB bodies arrive (bench:hostile). */
const trafficPageBytes = 256 * 1024;

/** The switches and directory as `GET /_mock/config` shows them; no secrets. */
export function toSettings(deps: RouteDeps): MockSettings {
  const { switches, directory } = deps;
  return {
    app_code: deps.appCode as MockSettings['app_code'],
    bot_email: deps.botEmail,
    bot_url: switches.botUrl,
    bot_enabled: switches.botEnabled,
    auto_agent_allocation: switches.autoAgentAllocation,
    delivery: switches.delivery,
    allow_remote_webhook: deps.allowRemoteWebhook,
    channel_rules: switches.channelRules,
    webhooks: {
      new_session: { ...switches.webhooks.new_session },
      agent_allocation: { ...switches.webhooks.agent_allocation },
      mark_as_resolved: { ...switches.webhooks.mark_as_resolved },
    },
    channels: [...directory.channels],
    divisions: [...directory.divisions],
    agents: [...directory.agents],
    faults: deps.faults?.list() ?? [],
    budgets: deps.budgets,
    ...recordingOf(deps),
  };
}

function recordingOf(deps: RouteDeps): { recording?: RecordingStatus } {
  const recording = deps.recording?.();
  return recording ? { recording } : {};
}

/** The mock's own API under `/_mock`. */
export function controlRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { service, dispatcher } = deps;

  registerControlOperation(app, sendCustomerMessage, deps, ({ query, body, request }) => {
    const outcome = service.customerSays(body);
    if (request.exchangeNotes) request.exchangeNotes.roomId = outcome.result.room_id;
    // Answered at once unless asked to wait: a promise would hold the answer back a turn.
    if (query.wait !== 'true') return outcome.result;
    return outcome.settled().then((delivery) => ({ ...outcome.result, delivery }));
  });

  registerControlOperation(app, listRooms, deps, () => ({ rooms: service.listRooms() }));

  registerControlOperation(app, getRoom, deps, ({ params }) =>
    service.detail(service.requireControlRoom(params.room_id)),
  );

  registerControlOperation(app, sendAgentMessage, deps, ({ params, body }) =>
    service.detail(service.agentSays(params.room_id, body.text, body.agent_id)),
  );

  registerControlOperation(app, acceptHandover, deps, ({ params, body }) =>
    service.detail(service.acceptHandover(params.room_id, body?.agent_id)),
  );

  registerControlOperation(app, declineHandover, deps, ({ params }) =>
    service.detail(service.declineHandover(params.room_id)),
  );

  registerControlOperation(app, resolveRoom, deps, ({ params }) =>
    service.detail(service.resolve(params.room_id)),
  );

  registerControlOperation(app, setRoomBot, deps, ({ params, body }) => {
    service.requireControlRoom(params.room_id);
    return service.detail(service.setRoomBot(params.room_id, body.is_active));
  });

  registerControlOperation(app, listDeliveries, deps, ({ query }) => ({
    deliveries: dispatcher
      .list()
      .filter(
        (delivery) =>
          (query.room_id === undefined || delivery.room_id === query.room_id) &&
          (query.status === undefined || delivery.status === query.status),
      ),
  }));

  registerControlOperation(app, redeliver, deps, async ({ params, query, request }) => {
    const delivery = dispatcher.redeliver(params.delivery_id);
    if (!delivery) throw deliveryNotFound(params.delivery_id);
    if (request.exchangeNotes) request.exchangeNotes.roomId = delivery.room_id;
    return query.wait === 'true' ? dispatcher.settled(delivery.id) : delivery;
  });

  registerControlOperation(app, getTraffic, deps, ({ query }) => {
    // Written from the kept text, as a recording's lines are: no body parsed and written again.
    const page = deps.traffic.pageJson(query.after === undefined ? 0 : Number(query.after), {
      limit: query.page_size === undefined ? Number.MAX_SAFE_INTEGER : Number(query.page_size),
      maxBytes: trafficPageBytes,
      filter: (record) =>
        (query.direction === undefined || record.direction === query.direction) &&
        (query.room_id === undefined || record.roomId === query.room_id),
    });
    return new JsonText(page);
  });

  registerControlOperation(app, getConfig, deps, () => toSettings(deps));

  registerControlOperation(app, patchConfig, deps, ({ body }) => {
    applySettingsPatch(deps.switches, body, deps.allowRemoteWebhook, deps.faults);
    const settings = toSettings(deps);
    deps.events.emit(() => ({ type: 'settings', settings }));
    return settings;
  });

  registerControlOperation(app, resetMock, deps, () => {
    deps.reset();
    return { reset: true as const };
  });
}
