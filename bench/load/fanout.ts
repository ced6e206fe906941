/**
 * Load generator for fan-out: N WebSocket subscribers on one or more servers and a writer at a
 * constant arrival rate, in steps. For every event it measures commit → receipt at every
 * subscriber and the time until the last subscriber has it. Started by bench/run.ts.
 */
import { LatencyHistogram, type LatencySummary } from '../lib/histogram';
import { LockSampler, type LockWaits } from '../lib/lock-sampler';
import { loadParams, progress, runLoad, SelfMetrics, sleep } from '../lib/load-process';
import { constantArrival, type ArrivalStats } from '../lib/open-model';
import { memoryPerConnection, scrape, serverWindow, type Scrape, type ServerWindow } from '../lib/server-metrics';
import { BenchSubscriber, connectAll, nowMs, type Delivery, type WireProtocol } from '../lib/subscriber';
import { writerWorkload, type WriterTarget } from '../lib/workloads';

export interface FanoutParams {
  target: WriterTarget;
  protocol: WireProtocol;
  /** Subscribers are spread round-robin over these (several replicas). */
  wsUrls: string[];
  /** One per server whose figures belong to the run. */
  metricsUrls: string[];
  subscribers: number;
  query: string;
  workload: string;
  steps: { rate: number; seconds: number }[];
  warmupSeconds: number;
  /** The first step's warm-up, when it should be longer (the sweep: code still cold after connecting). */
  firstWarmupSeconds?: number;
  /** After the writer stops, how long to wait for the last deliveries. */
  drainMs: number;
  /** Stop the sweep after the first step whose p99 is above this (ms), or that loses events. */
  stopAboveP99Ms?: number;
  /** Scrape memory after a full GC before and after connecting (servers run with --expose-gc). */
  idleMemory?: boolean;
  /** Sample PostgreSQL lock waits during each step. */
  databaseUrl?: string;
}

export interface StepResult {
  rate: number;
  seconds: number;
  writer: ArrivalStats;
  /** Distinct events committed inside the measured window. */
  events: number;
  deliveries: number;
  deliveriesPerSecond: number;
  /** Every delivery read during the window, whatever its commit time: what the server did in it (backlog included). */
  receivedPerSecond: number;
  /** Deliveries that never arrived (events × subscribers − deliveries). */
  missing: number;
  outOfOrder: number;
  latency: LatencySummary;
  /** Per server (replica) the subscribers were connected to. */
  latencyByServer: LatencySummary[];
  /** For each event, the latency of its last receipt: when everyone had it. */
  lastDelivery: LatencySummary;
  bytesPerMessage: number;
  servers: ServerWindow[];
  loadGenerator: { cpuCores: number; eventLoopDelayP99Ms: number };
  locks?: LockWaits;
  /** p99 within the threshold, nothing lost, the writer kept its schedule. */
  sustained: boolean;
}

export interface FanoutResult {
  subscribers: number;
  connectMs: number;
  idleMemory?: ReturnType<typeof memoryPerConnection>[];
  steps: StepResult[];
  errors: string[];
}

interface EventTally {
  count: number;
  maxLatency: number;
}

