import type { Faker } from '@faker-js/faker';
import {
  attachmentPayloadOf,
  LegacyBotMessageWebhookSchema,
  isMessageTypeAllowed,
  withUnknownFields,
  channelShortName,
  type Agent,
  type BotMessage,
  type CustomerMessageRequest,
  type CustomerMessageResult,
  type Delivery,
  type ErrorDetail,
  type MockRoom,
  type MockRoomDetail,
  type RoomMessage,
} from '#contracts';
import { formatTimestamp, type Clock } from '../clock.js';
import { mockError, QiscusApiError } from '../errors.js';
import type { IdGenerator } from '../id-generator.js';
import type { Directory } from '../state/directory.js';
import { generateCustomer } from '../state/directory.js';
import type { RoomAnnotations } from '../state/room-annotations.js';
import type { RoomStore } from '../state/room-store.js';
import { buildBotMessageWebhook } from '../webhooks/build-bot-message-webhook.js';
import { buildLegacyBotMessageWebhook } from '../webhooks/build-legacy-bot-message-webhook.js';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import type { AppWebhooks } from '../webhooks/app-webhooks.js';
import { toService } from './admin-views.js';
import { allocateByAnswer } from './allocation-rule.js';
import { warningsFor } from './bot-message-warnings.js';
import { pressButton } from './find-postback-button.js';
import * as rules from './handover-rules.js';
import type { RoomState } from './room-state.js';
import type { Switches } from './switches.js';
import { findChannel, newRoom } from './open-room.js';
import { toMockRoom } from './room-view.js';
import { skipReasonFor } from './skip-reason.js';
import { refusal } from './transition-error.js';

export type { Switches, WebhookSetting } from './switches.js';

/** A customer message taken in: what to answer now, and the delivery to wait on. */
export interface CustomerMessageOutcome {
  readonly result: CustomerMessageResult;
  readonly settled: () => Promise<Delivery>;
}

/**
 * The mock's behaviour, between the HTTP routes (thin) and the pure rules: who writes into which
 * room, what the bot may send where, handovers, and which webhooks go out.
 */
export class ConversationService {
  constructor(
    private readonly deps: {
      readonly appCode: string;
      readonly botEmail: string;
      readonly switches: Switches;
      readonly directory: Directory;
      readonly store: RoomStore;
      readonly dispatcher: WebhookDispatcher;
      readonly clock: Clock;
      readonly ids: IdGenerator;
      readonly faker: Faker;
      /** Where each room's session starts are noted (the admin API's service records). */
      readonly annotations: RoomAnnotations;
      /** New Session, Custom Agent Allocation and Mark-as-Resolved. */
      readonly appWebhooks: AppWebhooks;
    },
  ) {}

  private get staff(): rules.Staff {
    return { agents: this.deps.directory.agents, load: this.deps.store.agentLoad() };
  }

  private agent(id: number | null): Agent | undefined {
    return id === null ? undefined : this.deps.directory.agents.find((agent) => agent.id === id);
  }

  /** The room, or ROOM_NOT_FOUND on the Qiscus surface. */
  requireRoom(roomId: string, fresh = true): RoomState {
    const room = fresh ? this.deps.store.get(roomId) : this.deps.store.peek(roomId);
    if (!room) {
      throw new QiscusApiError(
        'ROOM_NOT_FOUND',
        `No room has the id "${roomId}": use payload.room.id_str from the webhook.`,
        [{ path: 'room_id', message: 'no such room' }],
      );
    }
    return room;
  }

  /** The room, or MOCK_ERR_ROOM_NOT_FOUND on the control surface. */
  requireControlRoom(roomId: string): RoomState {
    const room = this.deps.store.get(roomId);
    if (!room) {
      throw mockError(
        'MOCK_ERR_ROOM_NOT_FOUND',
        `No room has the id "${roomId}". GET /_mock/rooms lists the rooms there are.`,
      );
    }
    return room;
  }

