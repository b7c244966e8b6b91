import type { FastifyInstance } from 'fastify';
import {
  logIn,
  setAgentAllocationWebhook,
  setMarkAsResolvedWebhook,
  type AppWebhookName,
} from '#contracts';
import { QiscusApiError } from '../errors.js';
import { secretMatches } from '../http/check-credentials.js';
import { registerOperation } from '../http/register-operation.js';
import { defaults } from '../options.js';
import { checkWebhookTarget } from '../webhooks/webhook-target.js';
import { toApp } from './app-bot-settings.route.js';
import { operationDeps, type RouteDeps } from './route-deps.js';

/** Logging in, and the webhook settings routes. */
export function adminAccountRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const opDeps = operationDeps(deps);
  const { login } = deps;
  registerOperation(app, logIn, opDeps, ({ body }) => {
    // Both are checked, in constant time, so the answer does not tell which was wrong first.
    const emailOk = secretMatches(body.email.toLowerCase(), login.email);
    const passwordOk = secretMatches(body.password, login.password);
    if (!emailOk || !passwordOk) {
      throw new QiscusApiError(
        'UNAUTHORIZED',
        'Wrong e-mail or password: the mock’s admin is printed at start-up (GET /_mock/config shows the e-mail).',
        [{ path: emailOk ? 'password' : 'email', message: 'does not match the mock’s admin' }],
      );
    }
    return {
      data: {
        user: {
          id: 1,
          name: defaults.adminName,
          email: body.email,
          type: 1,
          type_as_string: 'admin' as const,
          authentication_token: deps.adminToken,
          app: toApp(deps),
        },
        details: { is_integrated: true },
        long_lived_token: deps.adminToken,
      },
    };
  });
  const setWebhook = (name: AppWebhookName, url: string, enabled: boolean) => {
    const target = checkWebhookTarget(url, deps.allowRemoteWebhook);
    if (!target.ok) {
      throw new QiscusApiError(
        'VALIDATION_FAILED',
        `The body does not match the contract: webhook_url ${target.message}.`,
        [{ path: 'webhook_url', message: target.message }],
      );
    }
    deps.switches.webhooks[name] = { url: target.url.href, enabled };
    return { data: { app: toApp(deps) } };
  };
  registerOperation(app, setMarkAsResolvedWebhook, opDeps, ({ body }) =>
    setWebhook('mark_as_resolved', body.webhook_url, body.is_webhook_enabled),
  );
  registerOperation(app, setAgentAllocationWebhook, opDeps, ({ body }) =>
    setWebhook('agent_allocation', body.webhook_url, body.is_webhook_enabled),
  );
}
