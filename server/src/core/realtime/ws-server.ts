import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { DocumentNode, ExecutionArgs, GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL, handleProtocols, makeServer, type Context as WsContext } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Context, Viewer } from '../context';
import { domainError } from '../errors';
import { DEFAULT_QUERY_LIMITS } from '../graphql/limits';
import { checkOperation } from '../graphql/operation-checks';
import type { Logger } from '../logger';
import type { EventHub } from './event-hub';
import { SharedDocuments } from './shared-documents';
import { directSink, type DirectSink, type SharedSubscriptions } from './shared-execution';
import { WriteCoalescer } from './write-coalescer';

/** Close codes beyond graphql-ws's own; all but 4401 make the console reconnect. */
export const WS_CLOSE = {
  unauthorized: CloseCode.Unauthorized, // 4401: no session, or it expired or was revoked
  connectionInitTimeout: CloseCode.ConnectionInitialisationTimeout, // 4408
  tooManySockets: 4429,
  slowConsumer: 1013, // try again later
  serverRestart: 1012,
} as const;

export interface WsLimits {
  maxMessageBytes: number;
  maxSubscriptionsPerSocket: number;
  maxSocketsPerUser: number;
  /** Bytes queued to one socket before it is treated as not reading. */
  maxBufferedBytes: number;
  connectionInitWaitMs: number;
  keepAliveMs: number;
}

export const DEFAULT_WS_LIMITS: WsLimits = {
  maxMessageBytes: 64 * 1024,
  maxSubscriptionsPerSocket: 50,
  maxSocketsPerUser: 20,
  maxBufferedBytes: 4 * 1024 * 1024,
  connectionInitWaitMs: 3_000,
  keepAliveMs: 12_000,
};

interface Extra {
  socket: WebSocket;
  request: IncomingMessage;
  viewer?: Viewer;
}

export interface WsServerOptions {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  logger: Logger;
  hub: EventHub;
  shared: SharedSubscriptions;
  /** false: graphql-js executes per subscriber (the naive path, for comparison only). */
  sharedExecution?: boolean;
  limits?: Partial<WsLimits>;
  validationRules: readonly ValidationRule[];
  /** The parser's token limit, as on HTTP (Apollo's parseOptions.maxTokens). */
  maxTokens?: number;
  /** The query cost check (core/graphql/cost.ts); it needs the variables, so it runs after validation. */
  costLimit?(
    document: DocumentNode,
    variables: Record<string, unknown> | null | undefined,
    operationName: string | null | undefined,
  ): GraphQLError | undefined;
  /** Origins allowed to open a socket; undefined means the request's own host only. */
  allowedOrigins: readonly string[] | undefined;
  viewerFromRequest(request: IncomingMessage): Promise<Viewer | null>;
  /** `request` is the socket's upgrade request (its client address). */
  buildContext(viewer: Viewer, extensions: Record<string, unknown> | undefined, request: IncomingMessage): Context;
  formatErrors(errors: readonly GraphQLError[]): unknown[];
}

/**
 * graphql-transport-ws on the HTTP server's `/graphql`: the second front door, held to the
 * same rules as HTTP (session, policy, validation limits, error masking) (issue 14).
 */
