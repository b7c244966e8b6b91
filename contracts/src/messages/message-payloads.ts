import { WebUrlSchema } from '../web-url.js';
import { z } from '../zod.js';
import {
  ButtonSchema,
  CardDefaultActionSchema,
  carouselCardExample,
  linkButtonExample,
  postbackButtonExample,
} from './button.js';

/** Realistic payloads, one per message type; the message examples are built from them. */
export const payloadExamples = {
  fileAttachment: {
    url: 'https://files.example.com/invoices/INV-2041.pdf',
    caption: 'Your invoice for November',
    file_name: 'INV-2041.pdf',
    size: 48213,
    pages: 2,
  },
  buttons: {
    text: 'What do you need help with?',
    buttons: [
      postbackButtonExample,
      {
        label: 'Opening hours',
        type: 'postback',
        payload: { url: '', method: 'get', payload: null },
      },
      linkButtonExample,
    ],
  },
  carousel: {
    cards: [
      carouselCardExample,
      {
        image: 'https://shop.example.com/img/plan-pro.jpg',
        title: 'Pro plan',
        description: 'Rp 99.000 a month, 50 GB',
        buttons: [{ label: 'Choose Pro', type: 'postback', postback_text: 'I choose Pro' }],
      },
    ],
  },
  card: {
    text: 'Special deal for you',
    image: 'https://shop.example.com/img/router.jpg',
    title: 'Dual-band router',
    description: 'Rp 349.000, free delivery',
    url: 'https://shop.example.com/p/router',
    buttons: [
      { label: 'Buy now', type: 'link', payload: { url: 'https://shop.example.com/p/router/buy' } },
    ],
  },
  custom: { type: 'promo', content: { code: 'HEMAT10', valid_until: '2026-12-31' } },
  location: {
    name: 'Qiscus Mock Office',
    address: 'Jl. Jend. Sudirman No. 1, Jakarta',
    latitude: -6.2088,
    longitude: 106.8456,
    map_url: 'https://maps.example.com/?q=-6.2088,106.8456',
  },
};

/** The payload of a `file_attachment` message: the file's URL and, optionally, its details. */
export const FileAttachmentPayloadSchema = z
  .strictObject({
    url: WebUrlSchema.describe('Where the file is; Qiscus fetches it from there.'),
    caption: z.string().optional(),
    file_name: z.string().optional(),
    size: z.number().int().nonnegative().optional().describe('Bytes; 0 when unknown.'),
    pages: z.number().int().nonnegative().optional(),
  })
  .openapi('FileAttachmentPayload', { example: payloadExamples.fileAttachment });

/** The payload of a `buttons` message: a text and the buttons under it. */
export const ButtonsPayloadSchema = z
  .strictObject({
    text: z.string().describe('The text shown above the buttons.'),
    buttons: z.array(ButtonSchema).min(1, 'a buttons message needs at least one button'),
  })
  .openapi('ButtonsPayload', { example: payloadExamples.buttons });

/** One card of a carousel. */
export const CarouselCardSchema = z
  .strictObject({
    image: WebUrlSchema.describe('The picture at the top of the card.'),
    title: z.string().min(1),
    description: z.string().optional(),
    default_action: CardDefaultActionSchema.optional(),
    buttons: z.array(ButtonSchema).optional(),
  })
  .openapi('CarouselCard', { example: carouselCardExample });

/** The payload of a `carousel` message: cards the customer swipes through. */
export const CarouselPayloadSchema = z
  .strictObject({
    cards: z.array(CarouselCardSchema).min(1, 'a carousel needs at least one card'),
  })
  .openapi('CarouselPayload', { example: payloadExamples.carousel });

/** The payload of a `card` message: one product-style card with a link and buttons. */
export const CardPayloadSchema = z
  .strictObject({
    text: z.string(),
    image: WebUrlSchema,
    title: z.string().min(1),
    description: z.string(),
    url: WebUrlSchema.describe('The page the card opens.'),
    buttons: z.array(ButtonSchema),
  })
  .openapi('CardPayload', { example: payloadExamples.card });

const customPayloadShape = {
  type: z.string().min(1).describe('Your sub-type, e.g. "promo".'),
  content: z.unknown().describe('Any JSON: object, array, string or number.'),
};

/** The payload of a `custom` message: a sub-type of your own and any JSON content. */
export const CustomPayloadSchema = z
  .strictObject(customPayloadShape)
  // zod requires both keys at run time, but the generator takes z.unknown() for optional.
  .openapi('CustomPayload', {
    required: Object.keys(customPayloadShape),
    example: payloadExamples.custom,
  });

/** The payload of a `location` message. */
export const LocationPayloadSchema = z
  .strictObject({
    name: z.string(),
    address: z.string(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    map_url: WebUrlSchema,
    encrypted_latitude: z.string().optional(),
    encrypted_longitude: z.string().optional(),
  })
  .openapi('LocationPayload', { example: payloadExamples.location });
