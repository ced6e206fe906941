/** One scrape of a server's /metrics (Prometheus text), as name → value; quantiles as name{quantile="0.99"}. */
export type Scrape = Map<string, number> & { at: number };

/** An overloaded server answers late; past the timeout (4 s) the scrape fails, leaving that window's figures unknown, rather than stalling the run. */
export async function scrape(metricsUrl: string, options: { gc?: boolean; timeoutMs?: number } = {}): Promise<Scrape> {
  const response = await fetch(options.gc ? `${metricsUrl}?gc=1` : metricsUrl, {
    signal: AbortSignal.timeout(options.timeoutMs ?? 4_000),
  });
  if (!response.ok) throw new Error(`${metricsUrl}: HTTP ${response.status}`);
  const values = new Map<string, number>() as Scrape;
  values.at = performance.timeOrigin + performance.now();
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    values.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return values;
}

/** The process's CPU time so far (user + system), in seconds. */
export const cpuSecondsOf = (s: Scrape): number =>
  (s.get('process_cpu_user_seconds_total') ?? 0) + (s.get('process_cpu_system_seconds_total') ?? 0);

/** What a server did between two scrapes: CPU share, event-loop delay, memory at the end. */
export interface ServerWindow {
  /** CPU time over wall time: 1.0 is one core fully busy. */
  cpuCores: number;
  cpuSeconds: number;
  /** Share of that CPU spent in the kernel (system calls: socket writes, PostgreSQL round trips). */
  cpuSystemShare: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  rssMiB: number;
  heapUsedMiB: number;
  socketsOpen: number | undefined;
  /** Shared-execution runs in the window (our server only). */
  executions: number | undefined;
  /** Events each broadcast round wrote to a socket in one call, on average (our server only; the baselines write one). */
  eventsPerWrite: number | undefined;
}

const MiB = 1024 * 1024;

export function serverWindow(before: Scrape, after: Scrape): ServerWindow {
  // A failed scrape (an overloaded server) leaves the window unknown rather than wrong.
  if (!before.has('process_cpu_user_seconds_total') || !after.has('process_cpu_user_seconds_total')) {
    return {
      cpuCores: NaN,
      cpuSeconds: NaN,
      cpuSystemShare: NaN,
      eventLoopDelayMs: { p50: NaN, p99: NaN, max: NaN },
      rssMiB: NaN,
      heapUsedMiB: NaN,
      socketsOpen: undefined,
      executions: undefined,
      eventsPerWrite: undefined,
    };
  }
  const cpuSeconds = cpuSecondsOf(after) - cpuSecondsOf(before);
  const wall = (after.at - before.at) / 1000;
  const ms = (name: string) => round((after.get(name) ?? 0) * 1000, 2);
  const system = (after.get('process_cpu_system_seconds_total') ?? 0) - (before.get('process_cpu_system_seconds_total') ?? 0);
  return {
    cpuCores: round(cpuSeconds / wall, 3),
    cpuSeconds: round(cpuSeconds, 3),
    cpuSystemShare: cpuSeconds > 0 ? round(system / cpuSeconds, 3) : 0,
    // The delay histogram restarts at every scrape, so `after` covers exactly this window.
    eventLoopDelayMs: {
      p50: ms('nodejs_eventloop_delay_seconds{quantile="0.5"}'),
      p99: ms('nodejs_eventloop_delay_seconds{quantile="0.99"}'),
      max: ms('nodejs_eventloop_delay_seconds{quantile="1"}'),
    },
    rssMiB: round((after.get('process_resident_memory_bytes') ?? 0) / MiB, 1),
    heapUsedMiB: round((after.get('nodejs_heap_used_bytes') ?? 0) / MiB, 1),
    socketsOpen: after.get('cc_ws_sockets_open') ?? after.get('bench_ws_sockets_open'),
    executions: after.has('cc_subscription_executions_total')
      ? (after.get('cc_subscription_executions_total') ?? 0) - (before.get('cc_subscription_executions_total') ?? 0)
      : undefined,
    eventsPerWrite: eventsPerWrite(before, after),
  };
}

function eventsPerWrite(before: Scrape, after: Scrape): number | undefined {
  const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  if (!after.has('cc_delivery_round_flushes_total')) return undefined;
  const flushes = delta('cc_delivery_round_flushes_total');
  return flushes > 0 ? round(delta('cc_delivery_round_events_total') / flushes, 2) : undefined;
}

/** Memory one idle connection costs, from two scrapes taken after a full GC. */
export function memoryPerConnection(before: Scrape, after: Scrape, connections: number) {
  const delta = (name: string) => ((after.get(name) ?? 0) - (before.get(name) ?? 0)) / connections / 1024;
  return {
    connections,
    gcForced: after.get('nodejs_gc_forced') === 1,
    heapKiB: round(delta('nodejs_heap_used_bytes'), 2),
    externalKiB: round(delta('nodejs_external_memory_bytes'), 2),
    rssKiB: round(delta('process_resident_memory_bytes'), 2),
  };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