  view(room: RoomState): MockRoom {
    return toMockRoom(room, {
      agent: this.agent(room.agentId),
      messageCount: this.deps.store.messageCount(room.id),
      lastMessage: this.deps.store.lastMessage(room.id),
      tags: this.deps.annotations.tagsOf(room.id),
      userProperties: this.deps.annotations.propertiesOf(room.id),
    });
  }

  detail(room: RoomState): MockRoomDetail {
    return { room: this.view(room), messages: this.deps.store.messages(room.id) };
  }

  /** The id of the first message kept for the room, if any. */
  firstMessageId(roomId: string): number | undefined {
    return this.deps.store.messages(roomId)[0]?.id;
  }

  /** Every room, latest activity first. */
  listRooms(): MockRoom[] {
    return this.deps.store
      .list()
      .sort((a, b) => b.updatedAt - a.updatedAt || Number(b.id) - Number(a.id))
      .map((room) => this.view(room));
  }

  private now(): number {
    return this.deps.clock.now();
  }

  private openRoom(request: CustomerMessageRequest): { room: RoomState; created: boolean } {
    const { store } = this.deps;
    if (request.room_id !== undefined) {
      const room = this.requireControlRoom(request.room_id);
      if (
        (request.channel !== undefined && request.channel !== room.channel.source) ||
        (request.channel_id !== undefined && request.channel_id !== room.channel.id)
      ) {
        throw mockError(
          'MOCK_ERR_CHANNEL_MISMATCH',
          `Room ${room.id} is on ${room.channel.source} (channel ${room.channel.id}); leave out channel, or give that one.`,
          {
            errors: [{ path: 'channel', message: `must be ${room.channel.source} for this room` }],
          },
        );
      }
      return { room, created: false };
    }
    const channel = findChannel(this.deps.directory.channels, request);
    const made =
      request.customer?.id === undefined
        ? generateCustomer(channel.source, this.deps.faker, request.customer?.name)
        : undefined;
    const customerId = request.customer?.id ?? made?.id ?? '';
    const existing = store.findByCustomer(channel.id, customerId);
    if (existing) return { room: existing, created: false };
    const room = newRoom(channel, customerId, request.customer?.name ?? made?.name, {
      ids: this.deps.ids,
      faker: this.deps.faker,
      now: this.now(),
    });
    // Stored by the caller once the message is known to be good: a refusal leaves no room.
    return { room, created: true };
  }

  /** A customer writes: the room is made or reused, the message stored, the webhook sent. */
  customerSays(request: CustomerMessageRequest): CustomerMessageOutcome {
    const { room: opened, created } = this.openRoom(request);
    let type: RoomMessage['type'] = request.type ?? 'text';
    let text = request.text ?? '';
    let payload: Record<string, unknown> | null = request.payload ?? null;
    if (request.postback !== undefined || request.postback_index !== undefined) {
      const button = pressButton(
        created ? [] : this.deps.store.messages(opened.id),
        request,
        opened.id,
      );
      type = 'text';
      text = button.postback_text || button.label;
      payload = (button.payload as Record<string, unknown> | undefined) ?? null;
    } else if (type === 'file_attachment') {
      const caption = (payload as { caption?: unknown } | null)?.caption;
      text = text || (typeof caption === 'string' ? caption : '');
    }
    const now = this.now();
    const received = created
      ? { room: { ...opened, updatedAt: now }, newSession: true }
      : rules.receiveCustomerMessage(opened, { now });
    const room = received.room;
    const previous = created ? undefined : this.deps.store.lastMessage(room.id);
    const id = this.deps.ids.next('comment');
    const skip = skipReasonFor(room, this.deps.switches.botEnabled);
    const message: RoomMessage = {
      id,
      sender: 'customer',
      sender_id: room.customer.id,
      sender_name: room.customer.name,
      type,
      text,
      payload,
      created_at: formatTimestamp(now),
      delivery_id: null,
    };
    const webhook = buildBotMessageWebhook(
      { appCode: this.deps.appCode, botEmail: this.deps.botEmail },
      room,
      message,
      previous?.id ?? 0,
      now,
    );
    // Built by the mock from checked values and typed by the contract, so it is not checked
    // again with zod on every message (a fifth of a delivery's cost): the tests check what
    // arrives at the bot against BotMessageWebhookSchema.
    const variant = request.webhook_variant ?? 'documented';
    const legacy =
      variant === 'legacy'
        ? LegacyBotMessageWebhookSchema.parse(buildLegacyBotMessageWebhook(room, message))
        : null;
    if (received.newSession) this.deps.annotations.startSession(room.id, id);
    if (created) this.deps.store.add(room);
    else this.deps.store.save(room);
    if (received.newSession) this.deps.appWebhooks.newSession(room, webhook, message.created_at);
    const delivery = this.deps.dispatcher.dispatch({
      webhook: legacy ? 'legacyBotMessage' : 'botMessage',
      roomId: room.id,
      commentId: id,
      body: legacy ?? (variant === 'unknown_fields' ? withUnknownFields(webhook) : webhook),
      ...(skip ? { skip } : {}),
    });
    this.deps.store.appendMessage(room.id, { ...message, delivery_id: delivery.id });
    return {
      result: {
        room_id: room.id,
        room_created: created,
        comment_id: id,
        new_session: received.newSession,
        delivery,
      },
      settled: () => this.deps.dispatcher.settled(delivery.id),
    };
  }

