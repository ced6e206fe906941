/**
 * Where a board query's time goes, measured inside one server process (createApp, real
 * PostgreSQL): SQL statements per request (no N+1), the root resolver (SQL + ORM) against the
 * rest of execution (graphql-js completing every field through type-graphql's resolvers), and
 * the same execution with graphql-js's default resolvers, i.e. what `simpleResolvers` would save.
 */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { execute, GraphQLObjectType, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import { getMetadataStorage } from 'type-graphql';
import { createApp } from '../../server/src/app';
import { systemClock } from '../../server/src/core/clock';
import { loadConfig } from '../../server/src/core/config';
import type { Context } from '../../server/src/core/context';
import { createLogger } from '../../server/src/core/logger';
import { login } from '../../test/support/server-process';
import { loadParams, progress, runLoad } from '../lib/load-process';
import { graphql } from '../lib/open-model';
import { nowMs } from '../lib/subscriber';

export interface ResolverCostParams {
  databaseUrl: string;
  boards: { name: string; query: string; variables: Record<string, unknown>; rootField: string }[];
  iterations: number;
}

export interface ResolverCost {
  name: string;
  /** SQL statements one HTTP request of this board issues, the session check included. */
  statementsPerRequest: number;
  /** Of those, what any signed-in request costs (session lookup): measured on `{ livePosition }`. */
  sessionStatements: number;
  /** Fields graphql-js completed for one answer (every object field and list item). */
  fieldsResolved: number;
  /** Median ms of one in-process execute(), and of its root resolver (SQL + ORM hydration). */
  executeMs: number;
  rootResolverMs: number;
  /** execute − root: nested field resolvers (with their batched SQL) and completing every field. */
  completionMs: number;
  /**
   * execute() with the root's answer reused (no SQL for the root), through type-graphql's field
   * resolvers and through graphql-js's default ones (what `simpleResolvers: true` would give).
   */
  cachedRootExecuteMs: number;
  cachedRootExecutePlainMs: number;
  /** What type-graphql's wrapper costs per plain field, from the two above. */
  typeGraphqlMicrosPerField: number;
  plainFieldsReplaced: number;
}

/** The hub follows the outbox on its own pool; its polls are not part of any board's cost. */
const HUB_QUERY = /from event where position >|select max\(position\)|^listen /;

runLoad(async (): Promise<ResolverCost[]> => {
  const params = loadParams<ResolverCostParams>();
  const logger = createLogger('warn', 'bench-resolver-cost');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: params.databaseUrl });
  const app = await createApp({ config, logger, databaseUrl: params.databaseUrl });
  const url = await app.listen(0, '127.0.0.1');
  try {
    const cookie = await login(url, 'duty');
    const counter = countStatements();
    const perRequest = async (query: string, variables: Record<string, unknown>) => {
      await graphql(url, query, variables, cookie); // warm: first-request caches are not what a board costs
      counter.reset();
      for (let i = 0; i < 20; i++) await graphql(url, query, variables, cookie);
      return Math.round((counter.read() / 20) * 100) / 100;
    };
    const sessionStatements = await perRequest('{ livePosition }', {});
    const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
    const viewer = await app.modules.identity.sessions.viewerFromToken(app.orm.em.fork(), token, new Date());
    const contextFor = () =>
      ({
        requestId: randomUUID(),
        transport: 'http',
        viewer,
        em: app.orm.em.fork(),
        idempotencyKey: undefined,
        clock: systemClock,
        hub: app.hub,
        logger,
      }) as Context;

    const results: ResolverCost[] = [];
    for (const board of params.boards) {
      progress(`${board.name}: statements and resolver cost`);
      const statementsPerRequest = await perRequest(board.query, board.variables);
      const document = parse(board.query);
      const root = timeRootResolver(app.schema, board.rootField);
      const plain = plainResolvers(app.schema);
      const run = async () => {
        root.reset();
        const started = nowMs();
        const result = await execute({ schema: app.schema, document, variableValues: board.variables, contextValue: contextFor() });
        if (result.errors?.length) throw new Error(`${board.name}: ${result.errors[0]!.message}`);
        return { total: nowMs() - started, root: root.elapsed(), fields: countFields(result.data) };
      };
      for (let i = 0; i < 5; i++) await run();
      const measured: { total: number; root: number; fields: number }[] = [];
      for (let i = 0; i < params.iterations; i++) measured.push(await run());
      // The root's answer kept and handed out again: what is left is graphql-js and type-graphql.
      root.cache(true);
      const cached: number[] = [];
      const cachedPlain: number[] = [];
      for (let i = 0; i < 5; i++) await run();
      // Alternate the two so that drift on a shared machine hits both alike.
      for (let i = 0; i < params.iterations * 4; i++) {
        cached.push((await run()).total);
        plain.apply();
        cachedPlain.push((await run()).total);
        plain.restore();
      }
      root.restore();
      const fieldsResolved = measured[0]?.fields ?? 0;
      const wrapperMs = median(cached) - median(cachedPlain);
      results.push({
        name: board.name,
        statementsPerRequest,
        sessionStatements,
        fieldsResolved,
        executeMs: round(median(measured.map((r) => r.total))),
        rootResolverMs: round(median(measured.map((r) => r.root))),
        completionMs: round(median(measured.map((r) => r.total - r.root))),
        cachedRootExecuteMs: round(median(cached)),
        cachedRootExecutePlainMs: round(median(cachedPlain)),
        typeGraphqlMicrosPerField: fieldsResolved ? round((wrapperMs * 1000) / fieldsResolved) : 0,
        plainFieldsReplaced: plain.count,
      });
    }
    counter.restore();
    return results;
  } finally {
    await app.close();
  }
});

