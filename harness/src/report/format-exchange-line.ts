import type { Exchange } from '#contracts';

/** The longest abbreviated body a traffic line shows. */
const maxBodyLength = 100;

/** Reads `value[key1][key2]…` from unknown JSON, or undefined where the path breaks. */
function field(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** JSON of any value; `undefined` (no body at all) as nothing. */
function toJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

function abbreviate(text: string): string {
  // Cut by code point, so an emoji at the cut is not split into half a character.
  const characters = Array.from(text);
  return characters.length <= maxBodyLength
    ? text
    : `${characters.slice(0, maxBodyLength - 1).join('')}…`;
}

/** A webhook says little in JSON's first hundred characters; the customer's words say more. */
function describeWebhookBody(body: unknown): string {
  const type = field(body, 'payload', 'message', 'type');
  const text = field(body, 'payload', 'message', 'text');
  const from = field(body, 'payload', 'from', 'name');
  if (typeof text !== 'string') return abbreviate(toJson(body));
  const kind = typeof type === 'string' ? `${type} ` : '';
  const who = typeof from === 'string' ? ` from ${from}` : '';
  return `${kind}${abbreviate(JSON.stringify(text))}${who}`;
}

/** The bot's request without what every request repeats (its sender and room). */
function describeRequestBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body === 'object' && !Array.isArray(body)) {
    const { sender_email, room_id, ...rest } = body as Record<string, unknown>;
    return abbreviate(JSON.stringify(rest));
  }
  return abbreviate(toJson(body));
}

/** The error code of a refused request, from the error envelope (Qiscus) or problem+json (/_mock). */
function errorCode(exchange: Exchange): string {
  if (exchange.status === null || exchange.status < 400) return '';
  const body = exchange.response?.body;
  const code = field(body, 'errors', 'code') ?? field(body, 'code') ?? field(body, 'title');
  return typeof code === 'string' ? ` ${code}` : '';
}

/**
 * One exchange as one line of a report: `→` the mock calling the bot (a webhook), `←` the bot
 * calling the mock, `·` the harness driving the mock. Bodies are abbreviated.
 */
export function formatExchangeLine(exchange: Exchange): string {
  const status = exchange.status === null ? `no answer: ${exchange.error ?? ''}` : exchange.status;
  const flags = exchange.flags.length > 0 ? ` [${exchange.flags.join(', ')}]` : '';
  switch (exchange.direction) {
    case 'to_bot': {
      const body = describeWebhookBody(exchange.request.body);
      return `→ webhook ${exchange.method} ${exchange.path} ${status}  ${body}`.trimEnd();
    }
    case 'from_bot':
    case 'control': {
      const arrow = exchange.direction === 'from_bot' ? '←' : '·';
      const body = describeRequestBody(exchange.request.body);
      return `${arrow} ${exchange.method} ${exchange.path} ${status}${errorCode(exchange)}${flags}  ${body}`.trimEnd();
    }
  }
}
