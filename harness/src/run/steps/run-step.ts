import type { LoadedStep } from '../../script/script-schema.js';
import { runAssignStep, runResolveByBotStep, runTagStep, runUserInfoStep } from './admin-steps.js';
import { runBotStep } from './bot-step.js';
import { runCustomerStep } from './customer-step.js';
import {
  runAgentStep,
  runBotActiveStep,
  runHandoverStep,
  runResolveStep,
} from './room-state-steps.js';
import { runRefusedStep, runSettingsStep } from './settings-steps.js';
import { runSilenceStep, runUntilQuietStep } from './silence-step.js';
import type { StepContext, StepOutcome } from './step-context.js';
import {
  runBotSwitchStep,
  runQiscusFailsStep,
  runRedeliverStep,
  runWebhookStep,
} from './webhook-steps.js';

/** Carries out one step of a script; `timeoutMs` is its own, else the script's, else the run's. */
export function runStep(
  step: LoadedStep,
  context: StepContext,
  timeoutMs: number,
): Promise<StepOutcome> {
  switch (step.kind) {
    case 'customer':
      return runCustomerStep(step.says, context, timeoutMs);
    case 'bot':
      return runBotStep(step.expect, context, timeoutMs);
    case 'handover':
      return runHandoverStep(step.role, context, timeoutMs);
    case 'silence':
      return runSilenceStep(step.durationMs, context);
    case 'agent':
      return Promise.resolve(runAgentStep(step.text, step.agentId, context));
    case 'resolve':
      return Promise.resolve(runResolveStep(context));
    case 'bot_active':
      return runBotActiveStep(step.active, context, timeoutMs);
    case 'webhook':
      return runWebhookStep(step.withinMs, context, timeoutMs);
    case 'redeliver':
      return runRedeliverStep(context, timeoutMs);
    case 'until_quiet':
      return runUntilQuietStep(step.durationMs, context);
    case 'qiscus_fails':
      return Promise.resolve(runQiscusFailsStep(step.fault, context));
    case 'bot_switch':
      return Promise.resolve(runBotSwitchStep(step.scope, step.active, context));
    case 'assign':
      return runAssignStep(step.agent, context, timeoutMs);
    case 'tag':
      return runTagStep(step.tag, context, timeoutMs);
    case 'user_info':
      return runUserInfoStep(step.properties, context, timeoutMs);
    case 'resolve_by_bot':
      return runResolveByBotStep(context, timeoutMs);
    case 'settings':
      return Promise.resolve(runSettingsStep(step.autoAgentAllocation, context));
    case 'refused':
      return runRefusedStep(step.operation, step.code, context, timeoutMs);
  }
}

/** Whether a step begins a turn: someone writes into the room. */
export function beginsTurn(step: LoadedStep): boolean {
  return step.kind === 'customer' || step.kind === 'agent' || step.kind === 'redeliver';
}
