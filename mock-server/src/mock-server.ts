import type {
  AcceptHandoverRequest,
  AgentMessageRequest,
  CustomerMessageRequest,
  CustomerMessageResult,
  Delivery,
  Exchange,
  FaultRule,
  FaultRuleInput,
  MockEvent,
  MockRoom,
  MockRoomDetail,
  MockSettings,
  MockSettingsPatch,
  RecordingStatus,
} from '#contracts';
import type { ServedRoute } from './http/build-app.js';

/** A running mock server, for a test suite or the CLI. */
export interface MockServer {
  /** Where it listens, e.g. `http://127.0.0.1:3737`. */
  readonly url: string;
  readonly appCode: string;
  readonly secretKey: string;
  readonly adminToken: string;
  /** The bot's sender address, `{app_code}_admin@qismo.com`. */
  readonly botEmail: string;
  /** Play the customer. */
  readonly customer: {
    /**
     * A customer writes, as `POST /_mock/messages` does; a string is a text on the web widget.
     * With `{ wait: true }` it resolves once the webhook delivery has settled.
     */
    say(
      message: CustomerMessageRequest | string,
      options?: { readonly wait?: boolean },
    ): Promise<CustomerMessageResult>;
  };
  /**
   * Play an agent, as the control API's agent routes do. Each returns the room after the change,
   * or throws MOCK_ERR_* (an unknown room, no agent to take it, a handover not pending …).
   */
  readonly agent: {
    /** An agent writes in a room: the room's own agent, or `agent_id`. */
    say(roomId: string, message: AgentMessageRequest): MockRoomDetail;
    /** Accepts the room's pending handover: by `agent_id`, or the least busy agent. */
    acceptHandover(roomId: string, request?: AcceptHandoverRequest): MockRoomDetail;
    /** Declines the room's pending handover: the bot has the room again. */
    declineHandover(roomId: string): MockRoomDetail;
    /** Resolves the room: the conversation is over. */
    resolve(roomId: string): MockRoomDetail;
    /** Switches the bot off or on for the room, as `POST /_mock/rooms/{room_id}/bot` does. */
    setRoomBot(roomId: string, active: boolean): MockRoomDetail;
  };
  readonly rooms: {
    list(): MockRoom[];
    get(roomId: string): MockRoomDetail | undefined;
  };
  readonly deliveries: {
    list(): Delivery[];
    /**
     * Sends a logged webhook again, same body and message id, as
     * `POST /_mock/deliveries/{delivery_id}/redeliver` does; throws MOCK_ERR_* for an unknown id.
     */
    redeliver(deliveryId: string): Delivery;
  };
  readonly traffic: { list(): Exchange[] };
  /** Faults injected on purpose on the Qiscus routes (see `faults` of `PATCH /_mock/config`). */
  readonly faults: {
    inject(rule: FaultRuleInput): FaultRule;
    list(): FaultRule[];
    clear(): void;
  };
  /**
   * The live events `/_mock/events` streams, in process: `subscribe` calls the listener with
   * every event from now on (no `ready` snapshot) and returns how to stop.
   */
  readonly events: { subscribe(listener: (event: MockEvent) => void): () => void };
  /** The switches, channels, divisions and agents, as `GET /_mock/config` shows them. */
  settings(): MockSettings;
  /** Where the mock records (`record` option) and whether it stopped; undefined when it does not. */
  recording(): RecordingStatus | undefined;
  /**
   * Changes the switches as `PATCH /_mock/config` does (bot URL, bot on or off, Auto Agent
   * Allocation, delivery mode, channel rules) and returns the settings after the change.
   */
  configure(patch: MockSettingsPatch): MockSettings;
  /** Every route it answers, with the catalogue operation behind each. */
  routes(): ServedRoute[];
  /** Resolves once every webhook delivery started so far has settled. */
  drain(): Promise<void>;
  /** Clears rooms, messages, deliveries and traffic. */
  reset(): void;
  /**
   * Stops listening and closes every connection. Webhook attempts in flight have the delivery
   * timeout to be answered; none starts any more, and retries still waiting settle as failed,
   * saying the mock shut down. Every delivery is settled when it resolves.
   */
  close(): Promise<void>;
}
