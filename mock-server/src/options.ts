import {
  defaultChannelRules,
  type AppWebhookName,
  type ChannelRule,
  type ChannelRules,
  type ChannelSource,
  type DeliveryMode,
  type FaultRule,
} from '#contracts';
import { createSteppingClock, createSystemClock, type Clock } from './clock.js';
import { budgetOptions } from './config/budget-flags.js';
import type { ConfigFile } from './config/config-file-schema.js';
import { createRandomIds, createSequentialIds, type IdGenerator } from './id-generator.js';
import { alwaysOpen, type OfficeHoursOption } from './state/office-hours.js';
import type { UpstreamOptions } from './proxy/upstream-proxy.js';

/** A channel to create: its kind, and optionally its id, name and WhatsApp details. */
export interface ChannelOption {
  readonly source: ChannelSource;
  readonly id?: number;
  readonly name?: string;
  readonly phone?: string;
  readonly is_on_cloud?: boolean;
}

/** An agent to create, in one or more divisions. */
export interface AgentOption {
  readonly name: string;
  readonly email?: string;
  readonly divisions: readonly string[];
  readonly online?: boolean;
}

/** One of the app's other webhooks: where it goes, and whether it is sent (yes, by default). */
export interface AppWebhookOption {
  readonly url: string | null;
  readonly enabled?: boolean;
}

/** Everything `createMockServer` can be told. Every field is optional. */
export interface MockServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to bind; loopback by default. */
  readonly host?: string;
  readonly appCode?: string;
  readonly secretKey?: string;
  readonly adminToken?: string;
  /** Where the bot webhook goes; none by default. */
  readonly botUrl?: string | null;
  readonly botEnabled?: boolean;
  readonly autoAgentAllocation?: boolean;
  readonly delivery?: DeliveryMode;
  /** Allow webhook targets on other machines (loopback only by default). */
  readonly allowRemoteWebhook?: boolean;
  /** Extra Host names to accept besides loopback ones, e.g. a tunnel's. */
  readonly allowedHosts?: readonly string[];
  /** Seeds the generated agents, customers and chaos decisions. */
  readonly seed?: number;
  /** Fixed clock and sequential ids, for output that is the same on every run. */
  readonly deterministic?: boolean;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly channels?: readonly ChannelOption[];
  readonly channelRules?: Partial<Record<ChannelSource, ChannelRule>>;
  /** Faults injected on purpose on the Qiscus routes from the start (`FaultRuleSchema`). */
  readonly faults?: readonly FaultRule[];
  readonly divisions?: readonly string[];
  readonly agentsPerDivision?: number;
  readonly agents?: readonly AgentOption[];
  /** How long one webhook attempt may take. */
  readonly deliveryTimeoutMs?: number;
  /** Attempts per webhook in `reliable` mode at most; by default only `retryForMs` limits them. */
  readonly maxAttempts?: number;
  /** First retry delay in `reliable` mode; it doubles each time, up to `maxRetryDelayMs`. */
  readonly retryDelayMs?: number;
  /** The longest wait between two attempts in `reliable` mode. */
  readonly maxRetryDelayMs?: number;
  /** How long `reliable` mode keeps retrying a webhook, from its first attempt (2 minutes). */
  readonly retryForMs?: number;
  /** How many deliveries may wait to be sent at once; beyond it a webhook fails at once. */
  readonly maxPendingDeliveries?: number;
  /** Longest extra delay in `chaos` mode. */
  readonly chaosMaxDelayMs?: number;
  /** How many exchanges the traffic log keeps. */
  readonly trafficLimit?: number;
  /** How many messages each room keeps (older ones are counted, not kept). */
  readonly messagesPerRoom?: number;
  /** How many deliveries the log keeps. */
  readonly deliveryLimit?: number;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit?: number;
  /** About how many bytes of exchanges the traffic log keeps; the oldest go beyond it. */
  readonly trafficMaxBytes?: number;
  /** A body longer than this (in characters) is kept cut short in the logs, with a marker. */
  readonly storedBodyMaxBytes?: number;
  /** About how many bytes of webhook bodies the delivery log keeps. */
  readonly deliveryMaxBytes?: number;
  /** How many rooms are kept; the oldest are let go beyond it (an event says so). */
  readonly maxRooms?: number;
  /** About how many bytes of rooms and messages are kept; the oldest rooms go beyond it. */
  readonly roomsMaxBytes?: number;
  /** How long a request (headers and body) may take to arrive in full; then 408. */
  readonly requestTimeoutMs?: number;
  /** Where internal errors (bugs) are reported; the CLI passes stderr. */
  readonly log?: (message: string) => void;
  /** Record every exchange to this file (JSONL, created or truncated), each before it is answered. */
  readonly record?: string;
  /** Replace names, phone numbers, e-mails and attachment URLs in the recording. */
  readonly scrub?: boolean;
  /**
   * Proxy mode: forward the bot's calls to this real Qiscus, and the webhooks it sends to
   * `POST /_upstream/webhook` on to the bot, logging (and recording) both directions.
   */
  readonly upstream?: UpstreamOptions;
  /** The admin who may log in (`POST /api/v1/auth`): e-mail and password. */
  readonly adminEmail?: string;
  readonly adminPassword?: string;
  /** What `GET /api/v1/admin/office_hours` answers; open all day, every day, by default. */
  readonly officeHours?: OfficeHoursOption;
  /**
   * The New Session, Custom Agent Allocation and Mark-as-Resolved webhooks; none is sent by
   * default. Custom Agent Allocation is on while `agent_allocation` has a URL and is enabled.
   */
  readonly webhooks?: Partial<Record<AppWebhookName, AppWebhookOption>>;
  /** Serve HTTPS with this PEM certificate and key (for a bot that insists on https). */
  readonly tls?: TlsOption;
}

