import type { FanoutResult } from '../load/fanout';
import { runLoadProcess } from '../lib/processes';
import type { BenchContext } from './context';
import { fanoutParams } from './fanout';

export interface SharedVsPerSocketScenario {
  runs: { subscribers: number; rate: number; perSocket: FanoutResult; shared: FanoutResult }[];
}

/**
 * Before/after of ADR 0004: the same load on a server executing the subscription document once
 * per socket per event (graphql-js's own path, SUBSCRIPTION_EXECUTION=per-socket) and on one
 * executing once per group of identical subscribers (the default).
 */
export async function sharedVsPerSocketScenario(ctx: BenchContext): Promise<SharedVsPerSocketScenario> {
  const { sharedVsPerSocket: plan } = ctx.plan;
  const perSocketServer = await ctx.startServer({ name: 'per-socket', env: { SUBSCRIPTION_EXECUTION: 'per-socket' } });
  const runs: SharedVsPerSocketScenario['runs'] = [];
  const target = { name: 'ours' as const, protocol: 'graphql-transport-ws' as const };
  try {
    for (const run of plan.runs) {
      const params = {
        subscribers: run.subscribers,
        steps: [{ rate: run.rate, seconds: plan.seconds }],
        warmupSeconds: plan.warmupSeconds,
      };
      ctx.log(`per-socket execution: ${run.subscribers} subscribers at ${run.rate} events/s`);
      const perSocket = await runLoadProcess<FanoutResult>('fanout', {
        ...fanoutParams(ctx, target, perSocketServer, params),
        drainMs: 10_000,
      });
      ctx.log(`shared execution: ${run.subscribers} subscribers at ${run.rate} events/s`);
      const shared = await runLoadProcess<FanoutResult>('fanout', fanoutParams(ctx, target, ctx.main, params));
      runs.push({ ...run, perSocket, shared });
    }
  } finally {
    await perSocketServer.stop();
  }
  return { runs };
}
