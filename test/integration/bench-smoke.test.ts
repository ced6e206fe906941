import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BenchResults } from '../../bench/lib/report';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The benchmark harness, end to end at its smallest (`npm run bench -- --quick`): real server
 * processes, baselines, load generators and PostgreSQL. It checks that every scenario produced
 * figures and a report, never how fast anything was: speed belongs to `npm run bench`.
 */
describe('npm run bench -- --quick', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'cc-bench-smoke-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs every scenario and writes BENCHMARKS.md and benchmarks.json with their figures', async () => {
    let log = '';
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', `--out=${out}`], {
        cwd: ROOT,
        env: { ...process.env, TEST_DATABASE_URL: inject('pgAdminUrl') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr.on('data', (d: Buffer) => (log += d.toString()));
      child.on('exit', resolve);
    });
    expect(code, log.slice(-4000)).toBe(0);
    expect(existsSync(path.join(out, 'BENCHMARKS.md'))).toBe(true);
    const results = JSON.parse(readFileSync(path.join(out, 'benchmarks.json'), 'utf8')) as BenchResults;
    expect(results.errors).toEqual({});
    expect(results.machine.cpus).toBeGreaterThan(0);
    const { fanout, sharing, throughput, queries, robustness, replicas } = results.scenarios;

    // Fan-out: the three targets side by side, each with deliveries measured and server figures scraped.
    for (const target of ['raw', 'bare', 'ours'] as const) {
      const { runs, sweep } = fanout!.targets[target];
      expect(runs).toHaveLength(results.plan.fanout.subscribers.length);
      for (const run of [...runs, sweep]) {
        const step = run.steps[0]!;
        expect(step.deliveries, `${target}: deliveries`).toBeGreaterThan(0);
        expect(step.latency.count).toBe(step.deliveries);
        expect(step.lastDelivery.count).toBe(step.events);
        expect(step.servers[0]!.cpuSeconds).toBeGreaterThanOrEqual(0);
        expect(step.bytesPerMessage).toBeGreaterThan(100);
      }
      expect(runs[0]!.idleMemory?.[0]?.gcForced).toBe(true);
    }
    // The baselines publish the same payload our server sends: within a few bytes per message.
    const bytes = (['raw', 'bare', 'ours'] as const).map((t) => fanout!.targets[t].runs[0]!.steps[0]!.bytesPerMessage);
    expect(Math.max(...bytes) - Math.min(...bytes)).toBeLessThan(16);

    // Before/after: both executions delivered, and the shared one ran once per event, not per socket.
    for (const run of sharing!.runs) {
      expect(run.perSocket.steps[0]!.deliveries).toBeGreaterThan(0);
      const shared = run.shared.steps[0]!;
      expect(shared.deliveries).toBeGreaterThan(0);
      expect(shared.servers[0]!.executions).toBeLessThan(shared.deliveries);
    }

    // Throughput: the built workload ran with lock sampling; the others say why they did not.
    const report = throughput!.workloads.find((w) => w.name === 'reportIncident')!;
    expect(report.result!.steps[0]!.locks!.samples).toBeGreaterThan(0);
    for (const w of throughput!.workloads.filter((w) => !w.result)) expect(w.notBuilt).toBeTruthy();
    // What one request costs: the two floors and each built mutation, every one measured.
    expect(throughput!.requestCost!.map((c) => c.name)).toEqual([
      'anonymous',
      'signedIn',
      'reportIncident',
      'assignVehicle',
      'logDutyCall',
      'ledgerIssue',
    ]);
    for (const cost of throughput!.requestCost!) {
      expect(cost.requests).toBe(results.plan.requestCost.requests);
      expect(cost.cpuMs, cost.name).toBeGreaterThan(0);
      expect(cost.wallMs, cost.name).toBeGreaterThan(0);
    }

    // Queries: latency, statements and the resolver split for every built board.
    const open = queries!.boards.find((b) => b.name === 'openIncidents')!;
    expect(open.load!.latency.count).toBeGreaterThan(0);
    expect(open.cost!.statementsPerRequest).toBeGreaterThan(0);
    expect(open.cost!.fieldsResolved).toBeGreaterThan(0);
    expect(queries!.history.find((h) => h.table === 'incident')!.rows).toBeGreaterThanOrEqual(results.plan.queries.historyRows);

    // Robustness: both cases measured; nothing lost or leaked when every client dropped at once.
    expect(robustness!.slowConsumer.othersBefore.count).toBeGreaterThan(0);
    expect(robustness!.slowConsumer.memory.samples).toBeGreaterThan(0);
    const drop = robustness!.massReconnect;
    expect(drop.clientsCaughtUp).toBeGreaterThan(0);
    expect(drop.missing).toBe(0);
    expect(drop.duplicatesOrReordered).toBe(0);
    expect(drop.listeners.afterClose).toBe(drop.listeners.baseline);

    // Two replicas: subscribers on each were measured.
    const [onWriter, onOther] = replicas!.result.steps[0]!.latencyByServer;
    expect(onWriter!.count).toBeGreaterThan(0);
    expect(onOther!.count).toBeGreaterThan(0);

    const markdown = readFileSync(path.join(out, 'BENCHMARKS.md'), 'utf8');
    for (const heading of [
      'Fan-out latency',
      'Sustained fan-out',
      'Execute once',
      'Throughput',
      'Board queries',
      'Robustness',
      'Two server processes',
      'Closing note',
    ]) {
      expect(markdown).toContain(`## ${heading}`);
    }
  }, 600_000);
});
