import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type HookHandlerDoneFunction,
} from 'fastify';
import { buildOpenApiDocument, type OpenApiDocument } from '#contracts';
import { serveDashboard } from '../dashboard/serve-dashboard.js';
import { QiscusApiError } from '../errors.js';
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
import { answerClientError } from './answer-client-error.js';
import { registerBodyParsers } from './body-parsers.js';
import { registerErrorHandling } from './error-handler.js';
import { hostGuardHook } from './host-guard.js';
import { RouteTable } from './route-table.js';
import './exchange-notes.js';

/** What the app needs besides the route dependencies. */
export interface AppOptions {
  readonly bodyLimit: number;
  /** How long a request may take to arrive in full before it is answered 408. */
  readonly requestTimeoutMs: number;
  /** Where internal errors are reported (stderr in the CLI). */
  readonly log: (message: string) => void;
  /** The server's own URL, filled in once it listens, for the served OpenAPI document. */
  readonly serverUrl: () => string | undefined;
  /** Told of every route as it is registered. */
  readonly onRoute: (route: ServedRoute) => void;
  /** Serve HTTPS with this certificate and key; plain HTTP without. */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer } | undefined;
}

/**
 * A path that climbs out of its folder (`..`, raw or as `%2e%2e`, with `/` or `\\`) names no
 * file the docs serve: answered 404 before the static files see it (it was a 500, issue 15).
 */
function refuseDotSegments(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const path = request.url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Left as it is: the raw text is checked below all the same.
  }
  if (/(^|[/\\])\.\.([/\\]|$)/.test(decoded) || /(^|[/\\])\.\.([/\\]|$)/.test(path)) {
    done(
      new QiscusApiError(
        'ROUTE_NOT_FOUND',
        `No file is ${path}: paths with ".." segments are not served.`,
      ),
    );
    return;
  }
  done();
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
  const routeTable = new RouteTable();
  const app = Fastify({
    // An https server is an http.Server to fastify's routes and hooks (types/node says so too).
    ...((options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}) as object),
    logger: false,
    bodyLimit: options.bodyLimit,
    // A request whose body never finishes is answered 408 and let go, not held open (issue 15).
    requestTimeout: options.requestTimeoutMs,
    http: {
      headersTimeout: options.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, options.requestTimeoutMs),
    },
    clientErrorHandler: (error, socket) => {
      answerClientError(error, socket, options.requestTimeoutMs);
    },
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
      routeTable.add(method, route.url);
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
    routes: routeTable,
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

  // Built on the first request for it: generating it takes longer than the rest of a start.
  let document: OpenApiDocument | undefined;
  const servedDocument = () => {
    document ??= buildOpenApiDocument({ control: true });
    const url = options.serverUrl();
    return url ? { ...document, servers: [{ url, description: 'This mock' }] } : document;
  };
  // The docs, in a scope of their own so only they pay for the Host check hook.
  await app.register(async (docs) => {
    docs.addHook('onRequest', hostGuardHook(deps.guardHost));
    docs.addHook('onRequest', refuseDotSegments);
    docs.get('/openapi.json', () => servedDocument());
    // The UI serves the document only through transformSpecification, so the plugin's own
    // copy is a stand-in that is never sent.
    await docs.register(swagger, {
      mode: 'static',
      specification: {
        document: { openapi: '3.1.0', info: { title: '', version: '' }, paths: {} },
      },
    });
    await docs.register(swaggerUi, {
      routePrefix: '/docs',
      transformSpecificationClone: false,
      uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true },
      transformSpecification: () => servedDocument(),
    });
  });
  return app;
}
