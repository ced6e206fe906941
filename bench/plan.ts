/**
 * The sizes of every scenario. `full` is what BENCHMARKS.md reports (under 10 minutes on the
 * 2-core reference machine); `quick` proves the harness end to end in seconds (npm test runs it).
 */
export interface Plan {
  mode: 'quick' | 'full';
  /** `targets` limits the fan-out to some of raw, bare, ours (all three when omitted). */
  fanout: { subscribers: number[]; rate: number; seconds: number; warmupSeconds: number; drainMs: number; targets?: string[] };
  /** The deliveries per second each target sustains with p99 under the threshold, rate raised step by step. */
  sweep: {
    subscribers: number;
    rates: number[];
    seconds: number;
    warmupSeconds: number;
    /** The first step's warm-up: right after the subscribers connect, the servers' and the load generator's code is still cold. */
    firstWarmupSeconds: number;
    thresholdMs: number;
  };
  sharedVsPerSocket: { runs: { subscribers: number; rate: number }[]; seconds: number; warmupSeconds: number };
  throughput: { subscribers: number; rates: number[]; seconds: number; warmupSeconds: number; thresholdMs: number };
  /** Server CPU per request, one at a time with nothing subscribed (the write path before fan-out). */
  requestCost: { requests: number; warmupRequests: number };
  queries: { historyRows: number; rate: number; seconds: number; warmupRequests: number; iterations: number };
  slowConsumer: { subscribers: number; rate: number; seconds: number; stallAtSecond: number; stalledSubscriptions: number };
  massReconnect: { clients: number; rate: number; seconds: number; dropAtSecond: number };
  replicas: { subscribers: number; rate: number; seconds: number; warmupSeconds: number };
}

export const FULL: Plan = {
  mode: 'full',
  fanout: { subscribers: [100, 1_000, 5_000], rate: 50, seconds: 6, warmupSeconds: 2, drainMs: 5_000 },
  sweep: {
    subscribers: 1_000,
    rates: [10, 25, 50, 100, 200, 400, 800],
    seconds: 3,
    warmupSeconds: 1,
    firstWarmupSeconds: 3,
    thresholdMs: 100,
  },
  sharedVsPerSocket: {
    runs: [
      { subscribers: 100, rate: 50 },
      { subscribers: 1_000, rate: 10 },
    ],
    seconds: 5,
    warmupSeconds: 1,
  },
  throughput: { subscribers: 1_000, rates: [10, 25, 50, 100, 150, 200, 300, 400], seconds: 4, warmupSeconds: 1, thresholdMs: 250 },
  requestCost: { requests: 600, warmupRequests: 200 },
  queries: { historyRows: 100_000, rate: 20, seconds: 8, warmupRequests: 20, iterations: 30 },
  slowConsumer: { subscribers: 1_000, rate: 50, seconds: 24, stallAtSecond: 4, stalledSubscriptions: 50 },
  massReconnect: { clients: 1_000, rate: 20, seconds: 12, dropAtSecond: 4 },
  replicas: { subscribers: 1_000, rate: 50, seconds: 8, warmupSeconds: 2 },
};

export const QUICK: Plan = {
  mode: 'quick',
  fanout: { subscribers: [20], rate: 20, seconds: 1, warmupSeconds: 0.5, drainMs: 3_000 },
  sweep: { subscribers: 20, rates: [20, 40], seconds: 1, warmupSeconds: 0.3, firstWarmupSeconds: 0.3, thresholdMs: 100 },
  sharedVsPerSocket: { runs: [{ subscribers: 20, rate: 10 }], seconds: 1, warmupSeconds: 0.3 },
  throughput: { subscribers: 20, rates: [10, 20], seconds: 1, warmupSeconds: 0.3, thresholdMs: 250 },
  requestCost: { requests: 5, warmupRequests: 2 },
  queries: { historyRows: 2_000, rate: 10, seconds: 1, warmupRequests: 3, iterations: 3 },
  slowConsumer: { subscribers: 10, rate: 20, seconds: 3, stallAtSecond: 1, stalledSubscriptions: 5 },
  massReconnect: { clients: 20, rate: 10, seconds: 3, dropAtSecond: 1 },
  replicas: { subscribers: 20, rate: 10, seconds: 1, warmupSeconds: 0.3 },
};
