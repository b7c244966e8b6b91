import {
  type AppWebhookName,
  FaultRuleSchema,
  type MockSettings,
  type RoomId,
  MockSettingsPatchSchema,
} from '#contracts';
import {
  ConversationService,
  type Switches,
  type WebhookSetting,
} from './conversation/conversation-service.js';
import { webhookUrlOf } from './conversation/switches.js';
import { checkedInput, handleCalls } from './handle-calls.js';
import { mockError } from './errors.js';
import { buildApp, type ServedRoute } from './http/build-app.js';
import { CredentialCheck, secretOf } from './http/check-credentials.js';
import { AdminService } from './conversation/admin-service.js';
import { toOfficeHours } from './state/office-hours.js';
import { RoomAnnotations } from './state/room-annotations.js';
import { recordExchange } from './http/exchange-recorder.js';
import { ReplyBatch } from './http/reply-batch.js';
import { attachEventStream } from './http/event-stream.js';
import { createAdminCheck, createHostCheck, createHostGuard } from './http/host-guard.js';
import { MockEvents } from './events/mock-events.js';
import { FaultInjector } from './faults/fault-injector.js';
import {
  defaults,
  resolveOptions,
  type MockServerOptions,
  type ResolvedOptions,
} from './options.js';
import { openRecording } from './recording/open-recording.js';
import { UpstreamProxy, upstreamUrlProblem } from './proxy/upstream-proxy.js';
import { toSettings } from './routes/control.route.js';
import { applySettingsPatch } from './settings/apply-settings-patch.js';
import type { RouteDeps } from './routes/route-deps.js';
import { createSeededFaker, generateDirectory } from './state/directory.js';
import { RoomStore } from './state/room-store.js';
import { TrafficLog } from './traffic/traffic-log.js';
import { AppWebhooks, appWebhookNameOf } from './webhooks/app-webhooks.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { checkWebhookTarget } from './webhooks/webhook-target.js';

import type { MockServer } from './mock-server.js';

export type { MockServer };

/** The budgets as `GET /_mock/config` shows them; null where an option lifted the limit. */
function budgetsInForce(resolved: ResolvedOptions): MockSettings['budgets'] {
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    max_rooms: finite(resolved.maxRooms),
    rooms_budget: finite(resolved.roomsMaxBytes),
    traffic_budget: finite(resolved.trafficMaxBytes),
    deliveries_budget: finite(resolved.deliveryMaxBytes),
    stored_body_limit: finite(resolved.storedBodyMaxBytes),
    retry_for_ms: finite(resolved.retryForMs),
  };
}

/** One of the other webhooks as configured, its URL checked as the bot URL is. */
function checkedWebhook(resolved: ResolvedOptions, name: AppWebhookName): WebhookSetting {
  const { url, enabled } = resolved.webhooks[name];
  if (url === null) return { url, enabled: false };
  const target = checkWebhookTarget(url, resolved.allowRemoteWebhook);
  if (!target.ok) throw mockError('MOCK_ERR_CONFIG', `The ${name} webhook URL ${target.message}.`);
  return { url: target.url.href, enabled };
}

