import { z } from './zod.js';

/** Every message type a bot may send through `POST /{app_code}/bot`. */
export const BotMessageTypeSchema = z
  .enum(['text', 'file_attachment', 'buttons', 'carousel', 'card', 'custom', 'location'])
  .openapi('BotMessageType', { example: 'buttons' });
export type BotMessageType = z.infer<typeof BotMessageTypeSchema>;

/** The message types of the Qiscus SDK comment model, which webhooks carry. */
export const CommentTypeSchema = z
  .enum([
    'account_linking',
    'button_postback_response',
    'buttons',
    'card',
    'carousel',
    'contact_person',
    'custom',
    'file_attachment',
    'location',
    'reply',
    'text',
  ])
  .openapi('CommentType', { example: 'file_attachment' });
export type CommentType = z.infer<typeof CommentTypeSchema>;
