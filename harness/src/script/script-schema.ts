import { ChannelSourceSchema, CustomerRefSchema, z } from '#contracts';
import { DurationSchema } from './script-values.js';
import { stepFieldNames } from './step-body-schemas.js';
import { StepSchema, type Step } from './step-schema.js';

/**
 * A conversation script (YAML or JSON): who writes on which channel, and the steps of the
 * conversation. `name` defaults to the file's name; `timeout` is the default of the script's
 * waits (the run's default, 2s, when left out).
 */
export const ScriptSchema = z
  .strictObject({
    name: z.string().min(1).optional(),
    channel: ChannelSourceSchema,
    customer: CustomerRefSchema.optional(),
    timeout: DurationSchema.optional(),
    steps: z.array(StepSchema).min(1),
  })
  .superRefine((script, ctx) => {
    // The room opens when the customer first writes; nothing can happen in it before. The
    // mock's settings (no room needed) may be set before.
    const at = script.steps.findIndex((step) => step.kind !== 'settings');
    const first = script.steps[at];
    if (first && first.kind !== 'customer') {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', at],
        message: `is a ${first.kind} step, but the first step must be a customer step: the room opens when the customer first writes`,
        input: undefined,
      });
    } else if (first?.kind === 'customer' && first.says.postback !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', 0, 'customer', 'postback'],
        message: 'cannot open the conversation: there is no bot message with buttons to press yet',
        input: undefined,
      });
    }
  });
export type Script = z.output<typeof ScriptSchema>;

/** A step as loaded: what to do, and where the script says it. */
export type LoadedStep = Step & {
  /** From 0, in script order. */
  readonly index: number;
  /** Where the step is written (from 1). */
  readonly line: number;
  readonly column: number;
  /** The step as written, on one line: `bot: { text: /welcome/i }`. */
  readonly summary: string;
};

/** A script that loaded and passed every check, ready to run. */
export interface LoadedScript extends Omit<Script, 'steps' | 'name' | 'timeout'> {
  /** The file, relative to the working directory, with `/` separators. */
  readonly file: string;
  /** The script's name, or its file's name without the extension. */
  readonly name: string;
  /** The script's default timeout; null: the run's. */
  readonly timeoutMs: number | null;
  readonly steps: readonly LoadedStep[];
}

/** The field names a mapping at `path` may have, for a "did you mean" hint. */
export function knownFieldsAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return Object.keys(ScriptSchema.shape);
  if (path.length === 1 && path[0] === 'customer') return Object.keys(CustomerRefSchema.shape);
  if (path.length === 3 && path[0] === 'steps') return stepFieldNames[String(path[2])] ?? [];
  return [];
}
