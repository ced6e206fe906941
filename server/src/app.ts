import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLError } from 'graphql';
import type { Config } from './core/config';
import { systemClock, type Clock } from './core/clock';
import type { Context, Viewer } from './core/context';
import { auditCollector } from './core/audit';
import { migrate, openOrm, type Orm } from './core/database/orm';
import { createErrorFormatter } from './core/graphql/format-error';
import { costLimitError, costLimitPlugin } from './core/graphql/cost';
import { DEFAULT_QUERY_LIMITS, validationRules } from './core/graphql/limits';
import { requestIdPlugin } from './core/graphql/request-id';
import { nulCharacterPlugin } from './core/graphql/text-input';
import { subscriptionsOverHttpPlugin } from './core/graphql/http-subscriptions';
import { buildGraphQLSchema } from './core/graphql/schema';
import { clientAddressResolver } from './core/http/client-address';
import { clearedCookie, readCookie, sessionCookie } from './core/http/cookies';
import { serveConsole } from './core/http/console-static';
import { csrfGuard } from './core/http/csrf';
import { metricsEndpoint, ServerMetrics } from './core/http/server-metrics';
import { DeliveryRounds } from './core/realtime/delivery-rounds';
import { serveGraphiQL } from './core/http/graphiql';
import { notFound } from './core/http/not-found';
import { requestErrorHandler } from './core/http/request-errors';
import { securityHeaders } from './core/http/security-headers';
import { logContext, type Logger } from './core/logger';
import { EventHub } from './core/realtime/event-hub';
import { SharedSubscriptions } from './core/realtime/shared-execution';
import { attachWebSocketServer } from './core/realtime/ws-server';
import { createModules } from './modules';
import { permitSignerFromConfig } from './modules/permits/permit-signer';
import { SESSION_COOKIE } from './modules/identity/session.service';

export interface AppOptions {
  config: Config;
  logger: Logger;
  databaseUrl: string;
  clock?: Clock;
}

export type App = Awaited<ReturnType<typeof createApp>>;