/** A PEM certificate (its chain) and private key. */
export interface TlsOption {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

/** The options with every default applied. */
export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly appCode: string;
  readonly secretKey: string;
  readonly adminToken: string;
  readonly botUrl: string | null;
  readonly botEnabled: boolean;
  readonly autoAgentAllocation: boolean;
  readonly delivery: DeliveryMode;
  readonly allowRemoteWebhook: boolean;
  readonly allowedHosts: readonly string[];
  readonly seed: number;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly channels: readonly ChannelOption[] | undefined;
  readonly channelRules: ChannelRules;
  readonly faults: readonly FaultRule[];
  readonly divisions: readonly string[];
  readonly agentsPerDivision: number;
  readonly agents: readonly AgentOption[] | undefined;
  readonly deliveryTimeoutMs: number;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly retryForMs: number;
  readonly maxPendingDeliveries: number;
  readonly chaosMaxDelayMs: number;
  readonly trafficLimit: number;
  readonly messagesPerRoom: number;
  readonly deliveryLimit: number;
  readonly bodyLimit: number;
  readonly requestTimeoutMs: number;
  readonly trafficMaxBytes: number;
  readonly storedBodyMaxBytes: number;
  readonly deliveryMaxBytes: number;
  readonly maxRooms: number;
  readonly roomsMaxBytes: number;
  readonly adminEmail: string;
  readonly adminPassword: string;
  readonly officeHours: OfficeHoursOption;
  readonly webhooks: Readonly<Record<AppWebhookName, { url: string | null; enabled: boolean }>>;
}

/** The defaults DESIGN.md names, printed at start-up. */
export const defaults = {
  port: 0,
  host: '127.0.0.1',
  appCode: 'qiscus-mock-app',
  secretKey: 'mock-secret-key',
  adminToken: 'mock-admin-token',
  seed: 20261124,
  divisions: ['customer service', 'billing', 'sales', 'technical'],
  agentsPerDivision: 3,
  deliveryTimeoutMs: 5000,
  maxAttempts: Number.POSITIVE_INFINITY,
  // 0.25, 0.5, 1, 2, 4, 8 s, then every 15 s: a bot restarting for a minute loses nothing.
  retryDelayMs: 250,
  maxRetryDelayMs: 15_000,
  retryForMs: 120_000,
  maxPendingDeliveries: 10_000,
  chaosMaxDelayMs: 300,
  trafficLimit: 10_000,
  messagesPerRoom: 1000,
  deliveryLimit: 10_000,
  bodyLimit: 1024 * 1024,
  requestTimeoutMs: 10_000,
  // The memory budgets (docs/reliability.md): with the process's own ~90 MB, the garbage of 1 MB
  // bodies arriving at full speed and V8's headroom, under 200 MB (bench:hostile measures it).
  trafficMaxBytes: 8 * 1024 * 1024,
  storedBodyMaxBytes: 16 * 1024,
  deliveryMaxBytes: 8 * 1024 * 1024,
  maxRooms: 20_000,
  roomsMaxBytes: 16 * 1024 * 1024,
  adminEmail: 'admin@example.com',
  adminPassword: 'mock-password',
  /** The admin's name, as logging in and the Mark-as-Resolved webhook show it. */
  adminName: 'Qiscus Mock Admin',
} as const;

