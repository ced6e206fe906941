import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * The contract between the runner and a load-generator process: parameters arrive as JSON in
 * BENCH_PARAMS, progress goes to stderr, and the one JSON result is the last line of stdout.
 */
export function loadParams<T>(): T {
  const raw = process.env['BENCH_PARAMS'];
  if (!raw) throw new Error('BENCH_PARAMS is not set: load generators are started by bench/run.ts');
  return JSON.parse(raw) as T;
}

/** Progress on stderr, with the seconds since this load process started (where a long run spends its time). */
export function progress(message: string): void {
  process.stderr.write(`[${process.argv[1]?.split('/').pop()} ${Math.round(process.uptime())} s] ${message}\n`);
}

export async function runLoad<T>(main: () => Promise<T>): Promise<void> {
  try {
    const result = await main();
    process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}

/** This process's own health: a saturated load generator would make any server look slow. */
export class SelfMetrics {
  private readonly delay = monitorEventLoopDelay({ resolution: 10 });
  private cpu = process.cpuUsage();
  private at = performance.now();

  constructor() {
    this.delay.enable();
  }

  reset(): void {
    this.delay.reset();
    this.cpu = process.cpuUsage();
    this.at = performance.now();
  }

  read() {
    const used = process.cpuUsage(this.cpu);
    const wall = (performance.now() - this.at) / 1000;
    return {
      cpuCores: Math.round(((used.user + used.system) / 1e6 / wall) * 1000) / 1000,
      eventLoopDelayP99Ms: Math.round(this.delay.percentile(99) / 1e4) / 100,
    };
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