/**
 * Counts statements sent by every `pg` client in this process. MikroORM's driver carries its
 * own copy of `pg`, so both copies are patched.
 */
function countStatements() {
  const require = createRequire(import.meta.url);
  const copies = new Set<typeof pg.Client.prototype>([pg.Client.prototype]);
  try {
    const ormPg = createRequire(require.resolve('@mikro-orm/postgresql'))('pg') as typeof pg;
    copies.add(ormPg.Client.prototype);
  } catch {
    // one copy only
  }
  let count = 0;
  const originals = new Map<typeof pg.Client.prototype, typeof pg.Client.prototype.query>();
  for (const proto of copies) {
    const original = proto.query;
    originals.set(proto, original);
    // Patched on the prototype for this measuring process only; the arguments pass through untouched.
    proto.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      if (!HUB_QUERY.test(text.trim())) count++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  }
  return {
    reset: () => void (count = 0),
    read: () => count,
    restore: () => originals.forEach((original, proto) => (proto.query = original)),
  };
}

/** Times the root resolver; in cache mode it answers every call with its first answer (no SQL). */
function timeRootResolver(schema: GraphQLSchema, rootField: string) {
  const field = schema.getQueryType()!.getFields()[rootField]!;
  const original = field.resolve!;
  let elapsed = 0;
  let caching = false;
  let kept: unknown;
  field.resolve = async (...args) => {
    const started = nowMs();
    try {
      if (caching && kept !== undefined) return kept;
      kept = await original(...args);
      return kept;
    } finally {
      elapsed += nowMs() - started;
    }
  };
  return {
    reset: () => void (elapsed = 0),
    elapsed: () => elapsed,
    cache: (on: boolean) => void ((caching = on), (kept = undefined)),
    restore: () => void (field.resolve = original),
  };
}

/** Swaps type-graphql's resolvers of plain fields (no @FieldResolver) for graphql-js's default one. */
function plainResolvers(schema: GraphQLSchema) {
  const storage = getMetadataStorage();
  const typeName = new Map(storage.objectTypes.map((o) => [o.target, o.name]));
  const explicit = new Set(
    storage.fieldResolvers.map((r) => {
      const target = r.getObjectType?.() ?? r.resolverClassMetadata?.getObjectType?.();
      return `${typeName.get(target as Function) ?? ''}.${r.schemaName}`;
    }),
  );
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const swapped: {
    field: { resolve?: GraphQLFieldResolver<unknown, unknown> | undefined };
    original: GraphQLFieldResolver<unknown, unknown>;
  }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || roots.has(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && !explicit.has(`${type.name}.${field.name}`)) swapped.push({ field, original: field.resolve });
    }
  }
  return {
    count: swapped.length,
    apply: () => swapped.forEach((s) => (s.field.resolve = undefined)),
    restore: () => swapped.forEach((s) => (s.field.resolve = s.original)),
  };
}

function countFields(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countFields(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + 1 + countFields(v), 0);
  return 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
