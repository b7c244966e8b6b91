import { setTimeout } from 'node:timers/promises';
import { Pool } from 'undici';
import {
  activateRoomBot,
  assignAgent,
  checkContract,
  createRoomTag,
  ErrorEnvelopeSchema,
  getUserInfo,
  handOver,
  handOverToRole,
  listAvailableAgents,
  markAsResolved,
  postBotMessage,
  setUserInfo,
  type UserProperty,
  type AuthStyle,
  type ErrorDetail,
  type OperationDescriptor,
  type z,
} from '#contracts';
import type { BotReply } from './bot-reply.js';
import { BotError, QiscusApiError } from './errors.js';

/** Where the bot's Qiscus app is, and its credentials. */
export interface QiscusClientOptions {
  /** The API's base URL: the mock's URL, or e.g. `https://omnichannel.qiscus.com`. */
  readonly baseUrl: string;
  readonly appCode: string;
  readonly secretKey: string;
  /** The bot's sender address; `{app_code}_admin@qismo.com` when left out. */
  readonly botEmail?: string;
  /** How long one call may take, in milliseconds (default 10 s). */
  readonly timeoutMs?: number;
}

type ResponseOf<D extends OperationDescriptor> = D['responses'] extends {
  readonly 200: { readonly schema: infer S extends z.ZodType };
}
  ? z.output<S>
  : never;

type ParamsOf<D extends OperationDescriptor> = D['request'] extends {
  readonly params: infer P extends z.ZodType;
}
  ? z.input<P>
  : undefined;

type BodyOf<D extends OperationDescriptor> = D['request'] extends {
  readonly body: {
    readonly content: { readonly 'application/json': { readonly schema: infer S } };
  };
}
  ? S extends z.ZodType
    ? z.input<S>
    : never
  : undefined;

/** What the bot sends with each call: the first auth style of the operation it can meet. */
function authHeaders(
  operation: OperationDescriptor,
  appCode: string,
  secretKey: string,
): Record<string, string> {
  const usable = (style: AuthStyle) =>
    style === 'sdkSecret' ||
    style === 'appIdAndSecretKey' ||
    (style === 'authorization' &&
      (operation.auth.authorizationAccepts ?? []).includes('secretKey'));
  const style = operation.auth.styles.find(usable);
  switch (style) {
    case 'sdkSecret':
      return { QISCUS_SDK_SECRET: secretKey };
    case 'appIdAndSecretKey':
      return { 'Qiscus-App-Id': appCode, 'Qiscus-Secret-Key': secretKey };
    case 'authorization':
      return { Authorization: secretKey };
    case 'adminTokenAndAppId':
    case undefined:
      throw new BotError(
        'BOT_ERR_CONFIG',
        `${operation.id} needs an admin token, which the bot does not have.`,
      );
  }
}

const methods = { get: 'GET', post: 'POST' } as const;

