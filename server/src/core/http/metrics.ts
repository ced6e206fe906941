import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { EventHub } from '../realtime/event-hub';
import type { SharedSubscriptions } from '../realtime/shared-execution';

/**
 * The figures any Node process here can report: CPU, memory, event-loop delay. The benchmark's
 * baseline servers (bench/baselines) use this same class, so every server is measured alike.
 */
export class ProcessMetrics {
  private readonly loopDelay: ELDHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loopDelay.enable();
  }

  /**
   * Prometheus text lines. The event-loop delay covers the time since the previous scrape and
   * then starts again (as prom-client does), so a scraper gets the figures of its own interval.
   * `gc` runs a full collection first when the process was started with --expose-gc.
   */
  lines(options: { gc?: boolean } = {}): string[] {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (options.gc && collect) collect();
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const delay = this.loopDelay;
    const seconds = (nanoseconds: number) => (Number.isFinite(nanoseconds) ? nanoseconds / 1e9 : 0);
    const lines = [
      ...metric('process_cpu_user_seconds_total', 'counter', 'User CPU time spent.', cpu.user / 1e6),
      ...metric('process_cpu_system_seconds_total', 'counter', 'System CPU time spent.', cpu.system / 1e6),
      ...metric('process_resident_memory_bytes', 'gauge', 'Resident memory size.', memory.rss),
      ...metric('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use.', memory.heapUsed),
      ...metric('nodejs_heap_total_bytes', 'gauge', 'V8 heap reserved.', memory.heapTotal),
      ...metric('nodejs_external_memory_bytes', 'gauge', 'Memory of C++ objects bound to JS (includes ArrayBuffers).', memory.external),
      ...metric('nodejs_array_buffers_bytes', 'gauge', 'Memory of ArrayBuffers and Buffers.', memory.arrayBuffers),
      ...metric('nodejs_gc_forced', 'gauge', '1 when a full GC ran just before these figures.', options.gc && collect ? 1 : 0),
      '# HELP nodejs_eventloop_delay_seconds Event-loop delay since the previous scrape.',
      '# TYPE nodejs_eventloop_delay_seconds summary',
      `nodejs_eventloop_delay_seconds{quantile="0.5"} ${seconds(delay.percentile(50))}`,
      `nodejs_eventloop_delay_seconds{quantile="0.99"} ${seconds(delay.percentile(99))}`,
      `nodejs_eventloop_delay_seconds{quantile="1"} ${seconds(delay.max)}`,
      `nodejs_eventloop_delay_seconds_count ${delay.count}`,
      ...metric('nodejs_eventloop_delay_mean_seconds', 'gauge', 'Mean event-loop delay since the previous scrape.', seconds(delay.mean)),
    ];
    delay.reset();
    return lines;
  }
}

export interface MetricsSources {
  hub: EventHub;
  shared: SharedSubscriptions;
  /** Open WebSockets (a function: the socket server is attached after the routes). */
  sockets(): number;
}

/**
 * GET /metrics in Prometheus text format, for operators and the benchmark (bench/). Answered
 * only to requests from this machine that no proxy forwarded, or to anyone when
 * METRICS_ENABLED=true (then put it behind your own network rules); everyone else gets 404.
 */
export function metricsEndpoint(sources: MetricsSources): RequestHandler {
  const process_ = new ProcessMetrics();
  // An operator switch read here rather than in config.ts: it only widens who may read figures.
  const open = process.env['METRICS_ENABLED'] === 'true';
  return (req, res, next) => {
    if (!open && !fromThisMachine(req)) return next();
    const { stats } = sources.shared;
    const rounds = sources.shared.rounds.stats;
    const body = [
      ...process_.lines({ gc: req.query['gc'] === '1' }),
      ...metric('cc_ws_sockets_open', 'gauge', 'Open WebSocket connections.', sources.sockets()),
      ...metric('cc_event_hub_head_position', 'gauge', 'Newest outbox position handed to listeners.', Number(sources.hub.head)),
      ...metric(
        'cc_event_hub_listeners',
        'gauge',
        'In-process event listeners: live subscription streams plus the server’s own.',
        sources.hub.listenerCount,
      ),
      ...metric('cc_subscription_groups', 'gauge', 'Shared-execution groups (distinct selection and scope).', sources.shared.activeGroups),
      ...metric('cc_subscription_members', 'gauge', 'Subscriptions executed through a shared group.', stats.members),
      ...metric('cc_subscription_live_members', 'gauge', 'Caught-up subscriptions receiving their group’s broadcast.', stats.live),
      ...metric('cc_subscription_executions_total', 'counter', 'Subscription executions (once per event per group).', stats.executions),
      ...metric(
        'cc_subscription_executions_reused_total',
        'counter',
        'Deliveries to subscribers still catching up that reused a group’s execution.',
        stats.reused,
      ),
      ...metric('cc_delivery_rounds_total', 'counter', 'Rounds of broadcast writes (delivery-rounds.ts).', rounds.rounds),
      ...metric('cc_delivery_round_last_ms', 'gauge', 'Duration of the last round of broadcast writes, in ms.', rounds.lastRoundMs),
      ...metric(
        'cc_delivery_round_events_total',
        'counter',
        'Events delivered by broadcast rounds, per broadcast: over cc_delivery_round_flushes_total, the events each write carried.',
        rounds.events,
      ),
      ...metric('cc_delivery_round_flushes_total', 'counter', 'Broadcast flushes in rounds (one per broadcast per round).', rounds.flushes),
    ];
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/plain; version=0.0.4').send(body.join('\n') + '\n');
  };
}

function metric(name: string, type: 'counter' | 'gauge', help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The peer is this machine and did not forward someone else's request (a local reverse proxy would). */
function fromThisMachine(req: IncomingMessage): boolean {
  return (
    LOOPBACK.has(req.socket.remoteAddress ?? '') && req.headers['x-forwarded-for'] === undefined && req.headers['forwarded'] === undefined
  );
}