export function attachWebSocketServer(options: WsServerOptions) {
  const limits = { ...DEFAULT_WS_LIMITS, ...options.limits };
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, handleProtocols, perMessageDeflate: false });
  const socketsByUser = new Map<string, Set<WebSocket>>();
  const socketsBySession = new Map<string, Set<WebSocket>>();
  const documents = new SharedDocuments();

  // Each subscription's socket and id, so that shared results are written to it directly
  // (shared-execution.ts): graphql-ws's per-subscriber iteration and serialisation were most of
  // what one more subscriber cost.
  const sinks = new WeakMap<ExecutionArgs, DirectSink>();
  const coalescer = new WriteCoalescer();
  // ws does not expose its TCP socket's cork(); `_socket` has been its name for it since ws 1.
  const tcpSocketOf = (socket: WebSocket) => (socket as unknown as { _socket?: Duplex })._socket;

  /**
   * Writes go out without waiting: a console that stops reading then shows up as bytes queued
   * on its socket, and is cut off at the limit instead of stalling its stream.
   */
  const mayWrite = (socket: WebSocket): boolean => {
    if (socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount <= limits.maxBufferedBytes) return true;
    socket.close(WS_CLOSE.slowConsumer, 'Slow consumer: reconnect to catch up');
    return false;
  };
  const write = (socket: WebSocket, data: string | Buffer) => {
    if (mayWrite(socket)) socket.send(data, { binary: false });
  };

  const server = makeServer<Record<string, unknown> | undefined, Extra>({
    schema: options.schema,
    connectionInitWaitTimeout: limits.connectionInitWaitMs,
    onConnect: async (ctx) => {
      const viewer = await options.viewerFromRequest(ctx.extra.request).catch(() => null);
      if (!viewer) {
        ctx.extra.socket.close(WS_CLOSE.unauthorized, 'Unauthorized: sign in first');
        return false;
      }
      const mine = socketsByUser.get(viewer.userId) ?? new Set();
      if (mine.size >= limits.maxSocketsPerUser) {
        ctx.extra.socket.close(WS_CLOSE.tooManySockets, 'Too many open consoles for this user');
        return false;
      }
      ctx.extra.viewer = viewer;
      track(socketsByUser, viewer.userId, ctx.extra.socket);
      track(socketsBySession, viewer.sessionId, ctx.extra.socket);
      const expiresIn = viewer.sessionExpiresAt.getTime() - Date.now();
      const timer = setTimeout(
        () => ctx.extra.socket.close(WS_CLOSE.unauthorized, 'Unauthorized: session expired'),
        Math.max(0, Math.min(expiresIn, 2 ** 31 - 1)),
      );
      timer.unref();
      ctx.extra.socket.once('close', () => {
        clearTimeout(timer);
        untrack(socketsByUser, viewer.userId, ctx.extra.socket);
        untrack(socketsBySession, viewer.sessionId, ctx.extra.socket);
      });
      return true;
    },
    onSubscribe: (ctx, id, payload) => {
      if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerSocket) {
        return [domainError('RATE_LIMITED', `At most ${limits.maxSubscriptionsPerSocket} subscriptions per connection.`)];
      }
      // Apollo's pipeline does not run here: the same checks, with the same codes, come from one place.
      const checked = checkOperation(
        {
          schema: options.schema,
          validationRules: options.validationRules,
          maxTokens: options.maxTokens ?? DEFAULT_QUERY_LIMITS.maxTokens,
          costLimit: options.costLimit,
        },
        payload,
      );
      if (Array.isArray(checked)) return checked;
      const args: ExecutionArgs = {
        schema: options.schema,
        document: documents.share(payload.query, checked.document),
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: options.buildContext(ctx.extra.viewer!, payload.extensions ?? undefined, ctx.extra.request),
      };
      const socket = ctx.extra.socket;
      sinks.set(
        args,
        directSink(id, {
          send: (message) => {
            coalescer.hold(tcpSocketOf(socket));
            write(socket, message);
          },
          // Frames a broadcast round built (ws-frames.ts); ws itself is not compressing (no permessage-deflate), so nothing of its own can be queued in between.
          sendFramed: (frames) => {
            if (mayWrite(socket)) tcpSocketOf(socket)?.write(frames);
          },
        }),
      );
      return args;
    },
    ...(options.sharedExecution === false ? {} : { subscribe: (args: ExecutionArgs) => options.shared.subscribe(args, sinks.get(args)) }),
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: options.formatErrors(result.errors) as GraphQLError[] } : undefined,
    onError: (_ctx, _id, _payload, errors) => options.formatErrors(errors) as GraphQLError[],
  });

  // Session revocations (sign-out, an administrator disabling a user) close that session's sockets at once.
  const stopRevocations = options.hub.subscribe((event) => {
    if (event.topic !== ('session' as never) || event.kind !== 'DELETED') return;
    for (const socket of socketsBySession.get(event.entityId) ?? []) socket.close(WS_CLOSE.unauthorized, 'Unauthorized: signed out');
  });

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    let pongWait: NodeJS.Timeout | undefined;
    const ping = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), limits.keepAliveMs);
      socket.once('pong', () => clearTimeout(pongWait));
      socket.ping();
    }, limits.keepAliveMs);
    socket.once('error', (error) => {
      options.logger.debug({ err: error }, 'websocket error');
      socket.close(CloseCode.BadRequest, 'Bad request');
    });
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (message) => write(socket, message),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', async (data) => {
            try {
              await cb(String(data));
            } catch (error) {
              options.logger.error({ err: error }, 'websocket message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request } as Extra,
    );
    socket.once('close', (code, reason) => {
      clearInterval(ping);
      clearTimeout(pongWait);
      void closed(code, String(reason));
    });
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== options.path) return refuse(socket, 404, 'Not Found');
    if (!originAllowed(request, options.allowedOrigins)) return refuse(socket, 403, 'Origin not allowed');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  return {
    wss,
    get socketCount() {
      return wss.clients.size;
    },
    protocol: GRAPHQL_TRANSPORT_WS_PROTOCOL,
    /** Graceful shutdown: a reconnect-friendly close for every console. */
    async close(): Promise<void> {
      stopRevocations();
      options.httpServer.off('upgrade', onUpgrade);
      for (const socket of wss.clients) socket.close(WS_CLOSE.serverRestart, 'Server restarting');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export type WsContextType = WsContext<Record<string, unknown> | undefined, Extra>;

function track(map: Map<string, Set<WebSocket>>, key: string, socket: WebSocket) {
  const set = map.get(key) ?? new Set();
  set.add(socket);
  map.set(key, set);
}

function untrack(map: Map<string, Set<WebSocket>>, key: string, socket: WebSocket) {
  const set = map.get(key);
  set?.delete(socket);
  if (set?.size === 0) map.delete(key);
}

/** Browsers always send Origin; it must be one of ours. Non-browser clients send none. */
function originAllowed(request: IncomingMessage, allowed: readonly string[] | undefined): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowed) return allowed.includes(origin);
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: number, message: string) {
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}
