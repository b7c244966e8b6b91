import { z } from '#contracts';
import { RunResultSchema, ScriptResultSchema } from '../run/run-result.js';

/** The areas of the battery, in report order. */
export const ConformAreaSchema = z.enum([
  'webhook',
  'channels',
  'auth',
  'handover',
  'bot-switch',
  'sessions',
  'duplicates',
  'resilience',
]);
export type ConformArea = z.infer<typeof ConformAreaSchema>;

/**
 * How one check went. skipped: it does not apply to this bot (conform.yaml or flags say why);
 * not_run: it applies but this build cannot run it (the reason says why).
 */
export const CheckResultSchema = z.strictObject({
  /** Stable: `area.what`, such as `webhook.answered-fast`. */
  id: z.string(),
  area: ConformAreaSchema,
  severity: z.enum(['must', 'should']),
  title: z.string(),
  /** The Qiscus documentation fact it rests on, tagged as in the project's reference. */
  fact: z.string(),
  /** What to change in the bot when it fails. */
  fix: z.string(),
  status: z.enum(['passed', 'failed', 'skipped', 'not_run']),
  /** Why it failed, was skipped or was not run, in one line; null when it passed. */
  reason: z.string().nullable(),
  /** Its conversations (with each failed step's traffic). */
  scripts: z.array(ScriptResultSchema),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** The result of `qiscus-mock conform`: the score, every check, and the runs behind them. */
export const ConformResultSchema = z.strictObject({
  format: z.literal('qiscus-mock-conform'),
  version: z.literal(1),
  started_at: z.string(),
  duration_ms: z.number().nonnegative(),
  bot: RunResultSchema.shape.bot,
  /** passed must-checks / must-checks that ran, as a percentage rounded down; null when none ran. */
  score: z.number().min(0).max(100).nullable(),
  summary: z.strictObject({
    must: z.strictObject({ passed: z.number().int(), failed: z.number().int() }),
    should: z.strictObject({ passed: z.number().int(), failed: z.number().int() }),
    skipped: z.number().int(),
    not_run: z.number().int(),
  }),
  checks: z.array(CheckResultSchema),
});
export type ConformResult = z.infer<typeof ConformResultSchema>;
