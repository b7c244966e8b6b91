import { ExchangeDirectionSchema, ExchangeSchema, z } from '#contracts';

/**
 * What a contract check found wrong with one exchange of a run.
 * - REFUSED: the mock refused a request of the bot (buttons on WhatsApp, a wrong auth header, a
 *   malformed body …); `message` carries the mock's error code and message.
 * - SCHEMA_MISMATCH: a body does not match its contract (the bot's answer to a webhook, a webhook,
 *   a request or response of the Qiscus API).
 * - UNEXPECTED_CALL: the bot called a path no operation of the catalogue has.
 * - DELIVERY_FAILED: the bot did not take a webhook (no answer, or a status other than 2xx).
 * - FLAGGED: the mock accepted a request but flagged it (the bot wrote after handing over …).
 * - UNKNOWN_FIELD: a body carries a field the contract does not know (a warning).
 * - UNREAD_BOT_MESSAGE: the bot wrote after the last step a message no step expected, such as a
 *   reply sent twice (a warning: scripts may stop early on purpose).
 * - INJECTED: the mock refused or delayed a call of the bot on purpose (fault injection, e.g. a
 *   `qiscus_fails` step): a warning that shows it, never the bot's contract violation.
 */
export const ViolationCodeSchema = z.enum([
  'REFUSED',
  'SCHEMA_MISMATCH',
  'UNEXPECTED_CALL',
  'DELIVERY_FAILED',
  'FLAGGED',
  'UNKNOWN_FIELD',
  'UNREAD_BOT_MESSAGE',
  'INJECTED',
]);
export type ViolationCode = z.infer<typeof ViolationCodeSchema>;

/** One thing a contract check found in the traffic of a turn. */
export const ViolationSchema = z.strictObject({
  code: ViolationCodeSchema,
  /** An error fails its turn; a warning is reported and does not. */
  severity: z.enum(['error', 'warning']),
  operation_id: z.string().nullable(),
  direction: ExchangeDirectionSchema,
  /** The exchange's `seq` in the mock's traffic log. */
  exchange_seq: z.number().int().positive().nullable(),
  /** The field path inside the body (`payload.buttons[0].label`), when there is one. */
  path: z.string().nullable(),
  /** One line a person can act on. */
  message: z.string(),
});
export type Violation = z.infer<typeof ViolationSchema>;

/** A step's kind, as a conversation script names it. */
export const StepKindSchema = z.enum([
  'customer',
  'bot',
  'handover',
  'silence',
  'agent',
  'resolve',
  'bot_active',
  'webhook',
  'redeliver',
  'bot_switch',
  'until_quiet',
  'qiscus_fails',
  'assign',
  'tag',
  'user_info',
  'resolve_by_bot',
  // Conformance (issue 18).
  'settings',
  'refused',
]);
export type StepKind = z.infer<typeof StepKindSchema>;

/** How one step of a script went. */
export const StepResultSchema = z.strictObject({
  /** From 0, in script order. */
  index: z.number().int().nonnegative(),
  kind: StepKindSchema,
  /** Where the step is written: line and column in the script file, from 1. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  status: z.enum(['passed', 'failed', 'skipped']),
  duration_ms: z.number().nonnegative(),
  /** The step as a person reads it: `bot: { text: /welcome/i }`. */
  summary: z.string(),
  /** For a failed expectation: what was expected and what came, in words. */
  expected: z.string().nullable(),
  actual: z.string().nullable(),
  /** Why the step failed, in one line; null when it passed. */
  message: z.string().nullable(),
  violations: z.array(ViolationSchema),
  /** The exchanges of this step's turn (kept for failed steps, for the report). */
  traffic: z.array(ExchangeSchema),
});
export type StepResult = z.infer<typeof StepResultSchema>;

/** How one conversation script went. */
export const ScriptResultSchema = z.strictObject({
  /** The script file, relative to the working directory. */
  file: z.string(),
  name: z.string(),
  channel: z.string().nullable(),
  room_id: z.string().nullable(),
  /** error: the script could not run at all (it did not load, or the bot never answered). */
  status: z.enum(['passed', 'failed', 'error']),
  duration_ms: z.number().nonnegative(),
  steps: z.array(StepResultSchema),
  /** Contract findings of the script's room that fall outside any step. */
  violations: z.array(ViolationSchema),
  /** Why the script could not run (status error), with file:line:column when it is the script's. */
  error: z.string().nullable(),
});
export type ScriptResult = z.infer<typeof ScriptResultSchema>;

/** The result of `qiscus-mock test`: every script's, and the bot's output. */
export const RunResultSchema = z.strictObject({
  started_at: z.string(),
  duration_ms: z.number().nonnegative(),
  bot: z.strictObject({
    kind: z.enum(['reference', 'url', 'command']),
    url: z.string(),
    command: z.string().nullable(),
    /** The spawned bot's stdout and stderr (the last 64 KiB), for `--bot-cmd`. */
    output: z.string().nullable(),
  }),
  scripts: z.array(ScriptResultSchema),
  summary: z.strictObject({
    scripts: z.number().int().nonnegative(),
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    steps: z.number().int().nonnegative(),
    violations: z.number().int().nonnegative(),
  }),
});
export type RunResult = z.infer<typeof RunResultSchema>;
