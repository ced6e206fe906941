import type { BoardQueryParams, BoardQueryResult } from '../load/board-queries';
import type { ResolverCost, ResolverCostParams } from '../load/resolver-cost';
import { BOARDS } from '../lib/boards';
import type { HistoryReport } from '../lib/history';
import { graphql } from '../lib/open-model';
import { runLoadProcess } from '../lib/processes';
import type { BenchContext } from './context';

export interface QueriesScenario {
  history: HistoryReport[];
  boards: { name: string; label: string; notBuilt?: string; load?: BoardQueryResult; cost?: ResolverCost }[];
}

/**
 * The board queries over history: latency at a constant arrival rate against the running
 * server, and, in a process of its own, the SQL statements each issues and where its time goes.
 */
export async function queriesScenario(ctx: BenchContext, history: HistoryReport[]): Promise<QueriesScenario> {
  const { queries: plan } = ctx.plan;
  const runnable: { name: string; query: string; variables: Record<string, unknown>; rootField: string }[] = [];
  const boards: QueriesScenario['boards'] = [];
  for (const board of BOARDS) {
    let notBuilt = board.notBuilt ?? (!ctx.schema.query.has(board.rootField) ? `no ${board.rootField} query in the schema yet` : undefined);
    if (!notBuilt && board.query) {
      try {
        await graphql(ctx.main.url, board.query, board.variables ?? {}, ctx.cookie);
      } catch (error) {
        notBuilt = `the query does not run yet: ${(error as Error).message}`;
      }
    }
    boards.push({ name: board.name, label: board.label, ...(notBuilt ? { notBuilt } : {}) });
    if (!notBuilt) runnable.push({ name: board.name, query: board.query!, variables: board.variables ?? {}, rootField: board.rootField });
  }
  if (runnable.length) {
    ctx.log(`queries: ${runnable.map((b) => b.name).join(', ')} at ${plan.rate}/s`);
    const load = await runLoadProcess<BoardQueryResult[]>('board-queries', {
      url: ctx.main.url,
      cookie: ctx.cookie,
      boards: runnable,
      rate: plan.rate,
      seconds: plan.seconds,
      warmupRequests: plan.warmupRequests,
    } satisfies BoardQueryParams);
    ctx.log('queries: SQL statements and resolver cost (in-process)');
    const costs = await runLoadProcess<ResolverCost[]>('resolver-cost', {
      databaseUrl: ctx.databaseUrl,
      boards: runnable,
      iterations: plan.iterations,
    } satisfies ResolverCostParams);
    for (const board of boards) {
      const measured = load.find((l) => l.name === board.name);
      const cost = costs.find((c) => c.name === board.name);
      if (measured) board.load = measured;
      if (cost) board.cost = cost;
    }
  }
  return { history, boards };
}
