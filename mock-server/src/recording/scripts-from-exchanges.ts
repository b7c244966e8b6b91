import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Exchange } from '#contracts';
import { groupTurns, type LinedExchange, type RecordedTurn } from './conversation-turns.js';

// Required on the first script written, not when the mock starts: YAML is slow to load.
let yaml: typeof Yaml | undefined;
const requireHere = createRequire(import.meta.url);

/** One conversation script made from a recorded room: its room and its YAML. */
export interface ScriptFromExchanges {
  readonly roomId: string;
  readonly yaml: string;
}

type Step = Record<string, unknown> | string;

function isAccepted(exchange: Exchange): boolean {
  return exchange.status !== null && exchange.status >= 200 && exchange.status < 300;
}

/** The bot's message as a `bot` step: its type, text, button labels, card titles, file URL. */
function botStep(body: Record<string, unknown>): Step {
  const type = typeof body.type === 'string' ? body.type : 'text';
  const payload = (body.payload ?? {}) as Record<string, unknown>;
  const labels = (buttons: unknown) =>
    Array.isArray(buttons) ? buttons.map((button) => (button as { label?: unknown }).label) : [];
  switch (type) {
    case 'text':
      return { bot: { type, text: body.message } };
    case 'buttons':
      return { bot: { type, text: payload.text, buttons: labels(payload.buttons) } };
    case 'carousel': {
      const cards = Array.isArray(payload.cards) ? payload.cards : [];
      return { bot: { type, cards: cards.map((card) => (card as { title?: unknown }).title) } };
    }
    case 'file_attachment':
      return { bot: { type, url: payload.url } };
    default:
      return { bot: { type } };
  }
}

/** A recorded turn as steps: what the customer or agent did, then each thing the bot did. */
function stepsOf(turn: RecordedTurn): Step[] {
  const steps: Step[] = [];
  const { exchange } = turn.driver;
  const body = (exchange.request.body ?? {}) as Record<string, unknown>;
  switch (exchange.operation_id) {
    case 'sendCustomerMessage':
      if (typeof body.postback === 'string') steps.push({ customer: { postback: body.postback } });
      else if (body.type !== undefined && body.type !== 'text') {
        steps.push({ customer: { type: body.type, text: body.text, payload: body.payload } });
      } else steps.push({ customer: body.text });
      break;
    case 'sendAgentMessage':
      steps.push({ agent: body.text });
      break;
    case 'resolveRoom':
      steps.push('resolve');
      break;
    default:
      // Accepting or declining a handover and the room's switch have no step of their own.
      break;
  }
  for (const { exchange: call } of turn.botSide) {
    if (call.direction !== 'from_bot' || !isAccepted(call)) continue;
    const request = (call.request.body ?? {}) as Record<string, unknown>;
    if (call.operation_id === 'postBotMessage') steps.push(botStep(request));
    else if (call.operation_id === 'handOver') steps.push({ handover: {} });
    else if (call.operation_id === 'handOverToRole') {
      steps.push({ handover: typeof request.role === 'string' ? { role: request.role } : {} });
    }
  }
  return steps;
}

/**
 * Turns exchanges (a recording's, or the traffic log's) into conversation scripts in the format
 * `qiscus-mock test` runs, one per room: the customer's messages and presses become `customer`
 * steps, the bot's messages `bot` steps (type, text, button labels, card titles, file URL), its
 * hand-overs `handover` steps, agents' messages `agent` steps and resolving `resolve`. `name`
 * names each script from its place and room. The one conversion behind `qiscus-mock script` and
 * the dashboard's "Save as script".
 */
export function scriptsFromExchanges(
  lines: readonly LinedExchange[],
  name: (index: number, roomId: string) => string,
): ScriptFromExchanges[] {
  const { conversations } = groupTurns(lines);
  return conversations.map((conversation, index) => {
    const first = (conversation.turns[0]?.driver.exchange.request.body ?? {}) as {
      channel?: unknown;
      customer?: { id?: unknown; name?: unknown };
    };
    const script = {
      name: name(index, conversation.roomId),
      channel: typeof first.channel === 'string' ? first.channel : 'qiscus',
      ...(first.customer ? { customer: first.customer } : {}),
      steps: conversation.turns.flatMap(stepsOf),
    };
    return {
      roomId: conversation.roomId,
      yaml: (yaml ??= requireHere('yaml') as typeof Yaml).stringify(script, { lineWidth: 0 }),
    };
  });
}
