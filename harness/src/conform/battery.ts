import type { ConformCheck } from './conform-check.js';
import { conversationChecks } from './checks/conversation-checks.js';
import { resilienceChecks } from './checks/resilience-checks.js';
import { webhookChecks } from './checks/webhook-checks.js';
import { wireChecks } from './checks/wire-checks.js';

/** Every check of `qiscus-mock conform`, in report order. */
export const battery: readonly ConformCheck[] = [
  ...webhookChecks,
  ...wireChecks,
  ...conversationChecks,
  ...resilienceChecks,
];
