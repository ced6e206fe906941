/**
 * `npm run bench` — the benchmark suite against real server processes and real PostgreSQL on
 * this machine; writes docs/BENCHMARKS.md and docs/benchmarks.json.
 *
 *   npm run bench                  full run (< 10 minutes on 2 cores)
 *   npm run bench -- --quick       seconds-long smoke run, written to bench/results/tmp/quick/
 *   npm run bench -- --only=fanout,queries   some scenarios (fanout, sharing, throughput, queries, robustness, replicas)
 *   npm run bench -- --out=dir     where to write BENCHMARKS.md and benchmarks.json
 *   npm run bench -- --profile     our servers write V8 CPU profiles (--cpu-prof); the top functions go in the report
 *   npm run bench -- --plan='{"fanout":{"subscribers":[2000]}}'   override parts of the plan (bench/plan.ts)
 *
 * Every server and every load generator is a process of its own; this runner only orchestrates.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { startEmbeddedPostgres } from '../server/src/core/database/embedded-postgres';
import { createLogger } from '../server/src/core/logger';
import { createDatabase, dropDatabase, LOCAL_ADMIN_URL, reachable, tempDataDir } from '../test/support/database';
import { login } from '../test/support/server-process';
import { fanoutSubscription } from './lib/boards';
import { seedHistory } from './lib/history';
import { collectMachine } from './lib/machine';
import { graphql } from './lib/open-model';
import { summariseProfiles } from './lib/cpu-profile';
import { ROOT, startBaseline, startOurServer, type ManagedProcess } from './lib/processes';
import { renderReport, type BenchResults } from './lib/report';
import { BenchSubscriber } from './lib/subscriber';
import { FULL, QUICK } from './plan';
import type { BenchContext } from './scenarios/context';
import { fanoutScenario } from './scenarios/fanout';
import { queriesScenario } from './scenarios/queries';
import { replicasScenario } from './scenarios/replicas';
import { robustnessScenario } from './scenarios/robustness';
import { sharedVsPerSocketScenario } from './scenarios/shared-vs-per-socket';
import { throughputScenario } from './scenarios/throughput';

// The fan-out scenario last: its largest run overloads our server on purpose, and what it leaves
// behind (a swollen heap, a backlog) must not handicap the scenarios after it.
const SCENARIOS = ['queries', 'throughput', 'sharing', 'robustness', 'replicas', 'fanout'] as const;
type ScenarioName = (typeof SCENARIOS)[number];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'boolean', default: false },
    plan: { type: 'string' },
  },
});
const plan = merge(args.quick ? QUICK : FULL, args.plan ? (JSON.parse(args.plan) as Record<string, unknown>) : {});
const only = new Set((args.only?.split(',') ?? SCENARIOS).map((s) => s.trim()));
for (const name of only)
  if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`unknown scenario ${name}; use ${SCENARIOS.join(', ')}`);
const outDir = path.resolve(ROOT, args.out ?? (args.quick ? 'bench/results/tmp/quick' : 'docs'));
const profileDir = path.join(ROOT, 'bench/results/tmp/profiles', new Date().toISOString().replace(/[:.]/g, '-'));
const started = Date.now();
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

async function main(): Promise<void> {
  const machineAtStart = await collectMachine();
  log(`${plan.mode} run on ${machineAtStart.cpus}× ${machineAtStart.cpuModel}, load average ${machineAtStart.loadAverage.join(' ')}`);

  // A fresh database on this machine's PostgreSQL (or an embedded one when none answers).
  let adminUrl = LOCAL_ADMIN_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!(await reachable(adminUrl))) {
    log('no PostgreSQL on 127.0.0.1:5432: starting an embedded one');
    embedded = await startEmbeddedPostgres({
      dir: tempDataDir(),
      port: 55_000 + Math.floor(Math.random() * 5_000),
      database: 'postgres',
      logger: createLogger('warn', 'bench-pg'),
    });
    adminUrl = embedded.url;
  }
  const databaseName = `cc_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await createDatabase(adminUrl, databaseName);
  const running = new Set<ManagedProcess>();
  const profiling = (name: string) => (args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name)}`] : []);
  const results: BenchResults = {
    mode: plan.mode,
    plan,
    machine: machineAtStart,
    scenarios: {},
    errors: {},
    startedAt: new Date(started).toISOString(),
  };
  try {
    log('starting our server (migrations, demo users)');
    const main = await startOurServer({ databaseUrl, name: 'server', nodeArgs: profiling('server') });
    running.add(main);
    const history = await seedHistory(databaseUrl, plan.queries.historyRows);
    log(`history: ${history.map((h) => `${h.table} ${h.rows}${h.skipped ? ` (${h.skipped})` : ''}`).join(', ')}`);
    const cookie = await login(main.url, 'duty');
    const subscription = fanoutSubscription();
    const ctx: BenchContext = {
      plan,
      databaseUrl,
      main,
      cookie,
      subscription,
      incidentTemplate: await capturePayload(main, cookie, subscription),
      schema: await rootFields(main.url, cookie),
      log,
      async startServer(options) {
        const server = await startOurServer({
          ...options,
          databaseUrl,
          nodeArgs: [...(options.nodeArgs ?? []), ...profiling(options.name)],
        });
        running.add(server);
        const stop = server.stop;
        server.stop = async () => {
          running.delete(server);
          await stop();
        };
        return server;
      },
      startBaseline: (name) => startBaseline(name),
    };
    const scenarios: Record<ScenarioName, () => Promise<unknown>> = {
      queries: () => queriesScenario(ctx, history),
      fanout: () => fanoutScenario(ctx),
      sharing: () => sharedVsPerSocketScenario(ctx),
      throughput: () => throughputScenario(ctx),
      robustness: () => robustnessScenario(ctx),
      replicas: () => replicasScenario(ctx),
    };
    for (const name of SCENARIOS) {
      if (!only.has(name)) continue;
      const t0 = Date.now();
      try {
        (results.scenarios as Record<string, unknown>)[name] = await scenarios[name]();
      } catch (error) {
        log(`scenario ${name} failed: ${(error as Error).stack ?? error}`);
        results.errors[name] = (error as Error).message;
      }
      log(`scenario ${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    for (const server of running) await server.stop();
    await dropDatabase(adminUrl, databaseName).catch((error: unknown) =>
      log(`could not drop ${databaseName}: ${(error as Error).message}`),
    );
    await embedded?.stop();
  }
  if (args.profile) results.profiles = summariseProfiles(profileDir);
  results.machineAtEnd = await collectMachine();
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(outDir, { recursive: true });
  const json = path.join(outDir, 'benchmarks.json');
  const markdown = path.join(outDir, 'BENCHMARKS.md');
  // Both files are checked by the repository's Prettier run (npm run check): written in its format.
  const formatOptions = (await prettier.resolveConfig(json)) ?? {};
  writeFileSync(json, await prettier.format(JSON.stringify(results), { ...formatOptions, parser: 'json' }));
  writeFileSync(markdown, await renderReport(results));
  log(`wrote ${path.relative(ROOT, markdown)} and ${path.relative(ROOT, json)} in ${results.durationSeconds} s`);
  if (Object.keys(results.errors).length) process.exitCode = 1;
}

/** One real delivery from our server: its incident object is what the baselines publish. */
async function capturePayload(server: ManagedProcess, cookie: string, query: string): Promise<Record<string, unknown>> {
  let sample: Buffer | undefined;
  const subscriber = new BenchSubscriber(0, 0, {
    url: server.wsUrl,
    protocol: 'graphql-transport-ws',
    cookie,
    query,
    onDelivery: () => undefined,
  });
  await subscriber.connect();
  subscriber.socket!.on('message', (data: Buffer) => {
    if (data.includes('"type":"next"')) sample = data;
  });
  await graphql(
    server.url,
    'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
    {
      input: {
        title: 'Bench payload sample 0000000',
        incidentClass: 'C',
        severity: 'LOW',
        location: '城关检疫点 (bench)',
        description: '',
      },
    },
    cookie,
  );
  const deadline = Date.now() + 10_000;
  while (!sample && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await subscriber.close();
  if (!sample) throw new Error('our server delivered no event for the payload sample');
  const message = JSON.parse(sample.toString()) as { payload: { data: Record<string, { incident: Record<string, unknown> }> } };
  return Object.values(message.payload.data)[0]!.incident;
}

async function rootFields(url: string, cookie: string): Promise<BenchContext['schema']> {
  const data = await graphql<Record<string, { fields: { name: string }[] } | null>>(
    url,
    '{ query: __type(name: "Query") { fields { name } } mutation: __type(name: "Mutation") { fields { name } } subscription: __type(name: "Subscription") { fields { name } } }',
    {},
    cookie,
  );
  const names = (key: string) => new Set(data[key]?.fields.map((f) => f.name) ?? []);
  return { query: names('query'), mutation: names('mutation'), subscription: names('subscription') };
}

/** The plan with parts replaced: objects merge key by key, anything else (numbers, lists) replaces. */
function merge<T>(base: T, override: Record<string, unknown>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? merge(current, value as Record<string, unknown>)
        : value;
  }
  return out as T;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
