import { WebUrlSchema } from '../web-url.js';
import { RoomIdSchema } from '../ids.js';
import { isJsonObject } from '../is-json-object.js';
import { BotMessageTypeSchema, type BotMessageType } from '../message-type.js';
import { z } from '../zod.js';
import {
  ButtonsPayloadSchema,
  CardPayloadSchema,
  CarouselPayloadSchema,
  CustomPayloadSchema,
  FileAttachmentPayloadSchema,
  LocationPayloadSchema,
  payloadExamples,
} from './message-payloads.js';

/** The longest text Qiscus accepts in one comment (documented for the SDK's post_comment). */
export const maxMessageLength = 4000;

/** The bot's sender address in the examples: `{app_code}_admin@qismo.com`. */
export const exampleSender = 'qiscus-mock-app_admin@qismo.com';
const roomId = '187250792';

/** Realistic bot messages, one per type. */
export const messageExamples = {
  text: {
    sender_email: exampleSender,
    message: 'Hi Budi, how can I help you today?',
    type: 'text',
    room_id: roomId,
  },
  fileAttachment: {
    sender_email: exampleSender,
    message: '',
    type: 'file_attachment',
    room_id: roomId,
    payload: payloadExamples.fileAttachment,
  },
  buttons: {
    sender_email: exampleSender,
    message: '',
    type: 'buttons',
    room_id: roomId,
    payload: payloadExamples.buttons,
  },
  carousel: {
    sender_email: exampleSender,
    type: 'carousel',
    room_id: roomId,
    payload: payloadExamples.carousel,
  },
  card: {
    sender_email: exampleSender,
    message: 'Special deal for you',
    type: 'card',
    room_id: roomId,
    payload: payloadExamples.card,
  },
  custom: {
    sender_email: exampleSender,
    message: '',
    type: 'custom',
    room_id: roomId,
    payload: payloadExamples.custom,
  },
  location: {
    sender_email: exampleSender,
    message: 'Our Jakarta office',
    type: 'location',
    room_id: roomId,
    payload: payloadExamples.location,
  },
};

/** The message type a payload's fields point to, when they point to one. */
function typeHintedBy(payload: Record<string, unknown>): BotMessageType | undefined {
  if ('buttons' in payload && 'title' in payload) return 'card';
  if ('buttons' in payload) return 'buttons';
  if ('cards' in payload) return 'carousel';
  if ('latitude' in payload) return 'location';
  if ('content' in payload) return 'custom';
  if ('url' in payload) return 'file_attachment';
  return undefined;
}

const common = {
  sender_email: z
    .email()
    .describe('The bot’s sender: `{app_code}_admin@qismo.com` (the AdminEmail of the app).'),
  room_id: RoomIdSchema,
  extras: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Extra JSON stored with the comment, as in the SDK’s post_comment.'),
};
const optionalMessage = z
  .string()
  .max(maxMessageLength)
  .optional()
  .describe('Text sent with the message; may be empty or left out for this type.');

/** A plain text message. `type` may be left out: text is the default. */
export const TextMessageSchema = z
  .strictObject({
    ...common,
    type: z.literal('text').default('text'),
    message: z.string().min(1, 'a text message cannot be empty').max(maxMessageLength),
    payload: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .describe(
        "Carries nothing for text; one that looks like another type's payload is refused, since Qiscus would drop it.",
      ),
  })
  .superRefine(
    (message, ctx) => {
      // Without `type` a message is text, and Qiscus would drop a payload meant for another type.
      const raw: unknown = message;
      const payload = isJsonObject(raw) ? raw.payload : undefined;
      const meant = isJsonObject(payload) ? typeHintedBy(payload) : undefined;
      if (meant) {
        ctx.addIssue({
          code: 'custom',
          path: ['payload'],
          message: `looks like a ${meant} payload, but this message is text, which carries none: set "type": "${meant}"`,
        });
      }
    },
    // Also when other fields are wrong, so the hint comes with the first answer.
    { when: () => true },
  )
  .openapi('TextMessage', { example: messageExamples.text });