  /**
   * The bot posts a message. Refused (and not stored) when the room's channel does not take the
   * type; accepted after a handover, but the caller flags it.
   */
  botPosts(message: BotMessage): {
    readonly room: RoomState;
    readonly stored: RoomMessage;
    readonly warnings: readonly ErrorDetail[];
  } {
    // Its time is not needed here, so the room is not brought up to date for it.
    const room = this.requireRoom(message.room_id, false);
    const { source } = room.channel;
    if (!isMessageTypeAllowed(this.deps.switches.channelRules, source, message.type)) {
      const refused = this.deps.switches.channelRules[source].refuses;
      const name = channelShortName(source);
      const cloud = room.channel.is_on_cloud ? ' (WhatsApp Cloud API)' : '';
      throw new QiscusApiError(
        'MESSAGE_TYPE_NOT_SUPPORTED',
        `${message.type} messages are not supported in ${name}${cloud} rooms: send ${message.type === 'carousel' ? 'each card' : 'the choices'} as a text message instead.`,
        [{ path: 'type', message: `${name} (${source}) refuses ${refused.join(' and ')}` }],
      );
    }
    const warnings = warningsFor(message, this.deps.botEmail);
    const now = this.now();
    const stored: RoomMessage = {
      id: this.deps.ids.next('comment'),
      sender: 'bot',
      sender_id: message.sender_email,
      sender_name: 'Bot',
      type: message.type,
      text: message.message ?? '',
      payload:
        message.type === 'file_attachment'
          ? attachmentPayloadOf(message)
          : 'payload' in message && message.payload
            ? message.payload
            : null,
      created_at: formatTimestamp(now),
      delivery_id: null,
    };
    this.deps.store.appendMessage(room.id, stored, now);
    return { room, stored, warnings };
  }

  handOver(roomId: string, findOnlineAgent: boolean): RoomState {
    const room = this.requireRoom(roomId);
    const outcome = rules.requestHandover(room, { findOnlineAgent, now: this.now() });
    if (!outcome.ok) throw refusal(outcome);
    this.deps.store.save(outcome.room);
    if (room.handover.status !== 'pending' && this.deps.appWebhooks.allocating) {
      this.askForAgent(outcome.room, findOnlineAgent);
    }
    return outcome.room;
  }

