import type { Exchange } from '#contracts';

/** A recorded exchange and the line of the recording it is on. */
export interface LinedExchange {
  readonly line: number;
  readonly exchange: Exchange;
}

/** What the customer or an agent did (a control call), and what the bot did in answer. */
export interface RecordedTurn {
  /** From 0, in the order of the recording. */
  readonly index: number;
  /** From 0, among the turns of its room. */
  position: number;
  readonly driver: LinedExchange;
  /** The webhooks to the bot and the bot's calls this turn led to, in order. */
  readonly botSide: LinedExchange[];
}

/** One room's turns; the turns without a room (config changes) belong to no conversation. */
export interface RecordedConversation {
  readonly roomId: string;
  readonly turns: RecordedTurn[];
}

/** Control calls replayed: the customer's and agents' side, and the switches. */
const drivers = new Set([
  'sendCustomerMessage',
  'sendAgentMessage',
  'acceptHandover',
  'declineHandover',
  'resolveRoom',
  'setRoomBot',
  'patchConfig',
  'resetMock',
]);

/** Whether an exchange is one replay plays (a control call of the customer's or agents' side). */
export function isDriver(exchange: Exchange): boolean {
  return exchange.direction === 'control' && drivers.has(exchange.operation_id ?? '');
}

function commentOfWebhook(exchange: Exchange): number | undefined {
  const body = exchange.request.body as { payload?: { message?: { id?: unknown } } } | null;
  const id = body?.payload?.message?.id;
  return typeof id === 'number' ? id : undefined;
}

function commentOfAnswer(exchange: Exchange): number | undefined {
  const body = exchange.response?.body as { comment_id?: unknown } | null | undefined;
  return typeof body?.comment_id === 'number' ? body.comment_id : undefined;
}

/**
 * The lines in the order their exchanges began (`start_seq`), or as logged when a line does not
 * say (a recording of an earlier version). Logged order is when each was answered: a bot that
 * calls the API before it answers the webhook, or a mock held up a moment between the two, has
 * the call logged before the webhook that led to it.
 */
export function inOrderBegun(lines: readonly LinedExchange[]): readonly LinedExchange[] {
  if (!lines.every((item) => item.exchange.start_seq !== undefined)) return lines;
  return [...lines].sort((a, b) => (a.exchange.start_seq ?? 0) - (b.exchange.start_seq ?? 0));
}

/**
 * Groups a recording's exchanges into turns: each control call that plays the customer or an agent
 * starts one, and the webhooks and bot calls of its room that follow it (in the order they began)
 * belong to it. A webhook is matched to its customer message by comment id, which also serves
 * recordings without `start_seq`, where a `?wait=true` control call is logged after the webhook it
 * waited for. Returns the steps in order (config changes without a room included) and the
 * conversations by room.
 */
export function groupTurns(recorded: readonly LinedExchange[]): {
  readonly steps: RecordedTurn[];
  readonly conversations: RecordedConversation[];
} {
  const lines = inOrderBegun(recorded);
  const byComment = new Map<number, LinedExchange>();
  for (const item of lines) {
    if (item.exchange.operation_id !== 'sendCustomerMessage') continue;
    const comment = commentOfAnswer(item.exchange);
    if (comment !== undefined) byComment.set(comment, item);
  }
  const steps: RecordedTurn[] = [];
  const turnOf = new Map<LinedExchange, RecordedTurn>();
  const current = new Map<string, RecordedTurn>();
  const conversations = new Map<string, RecordedConversation>();
  const turnFor = (driver: LinedExchange): RecordedTurn => {
    const known = turnOf.get(driver);
    if (known) return known;
    const turn: RecordedTurn = { index: steps.length, position: 0, driver, botSide: [] };
    steps.push(turn);
    turnOf.set(driver, turn);
    const room = driver.exchange.room_id;
    if (room !== null) {
      const conversation = conversations.get(room) ?? { roomId: room, turns: [] };
      turn.position = conversation.turns.length;
      conversation.turns.push(turn);
      conversations.set(room, conversation);
    }
    return turn;
  };
  for (const item of lines) {
    const { exchange } = item;
    const room = exchange.room_id;
    if (isDriver(exchange)) {
      const turn = turnFor(item);
      if (room !== null) current.set(room, turn);
      continue;
    }
    if (exchange.direction === 'control' || room === null) continue;
    const comment = exchange.direction === 'to_bot' ? commentOfWebhook(exchange) : undefined;
    const driver = comment === undefined ? undefined : byComment.get(comment);
    const turn = driver ? turnFor(driver) : current.get(room);
    if (driver && turn) current.set(room, turn);
    turn?.botSide.push(item);
  }
  return { steps, conversations: [...conversations.values()] };
}