function invalid(what: string, problems: readonly ErrorDetail[]): BotError {
  const list = problems.map((problem) => `${problem.path || '(body)'}: ${problem.message}`);
  return new BotError(
    'BOT_ERR_REQUEST_INVALID',
    `${what} breaks the contract: ${list.join('; ')}.`,
    {
      details: problems,
    },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A typed client of the Qiscus bot API, built from the contracts' operation catalogue: every call
 * is checked against its operation's schemas before it is sent and after it is answered, and a
 * refusal becomes a `QiscusApiError` that carries the API's code and message.
 */
/** How many times a call refused with 429 or 503 is sent in all. */
const maxAttempts = 3;

/** The wait before the next try: Retry-After (in seconds, at most 10), else a short back-off. */
export function retryDelayMs(retryAfter: string | string[] | undefined, attempt: number): number {
  const seconds = Number(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
  if (retryAfter !== undefined && Number.isFinite(seconds) && seconds >= 0) {
    return Math.min(seconds, 10) * 1000;
  }
  return 200 * attempt;
}

export class QiscusClient {
  readonly botEmail: string;
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly timeoutMs: number;
  /** The base URL without any user name or password in it, for messages. */
  private readonly origin: string;

  constructor(private readonly options: QiscusClientOptions) {
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch (cause) {
      throw new BotError(
        'BOT_ERR_CONFIG',
        `The Qiscus base URL "${options.baseUrl}" is not a URL: give one such as http://127.0.0.1:3737 (the mock) or https://omnichannel.qiscus.com.`,
        {
          cause,
        },
      );
    }
    this.botEmail = options.botEmail ?? `${options.appCode}_admin@qismo.com`;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.origin = `${base.origin}${this.basePath}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.pool = new Pool(base.origin, { connections: 16 });
  }

  /** The app code the bot calls Qiscus with. */
  get appCode(): string {
    return this.options.appCode;
  }

  /** Sends one message into a room as the bot. */
  send(roomId: string, message: BotReply) {
    return this.call(postBotMessage, {
      params: { app_code: this.options.appCode },
      body: { ...message, sender_email: this.botEmail, room_id: roomId },
    });
  }

  /** Sends a text message. */
  sendText(roomId: string, text: string) {
    return this.send(roomId, { type: 'text', message: text });
  }

  /** Gives the room to a human: the bot is switched off for it and agents are asked to take it. */
  handOver(roomId: string, options: { readonly findOnlineAgent?: boolean } = {}) {
    return this.call(handOver, {
      params: { app_code: this.options.appCode, room_id: roomId },
      body:
        options.findOnlineAgent === undefined ? {} : { find_online_agent: options.findOnlineAgent },
    });
  }

  /** Gives the room to an agent of a division (`role`, lower case), e.g. `billing`. */
  handOverToRole(
    roomId: string,
    role: string,
    options: { readonly findOnlineAgent?: boolean } = {},
  ) {
    return this.call(handOverToRole, {
      params: { app_code: this.options.appCode, room_id: roomId },
      body: {
        role,
        ...(options.findOnlineAgent === undefined
          ? {}
          : { find_online_agent: options.findOnlineAgent }),
      },
    });
  }

  /** Switches the bot on or off for one room. */
  setRoomBot(roomId: string, active: boolean) {
    return this.call(activateRoomBot, { params: { room_id: roomId }, body: { is_active: active } });
  }

  /** Puts a tag on the room (once; Qiscus keeps one id per tag name). */
  tagRoom(roomId: string, tag: string) {
    return this.call(createRoomTag, { params: undefined, body: { room_id: roomId, tag } });
  }

  /**
   * Writes the customer's additional info. Qiscus replaces the whole list, so the list is read
   * first and the properties given replace those of the same key.
   */
  async noteUserInfo(roomId: string, properties: readonly UserProperty[]) {
    const current = await this.call(getUserInfo, { params: { room_id: roomId }, body: undefined });
    const keys = new Set(properties.map((property) => property.key));
    const kept = current.data.extras.user_properties.filter((property) => !keys.has(property.key));
    return this.call(setUserInfo, {
      params: { room_id: roomId },
      body: { user_properties: [...kept, ...properties] },
    });
  }

  /** Resolves the room: the conversation is over; the next message opens a new session. */
  resolve(roomId: string, notes?: string) {
    return this.call(markAsResolved, {
      params: undefined,
      body: { room_id: roomId, ...(notes === undefined ? {} : { notes }) },
    });
  }

  /**
   * Gives the room to the least busy online agent (`available_agents`, then `assign_agent`);
   * undefined when none is online.
   */
  async assignAvailableAgent(roomId: string) {
    const available = await this.call(listAvailableAgents, {
      params: undefined,
      body: undefined,
      query: { room_id: roomId },
    });
    const agent = available.data.agents[0];
    if (!agent) return undefined;
    await this.call(assignAgent, {
      params: undefined,
      body: { room_id: roomId, agent_id: agent.id },
    });
    return agent;
  }

  /** Calls one operation of the catalogue with a JSON body. */
  async call<D extends OperationDescriptor>(
    operation: D,
    input: {
      readonly params: ParamsOf<D>;
      readonly body: BodyOf<D>;
      readonly query?: Readonly<Record<string, string>>;
    },
  ): Promise<ResponseOf<D>> {
    const { params: paramsSchema, body: bodyContract } = operation.request;
    const params = paramsSchema ? checkContract(paramsSchema, input.params) : undefined;
    if (params && !params.ok) throw invalid(`The path of ${operation.id}`, params.problems);
    const body: unknown = input.body;
    const bodySchema = bodyContract?.content['application/json']?.schema;
    if (body !== undefined && bodySchema) {
      const check = checkContract(bodySchema, body);
      if (!check.ok) throw invalid(`The body of ${operation.id}`, check.problems);
    }
    const values = (params?.ok ? params.value : {}) as Record<string, string>;
    const search = input.query ? `?${new URLSearchParams(input.query).toString()}` : '';
    const path = `${operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(values[name] ?? ''),
    )}${search}`;
    const headers = {
      ...authHeaders(operation, this.options.appCode, this.options.secretKey),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    let status = 0;
    let text = '';
    // Qiscus may answer 429 (rate limit, with Retry-After) or 503 (briefly unavailable): both
    // mean the call was not served, so it is sent again, a bounded number of times.
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      let retryAfter: string | string[] | undefined;
      try {
        const response = await this.pool.request({
          method: methods[operation.method],
          path: `${this.basePath}${path}`,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          headersTimeout: this.timeoutMs,
          bodyTimeout: this.timeoutMs,
        });
        status = response.statusCode;
        retryAfter = response.headers['retry-after'];
        text = await response.body.text();
      } catch (cause) {
        throw new BotError(
          'BOT_ERR_UNREACHABLE',
          `${operation.id}: ${this.origin} did not answer (${cause instanceof Error ? cause.message : String(cause)}). Is it running, and is the base URL (--base-url, QISCUS_BASE_URL) right?`,
          { cause },
        );
      }
      if ((status !== 429 && status !== 503) || attempt === maxAttempts) break;
      await setTimeout(retryDelayMs(retryAfter, attempt));
    }
    const json = parseJson(text);
    if (status >= 400) {
      const envelope = ErrorEnvelopeSchema.safeParse(json);
      if (envelope.success) {
        const { code, message, details } = envelope.data.errors;
        throw new QiscusApiError(operation.id, status, code, message, details);
      }
      throw new BotError(
        'BOT_ERR_API',
        `${operation.id} was answered ${status}: ${text.slice(0, 300)}`,
      );
    }
    const responseSchema = operation.responses[200]?.schema;
    if (!responseSchema) return json as ResponseOf<D>;
    const checked = checkContract(responseSchema, json);
    if (!checked.ok) {
      const list = checked.problems.map((problem) => `${problem.path}: ${problem.message}`);
      throw new BotError(
        'BOT_ERR_RESPONSE_INVALID',
        `${operation.id} was answered ${status} with a body the contract does not allow: ${list.join('; ')}.`,
        { details: checked.problems },
      );
    }
    return checked.value as ResponseOf<D>;
  }

  /** Closes the client's connections. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
