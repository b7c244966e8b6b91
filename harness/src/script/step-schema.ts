import { CustomerMessageRequestSchema, suggestField, z } from '#contracts';
import { StepKindSchema, type StepKind } from '../run/run-result.js';
import type { TextPattern } from './parse-text-pattern.js';
import { DurationSchema, TextPatternSchema } from './script-values.js';
import {
  AgentObjectSchema,
  AssignSchema,
  BotExpectationSchema,
  BotSwitchSchema,
  CustomerObjectSchema,
  HandoverSchema,
  QiscusFailsSchema,
  RefusedSchema,
  SettingsStepSchema,
  UserInfoSchema,
  WebhookSchema,
  type BotExpectation,
  type CustomerSays,
  type QiscusFault,
} from './step-body-schemas.js';

/** One step of a script, as the runner carries it out. `timeoutMs` null: the script's default. */
export type Step =
  | { readonly kind: 'customer'; readonly says: CustomerSays; readonly timeoutMs: number | null }
  | { readonly kind: 'bot'; readonly expect: BotExpectation; readonly timeoutMs: number | null }
  | { readonly kind: 'handover'; readonly role: string | null; readonly timeoutMs: number | null }
  | { readonly kind: 'silence'; readonly durationMs: number }
  | {
      readonly kind: 'agent';
      readonly text: string;
      readonly agentId: number | null;
      readonly timeoutMs: number | null;
    }
  | { readonly kind: 'resolve'; readonly timeoutMs: number | null }
  | { readonly kind: 'bot_active'; readonly active: boolean; readonly timeoutMs: number | null }
  | { readonly kind: 'webhook'; readonly withinMs: number; readonly timeoutMs: number | null }
  | { readonly kind: 'redeliver'; readonly timeoutMs: number | null }
  | { readonly kind: 'until_quiet'; readonly durationMs: number }
  | {
      readonly kind: 'bot_switch';
      readonly scope: 'room' | 'app';
      readonly active: boolean;
    }
  | { readonly kind: 'qiscus_fails'; readonly fault: QiscusFault }
  | {
      readonly kind: 'assign';
      readonly agent: number | string | null;
      readonly timeoutMs: number | null;
    }
  | { readonly kind: 'tag'; readonly tag: string; readonly timeoutMs: number | null }
  | {
      readonly kind: 'user_info';
      readonly properties: Readonly<Record<string, TextPattern>>;
      readonly timeoutMs: number | null;
    }
  | { readonly kind: 'resolve_by_bot'; readonly timeoutMs: number | null }
  | { readonly kind: 'settings'; readonly autoAgentAllocation: boolean }
  | {
      readonly kind: 'refused';
      readonly operation: string;
      readonly code: string | null;
      readonly timeoutMs: number | null;
    };

type Ctx = z.core.$RefinementCtx;

/** Parses `value` with `schema`, re-raising its issues under `path`; undefined when it fails. */
function parseAt<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: readonly PropertyKey[],
  ctx: Ctx,
): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) reraise(ctx, issue, path);
  return undefined;
}

/** Raises an issue of a nested check again, under `path`, keeping its code and details. */
function reraise(ctx: Ctx, issue: z.core.$ZodIssue, path: readonly PropertyKey[]): void {
  const raised: unknown = { ...issue, path: [...path, ...issue.path] };
  ctx.addIssue(raised as Parameters<Ctx['addIssue']>[0]);
}

function fail(ctx: Ctx, path: readonly PropertyKey[], message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', path: [...path], message, input: undefined });
  return z.NEVER;
}

const kinds = StepKindSchema.options;
const kindList = kinds.join(', ');

function parseCustomer(value: unknown, ctx: Ctx): CustomerSays | undefined {
  if (typeof value === 'string') {
    if (value === '') return fail(ctx, ['customer'], 'is empty: give the text the customer writes');
    return { text: value };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      ctx,
      ['customer'],
      'must be a text, { type, text, payload } or { postback: <button label> }',
    );
  }
  const says = parseAt(CustomerObjectSchema, value, ['customer'], ctx);
  if (!says) return undefined;
  // The mock's own contract for a customer message decides what goes together.
  const check = CustomerMessageRequestSchema.safeParse({ channel: 'qiscus', ...says });
  if (!check.success) {
    for (const issue of check.error.issues) reraise(ctx, issue, ['customer']);
    return undefined;
  }
  return says;
}

