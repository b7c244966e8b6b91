// The schemas of each step kind's body (what follows `customer:`, `bot:`, `handover:` …), and the
// field names each may have; step-schema.ts turns a step's mapping into a Step with them.
import {
  BotMessageTypeSchema,
  operations,
  CustomerMessageRequestSchema,
  z,
  type CustomerMessageRequest,
} from '#contracts';
import type { TextPattern } from './parse-text-pattern.js';
import { DurationSchema, TextPatternSchema } from './script-values.js';

export const timeout = { timeout: DurationSchema.optional() };

export const CustomerObjectSchema = z.strictObject({
  type: z.enum(['text', 'file_attachment', 'location']).optional(),
  text: z.string().optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
  postback: z.string().min(1).optional(),
  postback_index: CustomerMessageRequestSchema.shape.postback_index,
  webhook_variant: CustomerMessageRequestSchema.shape.webhook_variant,
});

/** What the customer says: a text, a file or location, or the press of a button (`postback`). */
export type CustomerSays = Pick<
  CustomerMessageRequest,
  'type' | 'text' | 'payload' | 'postback' | 'postback_index' | 'webhook_variant'
>;

/** What a `bot` step expects of the next bot message; every field left out matches anything. */
export const BotExpectationSchema = z.strictObject({
  text: TextPatternSchema.optional(),
  type: BotMessageTypeSchema.optional(),
  buttons: z.array(z.string()).optional(),
  cards: z.array(z.string()).optional(),
  url: TextPatternSchema.optional(),
  ...timeout,
});
export type BotExpectation = Omit<z.output<typeof BotExpectationSchema>, 'timeout'>;

export const HandoverSchema = z.strictObject({ role: z.string().min(1).optional(), ...timeout });
export const WebhookSchema = z.strictObject({ within: DurationSchema });
export const onOff = z.union([
  z.boolean(),
  z.enum(['on', 'off']).transform((value) => value === 'on'),
]);
export const BotSwitchSchema = z
  .strictObject({ room: onOff.optional(), app: onOff.optional() })
  .refine((value) => (value.room === undefined) !== (value.app === undefined), {
    message: 'names exactly one switch: { room: off } or { app: off }',
  });
export const AgentObjectSchema = z.strictObject({
  text: z.string().min(1),
  agent_id: z.number().int().nonnegative().optional(),
});

export const operationIds: readonly string[] = operations.map((operation) => operation.id);
/** `qiscus_fails`: the next `times` matching calls of the bot in the room get this fault. */
export const QiscusFailsSchema = z
  .strictObject({
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
    times: z.number().int().positive().default(1),
    operation: z
      .string()
      .refine((id) => operationIds.includes(id), {
        message: `is not an operation of the Qiscus catalogue: one of ${operationIds.join(', ')}`,
      })
      .optional(),
    retry_after: z.number().int().nonnegative().optional(),
    latency: DurationSchema.optional(),
  })
  .refine((value) => value.status !== undefined || value.latency !== undefined, {
    message: 'needs a status (429, 500 or 503), or a latency such as 1500ms',
  })
  .refine((value) => value.retry_after === undefined || value.status === 429, {
    message: 'retry_after goes only with status 429',
    path: ['retry_after'],
  });
export type QiscusFault = z.output<typeof QiscusFailsSchema>;

/** `assign`: any agent (`{}`), or the one named by id, name or e-mail. */
export const AssignSchema = z.strictObject({
  agent: z.union([z.number().int().nonnegative(), z.string().min(1)]).optional(),
  ...timeout,
});
/** `user_info`: each key the customer's additional info must have, with its value (or /regex/). */
export const UserInfoSchema = z
  .record(
    z.string().min(1),
    z.union([
      TextPatternSchema,
      z.number().transform((value): TextPattern => ({ kind: 'exact', text: String(value) })),
    ]),
  )
  .refine((value) => Object.keys(value).length > 0, {
    message: 'names no property: write user_info: { Order ID: INV-1 }',
  });
// `settings` and `refused` (conformance, issue 18): a switch of the mock for the script, and a
// refusal of the bot's call that the script provokes.
export const SettingsStepSchema = z
  .strictObject({ auto_agent_allocation: onOff.optional() })
  .refine((value) => value.auto_agent_allocation !== undefined, {
    message: 'names no setting: write { auto_agent_allocation: off }',
  });
export const RefusedSchema = z.strictObject({
  operation: z.string().refine((id) => operationIds.includes(id), {
    message: `is not an operation of the Qiscus catalogue: one of ${operationIds.join(', ')}`,
  }),
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, 'must be an error code such as AUTO_AGENT_ALLOCATION_OFF')
    .optional(),
  ...timeout,
});

/** The fields each step kind's mapping may have, for "did you mean" on a mistyped one. */
export const stepFieldNames: Readonly<Record<string, readonly string[]>> = {
  customer: Object.keys(CustomerObjectSchema.shape),
  bot: Object.keys(BotExpectationSchema.shape),
  handover: Object.keys(HandoverSchema.shape),
  agent: Object.keys(AgentObjectSchema.shape),
  webhook: Object.keys(WebhookSchema.shape),
  bot_switch: ['room', 'app'],
  qiscus_fails: ['status', 'times', 'operation', 'retry_after', 'latency'],
  assign: Object.keys(AssignSchema.shape),
  settings: Object.keys(SettingsStepSchema.shape),
  refused: Object.keys(RefusedSchema.shape),
};
