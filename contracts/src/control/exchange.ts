import { ErrorDetailSchema } from '../error-envelope.js';
import { RoomIdSchema, TimestampSchema } from '../ids.js';
import { z } from '../zod.js';

/** Who spoke: the bot calling the Qiscus API, the mock calling the bot, or a test driving the mock. */
export const ExchangeDirectionSchema = z
  .enum(['from_bot', 'to_bot', 'control'])
  .openapi('ExchangeDirection', { example: 'from_bot' });
export type ExchangeDirection = z.infer<typeof ExchangeDirectionSchema>;

/** Something notable about an accepted exchange, worth a look in a test report. */
export const ExchangeFlagSchema = z
  .enum(['BOT_MESSAGE_AFTER_HANDOVER', 'BOT_MESSAGE_WHILE_BOT_OFF', 'INJECTED_FAULT'])
  .openapi('ExchangeFlag', {
    example: 'BOT_MESSAGE_AFTER_HANDOVER',
    description:
      'BOT_MESSAGE_AFTER_HANDOVER: the bot wrote into a room it had handed over. BOT_MESSAGE_WHILE_BOT_OFF: the bot wrote into a room whose bot switch is off. INJECTED_FAULT: the mock refused or delayed the call on purpose (fault injection).',
  });
export type ExchangeFlag = z.infer<typeof ExchangeFlagSchema>;

const exchangeExample = {
  seq: 3,
  start_seq: 3,
  time: '2026-11-24T02:10:31Z',
  direction: 'from_bot',
  operation_id: 'postBotMessage',
  method: 'POST',
  path: '/qiscus-mock-app/bot',
  room_id: '187250792',
  status: 200,
  request: {
    headers: { 'content-type': 'application/json', qiscus_sdk_secret: '[redacted]' },
    body: { sender_email: 'qiscus-mock-app_admin@qismo.com', message: 'Hi', room_id: '187250792' },
  },
  response: { body: { status: 200 } },
  error: null,
  warnings: [],
  flags: [],
};

/**
 * One HTTP exchange the mock saw or made, in either direction, with secrets redacted. It is also
 * the line format of recordings.
 */
export const ExchangeSchema = z
  .strictObject({
    seq: z
      .number()
      .int()
      .positive()
      .describe('Order among all exchanges of the server, as they were logged (when answered).'),
    start_seq: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'Order in which the exchanges of the server began: a webhook when the mock sent it, a call when it reached its route. A bot call a webhook led to began after that webhook, even when the webhook was logged later (the bot answered it after calling). Recordings made by earlier versions leave it out.',
      ),
    time: TimestampSchema,
    direction: ExchangeDirectionSchema,
    operation_id: z
      .string()
      .nullable()
      .describe('The operation (or webhook id for to_bot); null when no route matched.'),
    method: z.string(),
    path: z.string().describe('Path and query as sent.'),
    room_id: RoomIdSchema.nullable(),
    status: z.number().int().nullable().describe('null when no answer came (to_bot failures).'),
    request: z.strictObject({
      headers: z.record(z.string(), z.string()),
      body: z.unknown(),
    }),
    response: z.strictObject({ body: z.unknown() }).nullable(),
    error: z.string().nullable().describe('Why no answer came, for to_bot exchanges.'),
    warnings: z
      .array(ErrorDetailSchema)
      .describe('Contract warnings: fields the contract does not know, with a "did you mean".'),
    flags: z.array(ExchangeFlagSchema),
  })
  .openapi('Exchange', { example: exchangeExample });
export type Exchange = z.infer<typeof ExchangeSchema>;

/** `GET /_mock/traffic`: the exchanges kept (the latest ones), oldest first. */
export const TrafficSchema = z
  .strictObject({
    exchanges: z.array(ExchangeSchema),
    dropped: z
      .number()
      .int()
      .nonnegative()
      .describe('How many older exchanges were let go to keep the log bounded.'),
    next_after: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe(
        'More exchanges follow this page: read on with `?after=` this seq. null: this page reached the end.',
      ),
  })
  .openapi('Traffic', {
    example: { exchanges: [exchangeExample], dropped: 0, next_after: null },
  });
