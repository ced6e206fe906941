/**
 * Robustness under load, two cases (params.mode):
 * - 'slow-consumer': one socket stops reading while everyone else keeps receiving. The server's
 *   memory must stay bounded (it cuts that socket off) and the others' p99 must not move.
 * - 'mass-reconnect': every client drops at once and reconnects with its resume position. How
 *   long until all are resubscribed and caught up, whether anything was lost, and whether the
 *   server's live subscription iterators return to their baseline (no leak).
 */
import { LatencyHistogram, type LatencySummary } from '../lib/histogram';
import { loadParams, progress, runLoad, sleep } from '../lib/load-process';
import { constantArrival, type ArrivalStats } from '../lib/open-model';
import { scrape, round, type Scrape } from '../lib/server-metrics';
import { BenchSubscriber, connectAll, nowMs, type Delivery } from '../lib/subscriber';
import { writerWorkload, type WriterTarget } from '../lib/workloads';

export interface RobustnessParams {
  mode: 'slow-consumer' | 'mass-reconnect';
  target: WriterTarget;
  wsUrl: string;
  metricsUrl: string;
  subscribers: number;
  query: string;
  workload: string;
  rate: number;
  seconds: number;
  /** slow-consumer: when the socket stops reading, and how many subscriptions it holds (at most 50). */
  stallAtSecond?: number;
  stalledSubscriptions?: number;
  /** mass-reconnect: when everyone drops. */
  dropAtSecond?: number;
}

export interface SlowConsumerResult {
  mode: 'slow-consumer';
  subscribers: number;
  writer: ArrivalStats;
  /** The other subscribers' commit → receipt, before and while the one socket is stalled. */
  othersBefore: LatencySummary;
  othersDuring: LatencySummary;
  missingForOthers: number;
  memory: {
    baselineRssMiB: number;
    peakRssMiB: number;
    endRssMiB: number;
    baselineExternalMiB: number;
    peakExternalMiB: number;
    samples: number;
  };
  stalled: {
    subscriptions: number;
    messagesBeforeStall: number;
    messagesAfterResume: number;
    closeCode: number | undefined;
    cutOff: boolean;
  };
}

export interface MassReconnectResult {
  mode: 'mass-reconnect';
  clients: number;
  writer: ArrivalStats;
  /** From the drop until every client had its connection_ack and sent its subscribe again. */
  allResubscribedMs: number;
  /** From the drop until each client received its first event committed after all were back: everything before it was replayed. */
  caughtUp: LatencySummary;
  allCaughtUpMs: number;
  clientsCaughtUp: number;
  /** Events some client never got (against everything any client got), and repeats or reorders. */
  missing: number;
  duplicatesOrReordered: number;
  listeners: { baseline: number; live: number; afterReconnect: number; afterClose: number; settledMs: number };
  leakFree: boolean;
}

const MiB = 1024 * 1024;

runLoad(async () => {
  const params = loadParams<RobustnessParams>();
  return params.mode === 'slow-consumer' ? slowConsumer(params) : massReconnect(params);
});

async function slowConsumer(params: RobustnessParams): Promise<SlowConsumerResult> {
  const workload = writerWorkload(params.target, params.workload);
  let stallStart = Infinity; // set once the socket stops reading
  const before = new LatencyHistogram();
  const during = new LatencyHistogram();
  const counts = new Map<number, number>();
  const onDelivery = (_s: BenchSubscriber, d: Delivery) => {
    (d.committedAt < stallStart ? before : during).recordMs(d.receivedAt - d.committedAt);
    counts.set(d.position, (counts.get(d.position) ?? 0) + 1);
  };
  const others = Array.from(
    { length: params.subscribers },
    (_, i) =>
      new BenchSubscriber(i, 0, {
        url: params.wsUrl,
        protocol: 'graphql-transport-ws',
        cookie: params.target.cookie,
        query: params.query,
        onDelivery,
      }),
  );
  progress(`slow consumer: connecting ${params.subscribers} subscribers`);
  await connectAll(others);
  const stalledSubscriptions = Math.min(50, params.stalledSubscriptions ?? 40);
  const stalled = new BenchSubscriber(-1, 0, {
    url: params.wsUrl,
    protocol: 'graphql-transport-ws',
    cookie: params.target.cookie,
    query: params.query,
    subscriptions: stalledSubscriptions,
    onDelivery: () => undefined,
  });

  const samples: Scrape[] = [];
  const sampler = setInterval(
    () =>
      void scrape(params.metricsUrl).then(
        (s) => samples.push(s),
        () => undefined,
      ),
    500,
  );
  const baseline = await scrape(params.metricsUrl);
  let messagesBeforeStall = 0;
  const stall = sleep((params.stallAtSecond ?? 5) * 1000).then(async () => {
    await stalled.connect();
    await sleep(300);
    messagesBeforeStall = stalled.received;
    stalled.pauseReading();
    stallStart = nowMs();
    progress(`slow consumer: one socket with ${stalledSubscriptions} subscriptions stopped reading`);
  });
  const writer = await constantArrival(params.rate, params.seconds * 1000, (k) => workload.send(params.target, k));
  await stall;
  await sleep(1_000);
  clearInterval(sampler);
  const end = await scrape(params.metricsUrl);
  const afterStall = samples.filter((s) => s.at >= stallStart);
  const rss = (s: Scrape) => (s.get('process_resident_memory_bytes') ?? 0) / MiB;
  const external = (s: Scrape) => (s.get('nodejs_external_memory_bytes') ?? 0) / MiB;

  // Let the stalled socket read again: it gets what the kernel held, then the server's close.
  const received = stalled.received;
  stalled.resumeReading();
  // Until the server's close arrives, or the socket has drained and stays quiet (it was not cut off).
  const resumedAt = nowMs();
  const deadline = resumedAt + 15_000;
  while (stalled.socket && stalled.socket.readyState !== stalled.socket.CLOSED && nowMs() < deadline) {
    if (nowMs() - Math.max(resumedAt, stalled.lastReceivedAt) > 2_000) break;
    await sleep(100);
  }
  const closeCode = stalled.closeCode;
  await stalled.close();
  await Promise.all(others.map((s) => s.close()));
  let missing = 0;
  for (const count of counts.values()) missing += params.subscribers - count;
  return {
    mode: 'slow-consumer',
    subscribers: params.subscribers,
    writer,
    othersBefore: before.summary(),
    othersDuring: during.summary(),
    missingForOthers: missing,
    memory: {
      baselineRssMiB: round(rss(baseline), 1),
      peakRssMiB: round(Math.max(rss(end), ...afterStall.map(rss)), 1),
      endRssMiB: round(rss(end), 1),
      baselineExternalMiB: round(external(baseline), 1),
      peakExternalMiB: round(Math.max(external(end), ...afterStall.map(external)), 1),
      samples: afterStall.length,
    },
    stalled: {
      subscriptions: stalledSubscriptions,
      messagesBeforeStall,
      messagesAfterResume: stalled.received - received,
      closeCode,
      cutOff: closeCode === 1013,
    },
  };
}

