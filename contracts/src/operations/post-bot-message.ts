import { defineOperation } from '../define-operation.js';
import { bodyErrorCodes } from '../error-codes.js';
import { BotMessageSchema, exampleSender, messageExamples } from '../messages/bot-message.js';
import { commentExample, PostBotMessageResponseSchema } from '../messages/comment.js';
import { AppCodeParamsSchema } from './app-code-params.js';

/** `POST /{app_code}/bot`: the bot sends a message into a room. */
export const postBotMessage = defineOperation({
  id: 'postBotMessage',
  method: 'post',
  path: '/{app_code}/bot',
  summary: 'Send a message as the bot',
  description:
    'The bot answers a customer by posting one message into the room. The room’s channel decides which types it accepts (see the channel matrix); a refused type is answered with MESSAGE_TYPE_NOT_SUPPORTED and nothing is sent.',
  tags: ['Bot'],
  auth: {
    styles: ['sdkSecret', 'appIdAndSecretKey', 'authorization'],
    authorizationAccepts: ['adminToken'],
  },
  request: {
    params: AppCodeParamsSchema,
    body: {
      required: true,
      description: 'The message. Its shape depends on `type`.',
      content: {
        'application/json': {
          schema: BotMessageSchema,
          examples: {
            text: { summary: 'Text', value: messageExamples.text },
            textWithoutType: {
              summary: 'Text, with type left out',
              value: {
                sender_email: exampleSender,
                message: 'Hello',
                room_id: messageExamples.text.room_id,
              },
            },
            fileAttachment: { summary: 'File attachment', value: messageExamples.fileAttachment },
            buttons: { summary: 'Buttons (postback and link)', value: messageExamples.buttons },
            carousel: { summary: 'Carousel', value: messageExamples.carousel },
            card: { summary: 'Card', value: messageExamples.card },
            custom: { summary: 'Custom', value: messageExamples.custom },
            location: { summary: 'Location', value: messageExamples.location },
          },
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The message was posted to the room.',
      schema: PostBotMessageResponseSchema,
      examples: {
        text: {
          summary: 'A text message was posted',
          value: {
            results: {
              comment: commentExample,
            },
            status: 200,
          },
        },
      },
    },
  },
  errors: [
    'UNAUTHORIZED',
    'APP_NOT_FOUND',
    ...bodyErrorCodes,
    'ROOM_NOT_FOUND',
    'MESSAGE_TYPE_NOT_SUPPORTED',
  ],
  fidelity: [
    { source: 'DOC', fact: 'URL, the QISCUS_SDK_SECRET header and the text body.' },
    {
      source: 'CODE-Q',
      fact: 'Qiscus-App-Id + Qiscus-Secret-Key; the file_attachment, buttons and carousel bodies; type defaulting to text (Qiscus’s n8n node and qiscus-go).',
    },
    { source: 'CODE', fact: 'Authorization with an admin token (older clients).' },
    {
      source: 'INFERRED',
      fact: 'card, custom and location on /bot, extras, and the 4,000-character limit (all documented for the SDK’s post_comment); the response (the SDK’s post_comment envelope); the channel refusals and their error body (from the product brief).',
    },
  ],
});