/** Starts a mock of the Qiscus Omnichannel bot API; listens on 127.0.0.1 and a free port by default. */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  // A proxy is the upstream's app unless told otherwise: the bot's paths and sender address
  // then hold the real app code, and only the secrets differ.
  const resolved = resolveOptions({
    ...options,
    ...(options.appCode === undefined && options.upstream?.appCode !== undefined
      ? { appCode: options.upstream.appCode }
      : {}),
  });
  const { clock, ids } = resolved;
  const upstreamProblem = options.upstream ? upstreamUrlProblem(options.upstream.url) : null;
  if (upstreamProblem !== null) throw mockError('MOCK_ERR_CONFIG', `${upstreamProblem}.`);
  if (resolved.botUrl !== null) {
    const target = checkWebhookTarget(resolved.botUrl, resolved.allowRemoteWebhook);
    if (!target.ok) throw mockError('MOCK_ERR_CONFIG', `The bot URL ${target.message}.`);
  }
  const faker = createSeededFaker(resolved.seed);
  const botEmail = `${resolved.appCode}_admin@qismo.com`;
  const directory = generateDirectory(resolved, ids, clock, faker);
  const switches: Switches = {
    botUrl: resolved.botUrl === null ? null : new URL(resolved.botUrl).href,
    botEnabled: resolved.botEnabled,
    autoAgentAllocation: resolved.autoAgentAllocation,
    delivery: resolved.delivery,
    channelRules: resolved.channelRules,
    webhooks: {
      new_session: checkedWebhook(resolved, 'new_session'),
      agent_allocation: checkedWebhook(resolved, 'agent_allocation'),
      mark_as_resolved: checkedWebhook(resolved, 'mark_as_resolved'),
    },
  };
  const traffic = new TrafficLog(
    resolved.trafficLimit,
    clock,
    [
      resolved.secretKey,
      resolved.adminToken,
      resolved.adminPassword,
      ...(options.upstream ? UpstreamProxy.secretsOf(options.upstream) : []),
    ],
    { maxBytes: resolved.trafficMaxBytes, maxBodyBytes: resolved.storedBodyMaxBytes },
  );
  // The traffic log builds each exchange for its listeners, so it is followed only while
  // someone follows the events.
  const events = new MockEvents([
    () =>
      traffic.subscribe((exchange) => {
        events.emit(() => ({ type: 'exchange', exchange }));
      }),
  ]);
  const store = new RoomStore(
    resolved.messagesPerRoom,
    (roomId, message) => {
      // Every bot message passes here; with nobody following, not even a closure is made.
      if (!events.active) return;
      events.emit(() => {
        if (message) return { type: 'message', room_id: roomId as RoomId, message };
        const room = store.get(roomId);
        if (!room) throw new Error(`room ${roomId} changed but is not in the store`);
        return { type: 'room', room: service.view(room) };
      });
    },
    { maxRooms: resolved.maxRooms, maxBytes: resolved.roomsMaxBytes },
    (roomIds, reason) => {
      events.emit(() => ({ type: 'rooms_dropped', room_ids: roomIds, reason }));
    },
  );
  const dispatcher = new WebhookDispatcher({
    clock,
    ids,
    traffic,
    settings: () => ({
      botUrl: switches.botUrl,
      mode: switches.delivery,
      allowRemoteWebhook: resolved.allowRemoteWebhook,
    }),
    random: () => faker.number.float({ min: 0, max: 1 }),
    timeoutMs: resolved.deliveryTimeoutMs,
    maxAttempts: resolved.maxAttempts,
    retryDelayMs: resolved.retryDelayMs,
    maxRetryDelayMs: resolved.maxRetryDelayMs,
    retryForMs: resolved.retryForMs,
    maxPending: resolved.maxPendingDeliveries,
    chaosMaxDelayMs: resolved.chaosMaxDelayMs,
    limit: resolved.deliveryLimit,
    maxBytes: resolved.deliveryMaxBytes,
    onChange: (delivery) => {
      events.emit(() => ({ type: 'delivery', delivery }));
    },
    webhookUrl: (webhook) => {
      const name = appWebhookNameOf(webhook);
      return name === undefined ? undefined : webhookUrlOf(switches, name);
    },
  });
  const annotations = new RoomAnnotations(ids, (roomId) => {
    const room = store.peek(roomId);
    if (room) store.save(room);
  });
  const appWebhooks = new AppWebhooks({
    appCode: resolved.appCode,
    switches,
    dispatcher,
    admin: {
      email: resolved.adminEmail,
      id: 1,
      is_available: true,
      name: defaults.adminName,
      type: 'admin',
    },
  });
  const service = new ConversationService({
    appCode: resolved.appCode,
    botEmail,
    switches,
    directory,
    store,
    dispatcher,
    clock,
    ids,
    faker,
    annotations,
    appWebhooks,
  });
  const admin = new AdminService({ conversation: service, store, annotations, directory, clock });
  const reset = () => {
    store.clear();
    annotations.clear();
    dispatcher.clear();
    traffic.clear();
    events.emit(() => ({ type: 'reset' }));
  };
  const log = options.log ?? (() => undefined);
  const recorder = openRecording(resolved, options, {
    traffic,
    botEmail,
    onStop: (status) => {
      log(
        `qiscus-mock: RECORDING STOPPED: ${status.file}: ${status.error ?? 'closed'}. The mock goes on answering, but records nothing more.`,
      );
      events.emit(() => ({ type: 'settings', settings: toSettings(deps) }));
    },
  });
  const upstream = options.upstream
    ? new UpstreamProxy(options.upstream, resolved, (message) => {
        log(`qiscus-mock proxy: ${message}`);
      })
    : undefined;
  const faults = new FaultInjector(() => faker.number.float({ min: 0, max: 1 }));
  if (resolved.faults.length > 0) faults.replace(resolved.faults);
  const deps: RouteDeps = {
    appCode: resolved.appCode,
    botEmail,
    startedAt: clock.now(),
    allowRemoteWebhook: resolved.allowRemoteWebhook,
    switches,
    credentials: new CredentialCheck(resolved),
    service,
    dispatcher,
    traffic,
    directory,
    clock,
    reset,
    guardHost: createHostGuard(resolved.host, resolved.allowedHosts, resolved.adminToken),
    events,
    recording: () => recorder?.status(),
    faults,
    budgets: budgetsInForce(resolved),
    record: (request, status, body, bodyIsText) => {
      recordExchange(traffic, request, status, body, bodyIsText);
    },
    replies: new ReplyBatch((error) => {
      log(`An answer could not be sent: ${error instanceof Error ? error.message : String(error)}`);
    }),
    admin,
    login: { email: secretOf(resolved.adminEmail), password: secretOf(resolved.adminPassword) },
    adminToken: resolved.adminToken,
    officeHours: () => toOfficeHours(resolved.officeHours, deps.startedAt),
    ...(upstream ? { upstream } : {}),
  };
  const listening: { url?: string } = {};
  const routes: ServedRoute[] = [];
  const app = await buildApp(deps, {
    bodyLimit: resolved.bodyLimit,
    requestTimeoutMs: resolved.requestTimeoutMs,
    log,
    serverUrl: () => listening.url,
    onRoute: (route) => routes.push(route),
    ...(recorder ? { beforeAnswer: recorder.flush } : {}),
    tls: options.tls,
  });
  const streams = attachEventStream(app.server, {
    events,
    checkHost: createHostCheck(resolved.host, resolved.allowedHosts),
    checkAdmin: createAdminCheck(resolved.host, resolved.adminToken),
    snapshot: () => ({ settings: toSettings(deps), rooms: service.listRooms() }),
  });
  try {
    await app.listen({ port: resolved.port, host: resolved.host });
  } catch (cause) {
    await dispatcher.close();
    await upstream?.close();
    recorder?.close();
    const reason =
      cause instanceof Error && 'code' in cause && cause.code === 'EADDRINUSE'
        ? `port ${resolved.port} is in use: pick another with --port, or 0 for any free one`
        : String(cause);
    throw mockError(
      'MOCK_ERR_LISTEN',
      `Cannot listen on ${resolved.host}:${resolved.port}: ${reason}.`,
      {
        cause,
      },
    );
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('the server has no TCP address after listening');
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const listenUrl = `${options.tls ? 'https' : 'http'}://${host}:${address.port}`;
  listening.url = listenUrl;

  return {
    url: listenUrl,
    appCode: resolved.appCode,
    secretKey: resolved.secretKey,
    adminToken: resolved.adminToken,
    botEmail,
    ...handleCalls({ service, dispatcher, traffic, recorder }),
    rooms: {
      list: () => service.listRooms(),
      get: (roomId) => {
        const room = store.get(roomId);
        return room ? service.detail(room) : undefined;
      },
    },
    traffic: { list: () => traffic.list() },
    faults: {
      inject: (rule) => faults.inject(checkedInput(FaultRuleSchema, rule, 'The fault')),
      list: () => faults.list(),
      clear: () => {
        faults.clear();
      },
    },
    events: { subscribe: (listener) => events.subscribe(listener) },
    settings: () => toSettings(deps),
    recording: () => recorder?.status(),
    configure(patch) {
      applySettingsPatch(
        switches,
        checkedInput(MockSettingsPatchSchema, patch, 'The settings patch'),
        resolved.allowRemoteWebhook,
        faults,
      );
      const settings = toSettings(deps);
      events.emit(() => ({ type: 'settings', settings }));
      return settings;
    },
    routes: () => [...routes],
    drain: () => dispatcher.drain(),
    reset,
    async close() {
      streams.close();
      // At once, not after the requests in flight: one waiting for its webhook (?wait=true)
      // would otherwise wait for every retry first.
      await Promise.all([app.close(), dispatcher.close()]);
      await upstream?.close();
      recorder?.close();
    },
  };
}
