import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDatabase, dropDatabase } from '../support/database';
import { ResumingSubscriber } from '../support/resuming-subscriber';
import { login, startServerProcess, type ServerProcess } from '../support/server-process';

const SUBSCRIPTION = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position kind incident { id } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';
/** Five HQ users × ten consoles each (the per-user socket cap is 20). */
const USERS = ['duty', 'leader', 'dispatcher', 'coordinator', 'admin'];

describe('a server killed with SIGKILL while a writer commits and 50 consoles listen', () => {
  const adminUrl = inject('pgAdminUrl');
  const name = `cc_t_kill_${randomBytes(4).toString('hex')}`;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await dropDatabase(adminUrl, name);
  });

  it('delivers every committed event to every subscriber exactly once, in position order, after the restart', async () => {
    const databaseUrl = await createDatabase(adminUrl, name);
    server = await startServerProcess(databaseUrl);
    const port = server.port;
    const cookies = await Promise.all(USERS.map((u) => login(server!.url, u)));
    const start = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies[0]! },
      body: JSON.stringify({ query: '{ livePosition }' }),
    }).then((r) => r.json() as Promise<{ data: { livePosition: string } }>);
    const from = BigInt(start.data.livePosition);

    const subscribers = Array.from(
      { length: 50 },
      (_, i) => new ResumingSubscriber(server!.wsUrl, cookies[i % USERS.length]!, SUBSCRIPTION, 'incidentChanged', from),
    );
    subscribers.forEach((s) => s.start());

    // The load generator: one report every 20 ms, whatever happens to the server.
    let writing = true;
    let acknowledged = 0;
    let failed = 0;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const at = Date.now();
        try {
          const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: cookies[0]! },
            body: JSON.stringify({ query: REPORT, variables: { input: { title: `load ${i}`, incidentClass: 'C' } } }),
            signal: AbortSignal.timeout(5_000),
          });
          const body = (await response.json()) as { errors?: unknown };
          if (body.errors) failed++;
          else acknowledged++;
        } catch {
          failed++;
        }
        await new Promise((r) => setTimeout(r, Math.max(0, 20 - (Date.now() - at))));
      }
    })();

    const untilAcknowledged = async (count: number) => {
      const deadline = Date.now() + 60_000;
      while (acknowledged < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(acknowledged).toBeGreaterThanOrEqual(count);
    };
    await untilAcknowledged(30);
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    const beforeRestart = acknowledged;
    server = await startServerProcess(databaseUrl, { port });
    await untilAcknowledged(beforeRestart + 30);
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
    expect(failed).toBeGreaterThan(0); // the writer really met a dead server

    await Promise.all(subscribers.map((s) => s.waitFor(() => s.positions.length >= committed.length)));
    await new Promise((r) => setTimeout(r, 300)); // would expose a late duplicate
    for (const subscriber of subscribers) {
      expect(subscriber.positions).toEqual(committed);
    }
    console.info(
      `kill -9: ${committed.length} events committed (${acknowledged} acknowledged, ${failed} failed while the server was down), delivered exactly once to each of ${subscribers.length} subscribers`,
    );
    await Promise.all(subscribers.map((s) => s.close()));
  }, 180_000);
});