async function massReconnect(params: RobustnessParams): Promise<MassReconnectResult> {
  const workload = writerWorkload(params.target, params.workload);
  const listeners = async () => (await scrape(params.metricsUrl)).get('cc_event_hub_listeners') ?? NaN;
  const baseline = await listeners();
  const positions: number[][] = Array.from({ length: params.subscribers }, () => []);
  let duplicates = 0;
  let backAt = Infinity;
  let dropAt = Infinity;
  const caughtUpAt = new Map<number, number>();
  const onDelivery = (s: BenchSubscriber, d: Delivery) => {
    if (!d.inOrder) duplicates++;
    else positions[s.index]!.push(d.position);
    if (d.committedAt > backAt && !caughtUpAt.has(s.index)) caughtUpAt.set(s.index, d.receivedAt);
  };
  const clients = Array.from(
    { length: params.subscribers },
    (_, i) =>
      new BenchSubscriber(i, 0, {
        url: params.wsUrl,
        protocol: 'graphql-transport-ws',
        cookie: params.target.cookie,
        query: params.query,
        onDelivery,
      }),
  );
  progress(`mass reconnect: connecting ${params.subscribers} clients`);
  await connectAll(clients);
  const dropAtSecond = params.dropAtSecond ?? Math.max(1, params.seconds / 3);
  let live = NaN;
  let allResubscribedMs = NaN;
  const drill = sleep(dropAtSecond * 1000).then(async () => {
    live = await listeners();
    progress(`mass reconnect: dropping all ${params.subscribers} connections at once`);
    dropAt = nowMs();
    for (const client of clients) client.drop();
    // Every console reconnects at once, each resuming after the last position it saw.
    await connectAll(clients, 250);
    backAt = nowMs();
    allResubscribedMs = backAt - dropAt;
  });
  const writer = await constantArrival(params.rate, params.seconds * 1000, (k) => workload.send(params.target, k));
  await drill;
  const waitUntil = nowMs() + 10_000;
  while (caughtUpAt.size < clients.length && nowMs() < waitUntil) await sleep(100);
  // Drain: the last events may still be on their way (a round under load holds them up to ~100 ms).
  // What has not reached every client 5 s after the newest one reached any client counts as missing.
  const newest = () => Math.max(...positions.map((list) => list.at(-1) ?? -Infinity));
  const drainUntil = nowMs() + 5_000;
  while (positions.some((list) => (list.at(-1) ?? -Infinity) < newest()) && nowMs() < drainUntil) await sleep(50);

  // The dropped sockets' iterators must be gone: N live ones plus the server's own.
  let afterReconnect = await listeners();
  for (let i = 0; i < 100 && afterReconnect > baseline + params.subscribers; i++) {
    await sleep(100);
    afterReconnect = await listeners();
  }
  await Promise.all(clients.map((c) => c.close()));
  const closedAt = nowMs();
  let afterClose = await listeners();
  while (afterClose > baseline && nowMs() - closedAt < 15_000) {
    await sleep(100);
    afterClose = await listeners();
  }
  const settledMs = nowMs() - closedAt;

  // Everything any client got, from the first position all of them had: each must have all of it.
  const union = new Set<number>();
  for (const list of positions) for (const p of list) union.add(p);
  const start = Math.max(...positions.map((list) => list[0] ?? Infinity));
  const expected = [...union].filter((p) => p >= start);
  let missing = 0;
  for (const list of positions) {
    const have = new Set(list);
    for (const p of expected) if (!have.has(p)) missing++;
  }
  const caughtUp = new LatencyHistogram();
  for (const at of caughtUpAt.values()) caughtUp.recordMs(at - dropAt);
  return {
    mode: 'mass-reconnect',
    clients: params.subscribers,
    writer,
    allResubscribedMs: Math.round(allResubscribedMs),
    caughtUp: caughtUp.summary(),
    allCaughtUpMs: caughtUpAt.size ? Math.round(Math.max(...caughtUpAt.values()) - dropAt) : NaN,
    clientsCaughtUp: caughtUpAt.size,
    missing,
    duplicatesOrReordered: duplicates,
    listeners: { baseline, live, afterReconnect, afterClose, settledMs: Math.round(settledMs) },
    leakFree: afterReconnect <= baseline + params.subscribers && afterClose === baseline,
  };
}
