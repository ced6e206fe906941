import type { FanoutResult } from '../load/fanout';
import type { RequestCost, RequestCostParams } from '../load/request-cost';
import { runLoadProcess } from '../lib/processes';
import { WORKLOADS, type Workload } from '../lib/workloads';
import type { BenchContext } from './context';
import { fanoutParams } from './fanout';

export interface ThroughputScenario {
  /** Server CPU per request, one at a time with nothing subscribed, measured before the rates are raised. */
  requestCost?: RequestCost[];
  workloads: { name: string; label: string; notBuilt?: string; result?: FanoutResult }[];
}

/**
 * Sustained mutations per second with subscribers attached: the rate is raised step by step
 * until commit → delivery p99 passes the threshold, sampling PostgreSQL's lock waits (every
 * committing transaction NOTIFYs, and NOTIFY serialises commits; the outbox lock too).
 */
export async function throughputScenario(ctx: BenchContext): Promise<ThroughputScenario> {
  const { throughput: plan } = ctx.plan;
  const workloads: ThroughputScenario['workloads'] = [];
  const notBuilt = (workload: Workload) =>
    workload.notBuilt ??
    (workload.mutation && !ctx.schema.mutation.has(workload.mutation) ? `no ${workload.mutation} mutation in the schema yet` : undefined);
  const built = WORKLOADS.filter((w) => !notBuilt(w));
  ctx.log(`throughput: server CPU per request, ${ctx.plan.requestCost.requests} of each, one at a time`);
  const requestCost = await runLoadProcess<RequestCost[]>('request-cost', {
    url: ctx.main.url,
    metricsUrl: ctx.main.metricsUrl,
    cookie: ctx.cookie,
    databaseUrl: ctx.databaseUrl,
    workloads: built.map((w) => w.name),
    ...ctx.plan.requestCost,
  } satisfies RequestCostParams);
  for (const workload of WORKLOADS) {
    const why = notBuilt(workload);
    if (why) {
      workloads.push({ name: workload.name, label: workload.label, notBuilt: why });
      continue;
    }
    ctx.log(`throughput: ${workload.label}, ${plan.subscribers} subscribers, until p99 > ${plan.thresholdMs} ms`);
    const result = await runLoadProcess<FanoutResult>(
      'fanout',
      fanoutParams(ctx, { name: 'ours', protocol: 'graphql-transport-ws' }, ctx.main, {
        subscribers: plan.subscribers,
        steps: plan.rates.map((rate) => ({ rate, seconds: plan.seconds })),
        warmupSeconds: plan.warmupSeconds,
        stopAboveP99Ms: plan.thresholdMs,
        workload: workload.name,
        databaseUrl: ctx.databaseUrl,
        query: workload.subscription?.() ?? ctx.subscription,
      }),
    );
    workloads.push({ name: workload.name, label: workload.label, result });
  }
  return { requestCost, workloads };
}
