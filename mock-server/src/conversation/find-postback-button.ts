import type { Button, CustomerMessageRequest, RoomMessage } from '#contracts';
import { mockError } from '../errors.js';

function buttonsOf(message: RoomMessage): readonly Button[] {
  const payload = message.payload as {
    buttons?: readonly Button[];
    cards?: readonly { buttons?: readonly Button[] }[];
  } | null;
  if (!payload) return [];
  switch (message.type) {
    case 'buttons':
    case 'card':
      return payload.buttons ?? [];
    case 'carousel':
      return (payload.cards ?? []).flatMap((card) => card.buttons ?? []);
    default:
      return [];
  }
}

/**
 * Finds the button a customer presses: by `label`, the latest one the bot sent into the room with
 * that label; by `index` (1: the first), that postback button of the bot's latest message that has
 * any. Returns the labels on offer when there is none, so the error can list them.
 */
export function findPostbackButton(
  messages: readonly RoomMessage[],
  pressed: { readonly label: string } | { readonly index: number },
):
  | { readonly ok: true; readonly button: Button & { readonly type: 'postback' } }
  | { readonly ok: false; readonly labels: readonly string[]; readonly isLink: boolean } {
  const labels: string[] = [];
  let isLink = false;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.sender !== 'bot') continue;
    const postbacks = buttonsOf(message).filter(
      (button): button is Button & { readonly type: 'postback' } => button.type === 'postback',
    );
    if ('index' in pressed) {
      if (postbacks.length === 0) continue;
      const button = postbacks[pressed.index - 1];
      if (button) return { ok: true, button };
      return { ok: false, labels: postbacks.map((b) => b.label), isLink: false };
    }
    for (const button of buttonsOf(message)) {
      if (button.label === pressed.label) {
        if (button.type === 'postback') return { ok: true, button };
        isLink = true;
      }
      if (button.type === 'postback' && !labels.includes(button.label)) labels.push(button.label);
    }
  }
  return { ok: false, labels, isLink };
}

/**
 * The button a customer's message presses (`postback` by label, `postback_index` by place), or
 * MOCK_ERR_BUTTON_NOT_FOUND naming the labels on offer.
 */
export function pressButton(
  messages: readonly RoomMessage[],
  request: Pick<CustomerMessageRequest, 'postback' | 'postback_index'>,
  roomId: string,
): Button & { readonly type: 'postback' } {
  const byLabel = request.postback !== undefined;
  const found = findPostbackButton(
    messages,
    byLabel ? { label: request.postback ?? '' } : { index: request.postback_index ?? 1 },
  );
  if (found.ok) return found.button;
  const offered = found.labels.map((label) => `"${label}"`).join(', ');
  throw mockError(
    'MOCK_ERR_BUTTON_NOT_FOUND',
    found.isLink
      ? `"${request.postback ?? ''}" is a link button: pressing it opens a page and sends nothing to the bot.`
      : found.labels.length === 0
        ? `The bot has sent no postback buttons into room ${roomId}.`
        : byLabel
          ? `No postback button the bot sent into room ${roomId} says "${request.postback ?? ''}"; the labels are ${offered}.`
          : `The bot's latest message with postback buttons in room ${roomId} has ${found.labels.length}, not ${request.postback_index ?? 1}; the labels are ${offered}.`,
    { errors: [{ path: byLabel ? 'postback' : 'postback_index', message: 'no such button' }] },
  );
}
