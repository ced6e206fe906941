import type { FanoutResult } from '../load/fanout';
import { runLoadProcess } from '../lib/processes';
import type { BenchContext } from './context';
import { fanoutParams } from './fanout';

export interface ReplicasScenario {
  /** Subscribers split over two server processes; the writer commits through the first. */
  result: FanoutResult;
}

export async function replicasScenario(ctx: BenchContext): Promise<ReplicasScenario> {
  const { replicas: plan } = ctx.plan;
  const second = await ctx.startServer({ name: 'replica-2' });
  try {
    ctx.log(`replicas: ${plan.subscribers} subscribers over two servers, writer on the first`);
    const params = fanoutParams(ctx, { name: 'ours', protocol: 'graphql-transport-ws' }, ctx.main, {
      subscribers: plan.subscribers,
      steps: [{ rate: plan.rate, seconds: plan.seconds }],
      warmupSeconds: plan.warmupSeconds,
    });
    const result = await runLoadProcess<FanoutResult>('fanout', {
      ...params,
      wsUrls: [ctx.main.wsUrl, second.wsUrl],
      metricsUrls: [ctx.main.metricsUrl, second.metricsUrl],
    });
    return { result };
  } finally {
    await second.stop();
  }
}