runLoad(async (): Promise<FanoutResult> => {
  const params = loadParams<FanoutParams>();
  const workload = writerWorkload(params.target, params.workload);
  const errors: string[] = [];
  const self = new SelfMetrics();

  // What the current step's window has seen; deliveries outside it (warm-up, drain of the previous step) are not measured.
  let window = { from: Infinity, to: -Infinity };
  const all = new LatencyHistogram();
  const byServer = params.wsUrls.map(() => new LatencyHistogram());
  let tallies = new Map<number, EventTally>();
  let deliveries = 0;
  let received = 0;
  let bytes = 0;
  let outOfOrder = 0;

  const onDelivery = (subscriber: BenchSubscriber, d: Delivery) => {
    if (d.receivedAt >= window.from && d.receivedAt < window.to) received++;
    if (d.committedAt < window.from || d.committedAt >= window.to) return;
    const latency = d.receivedAt - d.committedAt;
    all.recordMs(latency);
    byServer[subscriber.group]!.recordMs(latency);
    deliveries++;
    bytes += d.bytes;
    const tally = tallies.get(d.position);
    if (tally) {
      tally.count++;
      if (latency > tally.maxLatency) tally.maxLatency = latency;
    } else tallies.set(d.position, { count: 1, maxLatency: latency });
  };
  const subscribers = Array.from(
    { length: params.subscribers },
    (_, i) =>
      new BenchSubscriber(i, i % params.wsUrls.length, {
        url: params.wsUrls[i % params.wsUrls.length]!,
        protocol: params.protocol,
        cookie: params.target.cookie,
        query: params.query,
        onDelivery: (subscriber, d) => {
          if (!d.inOrder) outOfOrder++;
          onDelivery(subscriber, d);
        },
        onError: (_s, message) => {
          if (errors.length < 20) errors.push(message);
        },
      }),
  );

  if (workload.prepare) {
    // Enough records for every send the steps can make, warm-up included.
    const count = params.steps.reduce(
      (total, step) => total + Math.ceil((Math.max(params.warmupSeconds, params.firstWarmupSeconds ?? 0) + step.seconds) * step.rate) + 5,
      0,
    );
    progress(`${params.target.label}: preparing ${count} records for ${workload.name}`);
    await workload.prepare(params.target, count, params.databaseUrl ?? '');
  }
  // A scrape that fails (an overloaded server answering too late) leaves that window's server figures empty.
  const empty = () => Object.assign(new Map<string, number>(), { at: nowMs() }) as Scrape;
  const scrapeAll = (gc = false) =>
    Promise.all(
      params.metricsUrls.map((url) =>
        scrape(url, { gc }).catch((error: unknown) => {
          if (errors.length < 20) errors.push(`scrape ${url}: ${(error as Error).message}`);
          return empty();
        }),
      ),
    );
  let idleBefore: Scrape[] | undefined;
  if (params.idleMemory) idleBefore = await scrapeAll(true);
  progress(`${params.target.label}: connecting ${params.subscribers} subscribers`);
  const connectMs = await connectAll(subscribers);
  await sleep(1_000);
  let idleMemory: FanoutResult['idleMemory'];
  if (idleBefore) {
    const idleAfter = await scrapeAll(true);
    const perServer = Math.ceil(params.subscribers / params.metricsUrls.length);
    idleMemory = idleAfter.map((after, i) => memoryPerConnection(idleBefore![i]!, after, perServer));
  }

  const sampler = params.databaseUrl ? new LockSampler(params.databaseUrl) : undefined;
  await sampler?.start();
  const steps: StepResult[] = [];
  for (const step of params.steps) {
    progress(`${params.target.label}: ${params.subscribers} subscribers, ${step.rate} events/s for ${step.seconds} s`);
    all.reset();
    byServer.forEach((h) => h.reset());
    tallies = new Map();
    deliveries = received = bytes = outOfOrder = 0;
    const started = nowMs();
    const warmupSeconds = steps.length === 0 ? (params.firstWarmupSeconds ?? params.warmupSeconds) : params.warmupSeconds;
    window = { from: started + warmupSeconds * 1000, to: started + (warmupSeconds + step.seconds) * 1000 };
    let before: Scrape[] = [];
    let after: Scrape[] = [];
    const marks = [
      sleep(window.from - nowMs()).then(async () => {
        before = await scrapeAll();
        self.reset();
        sampler?.reset();
      }),
      sleep(window.to - nowMs()).then(async () => {
        after = await scrapeAll();
      }),
    ];
    const selfAtEnd = sleep(window.to - nowMs()).then(() => self.read());
    const locksAtEnd = sleep(window.to - nowMs()).then(() => sampler?.read());
    const writer = await constantArrival(step.rate, (warmupSeconds + step.seconds) * 1000, (k) =>
      workload.send(params.target, steps.length * 1_000_000 + k),
    );
    await Promise.all(marks);
    const loadGenerator = await selfAtEnd;
    const locks = await locksAtEnd;
    // Wait for stragglers: until every event of the window reached every subscriber, or the drain time is up.
    const drainUntil = nowMs() + params.drainMs;
    while (nowMs() < drainUntil && [...tallies.values()].some((t) => t.count < params.subscribers)) await sleep(50);

    const lastDelivery = new LatencyHistogram();
    for (const tally of tallies.values()) lastDelivery.recordMs(tally.maxLatency);
    const events = tallies.size;
    const missing = events * params.subscribers - deliveries;
    const latency = all.summary({ withHdr: true });
    const threshold = params.stopAboveP99Ms ?? Infinity;
    const keptSchedule = writer.errors === 0 && writer.shed === 0;
    const result: StepResult = {
      rate: step.rate,
      seconds: step.seconds,
      writer,
      events,
      deliveries,
      deliveriesPerSecond: Math.round(deliveries / step.seconds),
      receivedPerSecond: Math.round(received / step.seconds),
      missing,
      outOfOrder,
      latency,
      latencyByServer: byServer.map((h) => h.summary()),
      lastDelivery: lastDelivery.summary(),
      bytesPerMessage: deliveries ? Math.round(bytes / deliveries) : 0,
      servers: after.map((a, i) => serverWindow(before[i]!, a)),
      loadGenerator,
      ...(locks ? { locks } : {}),
      sustained: events > 0 && latency.p99 <= threshold && missing === 0 && keptSchedule,
    };
    steps.push(result);
    progress(
      `  → p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms, ${result.deliveriesPerSecond} deliveries/s, missing ${missing}, writer errors ${writer.errors}${writer.firstError ? ` (${writer.firstError})` : ''}`,
    );
    if (params.stopAboveP99Ms !== undefined && !result.sustained) break;
    await sleep(300);
  }
  await sampler?.stop();
  // An overloaded server may take minutes to answer closing handshakes: drop the sockets instead.
  // Overloaded: deliveries seconds late, or fewer than half of those offered made it at all.
  const overloaded = steps.some((s) => s.latency.p99 > 5_000 || s.deliveriesPerSecond < (s.rate * params.subscribers) / 2);
  if (overloaded) subscribers.forEach((s) => s.drop());
  else await Promise.all(subscribers.map((s) => s.close()));
  return { subscribers: params.subscribers, connectMs: Math.round(connectMs), ...(idleMemory ? { idleMemory } : {}), steps, errors };
});
