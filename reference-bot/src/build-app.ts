import Fastify, { type FastifyInstance } from 'fastify';
import {
  BotMessageWebhookSchema,
  LegacyBotMessageWebhookSchema,
  checkContract,
  decodeRoomOptions,
  defaultChannelRules,
  type BotMessageWebhook,
  type ChannelRules,
} from '#contracts';
import { BotError, QiscusApiError } from './errors.js';
import type { QiscusClient } from './qiscus-client.js';
import { decideReply, freshMemory, type BotAction, type RoomMemory } from './reply-policy.js';
import { upgradeLegacyWebhook } from './upgrade-legacy-webhook.js';

/** A webhook the bot could not act on in full, kept so a test or a person can see why. */
export interface BotFailure {
  readonly roomId: string;
  /** What the bot was doing: `send text`, `handOver` … */
  readonly action: string;
  readonly code: string;
  readonly message: string;
}

/** What the webhook receiver needs. */
export interface ReferenceBotAppDeps {
  readonly client: QiscusClient;
  /** The channel matrix the replies follow (the contracts' documented one by default). */
  readonly rules?: ChannelRules;
  /** One line per thing worth telling a person: each webhook's intent, each failure. */
  readonly log?: (line: string) => void;
  /** How many failures to keep (the latest; default 100). */
  readonly failureLimit?: number;
  /** How many rooms to remember (the latest heard from; default 10,000). */
  readonly memoryLimit?: number;
  /** Answers only requests whose Host is this machine (true when bound to loopback). */
  readonly loopbackOnly?: boolean;
  /**
   * How many webhooks may wait to be handled (default 10,000); past it the bot answers 503, so
   * a flood is refused where it can be seen rather than queued without end.
   */
  readonly maxInFlight?: number;
}

/** The receiver, and what it is still doing. */
export interface ReferenceBotApp {
  readonly app: FastifyInstance;
  /** Resolves once every webhook received so far has been handled. */
  drain(): Promise<void>;
  /** The latest failures, oldest first. */
  failures(): BotFailure[];
}

/** Whether a Host header names this machine (localhost, 127.x.x.x or [::1], any port), or is absent as the mock allows. */
function isLoopbackHostHeader(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  return (
    name === '' || name === 'localhost' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name)
  );
}

function describeAction(action: BotAction): string {
  switch (action.kind) {
    case 'send':
      return `send ${action.message.type ?? 'text'}`;
    case 'handOver':
      return 'handOver';
    case 'handOverToRole':
      return `handOverToRole ${action.role}`;
    case 'tag':
      return `tag ${action.tag}`;
    case 'noteUserInfo':
      return `noteUserInfo ${action.properties.map((property) => property.key).join(', ')}`;
    case 'resolve':
    case 'assignAgent':
      return action.kind;
  }
}

/**
 * The bot's webhook receiver: a webhook is checked against the contract and answered 200 at
 * once (Qiscus does not wait for the bot's reply), then handled: the reply policy decides, and
 * the client carries out each action in order. Webhooks of one room are handled one after the
 * other, so its replies keep their order and its memory stays consistent.
 */
