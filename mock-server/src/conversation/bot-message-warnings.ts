import type { BotMessage, ErrorDetail } from '#contracts';

// Most bot messages have no warnings; they all share one empty list.
const noWarnings: readonly ErrorDetail[] = Object.freeze([]);

/**
 * What a bot message does that Qiscus takes but a bot should not rely on: a sender other than the
 * app's bot, or a file in the older top-level `attachment_url`.
 */
export function warningsFor(message: BotMessage, botEmail: string): readonly ErrorDetail[] {
  const fromBot = message.sender_email === botEmail;
  const older = message.type === 'file_attachment' && message.attachment_url !== undefined;
  if (fromBot && !older) return noWarnings;
  const warnings: ErrorDetail[] = [];
  if (!fromBot) {
    warnings.push({
      path: 'sender_email',
      message: `is not this app's bot sender; Qiscus bots send as "${botEmail}"`,
    });
  }
  if (older) {
    warnings.push({
      path: 'attachment_url',
      message:
        'is the older shape of a file_attachment (an earlier version of Qiscus’s n8n node): send the file as payload.url, and its caption as payload.caption',
    });
  }
  return warnings;
}
