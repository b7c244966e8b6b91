import type { FastifyInstance } from 'fastify';
import { getAppBot, integrateAppBot, setAppBotActivation, type App } from '#contracts';
import { formatTimestamp } from '../clock.js';
import { QiscusApiError } from '../errors.js';
import { registerOperation } from '../http/register-operation.js';
import { redacted } from '../traffic/redact-headers.js';
import { checkWebhookTarget } from '../webhooks/webhook-target.js';
import { operationDeps, type RouteDeps } from './route-deps.js';

/** The app object, as the settings endpoints return it; the secret never leaves the mock. */
export function toApp(deps: RouteDeps): App {
  const { switches } = deps;
  return {
    id: 1,
    name: 'Qiscus Mock App',
    app_code: deps.appCode as App['app_code'],
    secret_key: redacted,
    created_at: formatTimestamp(deps.startedAt),
    updated_at: formatTimestamp(deps.clock.now()),
    bot_webhook_url: switches.botUrl,
    is_bot_enabled: switches.botEnabled,
    allocate_agent_webhook_url: switches.webhooks.agent_allocation.url,
    is_allocate_agent_webhook_enabled: switches.webhooks.agent_allocation.enabled,
    mark_as_resolved_webhook_url: switches.webhooks.mark_as_resolved.url,
    is_mark_as_resolved_webhook_enabled: switches.webhooks.mark_as_resolved.enabled,
    is_mobile_pn_enabled: false,
    is_active: true,
    is_sessional: false,
    is_agent_allocation_enabled: switches.autoAgentAllocation,
    is_agent_takeover_enabled: true,
    is_token_expiring: false,
    paid_channel_approved: null,
    use_latest: true,
    free_sessions: 0,
    is_force_send_bot: false,
    app_joined_status: 1,
    is_archieved: null,
    archieve_status: null,
    search_using_engine: false,
    use_2fa: false,
  };
}

/** `GET /api/v1/app/bot`, `POST /api/v1/app/bot/activation` and `POST /api/v1/app/bot/integrate`. */
export function appBotSettingsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const opDeps = operationDeps(deps);
  registerOperation(app, getAppBot, opDeps, () => ({
    data: {
      bot_webhook_url: deps.switches.botUrl,
      is_bot_enabled: deps.switches.botEnabled,
      is_force_send_bot: false,
    },
    status: 200 as const,
  }));
  registerOperation(app, setAppBotActivation, opDeps, ({ body }) => {
    deps.switches.botEnabled = body.is_active;
    return { data: { app: toApp(deps) } };
  });
  registerOperation(app, integrateAppBot, opDeps, ({ body }) => {
    const target = checkWebhookTarget(body.bot_webhook_url, deps.allowRemoteWebhook);
    if (!target.ok) {
      throw new QiscusApiError(
        'VALIDATION_FAILED',
        `The body does not match the contract: bot_webhook_url ${target.message}.`,
        [{ path: 'bot_webhook_url', message: target.message }],
      );
    }
    deps.switches.botUrl = target.url.href;
    deps.switches.botEnabled = body.is_bot_enabled;
    return { data: { app: toApp(deps) } };
  });
}
