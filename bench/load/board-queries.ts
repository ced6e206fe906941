/**
 * Load generator for the board queries: each board at a constant arrival rate over HTTP, as
 * consoles opening and refreshing it; latency from the scheduled send to the full answer.
 */
import { LatencyHistogram, type LatencySummary } from '../lib/histogram';
import { loadParams, progress, runLoad } from '../lib/load-process';
import { constantArrival, graphql, type ArrivalStats } from '../lib/open-model';
import { nowMs } from '../lib/subscriber';

export interface BoardQueryParams {
  url: string;
  cookie: string;
  boards: { name: string; query: string; variables: Record<string, unknown>; rootField: string }[];
  rate: number;
  seconds: number;
  warmupRequests: number;
}

export interface BoardQueryResult {
  name: string;
  /** Items in the answer's first list (how much the board returned). */
  items: number;
  responseBytes: number;
  latency: LatencySummary;
  writer: ArrivalStats;
}

runLoad(async (): Promise<BoardQueryResult[]> => {
  const params = loadParams<BoardQueryParams>();
  const results: BoardQueryResult[] = [];
  for (const board of params.boards) {
    progress(`${board.name}: ${params.warmupRequests} warm-up requests, then ${params.rate}/s for ${params.seconds} s`);
    let sample: unknown;
    for (let i = 0; i < params.warmupRequests; i++) sample = await graphql(params.url, board.query, board.variables, params.cookie);
    const latency = new LatencyHistogram();
    const writer = await constantArrival(params.rate, params.seconds * 1000, async () => {
      const started = nowMs();
      await graphql(params.url, board.query, board.variables, params.cookie);
      latency.recordMs(nowMs() - started);
    });
    const root = (sample as Record<string, unknown>)[board.rootField];
    results.push({
      name: board.name,
      items: countItems(root),
      responseBytes: JSON.stringify(sample).length,
      // The arrival-corrected latency (from the scheduled time) is writer.latency; this one is service time only.
      latency: latency.summary({ withHdr: true }),
      writer,
    });
  }
  return results;
});

/** The length of the first list in the answer, looking one level down (standbyBoard { companies { vehicles } }). */
function countItems(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') {
    let total = 0;
    for (const child of Object.values(value)) {
      if (Array.isArray(child)) total += child.reduce((n: number, item: unknown) => n + 1 + nestedLists(item), 0);
    }
    return total;
  }
  return 0;
}

function nestedLists(item: unknown): number {
  if (!item || typeof item !== 'object') return 0;
  return Object.values(item).reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 0), 0);
}