  /**
   * Custom Agent Allocation: the receiver is told the agent the inbox would pick, and may assign
   * one (by answering, or by calling assign_agent). Whatever it does is noted in the delivery
   * log; when it assigns nobody, the handover waits in the inbox as it would without it.
   */
  private askForAgent(room: RoomState, findOnlineAgent: boolean): void {
    const { staff } = this;
    this.deps.appWebhooks.askForAgent(room, {
      candidate: rules.pickAgent(staff.agents, staff.load, findOnlineAgent),
      properties: this.deps.annotations.propertiesOf(room.id),
      commentId: this.deps.store.lastMessage(room.id)?.id ?? 0,
      decide: (answer) => {
        const outcome = allocateByAnswer(this.deps.store.peek(room.id), answer, {
          findAgent: (id) => this.agent(id),
          now: this.now(),
        });
        if (outcome.room) this.deps.store.save(outcome.room);
        return outcome.note;
      },
    });
  }

  handOverToRole(
    roomId: string,
    role: string,
    findOnlineAgent: boolean,
  ): { readonly room: RoomState; readonly agent: Agent | null } {
    const room = this.requireRoom(roomId);
    const outcome = rules.handOverToRole(room, {
      role,
      findOnlineAgent,
      autoAgentAllocation: this.deps.switches.autoAgentAllocation,
      divisions: this.deps.directory.divisions.map((division) => division.name),
      staff: this.staff,
      now: this.now(),
    });
    if (!outcome.ok) throw refusal(outcome);
    this.deps.store.save(outcome.room);
    return { room: outcome.room, agent: outcome.agent };
  }

  setRoomBot(roomId: string, active: boolean): RoomState {
    const room = this.requireRoom(roomId);
    const updated = rules.setRoomBot(room, { active, now: this.now() });
    this.deps.store.save(updated);
    return updated;
  }

  acceptHandover(roomId: string, agentId: number | undefined): RoomState {
    const room = this.requireControlRoom(roomId);
    const outcome = rules.acceptHandover(room, {
      staff: this.staff,
      now: this.now(),
      ...(agentId === undefined ? {} : { agentId }),
    });
    if (!outcome.ok) throw refusal(outcome);
    this.deps.store.save(outcome.room);
    return outcome.room;
  }

  declineHandover(roomId: string): RoomState {
    const room = this.requireControlRoom(roomId);
    const outcome = rules.declineHandover(room, { now: this.now() });
    if (!outcome.ok) throw refusal(outcome);
    this.deps.store.save(outcome.room);
    return outcome.room;
  }

  resolve(roomId: string): RoomState {
    const room = this.requireControlRoom(roomId);
    const updated = rules.resolveRoom(room, { now: this.now() });
    this.deps.store.save(updated);
    if (!room.resolved) this.announceResolved(updated, this.agent(room.agentId));
    return updated;
  }

  /** Sends the Mark-as-Resolved webhook for a room just resolved by `agent` (or the admin). */
  announceResolved(room: RoomState, agent: Agent | undefined): void {
    const { annotations, store } = this.deps;
    this.deps.appWebhooks.resolved(
      room,
      toService(room, annotations.session(room.id), store.lastMessage(room.id)),
      annotations.propertiesOf(room.id),
      agent,
    );
  }

  /** A human agent writes into the room: the room's agent, or the one named. */
  agentSays(roomId: string, text: string, agentId: number | undefined): RoomState {
    const room = this.requireControlRoom(roomId);
    const agent = this.agent(agentId ?? room.agentId);
    if (!agent) {
      throw agentId === undefined
        ? mockError(
            'MOCK_ERR_NO_AGENT',
            `Room ${room.id} has no agent: accept its handover first, or give agent_id.`,
          )
        : mockError(
            'MOCK_ERR_AGENT_NOT_FOUND',
            `No agent has the id ${agentId}: GET /_mock/config lists the agents and their ids.`,
            {
              errors: [{ path: 'agent_id', message: 'no such agent' }],
            },
          );
    }
    const now = this.now();
    this.deps.store.appendMessage(room.id, {
      id: this.deps.ids.next('comment'),
      sender: 'agent',
      sender_id: agent.email,
      sender_name: agent.name,
      type: 'text',
      text,
      payload: null,
      created_at: formatTimestamp(now),
      delivery_id: null,
    });
    const updated = { ...room, updatedAt: now };
    this.deps.store.save(updated);
    return updated;
  }
}
