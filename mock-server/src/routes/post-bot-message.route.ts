import type { FastifyInstance } from 'fastify';
import { attachmentPayloadOf, postBotMessage, type BotMessage, type RoomMessage } from '#contracts';
import { flagExchange, registerOperation } from '../http/register-operation.js';
import { defaultAvatar } from '../webhooks/build-bot-message-webhook.js';
import { operationDeps, type RouteDeps } from './route-deps.js';

/** The comment text the SDK answers with: an attachment becomes `[file] <url> [/file]`. */
function commentText(message: BotMessage): string {
  if (message.type === 'file_attachment')
    return `[file] ${attachmentPayloadOf(message).url} [/file]`;
  return message.message ?? '';
}

function toComment(message: BotMessage, stored: RoomMessage) {
  return {
    message: commentText(message),
    payload: stored.payload,
    timestamp: stored.created_at,
    type: message.type,
    user: {
      avatar_url: defaultAvatar,
      user_id: message.sender_email,
      username: stored.sender_name,
    },
  };
}

/** `POST /{app_code}/bot`. */
export function postBotMessageRoute(app: FastifyInstance, deps: RouteDeps): void {
  registerOperation(app, postBotMessage, operationDeps(deps), ({ body, request }) => {
    const { room, stored, warnings } = deps.service.botPosts(body);
    if (warnings.length > 0 && request.exchangeNotes) {
      request.exchangeNotes.warnings = [...request.exchangeNotes.warnings, ...warnings];
    }
    if (!room.botActive) {
      flagExchange(
        request,
        room.handover.status === 'none'
          ? 'BOT_MESSAGE_WHILE_BOT_OFF'
          : 'BOT_MESSAGE_AFTER_HANDOVER',
      );
    }
    return { results: { comment: toComment(body, stored) }, status: 200 };
  });
}
