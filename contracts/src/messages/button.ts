import { isJsonObject } from '../is-json-object.js';
import { WebUrlSchema } from '../web-url.js';
import { z } from '../zod.js';

/** Why a value is not a button (or default action): not an object at all, or a wrong `type`. */
function describeUnionMiss(input: unknown, what: string): string {
  return isJsonObject(input)
    ? 'must be "postback" or "link"'
    : `must be an object: ${what} with a label and a type`;
}

const httpMethod = z
  .enum(['get', 'post', 'put', 'patch', 'delete', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
  .describe('How a client would call `url` when the button is pressed.');

const actionPayloadExample = {
  url: 'https://bot.example.com/postback',
  method: 'get',
  payload: { topic: 'billing' },
};

/** A realistic postback button. */
export const postbackButtonExample = {
  label: 'Billing',
  type: 'postback',
  postback_text: 'I have a billing question',
  payload: actionPayloadExample,
};

/** A realistic link button. */
export const linkButtonExample = {
  label: 'Help centre',
  type: 'link',
  payload: { url: 'https://help.example.com' },
};

/** What a postback button (or a card's default action) carries back when it is pressed. */
export const PostbackActionPayloadSchema = z
  .strictObject({
    url: z.string().optional().describe('A URL the client may call; Qiscus passes it through.'),
    method: httpMethod.optional(),
    payload: z
      .unknown()
      .optional()
      .describe('Any JSON; it comes back in the webhook of the customer’s press.'),
  })
  .openapi('PostbackActionPayload', { example: actionPayloadExample });

/** A button that sends a message back into the room when the customer presses it. */
export const PostbackButtonSchema = z
  .strictObject({
    label: z.string().min(1).max(256).describe('The text on the button.'),
    type: z.literal('postback'),
    postback_text: z
      .string()
      .optional()
      .describe('The text the customer “says” by pressing it; the label when absent.'),
    payload: PostbackActionPayloadSchema.optional(),
  })
  .openapi('PostbackButton', { example: postbackButtonExample });

/** Where a link button or a link default action goes. */
const LinkPayloadSchema = z.strictObject({
  url: WebUrlSchema.describe('The page it opens.'),
  method: httpMethod.optional(),
  payload: z.unknown().optional(),
});

/** A button that opens a web page. */
export const LinkButtonSchema = z
  .strictObject({
    label: z.string().min(1).max(256).describe('The text on the button.'),
    type: z.literal('link'),
    postback_text: z.string().optional().describe('Ignored for links; Qiscus echoes it as "".'),
    payload: LinkPayloadSchema,
  })
  .openapi('LinkButton', { example: linkButtonExample });

/** A button: `postback` (answers in the chat) or `link` (opens a page). */
export const ButtonSchema = z
  .discriminatedUnion('type', [PostbackButtonSchema, LinkButtonSchema], {
    error: (issue) => describeUnionMiss(issue.input, 'a button'),
  })
  .openapi('Button', { example: postbackButtonExample });
export type Button = z.infer<typeof ButtonSchema>;

const defaultActionExample = {
  type: 'postback',
  postback_text: 'Tell me about the Basic plan',
  payload: { url: 'https://shop.example.com/plans/basic', method: 'get', payload: null },
};

/**
 * What happens when the customer taps a carousel card itself rather than one of its buttons:
 * a postback, or a link that needs its URL.
 */
export const CardDefaultActionSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({
        type: z.literal('postback'),
        postback_text: z.string().optional(),
        payload: PostbackActionPayloadSchema.optional(),
      }),
      z.strictObject({
        type: z.literal('link'),
        postback_text: z.string().optional(),
        payload: LinkPayloadSchema,
      }),
    ],
    { error: (issue) => describeUnionMiss(issue.input, 'a default action') },
  )
  .openapi('CardDefaultAction', { example: defaultActionExample });

/** A realistic carousel card, with a default action and both kinds of button. */
export const carouselCardExample = {
  image: 'https://shop.example.com/img/plan-basic.jpg',
  title: 'Basic plan',
  description: 'Rp 49.000 a month, 10 GB',
  default_action: defaultActionExample,
  buttons: [
    { label: 'Choose Basic', type: 'postback', postback_text: 'I choose Basic' },
    { label: 'Details', type: 'link', payload: { url: 'https://shop.example.com/plans/basic' } },
  ],
};