export function buildReferenceBotApp(deps: ReferenceBotAppDeps): ReferenceBotApp {
  const rules = deps.rules ?? defaultChannelRules;
  const log = deps.log ?? (() => undefined);
  const limit = deps.failureLimit ?? 100;
  // What the bot remembers of each room, the least recently heard from let go first.
  const memories = new Map<string, RoomMemory>();
  const memoryLimit = deps.memoryLimit ?? 10_000;
  const remember = (roomId: string, memory: RoomMemory) => {
    memories.delete(roomId);
    memories.set(roomId, memory);
    if (memories.size > memoryLimit) {
      const oldest = memories.keys().next().value;
      if (oldest !== undefined) memories.delete(oldest);
    }
  };
  const queues = new Map<string, Promise<void>>();
  // Rooms the bot has handed over while more of their webhooks were queued: those came before
  // the bot switched itself off, and answering them would talk over the agent. The mark goes
  // when the room's queue is empty, so a room given back to the bot later is answered again.
  const handedOver = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = deps.maxInFlight ?? 10_000;
  const failures: BotFailure[] = [];
  const seenMessages = new Set<number>();

  const fail = (failure: BotFailure) => {
    failures.push(failure);
    if (failures.length > limit) failures.shift();
    try {
      log(`room ${failure.roomId}: ${failure.action} failed: ${failure.code}: ${failure.message}`);
    } catch {
      // A log that cannot write must not take the bot down; the failure is kept above.
    }
  };

  const perform = async (roomId: string, action: BotAction): Promise<void> => {
    const { client } = deps;
    switch (action.kind) {
      case 'send':
        try {
          await client.send(roomId, action.message);
        } catch (error) {
          // The app's channel rules may differ from the documented matrix the bot follows.
          if (
            error instanceof QiscusApiError &&
            error.apiCode === 'MESSAGE_TYPE_NOT_SUPPORTED' &&
            action.fallback !== undefined
          ) {
            log(`room ${roomId}: ${error.message} Sending it as text.`);
            await client.sendText(roomId, action.fallback);
            return;
          }
          throw error;
        }
        return;
      case 'handOver':
        await client.handOver(roomId);
        return;
      case 'tag':
        await client.tagRoom(roomId, action.tag);
        return;
      case 'noteUserInfo':
        await client.noteUserInfo(roomId, action.properties);
        return;
      case 'resolve':
        await client.resolve(roomId, 'Resolved by the bot: the customer was done.');
        return;
      case 'assignAgent':
        // Nobody online: the customer was told an agent would come, so any agent will do.
        if (!(await client.assignAvailableAgent(roomId))) {
          log(`room ${roomId}: no agent is online. Handing over to any agent.`);
          await client.handOver(roomId);
        }
        return;
      case 'handOverToRole':
        try {
          await client.handOverToRole(roomId, action.role);
        } catch (error) {
          // Without Auto Agent Allocation, or without that division, any agent will do: the
          // customer was told an agent would come.
          if (
            error instanceof QiscusApiError &&
            (error.apiCode === 'AUTO_AGENT_ALLOCATION_OFF' || error.apiCode === 'ROLE_NOT_FOUND')
          ) {
            log(`room ${roomId}: ${error.message} Handing over to any agent.`);
            await client.handOver(roomId);
            return;
          }
          // The room is already with that division: nothing left to do.
          if (error instanceof QiscusApiError && error.apiCode === 'SAME_DIVISION') {
            log(`room ${roomId}: already with the ${action.role} division.`);
            return;
          }
          throw error;
        }
    }
  };

  const handle = async (webhook: BotMessageWebhook): Promise<void> => {
    const roomId = webhook.payload.room.id_str;
    const options = decodeRoomOptions(webhook.payload.room.options);
    if (handedOver.has(roomId)) {
      log(
        `room ${roomId} (${options.channel}): ${JSON.stringify(webhook.payload.message.text)} came before the handover; left to the agent`,
      );
      return;
    }
    const decision = decideReply(webhook, memories.get(roomId) ?? freshMemory, rules);
    remember(roomId, decision.memory);
    // The customer's text quoted as JSON, so a newline in it cannot forge a log line.
    const heard = `room ${roomId} (${options.channel}): ${JSON.stringify(webhook.payload.message.text)} → ${decision.intent}`;
    for (const action of decision.actions) {
      try {
        await perform(roomId, action);
      } catch (error) {
        const code = error instanceof QiscusApiError ? error.apiCode : undefined;
        fail({
          roomId,
          action: describeAction(action),
          code: code ?? (error instanceof BotError ? error.code : String(error)),
          message: error instanceof Error ? error.message : String(error),
        });
        // A reply that cannot go out leaves the rest of the decision without its context.
        return;
      }
      if (
        action.kind === 'handOver' ||
        action.kind === 'handOverToRole' ||
        action.kind === 'assignAgent'
      ) {
        handedOver.add(roomId);
      }
    }
    // Told once the replies are out, so whoever reads the log knows the room holds them.
    log(`${heard}: ${decision.actions.map(describeAction).join(', ') || 'no reply'}`);
  };

  const enqueue = (webhook: BotMessageWebhook) => {
    const roomId = webhook.payload.room.id_str;
    const previous = queues.get(roomId) ?? Promise.resolve();
    const next = previous
      .then(() => handle(webhook))
      .catch((error: unknown) => {
        // A bug of the bot itself: told, and the room's later webhooks are still handled.
        fail({
          roomId,
          action: 'handle the webhook',
          code: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        });
      });
    queues.set(roomId, next);
    inFlight.add(next);
    void next
      .finally(() => {
        inFlight.delete(next);
        if (queues.get(roomId) === next) {
          queues.delete(roomId);
          handedOver.delete(roomId);
        }
      })
      .catch(() => undefined);
  };

  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  if (deps.loopbackOnly) {
    // The DNS-rebinding guard: a page elsewhere must not be able to drive the bot.
    app.addHook('onRequest', (request, reply, done) => {
      if (isLoopbackHostHeader(request.headers.host)) {
        done();
        return;
      }
      void reply.code(421).send({
        ok: false,
        problem: 'This bot answers only requests addressed to this machine.',
      });
    });
  }
  app.post('/*', (request, reply) => {
    const check = checkContract(BotMessageWebhookSchema, request.body, { unknownFields: 'warn' });
    // The older documented shape (numeric ids, room.options an object) is read as the newer one.
    const legacy = check.ok
      ? undefined
      : checkContract(LegacyBotMessageWebhookSchema, request.body, { unknownFields: 'warn' });
    if (!check.ok && !legacy?.ok) {
      const problems = check.problems.map((problem) => `${problem.path}: ${problem.message}`);
      log(`a webhook that breaks the contract was refused: ${problems.join('; ')}`);
      return reply.code(400).send({ ok: false, problems: check.problems });
    }
    if (inFlight.size >= maxInFlight) {
      log(`${inFlight.size} webhooks are waiting to be handled; refusing this one with 503`);
      return reply
        .code(503)
        .header('retry-after', '1')
        .send({ ok: false, problem: 'The bot is busy: too many webhooks are waiting.' });
    }
    if (legacy?.ok) {
      // It carries no message id: handled, never taken for a repeat.
      log('a webhook in the older shape came; read as the newer one');
      enqueue(upgradeLegacyWebhook(legacy.value, deps.client.appCode));
      return reply.code(200).send({ ok: true });
    }
    if (!check.ok) return reply.code(400).send({ ok: false, problems: check.problems });
    // Qiscus may send a webhook again (same message id): take it, but answer the message once.
    const messageId = check.value.payload.message.id;
    if (seenMessages.has(messageId)) {
      log(`message ${messageId} came again; answered once already`);
      return reply.code(200).send({ ok: true, duplicate: true });
    }
    seenMessages.add(messageId);
    if (seenMessages.size > memoryLimit) {
      const oldest = seenMessages.values().next().value;
      if (oldest !== undefined) seenMessages.delete(oldest);
    }
    enqueue(check.value);
    return reply.code(200).send({ ok: true });
  });
  app.get('/', () => ({ ok: true, bot: 'qiscus-mock reference bot' }));

  return {
    app,
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    failures: () => [...failures],
  };
}
