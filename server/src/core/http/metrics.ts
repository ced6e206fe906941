import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks';

/**
 * The figures any Node process here can report: CPU, memory, event-loop delay, as Prometheus
 * text. The benchmark's baseline servers (bench/baselines) print these lines; the server
 * reports the same names through prom-client (server-metrics.ts), so every server is measured alike.
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

function metric(name: string, type: 'counter' | 'gauge', help: string, value: number): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`];
}
