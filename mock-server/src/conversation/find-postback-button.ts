import type { Button, RoomMessage } from '#contracts';

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
 * Finds the button a customer presses: the latest one the bot sent into the room with that label.
 * Returns the labels on offer when there is none, so the error can list them.
 */
export function findPostbackButton(
  messages: readonly RoomMessage[],
  label: string,
):
  | { readonly ok: true; readonly button: Button & { readonly type: 'postback' } }
  | { readonly ok: false; readonly labels: readonly string[]; readonly isLink: boolean } {
  const labels: string[] = [];
  let isLink = false;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.sender !== 'bot') continue;
    for (const button of buttonsOf(message)) {
      if (button.label === label) {
        if (button.type === 'postback') return { ok: true, button };
        isLink = true;
      }
      if (button.type === 'postback' && !labels.includes(button.label)) labels.push(button.label);
    }
  }
  return { ok: false, labels, isLink };
}
