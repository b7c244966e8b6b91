import Fastify, { type FastifyInstance } from 'fastify';
import { serveDashboard } from '../dashboard/serve-dashboard.js';
import { activateRoomBotRoute } from '../routes/activate-room-bot.route.js';
import { adminAccountRoutes } from '../routes/admin-account.route.js';
import { adminDirectoryRoutes } from '../routes/admin-directory.route.js';
import { adminRoomRoutes } from '../routes/admin-rooms.route.js';
import { appBotSettingsRoutes } from '../routes/app-bot-settings.route.js';
import { controlRoutes } from '../routes/control.route.js';
import { roomScriptRoute } from '../routes/room-script.route.js';
import { handOverToRoleRoute } from '../routes/hand-over-to-role.route.js';
import { handOverRoute } from '../routes/hand-over.route.js';
import { postBotMessageRoute } from '../routes/post-bot-message.route.js';
import type { RouteDeps } from '../routes/route-deps.js';
import { upstreamWebhookRoute } from '../proxy/upstream-webhook.route.js';
import { forwardUnknownCall } from '../proxy/forward-call.js';
import { answerClientError } from './answer-client-error.js';
import { registerBodyParsers } from './body-parsers.js';
import { BodySlots, limitLargeBodies } from './body-slots.js';
import { registerErrorHandling } from './error-handler.js';
import { RouteTable } from './route-table.js';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';
import { serveDocs } from './serve-docs.js';
import './exchange-notes.js';

/** How many large bodies (over 64 KB, `hasLargeBody`) are read and handled at once; the others wait. */
const largeBodySlots = 1;

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
  /**
   * Called just before any answer goes out (recording: the lines of the turn are written
   * first). Left out, no hook is added, so answering costs nothing more.
   */
  readonly beforeAnswer?: () => void;
  /** Serve HTTPS with this certificate and key; plain HTTP without. */
  readonly tls?: { readonly cert: string | Buffer; readonly key: string | Buffer } | undefined;
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
    // None of the mock's routes has a fastify schema (the contracts check the bodies), so
    // fastify's own compilers, with ajv, are loaded only if one ever does.
    schemaController: { compilersFactory: lazySchemaCompilers() },
    return503OnClosing: true,
    // A path parameter as long as the headers allow reaches the route's schema, which names it,
    // instead of the router's bare 500 past 100 characters.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
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
  const { beforeAnswer } = options;
  if (beforeAnswer) {
    app.addHook('onSend', (_request, _reply, payload, done) => {
      beforeAnswer();
      done(null, payload);
    });
  }
  const { upstream } = deps;
  registerBodyParsers(app, () => deps.traffic.maxBodyBytes);
  limitLargeBodies(app, new BodySlots(largeBodySlots));
  handleError = registerErrorHandling(app, {
    bodyLimit: options.bodyLimit,
    log: options.log,
    guardHost: deps.guardHost,
    record: deps.record,
    routes: routeTable,
    forward: upstream
      ? (request, reply) => {
          forwardUnknownCall(upstream, request, reply, deps);
        }
      : undefined,
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
  roomScriptRoute(app, deps);
  if (deps.upstream) upstreamWebhookRoute(app, deps, deps.upstream);
  await serveDashboard(app, deps);

  await serveDocs(app, { guardHost: deps.guardHost, serverUrl: options.serverUrl });
  return app;
}