function parseBot(value: unknown, ctx: Ctx) {
  if (value === null) return { expect: {}, timeoutMs: null };
  if (typeof value === 'string') {
    const text = parseAt(TextPatternSchema, value, ['bot'], ctx);
    return text === undefined ? undefined : { expect: { text }, timeoutMs: null };
  }
  const parsed = parseAt(BotExpectationSchema, value, ['bot'], ctx);
  if (!parsed) return undefined;
  const { timeout: inner, ...expect } = parsed;
  return { expect, timeoutMs: inner ?? null };
}

function parseKind(kind: StepKind, value: unknown, ctx: Ctx): Step | undefined {
  switch (kind) {
    case 'customer': {
      const says = parseCustomer(value, ctx);
      return says && { kind, says, timeoutMs: null };
    }
    case 'bot': {
      const bot = parseBot(value, ctx);
      return bot && { kind, ...bot };
    }
    case 'handover': {
      const parsed = parseAt(HandoverSchema, value ?? {}, ['handover'], ctx);
      return parsed && { kind, role: parsed.role ?? null, timeoutMs: parsed.timeout ?? null };
    }
    case 'silence': {
      const durationMs = parseAt(DurationSchema, value, ['silence'], ctx);
      return durationMs === undefined ? undefined : { kind, durationMs };
    }
    case 'agent': {
      if (typeof value === 'string' && value !== '') {
        return { kind, text: value, agentId: null, timeoutMs: null };
      }
      const parsed = parseAt(AgentObjectSchema, value, ['agent'], ctx);
      return (
        parsed && { kind, text: parsed.text, agentId: parsed.agent_id ?? null, timeoutMs: null }
      );
    }
    case 'resolve':
      if (value === null || value === true) return { kind, timeoutMs: null };
      if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
        return { kind, timeoutMs: null };
      }
      return fail(ctx, ['resolve'], 'takes no value: write "- resolve" or "- resolve: {}"');
    case 'until_quiet': {
      const durationMs = parseAt(DurationSchema, value, ['until_quiet'], ctx);
      return durationMs === undefined ? undefined : { kind, durationMs };
    }
    case 'webhook': {
      const parsed = parseAt(WebhookSchema, value, ['webhook'], ctx);
      return parsed && { kind, withinMs: parsed.within, timeoutMs: null };
    }
    case 'redeliver':
      if (value === null || value === true) return { kind, timeoutMs: null };
      if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
        return { kind, timeoutMs: null };
      }
      return fail(ctx, ['redeliver'], 'takes no value: write "- redeliver" or "- redeliver: {}"');
    case 'bot_switch': {
      const parsed = parseAt(BotSwitchSchema, value, ['bot_switch'], ctx);
      if (!parsed) return undefined;
      return parsed.room === undefined
        ? { kind, scope: 'app', active: parsed.app ?? true }
        : { kind, scope: 'room', active: parsed.room };
    }
    case 'qiscus_fails': {
      const fault = parseAt(QiscusFailsSchema, value, ['qiscus_fails'], ctx);
      return fault && { kind, fault };
    }
    case 'assign': {
      const parsed = parseAt(AssignSchema, value ?? {}, ['assign'], ctx);
      return parsed && { kind, agent: parsed.agent ?? null, timeoutMs: parsed.timeout ?? null };
    }
    case 'tag':
      if (typeof value === 'string' && value.trim() !== '') {
        return { kind, tag: value.trim(), timeoutMs: null };
      }
      return fail(ctx, ['tag'], 'must be the tag the bot puts on the room, e.g. "tag: vip"');
    case 'user_info': {
      const properties = parseAt(UserInfoSchema, value, ['user_info'], ctx);
      return properties && { kind, properties, timeoutMs: null };
    }
    case 'resolve_by_bot':
      if (value === null || value === true) return { kind, timeoutMs: null };
      if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
        return { kind, timeoutMs: null };
      }
      return fail(
        ctx,
        ['resolve_by_bot'],
        'takes no value: write "- resolve_by_bot" or "- resolve_by_bot: {}"',
      );
    case 'settings': {
      const parsed = parseAt(SettingsStepSchema, value, ['settings'], ctx);
      return parsed && { kind, autoAgentAllocation: parsed.auto_agent_allocation ?? true };
    }
    case 'refused': {
      const given = typeof value === 'string' ? { operation: value } : value;
      const parsed = parseAt(RefusedSchema, given, ['refused'], ctx);
      return (
        parsed && {
          kind,
          operation: parsed.operation,
          code: parsed.code ?? null,
          timeoutMs: parsed.timeout ?? null,
        }
      );
    }
    case 'bot_active':
      if (typeof value === 'boolean') return { kind, active: value, timeoutMs: null };
      return fail(
        ctx,
        ['bot_active'],
        `must be true or false (the room's bot switch), not ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
      );
  }
}

/**
 * One step of a script: a mapping with exactly one step kind (`customer`, `bot`, `handover`,
 * `silence`, `agent`, `resolve`, `bot_active`) and, for steps that wait, an optional `timeout`
 * beside it (or inside `bot` and `handover`). `- resolve` alone is a step too.
 */
export const StepSchema = z.unknown().transform((value, ctx): Step => {
  if (value === 'resolve') return { kind: 'resolve', timeoutMs: null };
  if (value === 'redeliver') return { kind: 'redeliver', timeoutMs: null };
  if (value === 'resolve_by_bot') return { kind: 'resolve_by_bot', timeoutMs: null };
  if (typeof value === 'string' && (kinds as readonly string[]).includes(value)) {
    return fail(ctx, [], `"${value}" needs a value: write "${value}: …"`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(ctx, [], `must be a step such as "customer: Hi": one of ${kindList}`);
  }
  const keys = Object.keys(value);
  const present = keys.filter((key): key is StepKind => (kinds as readonly string[]).includes(key));
  const unknown = keys.filter((key) => key !== 'timeout' && !present.includes(key as StepKind));
  for (const key of unknown) {
    const close = suggestField(key, [...kinds, 'timeout']);
    ctx.addIssue({
      code: 'unrecognized_keys',
      keys: [key],
      path: [],
      message: close
        ? `is not a step kind; did you mean "${close}"?`
        : `is not a step kind: the kinds are ${kindList}`,
      input: value as Record<string, unknown>,
    });
  }
  if (present.length === 0) {
    return unknown.length > 0 ? z.NEVER : fail(ctx, [], `names no step kind: one of ${kindList}`);
  }
  if (present.length > 1) {
    return fail(
      ctx,
      [],
      `has ${present.join(' and ')}: give each its own step (one kind per step)`,
    );
  }
  const kind = present[0] as StepKind;
  const record = value as Record<string, unknown>;
  const step = parseKind(kind, record[kind], ctx);
  const sibling =
    record.timeout === undefined
      ? undefined
      : parseAt(DurationSchema, record.timeout, ['timeout'], ctx);
  if (!step || unknown.length > 0) return z.NEVER;
  if (record.timeout === undefined) return step;
  if (step.kind === 'silence' || step.kind === 'until_quiet') {
    return fail(
      ctx,
      ['timeout'],
      `does not go with ${step.kind}: its duration is how long it waits`,
    );
  }
  if (step.kind === 'bot_switch' || step.kind === 'qiscus_fails' || step.kind === 'settings') {
    return fail(ctx, ['timeout'], `does not go with ${step.kind}: it takes effect at once`);
  }
  if (sibling === undefined) return z.NEVER;
  if (step.timeoutMs !== null) {
    return fail(ctx, ['timeout'], `is given twice: keep either this one or the one inside ${kind}`);
  }
  return { ...step, timeoutMs: sibling };
});