/** Composes the server: database, modules, schema, HTTP and WebSocket on one port. */
export async function createApp({ config, logger, databaseUrl, clock = systemClock }: AppOptions) {
  const production = config.env === 'production';
  const modules = createModules({
    sessionTtlMs: config.sessionTtlMs,
    permits: { signer: permitSignerFromConfig(config, logger), verifyLimits: config.permits.verifyThrottle },
  });
  const orm: Orm = await openOrm({
    url: databaseUrl,
    entities: modules.entities,
    migrations: modules.migrations,
    logger,
    subscribers: [auditCollector],
  });
  const applied = await migrate(orm, databaseUrl);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  const metrics = new ServerMetrics();
  const hub = new EventHub({
    url: databaseUrl,
    logger,
    maxQueuedPerSubscriber: config.realtime.maxQueuedEvents,
    observe: (event) => metrics.observeEvent(event),
  });
  await hub.start();
  const retention = setInterval(() => {
    hub.prune(config.eventRetentionDays).catch((error: unknown) => logger.warn({ err: error }, 'event pruning failed'));
  }, 3_600_000);
  retention.unref();
  // Alert rules run on the hub's events and on the clock, on every replica (the engine makes that exactly once).
  await modules.alerts.engine.start({ orm, hub, clock, logger });

  const schema = await buildGraphQLSchema(modules.resolvers);
  const rules = validationRules(DEFAULT_QUERY_LIMITS, production);
  const formatError = createErrorFormatter(logger, false, { hideSchemaDetails: production });

  const viewerFromRequest = (request: IncomingMessage): Promise<Viewer | null> =>
    modules.identity.sessions.viewerFromToken(orm.em.fork(), readCookie(request, SESSION_COOKIE), clock.now());

  const baseContext = (
    viewer: Viewer | null,
    transport: Context['transport'],
    idempotencyKey: unknown,
    requestId: string = randomUUID(),
  ): Context => ({
    requestId,
    transport,
    viewer,
    em: orm.em.fork(),
    idempotencyKey: typeof idempotencyKey === 'string' && idempotencyKey ? idempotencyKey : undefined,
    clock,
    hub,
    // Over HTTP the request's log context already carries the id (logContext); elsewhere a child logger does.
    logger: logContext.getStore()?.requestId === requestId ? logger : logger.child({ requestId }),
  });

  const shared = new SharedSubscriptions(
    (template) => {
      const requestId = randomUUID();
      return { ...template, requestId, em: orm.em.fork(), logger: logger.child({ requestId }) };
    },
    (context) => (context.viewer ? `${[...context.viewer.roles].sort().join(',')}|${context.viewer.unitId ?? ''}` : 'anonymous'),
    new DeliveryRounds({ writeShare: config.realtime.writeShare }),
  );

  const app = express();
  app.disable('x-powered-by');
  // The WebSocket's client address by the same TRUST_PROXY rule as req.ip (per-address limits on both doors).
  const wsClientAddress = clientAddressResolver(config.trustProxy);
  // Behind a reverse proxy on another host (compose, Kubernetes), TRUST_PROXY names it so sign-in throttling sees the client's address.
  app.set('trust proxy', config.trustProxy);
  // One id per HTTP request, in every log line written while handling it and in X-Request-Id.
  app.use((_req, res, next) => {
    const requestId = randomUUID();
    res.locals['requestId'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    logContext.run({ requestId }, next);
  });
  app.use(securityHeaders(production));
  // Timeouts against clients that send a request slowly and hold a connection (slow-loris);
  // the check interval makes them bite within a second or two of expiring (node's default is 30 s).
  const httpServer: Server = createServer({ connectionsCheckingInterval: 1_000 }, app);
  httpServer.requestTimeout = config.http.requestTimeoutMs;
  httpServer.headersTimeout = config.http.headersTimeoutMs;

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    // CSRF is refused by core/http/csrf.ts before Apollo: form and text posts, cross-site requests.
    // Apollo's own check would also refuse plain GET queries, which GraphQL over HTTP allows.
    csrfPrevention: false,
    // main.ts owns shutdown order (sockets, Apollo, hub, database); Apollo must not re-raise the signal.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    validationRules: rules,
    parseOptions: { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens },
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      requestIdPlugin(),
      metrics.plugin(),
      costLimitPlugin(),
      nulCharacterPlugin(),
      subscriptionsOverHttpPlugin(),
    ],
  });
  await apollo.start();

  let ready = true;
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await orm.migrator.getPending();
      await orm.em.fork().execute('select 1');
      const ok = ready && pending.length === 0;
      res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', database: 'reachable', pendingMigrations: pending.length });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'unreachable' });
    }
  });

  serveGraphiQL(app, { enabled: !production, schema });
  metrics.attach({
    hub,
    shared,
    sockets: () => ws.socketCount,
    committedPosition: () => hub.committedHead(),
    clockSkewMs: () => hub.clockSkewMs(),
    pools: async () => ({ orm: await orm.driver.getConnection().getNativeClient(), event_hub: hub.connections }),
  });
  app.get('/metrics', metricsEndpoint(metrics, { token: config.metricsToken, production }));

  // Modules' own HTTP routes (uploads and downloads, a checkpoint's permit keys and revocation
  // list), before the console's pages claim every GET.
  const moduleRoutes = express.Router();
  const httpRouteDeps = {
    config,
    contextOf: async (req: express.Request, res: express.Response): Promise<Context> =>
      baseContext(await viewerFromRequest(req), 'http', req.get('idempotency-key'), res.locals['requestId'] as string),
    em: () => orm.em.fork(),
    clock,
    logger,
  };
  for (const m of modules.list) m.httpRoutes?.(moduleRoutes, httpRouteDeps);
  app.use(moduleRoutes);

  app.use(
    '/graphql',
    csrfGuard(),
    express.json({ limit: config.http.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const viewer = await viewerFromRequest(req);
        const extensions = (req.body as { extensions?: Record<string, unknown> } | undefined)?.extensions;
        return {
          ...baseContext(viewer, 'http', req.get('idempotency-key') ?? extensions?.['idempotencyKey'], res.locals['requestId'] as string),
          clientAddress: req.ip ?? '',
          http: {
            address: req.ip ?? '',
            setSessionCookie: (token, expiresAt) => res.append('Set-Cookie', sessionCookie(SESSION_COOKIE, token, expiresAt, production)),
            clearSessionCookie: () => res.append('Set-Cookie', clearedCookie(SESSION_COOKIE, production)),
          },
        };
      },
    }),
  );

  const consoleDist = config.consoleDist ?? new URL('../../client/dist', import.meta.url).pathname;
  const consoleServed = serveConsole(app, consoleDist);
  app.use(notFound(consoleServed));
  app.use(requestErrorHandler(logger));

  const ws = attachWebSocketServer({
    httpServer,
    path: '/graphql',
    schema,
    logger,
    hub,
    shared,
    limits: {
      maxBufferedBytes: config.realtime.maxBufferedBytes,
      maxSocketsPerUser: config.realtime.maxSocketsPerUser,
      keepAliveMs: config.realtime.keepAliveMs,
    },
    sharedExecution: config.realtime.execution === 'shared',
    validationRules: rules,
    maxTokens: DEFAULT_QUERY_LIMITS.maxTokens,
    costLimit: (document, variables, operationName) => costLimitError(schema, document, variables, operationName),
    allowedOrigins: config.consoleOrigins,
    viewerFromRequest,
    buildContext: (viewer, extensions, request) => ({
      ...baseContext(viewer, 'ws', extensions?.['idempotencyKey']),
      clientAddress: wsClientAddress(request),
    }),
    formatErrors: (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e)),
  });

  return {
    orm,
    hub,
    shared,
    ws,
    schema,
    metrics,
    modules,
    consoleServed,
    httpServer,
    async listen(port = config.port, host = config.host): Promise<string> {
      await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
      const address = httpServer.address() as AddressInfo;
      return `http://${address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address}:${address.port}`;
    },
    /**
     * Graceful: stop accepting, let requests finish, tell consoles to reconnect, close the
     * database. Each step has a deadline: a step that waits on something the database left
     * behind (a connection lost mid-restart) is logged by name and the shutdown goes on, so
     * SIGTERM always ends in an exit.
     */
    async close(): Promise<void> {
      ready = false;
      clearInterval(retention);
      const step = (name: string, work: () => Promise<unknown>) => shutdownStep(name, work, logger);
      await step('websocket', () => ws.close());
      await step('apollo', () => apollo.stop());
      await step('alert engine', () => modules.alerts.engine.stop());
      await step('event hub', () => hub.stop());
      await step('database pool', () => orm.close());
    },
  };
}

/** How long one step of a graceful shutdown may take before it is given up on. */
const SHUTDOWN_STEP_MS = 8_000;

async function shutdownStep(name: string, work: () => Promise<unknown>, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<'overdue'>((resolve) => (timer = setTimeout(() => resolve('overdue'), SHUTDOWN_STEP_MS)));
  const outcome = await Promise.race([
    work().then(
      () => 'done' as const,
      (error: unknown) => {
        logger.warn({ err: error, step: name }, 'shutdown step failed; going on');
        return 'failed' as const;
      },
    ),
    overdue,
  ]);
  clearTimeout(timer);
  if (outcome === 'overdue') logger.warn({ step: name }, `shutdown step did not finish within ${SHUTDOWN_STEP_MS / 1000} s; going on`);
}
