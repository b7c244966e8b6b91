import { FaultRuleSchema, type FaultRule, type FaultRuleInput, type FaultStatus } from '#contracts';
import { QiscusApiError } from '../errors.js';

const codeOf = {
  429: 'INJECTED_RATE_LIMIT',
  500: 'INJECTED_SERVER_ERROR',
  503: 'INJECTED_UNAVAILABLE',
} as const satisfies Record<FaultStatus, string>;

interface ArmedRule {
  readonly rule: FaultRule;
  /** Matching calls still to hit; null: no end. */
  left: number | null;
}

/**
 * The faults the mock injects on its Qiscus routes: from the config file, `PATCH /_mock/config`
 * (`faults`, which replaces the list), the handle (`mock.faults`) and a script's `qiscus_fails`
 * step (which adds one for its room). The first armed rule that matches a call takes it.
 */
export class FaultInjector {
  #rules: ArmedRule[] = [];

  constructor(private readonly random: () => number) {}

  /** Replaces every fault with `rules` (already checked); `[]` turns fault injection off. */
  replace(rules: readonly FaultRule[]): void {
    this.#rules = rules.map((rule) => ({ rule, left: rule.times ?? null }));
  }

  /** Adds one fault, checked against the contract; throws the zod error of a wrong one. */
  inject(input: FaultRuleInput): FaultRule {
    const rule = FaultRuleSchema.parse(input);
    this.#rules.push({ rule, left: rule.times ?? null });
    return rule;
  }

  /** The faults still armed, as a `PATCH` would give them. */
  list(): FaultRule[] {
    return this.#rules.map(({ rule, left }) => (left === null ? rule : { ...rule, times: left }));
  }

  clear(): void {
    this.#rules = [];
  }

  /** The fault that takes this call, counted; undefined when the call is served as usual. */
  take(operationId: string, roomId: string | null): FaultRule | undefined {
    for (const armed of this.#rules) {
      const { rule } = armed;
      if (rule.operation !== undefined && rule.operation !== operationId) continue;
      if (rule.room_id !== undefined && rule.room_id !== roomId) continue;
      if (rule.rate < 1 && this.random() >= rule.rate) continue;
      if (armed.left !== null) {
        armed.left -= 1;
        if (armed.left <= 0) this.#rules = this.#rules.filter((other) => other !== armed);
      }
      return rule;
    }
    return undefined;
  }
}

/** The refusal of an injected fault, in the Qiscus error envelope, saying it was on purpose. */
export function injectedRefusal(status: FaultStatus, operationId: string): QiscusApiError {
  return new QiscusApiError(
    codeOf[status],
    `Fault injected on purpose by the mock: ${operationId} was answered ${status} instead of being served (nothing was stored). Turn it off with PATCH /_mock/config {"faults": []}, or let its "times" run out.`,
  );
}