/**
 * A file (image, video, document) sent by URL; `message` is the caption. The older shape with a
 * top-level `attachment_url` (and `caption`), which Qiscus's n8n node sent until it moved to
 * `payload.url`, is taken too; the mock warns about it.
 */
export const FileAttachmentMessageSchema = z
  .strictObject({
    ...common,
    type: z.literal('file_attachment'),
    message: optionalMessage,
    payload: FileAttachmentPayloadSchema.optional().describe(
      'The file. Required unless the older top-level attachment_url is sent.',
    ),
    attachment_url: WebUrlSchema.optional().describe(
      'Deprecated: the older shape of payload.url (an earlier version of Qiscus’s n8n node). Taken, with a warning.',
    ),
    caption: z
      .string()
      .optional()
      .describe('Deprecated: the older shape of payload.caption, sent with attachment_url.'),
  })
  .superRefine((message, ctx) => {
    if (message.payload === undefined && message.attachment_url === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['payload', 'url'],
        message: 'is required (expected string): the file goes in payload.url',
      });
    }
  })
  .openapi('FileAttachmentMessage', { example: messageExamples.fileAttachment });

/** The file of an attachment message, from `payload` or from the older top-level fields. */
export function attachmentPayloadOf(
  message: z.output<typeof FileAttachmentMessageSchema>,
): z.output<typeof FileAttachmentPayloadSchema> {
  if (message.payload) return message.payload;
  return {
    url: message.attachment_url ?? '',
    ...(message.caption === undefined ? {} : { caption: message.caption }),
  };
}

/** A text with buttons under it. Refused on WhatsApp and Instagram. */
export const ButtonsMessageSchema = z
  .strictObject({
    ...common,
    type: z.literal('buttons'),
    message: optionalMessage,
    payload: ButtonsPayloadSchema,
  })
  .openapi('ButtonsMessage', { example: messageExamples.buttons });

/** Cards the customer swipes through. Refused on WhatsApp and Telegram. */
export const CarouselMessageSchema = z
  .strictObject({
    ...common,
    type: z.literal('carousel'),
    message: optionalMessage,
    payload: CarouselPayloadSchema,
  })
  .openapi('CarouselMessage', { example: messageExamples.carousel });

/** One product-style card. */
export const CardMessageSchema = z
  .strictObject({
    ...common,
    type: z.literal('card'),
    message: optionalMessage,
    payload: CardPayloadSchema,
  })
  .openapi('CardMessage', { example: messageExamples.card });

/** A message of your own sub-type, rendered by your own client code. */
export const CustomMessageSchema = z
  .strictObject({
    ...common,
    type: z.literal('custom'),
    message: optionalMessage,
    payload: CustomPayloadSchema,
  })
  .openapi('CustomMessage', { example: messageExamples.custom });

/** A place on a map. */
export const LocationMessageSchema = z
  .strictObject({
    ...common,
    type: z.literal('location'),
    message: optionalMessage,
    payload: LocationPayloadSchema,
  })
  .openapi('LocationMessage', { example: messageExamples.location });

const messageTypeList = BotMessageTypeSchema.options.map((type) => `"${type}"`).join(', ');

/** The body of `POST /{app_code}/bot`: one message, its shape chosen by `type`. */
export const BotMessageSchema = z
  .discriminatedUnion(
    'type',
    [
      TextMessageSchema,
      FileAttachmentMessageSchema,
      ButtonsMessageSchema,
      CarouselMessageSchema,
      CardMessageSchema,
      CustomMessageSchema,
      LocationMessageSchema,
    ],
    {
      error: (issue) =>
        isJsonObject(issue.input)
          ? `must be one of ${messageTypeList}`
          : 'the body must be a JSON object: one message',
    },
  )
  .openapi('BotMessage', {
    example: messageExamples.buttons,
    description: `A message from the bot. \`type\` is one of ${messageTypeList}; when it is left out the message is text.`,
  });
/** A bot message as a client writes it (`type` may be left out). */
export type BotMessageInput = z.input<typeof BotMessageSchema>;
/** A bot message once checked (`type` always set). */
export type BotMessage = z.output<typeof BotMessageSchema>;
