import {
  CustomAgentAllocationReplySchema,
  CustomAgentAllocationWebhookSchema,
  MarkAsResolvedWebhookSchema,
  NewSessionWebhookSchema,
  type Agent,
  type AppWebhookName,
  type BotMessageWebhook,
  type Service,
  type UserProperty,
} from '#contracts';
import type { RoomState } from '../conversation/room-state.js';
import { webhookUrlOf, type Switches } from '../conversation/switches.js';
import {
  asResolver,
  buildAgentAllocationWebhook,
  buildMarkAsResolvedWebhook,
  buildNewSessionWebhook,
  type Resolver,
} from './build-app-webhooks.js';
import type { WebhookDispatcher } from './webhook-dispatcher.js';

/** The catalogue id of each of the app's other webhooks, as the delivery log names them. */
export const appWebhookIds: Readonly<Record<AppWebhookName, string>> = {
  new_session: 'newSession',
  agent_allocation: 'customAgentAllocation',
  mark_as_resolved: 'markAsResolved',
};

/** The setting a delivery's webhook id belongs to, when it is one of the other webhooks. */
export function appWebhookNameOf(webhook: string): AppWebhookName | undefined {
  const found = Object.entries(appWebhookIds).find(([, id]) => id === webhook);
  return found?.[0] as AppWebhookName | undefined;
}

/** What the Custom Agent Allocation receiver said: the agent it chose, or why it chose none. */
export type AllocationAnswer =
  { readonly ok: true; readonly agentId: number } | { readonly ok: false; readonly why: string };

function readAnswer(answer: string | null, failure: string | null): AllocationAnswer {
  if (answer === null) return { ok: false, why: failure ?? 'no answer came' };
  let data: unknown;
  try {
    data = JSON.parse(answer);
  } catch {
    return { ok: false, why: 'the answer is not JSON with an agent_id' };
  }
  const parsed = CustomAgentAllocationReplySchema.safeParse(data);
  return parsed.success && parsed.data.agent_id !== undefined
    ? { ok: true, agentId: parsed.data.agent_id }
    : { ok: false, why: 'the answer names no agent_id (a number)' };
}

/**
 * Sends the New Session, Custom Agent Allocation and Mark-as-Resolved webhooks through the
 * dispatcher, each only while it has a URL and is on. Each body is checked against its contract
 * first: a bug here would send something Qiscus never would.
 */
export class AppWebhooks {
  constructor(
    private readonly deps: {
      readonly appCode: string;
      readonly switches: Switches;
      readonly dispatcher: WebhookDispatcher;
      /** The app's admin, who resolves rooms the bot resolves (`mark_as_resolved`). */
      readonly admin: Resolver;
    },
  ) {}

  private wanted(name: AppWebhookName): boolean {
    return webhookUrlOf(this.deps.switches, name) !== null;
  }

  newSession(room: RoomState, botWebhook: BotMessageWebhook, createdAt: string): void {
    if (!this.wanted('new_session')) return;
    const body = NewSessionWebhookSchema.parse(buildNewSessionWebhook(room, botWebhook, createdAt));
    this.deps.dispatcher.dispatch({
      webhook: appWebhookIds.new_session,
      roomId: room.id,
      commentId: body.payload.message.id,
      body,
    });
  }

  /** A room was resolved: by its agent when one is given, else by the app's admin. */
  resolved(
    room: RoomState,
    service: Service,
    properties: readonly UserProperty[],
    agent: Agent | undefined,
  ): void {
    if (!this.wanted('mark_as_resolved')) return;
    const resolvedBy = agent ? asResolver(agent) : this.deps.admin;
    const body = MarkAsResolvedWebhookSchema.parse(
      buildMarkAsResolvedWebhook(room, service, properties, resolvedBy),
    );
    this.deps.dispatcher.dispatch({
      webhook: appWebhookIds.mark_as_resolved,
      roomId: room.id,
      commentId: Number(service.last_comment_id),
      body,
    });
  }

  /** Whether Custom Agent Allocation is on: its webhook has a URL and is enabled. */
  get allocating(): boolean {
    return this.wanted('agent_allocation');
  }

  /**
   * Asks the Custom Agent Allocation receiver which agent should take the room; `decide` is told
   * the answer once the delivery settles and returns what it did, for the delivery log.
   */
  askForAgent(
    room: RoomState,
    request: {
      readonly candidate: Agent | undefined;
      readonly properties: readonly UserProperty[];
      readonly commentId: number;
      readonly decide: (answer: AllocationAnswer) => string;
    },
  ): void {
    const body = CustomAgentAllocationWebhookSchema.parse(
      buildAgentAllocationWebhook(
        { appCode: this.deps.appCode },
        room,
        request.candidate,
        request.properties,
      ),
    );
    this.deps.dispatcher.dispatch({
      webhook: appWebhookIds.agent_allocation,
      roomId: room.id,
      commentId: request.commentId,
      body,
      onSettled: (delivery, answer) => {
        const failure = delivery.status === 'delivered' ? null : 'the webhook was not answered';
        return request.decide(readAnswer(answer, failure));
      },
    });
  }
}
