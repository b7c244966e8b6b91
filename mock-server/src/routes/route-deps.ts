import type { FaultInjector } from '../faults/fault-injector.js';
import type { UpstreamProxy } from '../proxy/upstream-proxy.js';
import type { FastifyRequest } from 'fastify';
import type { MockSettings, RecordingStatus } from '#contracts';
import type { Clock } from '../clock.js';
import type { AdminService } from '../conversation/admin-service.js';
import type { ConversationService, Switches } from '../conversation/conversation-service.js';
import type { CredentialCheck, Secret } from '../http/check-credentials.js';
import type { RecordExchange } from '../http/exchange-recorder.js';
import type { ReplyBatch } from '../http/reply-batch.js';
import type { MockEvents } from '../events/mock-events.js';
import type { Directory } from '../state/directory.js';
import type { toOfficeHours } from '../state/office-hours.js';
import type { TrafficLog } from '../traffic/traffic-log.js';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';

/** What the routes of one server share; passed in as plugin options, never global. */
export interface RouteDeps {
  readonly appCode: string;
  readonly botEmail: string;
  readonly startedAt: number;
  readonly allowRemoteWebhook: boolean;
  readonly switches: Switches;
  readonly credentials: CredentialCheck;
  readonly service: ConversationService;
  readonly dispatcher: WebhookDispatcher;
  readonly traffic: TrafficLog;
  readonly directory: Directory;
  readonly clock: Clock;
  /** Clears rooms, messages, deliveries and traffic; keeps the switches and the directory. */
  readonly reset: () => void;
  /** Throws MOCK_ERR_HOST_NOT_ALLOWED for a Host that is not this machine (DNS rebinding). */
  readonly guardHost: (request: FastifyRequest) => void;
  /** The live events of `/_mock/events`. */
  readonly events: MockEvents;
  /** Puts an answered request in the traffic log. */
  readonly record: RecordExchange;
  /** Sends the Qiscus routes' answers together at the end of each event-loop turn. */
  readonly replies: ReplyBatch;
  /** The recording's status, when the mock records. */
  readonly recording?: () => RecordingStatus | undefined;
  /** The admin API (issue 14): its behaviour, the admin's login, the token it hands out. */
  readonly admin: AdminService;
  readonly login: { readonly email: Secret; readonly password: Secret };
  readonly adminToken: string;
  readonly officeHours: () => OfficeHoursData;
  /** The faults injected on purpose on the Qiscus routes. */
  readonly faults?: FaultInjector;
  /** The memory budgets and retry window in force, as `GET /_mock/config` shows them. */
  readonly budgets: MockSettings['budgets'];
  /** Set in proxy mode (`serve --upstream`): the bot's calls go on to the real Qiscus. */
  readonly upstream?: UpstreamProxy;
}

type OfficeHoursData = ReturnType<typeof toOfficeHours>;

/** The operation-registration dependencies, from the route dependencies. */
export function operationDeps(deps: RouteDeps) {
  return {
    appCode: () => deps.appCode,
    credentials: () => deps.credentials,
    guardHost: deps.guardHost,
    record: deps.record,
    replies: deps.replies,
    traffic: deps.traffic,
    faults: deps.faults,
    upstream: deps.upstream,
  };
}
