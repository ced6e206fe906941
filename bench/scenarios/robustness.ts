import type { MassReconnectResult, RobustnessParams, SlowConsumerResult } from '../load/robustness';
import { runLoadProcess } from '../lib/processes';
import type { BenchContext } from './context';

export interface RobustnessScenario {
  slowConsumer: SlowConsumerResult;
  massReconnect: MassReconnectResult;
  /** The server's per-socket send-buffer limit the slow consumer runs into. */
  maxBufferedBytes: number;
}

export async function robustnessScenario(ctx: BenchContext): Promise<RobustnessScenario> {
  const { slowConsumer, massReconnect } = ctx.plan;
  const common = {
    target: { kind: 'ours' as const, httpUrl: ctx.main.url, cookie: ctx.cookie, label: 'ours' },
    wsUrl: ctx.main.wsUrl,
    metricsUrl: ctx.main.metricsUrl,
    query: ctx.subscription,
    workload: 'reportIncident',
  };
  ctx.log(`robustness: one of ${slowConsumer.subscribers} subscribers stops reading`);
  const slow = await runLoadProcess<SlowConsumerResult>('robustness', {
    ...common,
    mode: 'slow-consumer',
    subscribers: slowConsumer.subscribers,
    rate: slowConsumer.rate,
    seconds: slowConsumer.seconds,
    stallAtSecond: slowConsumer.stallAtSecond,
    stalledSubscriptions: slowConsumer.stalledSubscriptions,
  } satisfies RobustnessParams);
  ctx.log(`robustness: ${massReconnect.clients} clients dropped at once`);
  const drop = await runLoadProcess<MassReconnectResult>('robustness', {
    ...common,
    mode: 'mass-reconnect',
    subscribers: massReconnect.clients,
    rate: massReconnect.rate,
    seconds: massReconnect.seconds,
    dropAtSecond: massReconnect.dropAtSecond,
  } satisfies RobustnessParams);
  return { slowConsumer: slow, massReconnect: drop, maxBufferedBytes: 4 * 1024 * 1024 };
}
