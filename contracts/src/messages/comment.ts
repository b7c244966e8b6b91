import { TimestampSchema } from '../ids.js';
import { BotMessageTypeSchema } from '../message-type.js';
import { z } from '../zod.js';
import { exampleSender } from './bot-message.js';

const botUserExample = {
  avatar_url: 'https://latest-multichannel.qiscus.com/img/default_avatar.svg',
  user_id: exampleSender,
  username: 'Qiscus Mock Bot',
};

/** A realistic comment, as the bot's text example comes back. */
export const commentExample = {
  message: 'Hi Budi, how can I help you today?',
  payload: null,
  timestamp: '2026-11-24T02:10:31Z',
  type: 'text',
  user: botUserExample,
};

/** Who posted a comment. */
export const CommentUserSchema = z
  .strictObject({
    avatar_url: z.string(),
    user_id: z.string().min(1).describe('The sender’s email-style user id.'),
    username: z.string(),
  })
  .openapi('CommentUser', { example: botUserExample });

/** A comment as the Qiscus SDK returns it. */
export const CommentSchema = z
  .strictObject({
    message: z
      .string()
      .describe('The text; for an attachment, `[file] <url> [/file]` as the SDK writes it.'),
    payload: z.record(z.string(), z.unknown()).nullable(),
    timestamp: TimestampSchema,
    type: BotMessageTypeSchema,
    user: CommentUserSchema,
  })
  .openapi('Comment', { example: commentExample });

/** What `POST /{app_code}/bot` answers: the SDK's post_comment envelope (inferred). */
export const PostBotMessageResponseSchema = z
  .strictObject({
    results: z.strictObject({ comment: CommentSchema }),
    status: z.literal(200),
  })
  .openapi('PostBotMessageResponse', {
    example: { results: { comment: commentExample }, status: 200 },
  });
