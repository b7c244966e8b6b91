import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '#contracts';
import { serveDashboard } from '../dashboard/serve-dashboard.js';
import { activateRoomBotRoute } from '../routes/activate-room-bot.route.js';
import { adminAccountRoutes } from '../routes/admin-account.route.js';
import { adminDirectoryRoutes } from '../routes/admin-directory.route.js';
import { adminRoomRoutes } from '../routes/admin-rooms.route.js';
import { appBotSettingsRoutes } from '../routes/app-bot-settings.route.js';
import { controlRoutes } from '../routes/control.route.js';
import { handOverToRoleRoute } from '../routes/hand-over-to-role.route.js';
import { handOverRoute } from '../routes/hand-over.route.js';
import { postBotMessageRoute } from '../routes/post-bot-message.route.js';
import type { RouteDeps } from '../routes/route-deps.js';
import { registerBodyParsers } from './body-parsers.js';
import { registerErrorHandling } from './error-handler.js';
import { hostGuardHook } from './host-guard.js';
import './exchange-notes.js';

/** What the app needs besides the route dependencies. */
export interface AppOptions {
  readonly bodyLimit: number;
  /** Where internal errors are reported (stderr in the CLI). */
  readonly log: (message: string) => void;
  /** The server's own URL, filled in once it listens, for the served OpenAPI document. */
  readonly serverUrl: () => string | undefined;
  /** Told of every route as it is registered. */
  readonly onRoute: (route: ServedRoute) => void;
}

/** A route the server answers, and the catalogue operation behind it (if any). */
export interface ServedRoute {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | null;
}

/**
 * Builds the fastify app: body parsers, the Host check, traffic recording, error handling, the
 * Qiscus routes, the control API, the dashboard and the docs. It never listens.
 */
export async function buildApp(deps: RouteDeps, options: AppOptions): Promise<FastifyInstance> {
  let handleError: ReturnType<typeof registerErrorHandling> = () => undefined;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit,
    forceCloseConnections: true,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router raises before any route (a malformed URL) get our bodies too.
    frameworkErrors: (error, request, reply) => {
      handleError(error, request, reply);
    },
  });
  app.decorateRequest('exchangeNotes', null);
  app.decorateRequest('rawBody', null);
  app.addHook('onRoute', (route) => {
    const config = route.config as { operationId?: string } | undefined;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      options.onRoute({ method, path: route.url, operationId: config?.operationId ?? null });
    }
  });
  // Answers still waiting for the end of the turn go out before the connections are closed.
  app.addHook('preClose', (done) => {
    deps.replies.flush();
    done();
  });
  registerBodyParsers(app);
  handleError = registerErrorHandling(app, {
    bodyLimit: options.bodyLimit,
    log: options.log,
    guardHost: deps.guardHost,
    record: deps.record,
  });

  postBotMessageRoute(app, deps);
  handOverRoute(app, deps);
  handOverToRoleRoute(app, deps);
  activateRoomBotRoute(app, deps);
  appBotSettingsRoutes(app, deps);
  adminAccountRoutes(app, deps);
  adminRoomRoutes(app, deps);
  adminDirectoryRoutes(app, deps);
  controlRoutes(app, deps);
  await serveDashboard(app, deps);

  const document = buildOpenApiDocument({ control: true });
  const servedDocument = () => {
    const url = options.serverUrl();
    return url ? { ...document, servers: [{ url, description: 'This mock' }] } : document;
  };
  // The docs, in a scope of their own so only they pay for the Host check hook.
  await app.register(async (docs) => {
    docs.addHook('onRequest', hostGuardHook(deps.guardHost));
    docs.get('/openapi.json', () => servedDocument());
    await docs.register(swagger, {
      mode: 'static',
      specification: { document: document as never },
    });
    await docs.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true },
      transformSpecification: () => servedDocument(),
    });
  });
  return app;
}
