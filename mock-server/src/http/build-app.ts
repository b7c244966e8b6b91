import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '#contracts';
import { mockError } from '../errors.js';
import { activateRoomBotRoute } from '../routes/activate-room-bot.route.js';
import { appBotSettingsRoutes } from '../routes/app-bot-settings.route.js';
import { controlRoutes } from '../routes/control.route.js';
import { handOverToRoleRoute } from '../routes/hand-over-to-role.route.js';
import { handOverRoute } from '../routes/hand-over.route.js';
import { postBotMessageRoute } from '../routes/post-bot-message.route.js';
import type { RouteDeps } from '../routes/route-deps.js';
import { isLoopbackHost } from '../webhooks/webhook-target.js';
import { registerBodyParsers } from './body-parsers.js';
import { isControlRequest, registerErrorHandling } from './error-handler.js';
import './exchange-notes.js';

/** What the app needs besides the route dependencies. */
export interface AppOptions {
  readonly bodyLimit: number;
  /** The interface the server binds; the Host check applies only on loopback. */
  readonly host: string;
  readonly allowedHosts: readonly string[];
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

function isUnrecorded(method: string, url: string): boolean {
  if (url.startsWith('/docs') || url.startsWith('/openapi.json') || url === '/favicon.ico') {
    return true;
  }
  return method === 'GET' && (isControlRequest(url) || url === '/');
}

function hostnameOf(hostHeader: string): string {
  return hostHeader.startsWith('[')
    ? hostHeader.slice(0, hostHeader.indexOf(']') + 1)
    : (hostHeader.split(':')[0] ?? '');
}

/**
 * Builds the fastify app: body parsers, the Host check, traffic recording, error handling, the
 * Qiscus routes, the control API and the docs. It never listens.
 */
export async function buildApp(deps: RouteDeps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit,
    forceCloseConnections: true,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
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
  registerBodyParsers(app);
  registerErrorHandling(app, { bodyLimit: options.bodyLimit, log: options.log });

  const guardHost = isLoopbackHost(options.host);
  const allowed = new Set(options.allowedHosts.map((host) => host.toLowerCase()));
  app.addHook('onRequest', (request, _reply, done) => {
    if (guardHost) {
      const hostname = hostnameOf(request.headers.host ?? '').toLowerCase();
      if (hostname !== '' && !isLoopbackHost(hostname) && !allowed.has(hostname)) {
        done(
          mockError(
            'MOCK_ERR_HOST_NOT_ALLOWED',
            `The mock listens on ${options.host} and answers only requests addressed to this machine, not "${hostname}": start it with --allowed-host ${hostname} to accept that name.`,
          ),
        );
        return;
      }
    }
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const notes = request.exchangeNotes;
    if (notes || !isUnrecorded(request.method, request.url)) {
      const control = isControlRequest(request.url);
      const raw = request.rawBody;
      deps.traffic.record({
        direction: notes?.direction ?? (control ? 'control' : 'from_bot'),
        operationId:
          notes?.operationId ??
          (request.routeOptions.config as { operationId?: string }).operationId ??
          null,
        method: request.method,
        path: request.url,
        roomId: notes?.roomId ?? null,
        status: reply.statusCode,
        // Strings rather than objects: the log keeps thousands, and strings cost the GC least.
        requestHeaders: request.raw.rawHeaders.join('\n'),
        requestBody: raw ? raw.text : request.body,
        ...(raw ? { requestBodyKind: raw.kind } : {}),
        responseBody: payload,
        responseIsText: typeof payload === 'string',
        error: null,
        warnings: notes?.warnings ?? [],
        flags: notes?.flags ?? [],
      });
    }
    done(null, payload);
  });

  postBotMessageRoute(app, deps);
  handOverRoute(app, deps);
  handOverToRoleRoute(app, deps);
  activateRoomBotRoute(app, deps);
  appBotSettingsRoutes(app, deps);
  controlRoutes(app, deps);

  const document = buildOpenApiDocument({ control: true });
  const servedDocument = () => {
    const url = options.serverUrl();
    return url ? { ...document, servers: [{ url, description: 'This mock' }] } : document;
  };
  app.get('/openapi.json', () => servedDocument());
  await app.register(swagger, {
    mode: 'static',
    specification: { document: document as never },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true },
    transformSpecification: () => servedDocument(),
  });
  return app;
}
