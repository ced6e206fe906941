/**
 * Load process: the server CPU one request costs, sent one at a time with nothing subscribed,
 * read from the server's own /metrics before and after. Anonymous and signed-in `{ __typename }`
 * give the HTTP and GraphQL floor and then the session check's one round trip to PostgreSQL;
 * each built workload's mutation gives the write path (including the alert rules its event
 * wakes). This is what an event costs before any fan-out.
 */
import { loadParams, progress, runLoad } from '../lib/load-process';
import { graphql } from '../lib/open-model';
import { cpuSecondsOf, scrape } from '../lib/server-metrics';
import { WORKLOADS, type WriterTarget } from '../lib/workloads';

export interface RequestCostParams {
  url: string;
  metricsUrl: string;
  cookie: string;
  databaseUrl: string;
  /** Workload names (bench/lib/workloads.ts) whose mutation is measured. */
  workloads: string[];
  requests: number;
  warmupRequests: number;
}

export interface RequestCost {
  name: string;
  label: string;
  requests: number;
  /** Server CPU (user + system) per request, in ms. */
  cpuMs: number;
  /** The part of that CPU spent in the kernel: socket writes and reads, PostgreSQL round trips. */
  systemShare: number;
  /** Wall time per request as this client saw it, one after another, in ms. */
  wallMs: number;
}

async function measure(
  params: RequestCostParams,
  name: string,
  label: string,
  send: (k: number) => Promise<unknown>,
): Promise<RequestCost> {
  for (let k = 0; k < params.warmupRequests; k++) await send(k);
  const before = await scrape(params.metricsUrl);
  const started = performance.now();
  for (let k = 0; k < params.requests; k++) await send(params.warmupRequests + k);
  const wall = performance.now() - started;
  const after = await scrape(params.metricsUrl);
  const cpu = cpuSecondsOf(after) - cpuSecondsOf(before);
  const system = (after.get('process_cpu_system_seconds_total') ?? 0) - (before.get('process_cpu_system_seconds_total') ?? 0);
  return {
    name,
    label,
    requests: params.requests,
    cpuMs: round((cpu * 1000) / params.requests),
    systemShare: cpu > 0 ? round(system / cpu) : 0,
    wallMs: round(wall / params.requests),
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

runLoad(async (): Promise<RequestCost[]> => {
  const params = loadParams<RequestCostParams>();
  const results: RequestCost[] = [];
  progress(`${params.requests} requests each, one at a time`);
  results.push(await measure(params, 'anonymous', '{ __typename }, signed out', () => graphql(params.url, '{ __typename }', {})));
  results.push(
    await measure(params, 'signedIn', '{ __typename }, signed in (the session check)', () =>
      graphql(params.url, '{ __typename }', {}, params.cookie),
    ),
  );
  const target: WriterTarget = { kind: 'ours', httpUrl: params.url, cookie: params.cookie, label: 'cost' };
  for (const workload of WORKLOADS.filter((w) => params.workloads.includes(w.name))) {
    await workload.prepare?.(target, params.warmupRequests + params.requests, params.databaseUrl);
    results.push(await measure(params, workload.name, workload.label, (k) => workload.send(target, k)));
  }
  return results;
});
