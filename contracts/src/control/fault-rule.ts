import { z } from '../zod.js';

/** The statuses a fault toward the bot's calls may answer with. */
const FaultStatusSchema = z.union([z.literal(429), z.literal(500), z.literal(503)]);
export type FaultStatus = z.infer<typeof FaultStatusSchema>;

/**
 * One fault the mock injects on its Qiscus routes: the bot's matching calls are refused with
 * `status` (429 with `Retry-After`) or answered `latency_ms` late, instead of being served.
 */
export const FaultRuleSchema = z
  .strictObject({
    status: FaultStatusSchema.optional().describe('429, 500 or 503; left out: only latency.'),
    rate: z.number().min(0).max(1).default(1).describe('The share of matching calls hit, 0..1.'),
    times: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Hit this many matching calls, then stop; left out: no end.'),
    operation: z
      .string()
      .min(1)
      .optional()
      .describe('An operationId of the catalogue (e.g. postBotMessage); left out: every one.'),
    room_id: z.string().min(1).optional().describe('Only calls about this room.'),
    retry_after: z
      .number()
      .int()
      .nonnegative()
      .default(1)
      .describe('Seconds, sent as Retry-After with a 429.'),
    latency_ms: z.number().int().nonnegative().max(60_000).default(0),
  })
  .refine((rule) => rule.status !== undefined || rule.latency_ms > 0, {
    message: 'needs a status (429, 500 or 503) or a latency_ms above 0',
  })
  .openapi('FaultRule', { example: { status: 503, rate: 0.5, operation: 'postBotMessage' } });
export type FaultRule = z.output<typeof FaultRuleSchema>;
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;
