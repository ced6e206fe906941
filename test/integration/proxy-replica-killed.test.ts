import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase } from '../support/database';
import { ResumingSubscriber } from '../support/resuming-subscriber';
import { freePort, login, startServerProcess, type ServerProcess } from '../support/server-process';

const SUBSCRIPTION = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position kind incident { id } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';
const USERS = ['duty', 'leader', 'dispatcher', 'coordinator'];

/**
 * The failure drill of docker-compose.yml on this machine: the real Caddy (Debian's `caddy`
 * package, installed by .ci/run) with the repository's deploy/Caddyfile, its upstreams pointed
 * at two server processes on one database. One replica is killed with SIGKILL while a writer
 * commits through the proxy: the consoles that were on it reconnect through the same public
 * port, land on the other replica and resume from their last position; every committed event
 * reaches every console exactly once, in order, and writes fail only for the moment the proxy
 * needs to notice the dead replica.
 */
function caddyBinary(): string {
  const found = spawnSync('caddy', ['version'], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error('This drill needs the caddy binary on PATH: apt-get install caddy (.ci/run installs it).');
  return 'caddy';
}

async function socketsOpen(server: ServerProcess): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^cc_ws_sockets_open (\d+)/m.exec(text)?.[1] ?? NaN);
}

describe('a replica killed behind the Caddy proxy while consoles listen and a writer commits', () => {
  const adminUrl = inject('pgAdminUrl');
  const name = `cc_t_proxy_${randomBytes(4).toString('hex')}`;
  const replicas: ServerProcess[] = [];
  let caddy: ChildProcess | undefined;
  afterAll(async () => {
    caddy?.kill('SIGTERM');
    for (const replica of replicas) {
      replica.child.kill('SIGKILL');
      await replica.exited;
    }
    await dropDatabase(adminUrl, name);
  });

  it('moves the killed replica’s consoles to the other through the proxy, with nothing missed or repeated', async () => {
    const binary = caddyBinary();
    const databaseUrl = await createDatabase(adminUrl, name);
    replicas.push(...(await Promise.all([startServerProcess(databaseUrl), startServerProcess(databaseUrl)])));
    const [first, second] = replicas as [ServerProcess, ServerProcess];

    const proxyPort = await freePort();
    const caddyfile = readFileSync(new URL('../../deploy/Caddyfile', import.meta.url), 'utf8')
      .replace('reverse_proxy app:4000 app-2:4000', `reverse_proxy 127.0.0.1:${first.port} 127.0.0.1:${second.port}`)
      .replace(/^:80 \{/m, `:${proxyPort} {`);
    expect(caddyfile).toContain(`127.0.0.1:${second.port}`);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cc-caddy-')), 'Caddyfile');
    writeFileSync(file, caddyfile);
    caddy = spawn(binary, ['run', '--config', file, '--adapter', 'caddyfile'], {
      stdio: 'ignore',
      env: { ...process.env, HOME: path.dirname(file) },
    });
    const proxy = `http://127.0.0.1:${proxyPort}`;
    for (let i = 0; ; i++) {
      const ok = await fetch(`${proxy}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 100) throw new Error('caddy did not come up');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await fetch(`${proxy}/metrics`)).status).toBe(404);

    const cookies = await Promise.all(USERS.map((u) => login(proxy, u)));
    const start = (await (
      await fetch(`${proxy}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[0]! },
        body: JSON.stringify({ query: '{ livePosition }' }),
      })
    ).json()) as { data: { livePosition: string } };
    const from = BigInt(start.data.livePosition);

    const subscribers = Array.from(
      { length: 16 },
      (_, i) =>
        new ResumingSubscriber(`ws://127.0.0.1:${proxyPort}/graphql`, cookies[i % USERS.length]!, SUBSCRIPTION, 'incidentChanged', from),
    );
    subscribers.forEach((s) => s.start());
    const deadline = Date.now() + 20_000;
    while ((await socketsOpen(first)) + (await socketsOpen(second)) < subscribers.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // Least connections: both replicas hold consoles.
    const onFirst = await socketsOpen(first);
    expect(onFirst).toBeGreaterThan(0);
    expect(await socketsOpen(second)).toBeGreaterThan(0);

    let writing = true;
    let acknowledged = 0;
    let failed = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const at = Date.now();
        try {
          const response = await fetch(`${proxy}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: cookies[0]! },
            body: JSON.stringify({ query: REPORT, variables: { input: { title: `proxy ${i}`, incidentClass: 'C' } } }),
            signal: AbortSignal.timeout(5_000),
          });
          const body = (await response.json()) as { errors?: unknown };
          if (body.errors) failed++;
          else acknowledged++;
        } catch {
          failed++; // the proxy's 502/503 has no JSON body
        }
        await new Promise((r) => setTimeout(r, Math.max(0, 50 - (Date.now() - at))));
      }
    })();
    const untilAcknowledged = async (count: number) => {
      const until = Date.now() + 60_000;
      while (acknowledged < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(acknowledged).toBeGreaterThanOrEqual(count);
    };

    await untilAcknowledged(15);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const beforeKill = acknowledged;
    await untilAcknowledged(beforeKill + 20);
    writing = false;
    await writer;

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ position: string }>(
      `select position from event where topic = 'incident' and position > $1 order by position`,
      [String(from)],
    );
    await db.end();
    const committed = rows.map((r) => BigInt(r.position));
    expect(committed.length).toBeGreaterThanOrEqual(acknowledged);

    await Promise.all(subscribers.map((s) => s.waitFor(() => s.positions.length >= committed.length)));
    await new Promise((r) => setTimeout(r, 300)); // would expose a late duplicate
    for (const subscriber of subscribers) expect(subscriber.positions).toEqual(committed);
    // Every console is now on the surviving replica, reached through the same public port.
    expect(await socketsOpen(second)).toBe(subscribers.length);
    // Writes fail only while the proxy notices the dead replica (health check every 2 s, a write
    // every 50 ms): not for a whole failure window (Caddy's fail_duration once refused every
    // write for 30 s, the surviving replica included).
    expect(failed).toBeLessThan(60);
    console.info(
      `proxy drill: ${onFirst} of ${subscribers.length} consoles moved from the killed replica; ${committed.length} events (${acknowledged} acknowledged, ${failed} failed) delivered exactly once to each`,
    );
    await Promise.all(subscribers.map((s) => s.close()));
  }, 180_000);
});
