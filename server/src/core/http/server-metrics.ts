import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type pg from 'pg';
import type { Context } from '../context';
import type { EventHub } from '../realtime/event-hub';
import type { EventRecord } from '../realtime/topics';
import type { SharedSubscriptions } from '../realtime/shared-execution';

export interface MetricsSources {
  hub: EventHub;
  shared: SharedSubscriptions;
  /** Open WebSockets (a function: the socket server is attached after the routes). */
  sockets(): number;
  /** The committed head of the outbox, read from the database at scrape time. */
  committedPosition(): Promise<bigint>;
  /** This process's clock minus the database's, in ms. */
  clockSkewMs(): Promise<number>;
  /** The connection pools: the ORM's and the event hub's. */
  pools(): Promise<Record<string, Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>>>;
}

/** Operation labels come from the schema's root fields (bounded), never from client-chosen operation names. */
function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'unparsed';
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return fields.length ? [...new Set(fields)].sort().slice(0, 3).join(',') : 'fragment-only';
}

/**
 * The server's Prometheus figures, through prom-client, one registry per app (tests run several
 * apps in one process). Names read by the benchmark (bench/lib/server-metrics.ts) and documented
 * in docs/OPERATIONS.md are kept stable.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private sources: MetricsSources | undefined;
  private forceGc = false;

  readonly requests = new Counter({
    name: 'cc_graphql_requests_total',
    help: 'GraphQL operations over HTTP, by root field(s) and operation type.',
    labelNames: ['operation', 'type'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'cc_graphql_errors_total',
    help: 'Errors in GraphQL answers over HTTP, by root field(s) and extensions.code.',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'cc_graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation over HTTP to its answer (parse, validate, resolvers).',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [this.registry],
  });
  readonly eventsDelivered = new Counter({
    name: 'cc_events_delivered_total',
    help: 'Outbox events this replica read and handed to its subscriptions and alert rules, by topic.',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  readonly alertsRaised = new Counter({
    name: 'cc_alerts_raised_total',
    help: 'Alerts raised, by rule, as seen in the outbox (cluster-wide: every replica counts every raise; use max across replicas).',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.processFiguresTheBenchReads();
    this.realtimeFigures();
  }

  attach(sources: MetricsSources): void {
    this.sources = sources;
  }

  /** Called by the event hub for every event it delivers, in order. */
  observeEvent(event: EventRecord): void {
    this.eventsDelivered.inc({ topic: event.topic });
    if (event.entityType === 'Alert' && event.kind === 'CREATED') {
      const rule = (event.payload as { ruleId?: unknown } | null)?.ruleId;
      this.alertsRaised.inc({ rule: typeof rule === 'string' ? rule : 'unknown' });
    }
  }

  /** Apollo plugin: counts and times every HTTP operation, and its errors by code. */
  plugin(): ApolloServerPlugin<Context> {
    const { requests, errors: errorCount, duration } = this;
    return {
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse({ operation, errors }) {
            const labels = { operation: operationLabel(operation ?? undefined), type: operation?.operation ?? 'none' };
            requests.inc(labels);
            duration.observe(labels, (performance.now() - started) / 1000);
            for (const error of errors ?? []) {
              const code = error.extensions?.['code'];
              errorCount.inc({ operation: labels.operation, code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
            }
          },
        };
      },
    };
  }

  async text(options: { gc?: boolean } = {}): Promise<string> {
    this.forceGc = options.gc === true;
    const collect = (globalThis as { gc?: () => void }).gc;
    if (this.forceGc && collect) collect();
    return this.registry.metrics();
  }

  private processFiguresTheBenchReads(): void {
    const registers = [this.registry];
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const seconds = (nanoseconds: number) => (Number.isFinite(nanoseconds) ? nanoseconds / 1e9 : 0);
    const gcForced = () => this.forceGc && (globalThis as { gc?: unknown }).gc !== undefined;
    new Gauge({
      name: 'nodejs_heap_used_bytes',
      help: 'V8 heap in use.',
      registers,
      collect() {
        this.set(process.memoryUsage().heapUsed);
      },
    });
    new Gauge({
      name: 'nodejs_array_buffers_bytes',
      help: 'Memory of ArrayBuffers and Buffers.',
      registers,
      collect() {
        this.set(process.memoryUsage().arrayBuffers);
      },
    });
    new Gauge({
      name: 'nodejs_gc_forced',
      help: '1 when a full GC ran just before these figures (GET /metrics?gc=1 on a process started with --expose-gc).',
      registers,
      collect() {
        this.set(gcForced() ? 1 : 0);
      },
    });
    // Since the previous scrape, then started again: a scraper gets the figures of its own interval.
    new Gauge({
      name: 'nodejs_eventloop_delay_seconds',
      help: 'Event-loop delay since the previous scrape, by quantile.',
      labelNames: ['quantile'] as const,
      registers,
      collect() {
        this.set({ quantile: '0.5' }, seconds(loopDelay.percentile(50)));
        this.set({ quantile: '0.99' }, seconds(loopDelay.percentile(99)));
        this.set({ quantile: '1' }, seconds(loopDelay.max));
        mean.set(seconds(loopDelay.mean));
        loopDelay.reset();
      },
    });
    const mean = new Gauge({
      name: 'nodejs_eventloop_delay_mean_seconds',
      help: 'Mean event-loop delay since the previous scrape.',
      registers,
    });
  }

  private realtimeFigures(): void {
    const registers = [this.registry];
    const sources = () => this.sources;
    const gauge = (name: string, help: string, value: (s: MetricsSources) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const s = sources();
          if (s) this.set(value(s));
        },
      });
    /** A running total kept elsewhere (shared-execution stats), reported as a counter. */
    const total = (name: string, help: string, value: (s: MetricsSources) => number) => {
      let reported = 0;
      new Counter({
        name,
        help,
        registers,
        collect() {
          const s = sources();
          if (!s) return;
          const now = value(s);
          if (now > reported) this.inc(now - reported);
          reported = now;
        },
      });
    };
    gauge('cc_ws_sockets_open', 'Open WebSocket connections.', (s) => s.sockets());
    gauge('cc_event_hub_head_position', 'Newest outbox position handed to listeners (the delivered position).', (s) => Number(s.hub.head));
    gauge(
      'cc_event_hub_listeners',
      'In-process event listeners: live subscription streams plus the server’s own.',
      (s) => s.hub.listenerCount,
    );
    gauge('cc_subscription_groups', 'Shared-execution groups (distinct selection and scope).', (s) => s.shared.activeGroups);
    gauge('cc_subscription_members', 'Open subscriptions executed through a shared group.', (s) => s.shared.stats.members);
    gauge('cc_subscription_live_members', 'Caught-up subscriptions receiving their group’s broadcast.', (s) => s.shared.stats.live);
    gauge('cc_delivery_round_last_ms', 'Duration of the last round of broadcast writes, in ms.', (s) => s.shared.rounds.stats.lastRoundMs);
    total('cc_subscription_executions_total', 'Subscription executions (once per event per group).', (s) => s.shared.stats.executions);
    total(
      'cc_subscription_executions_reused_total',
      'Deliveries to subscribers still catching up that reused a group’s execution.',
      (s) => s.shared.stats.reused,
    );
    total('cc_delivery_rounds_total', 'Rounds of broadcast writes (delivery-rounds.ts).', (s) => s.shared.rounds.stats.rounds);
    total(
      'cc_delivery_round_events_total',
      'Events delivered by broadcast rounds, per broadcast: over cc_delivery_round_flushes_total, the events each write carried.',
      (s) => s.shared.rounds.stats.events,
    );
    total(
      'cc_delivery_round_flushes_total',
      'Broadcast flushes in rounds (one per broadcast per round).',
      (s) => s.shared.rounds.stats.flushes,
    );
    // Both figures come from one read per scrape, taken by whichever gauge the registry collects
    // first: the committed position used to be set inside the lag's collect, after the registry
    // had already read it, so a scrape showed the position of the scrape before.
    let outboxRead: Promise<{ head: bigint; delivered: bigint } | null> | null = null;
    const readOutbox = () => {
      outboxRead ??= (async () => {
        const s = sources();
        if (!s) return null;
        try {
          return { head: await s.committedPosition(), delivered: s.hub.head };
        } catch {
          return null; // database unreachable: the figures stay at their last values; /readyz says why
        } finally {
          setImmediate(() => (outboxRead = null));
        }
      })();
      return outboxRead;
    };
    new Gauge({
      name: 'cc_outbox_committed_position',
      help: 'Newest committed outbox position (database).',
      registers,
      async collect() {
        const read = await readOutbox();
        if (read) this.set(Number(read.head));
      },
    });
    new Gauge({
      name: 'cc_outbox_lag_events',
      help: 'Committed outbox position minus the position this replica delivered: events committed but not yet pushed.',
      registers,
      async collect() {
        const read = await readOutbox();
        if (read) this.set(Math.max(0, Number(read.head - read.delivered)));
      },
    });
    new Gauge({
      name: 'cc_clock_skew_seconds',
      help: 'This replica’s clock minus the database’s. Deadline and escalation rules read the replica’s clock: keep it within a second (NTP).',
      registers,
      async collect() {
        const s = sources();
        if (!s) return;
        try {
          this.set((await s.clockSkewMs()) / 1000);
        } catch {
          // database unreachable: the figure stays at its last value
        }
      },
    });
    new Gauge({
      name: 'cc_db_pool_connections',
      help: 'Database connections by pool (orm, event_hub) and state (total, idle, waiting: requests queued for a connection).',
      labelNames: ['pool', 'state'] as const,
      registers,
      async collect() {
        const s = sources();
        if (!s) return;
        for (const [pool, p] of Object.entries(await s.pools())) {
          this.set({ pool, state: 'total' }, p.totalCount);
          this.set({ pool, state: 'idle' }, p.idleCount);
          this.set({ pool, state: 'waiting' }, p.waitingCount);
        }
      },
    });
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The peer is this machine and did not forward someone else's request (a local reverse proxy would). */
function fromThisMachine(req: IncomingMessage): boolean {
  return (
    LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers['forwarded'] === undefined
  );
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /metrics. Who may read it:
 * - METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>` (else 401), wherever from;
 * - unset, in production: nobody (404), since a proxy on the same machine would make every
 *   visitor look local;
 * - unset, in development and tests: requests from this machine that no proxy forwarded (else 404).
 */
export function metricsEndpoint(metrics: ServerMetrics, access: { token: string | undefined; production: boolean }): RequestHandler {
  return (req, res, next) => {
    if (access.token) {
      if (!bearerMatches(req, access.token)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.status(401).type('text/plain').send('Send the METRICS_TOKEN as a Bearer token.\n');
        return;
      }
    } else if (access.production || !fromThisMachine(req)) {
      res.status(404).type('text/plain').send('Not found\n');
      return;
    }
    metrics.text({ gc: req.query['gc'] === '1' }).then(
      (body) => {
        res.setHeader('Cache-Control', 'no-store');
        res.type(metrics.registry.contentType).send(body);
      },
      (error: unknown) => next(error),
    );
  };
}