/** Applies the defaults: the single place that knows them. */
export function resolveOptions(options: MockServerOptions): ResolvedOptions {
  const deterministic = options.deterministic ?? false;
  return {
    port: options.port ?? defaults.port,
    host: options.host ?? defaults.host,
    appCode: options.appCode ?? defaults.appCode,
    secretKey: options.secretKey ?? defaults.secretKey,
    adminToken: options.adminToken ?? defaults.adminToken,
    botUrl: options.botUrl ?? null,
    botEnabled: options.botEnabled ?? true,
    autoAgentAllocation: options.autoAgentAllocation ?? true,
    delivery: options.delivery ?? 'once',
    allowRemoteWebhook: options.allowRemoteWebhook ?? false,
    allowedHosts: options.allowedHosts ?? [],
    seed: options.seed ?? defaults.seed,
    clock: options.clock ?? (deterministic ? createSteppingClock() : createSystemClock()),
    ids: options.ids ?? (deterministic ? createSequentialIds() : createRandomIds()),
    channels: options.channels,
    channelRules: { ...defaultChannelRules, ...options.channelRules },
    faults: options.faults ?? [],
    divisions: options.divisions ?? defaults.divisions,
    agentsPerDivision: options.agentsPerDivision ?? defaults.agentsPerDivision,
    agents: options.agents,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? defaults.deliveryTimeoutMs,
    maxAttempts: options.maxAttempts ?? defaults.maxAttempts,
    retryDelayMs: options.retryDelayMs ?? defaults.retryDelayMs,
    maxRetryDelayMs: options.maxRetryDelayMs ?? defaults.maxRetryDelayMs,
    retryForMs: options.retryForMs ?? defaults.retryForMs,
    maxPendingDeliveries: options.maxPendingDeliveries ?? defaults.maxPendingDeliveries,
    chaosMaxDelayMs: options.chaosMaxDelayMs ?? defaults.chaosMaxDelayMs,
    trafficLimit: options.trafficLimit ?? defaults.trafficLimit,
    messagesPerRoom: options.messagesPerRoom ?? defaults.messagesPerRoom,
    deliveryLimit: options.deliveryLimit ?? defaults.deliveryLimit,
    bodyLimit: options.bodyLimit ?? defaults.bodyLimit,
    requestTimeoutMs: options.requestTimeoutMs ?? defaults.requestTimeoutMs,
    trafficMaxBytes: options.trafficMaxBytes ?? defaults.trafficMaxBytes,
    storedBodyMaxBytes: options.storedBodyMaxBytes ?? defaults.storedBodyMaxBytes,
    deliveryMaxBytes: options.deliveryMaxBytes ?? defaults.deliveryMaxBytes,
    maxRooms: options.maxRooms ?? defaults.maxRooms,
    roomsMaxBytes: options.roomsMaxBytes ?? defaults.roomsMaxBytes,
    adminEmail: (options.adminEmail ?? defaults.adminEmail).toLowerCase(),
    adminPassword: options.adminPassword ?? defaults.adminPassword,
    officeHours: options.officeHours ?? alwaysOpen,
    webhooks: {
      new_session: resolveWebhook(options.webhooks?.new_session),
      agent_allocation: resolveWebhook(options.webhooks?.agent_allocation),
      mark_as_resolved: resolveWebhook(options.webhooks?.mark_as_resolved),
    },
  };
}

function resolveWebhook(option: AppWebhookOption | undefined): {
  url: string | null;
  enabled: boolean;
} {
  const url = option?.url ?? null;
  return { url, enabled: url !== null && (option?.enabled ?? true) };
}

/** Turns a checked config file into options; explicit options are laid over it by the caller. */
export function optionsFromConfigFile(file: ConfigFile): MockServerOptions {
  const entries: [keyof MockServerOptions, unknown][] = [
    ['appCode', file.app_code],
    ['secretKey', file.secret_key],
    ['adminToken', file.admin_token],
    ['botUrl', file.bot_url],
    ['botEnabled', file.bot_enabled],
    ['autoAgentAllocation', file.auto_agent_allocation],
    ['delivery', file.delivery],
    ['allowRemoteWebhook', file.allow_remote_webhook],
    ['seed', file.seed],
    ['channels', file.channels],
    ['channelRules', file.channel_rules],
    ['faults', file.faults],
    ['divisions', file.divisions],
    ['agentsPerDivision', file.agents_per_division],
    ['agents', file.agents],
    ['adminEmail', file.admin_email],
    ['adminPassword', file.admin_password],
    ['officeHours', file.office_hours],
    ['webhooks', file.webhooks],
  ];
  return {
    ...Object.fromEntries(entries.filter(([, value]) => value !== undefined)),
    ...budgetOptions(file),
  };
}
