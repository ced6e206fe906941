import type { FanoutParams, FanoutResult } from '../load/fanout';
import { runLoadProcess, type ManagedProcess } from '../lib/processes';
import type { WireProtocol } from '../lib/subscriber';
import type { BenchContext } from './context';

export type TargetName = 'raw' | 'bare' | 'ours';

export const TARGETS: { name: TargetName; label: string; protocol: WireProtocol }[] = [
  { name: 'raw', label: '(a) raw ws broadcast', protocol: 'raw' },
  { name: 'bare', label: '(b) bare graphql-js + graphql-ws', protocol: 'graphql-transport-ws' },
  { name: 'ours', label: '(c) our server', protocol: 'graphql-transport-ws' },
];

export interface FanoutScenario {
  /** Per target: one run per subscriber count at the plan's rate, and the rate sweep. */
  targets: Record<TargetName, { runs: FanoutResult[]; sweep: FanoutResult }>;
}

/** The parameters of one fan-out load run against one target (also used by the other scenarios). */
export function fanoutParams(
  ctx: BenchContext,
  target: { name: TargetName; protocol: WireProtocol },
  server: ManagedProcess,
  run: Pick<FanoutParams, 'subscribers' | 'steps' | 'warmupSeconds'> & Partial<FanoutParams>,
): FanoutParams {
  return {
    target: {
      kind: target.name,
      httpUrl: server.url,
      cookie: target.name === 'ours' ? ctx.cookie : undefined,
      incidentTemplate: ctx.incidentTemplate,
      label: target.name,
    },
    protocol: target.protocol,
    wsUrls: [server.wsUrl],
    metricsUrls: [server.metricsUrl],
    query: ctx.subscription,
    workload: 'reportIncident',
    drainMs: ctx.plan.fanout.drainMs,
    ...run,
  };
}

/**
 * Fan-out latency and the deliveries each target sustains, side by side in one run with the
 * same payload: (a) the transport ceiling, (b) the libraries' floor, (c) our server.
 */
export async function fanoutScenario(ctx: BenchContext): Promise<FanoutScenario> {
  const { fanout, sweep } = ctx.plan;
  const targets = {} as FanoutScenario['targets'];
  for (const target of TARGETS) {
    if (fanout.targets && !fanout.targets.includes(target.name)) continue;
    const server =
      target.name === 'ours' ? ctx.main : await ctx.startBaseline(target.name === 'raw' ? 'raw-ws-broadcast' : 'bare-graphql-ws');
    try {
      // The sweep first: a server left overloaded by the largest run would start it handicapped.
      ctx.log(`fan-out ${target.label}: rate sweep with ${sweep.subscribers} subscribers until p99 > ${sweep.thresholdMs} ms`);
      const swept = await runLoadProcess<FanoutResult>(
        'fanout',
        fanoutParams(ctx, target, server, {
          subscribers: sweep.subscribers,
          steps: sweep.rates.map((rate) => ({ rate, seconds: sweep.seconds })),
          warmupSeconds: sweep.warmupSeconds,
          firstWarmupSeconds: sweep.firstWarmupSeconds,
          stopAboveP99Ms: sweep.thresholdMs,
        }),
      );
      const runs: FanoutResult[] = [];
      for (const subscribers of fanout.subscribers) {
        ctx.log(`fan-out ${target.label}: ${subscribers} subscribers at ${fanout.rate} events/s`);
        runs.push(
          await runLoadProcess<FanoutResult>(
            'fanout',
            fanoutParams(ctx, target, server, {
              subscribers,
              steps: [{ rate: fanout.rate, seconds: fanout.seconds }],
              warmupSeconds: fanout.warmupSeconds,
              idleMemory: true,
            }),
          ),
        );
      }
      targets[target.name] = { runs, sweep: swept };
    } finally {
      if (server !== ctx.main) await server.stop();
    }
  }
  return { targets };
}
