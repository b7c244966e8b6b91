import Fastify, { type FastifyInstance } from 'fastify';
import {
  BotMessageWebhookSchema,
  checkContract,
  decodeRoomOptions,
  defaultChannelRules,
  type BotMessageWebhook,
  type ChannelRules,
} from '#contracts';
import { BotError, QiscusApiError } from './errors.js';
import type { QiscusClient } from './qiscus-client.js';
import { decideReply, freshMemory, type BotAction, type RoomMemory } from './reply-policy.js';

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
}

/** The receiver, and what it is still doing. */
export interface ReferenceBotApp {
  readonly app: FastifyInstance;
  /** Resolves once every webhook received so far has been handled. */
  drain(): Promise<void>;
  /** The latest failures, oldest first. */
  failures(): BotFailure[];
}

function describeAction(action: BotAction): string {
  switch (action.kind) {
    case 'send':
      return `send ${action.message.type ?? 'text'}`;
    case 'handOver':
      return 'handOver';
    case 'handOverToRole':
      return `handOverToRole ${action.role}`;
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
  const memories = new Map<string, RoomMemory>();
  const queues = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  const failures: BotFailure[] = [];

  const fail = (failure: BotFailure) => {
    failures.push(failure);
    if (failures.length > limit) failures.shift();
    log(`room ${failure.roomId}: ${failure.action} failed: ${failure.code}: ${failure.message}`);
  };

  const perform = async (roomId: string, action: BotAction): Promise<void> => {
    const { client } = deps;
    switch (action.kind) {
      case 'send':
        await client.send(roomId, action.message);
        return;
      case 'handOver':
        await client.handOver(roomId);
        return;
      case 'handOverToRole':
        try {
          await client.handOverToRole(roomId, action.role);
        } catch (error) {
          // Without Auto Agent Allocation a division cannot be chosen; any agent will do.
          if (error instanceof QiscusApiError && error.apiCode === 'AUTO_AGENT_ALLOCATION_OFF') {
            log(`room ${roomId}: Auto Agent Allocation is off; handing over to any agent`);
            await client.handOver(roomId);
            return;
          }
          // The room is already with that division: nothing left to do.
          if (error instanceof QiscusApiError && error.apiCode === 'SAME_DIVISION') return;
          throw error;
        }
    }
  };

  const handle = async (webhook: BotMessageWebhook): Promise<void> => {
    const roomId = webhook.payload.room.id_str;
    const options = decodeRoomOptions(webhook.payload.room.options);
    const decision = decideReply(webhook, memories.get(roomId) ?? freshMemory, rules);
    memories.set(roomId, decision.memory);
    const heard = `room ${roomId} (${options.channel}): "${webhook.payload.message.text}" → ${decision.intent}`;
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
    void next.finally(() => {
      inFlight.delete(next);
      if (queues.get(roomId) === next) queues.delete(roomId);
    });
  };

  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.post('/*', (request, reply) => {
    const check = checkContract(BotMessageWebhookSchema, request.body, { unknownFields: 'warn' });
    if (!check.ok) {
      const problems = check.problems.map((problem) => `${problem.path}: ${problem.message}`);
      log(`a webhook that breaks the contract was refused: ${problems.join('; ')}`);
      return reply.code(400).send({ ok: false, problems: check.problems });
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
