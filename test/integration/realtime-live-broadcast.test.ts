import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const SUBSCRIPTION = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position kind incident { id title } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

type Change = { incidentChanged: { position: string } };

/**
 * Consoles that have caught up leave their own streams for their group's one broadcast
 * (live-broadcast.ts). The hand-over happens while changes keep committing: a console must
 * still receive every change after its position exactly once and in order, whether it started
 * from now or replayed from an older position first.
 */
describe('consoles moving onto their group’s broadcast while changes commit', () => {
  let t: TestApp;
  let db: pg.Client;
  beforeAll(async () => {
    t = await startTestApp();
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const incidentPositions = async (after: string) =>
    (
      await db.query<{ position: string }>(`select position from event where topic = 'incident' and position > $1 order by position`, [
        after,
      ])
    ).rows.map((r) => r.position);

  it('delivers every change once, in order, to consoles going live and to consoles replaying first', async () => {
    const duty = await t.login('duty');
    const report = (title: string) => t.gql(REPORT, { input: { title, incidentClass: 'C' } }, duty);
    for (let i = 0; i < 15; i++) await report(`直播前 ${i}`);
    const [start] = (await db.query<{ head: string }>(`select coalesce(max(position), 0)::text as head from event`)).rows;

    // Live from now on: these catch up at once and join the broadcast.
    const live = Array.from({ length: 8 }, () => collect<Change>(wsClient(t.wsUrl, duty), SUBSCRIPTION));
    await new Promise((r) => setTimeout(r, 400));

    const writing = (async () => {
      for (let i = 0; i < 40; i++) await report(`直播中 ${i}`);
    })();
    // Resuming mid-write from before the first 15: each replays, then hands over while events keep coming.
    const resumed = Array.from({ length: 4 }, () => collect<Change>(wsClient(t.wsUrl, duty), SUBSCRIPTION, { after: '0' }));
    await writing;

    const afterStart = await incidentPositions(start!.head);
    expect(afterStart).toHaveLength(40);
    const everything = await incidentPositions('0');
    await Promise.all(live.map((c) => c.until(afterStart.length, 20_000)));
    await Promise.all(resumed.map((c) => c.until(everything.length, 20_000)));
    await new Promise((r) => setTimeout(r, 300)); // anything duplicated would arrive by now

    for (const c of live) {
      expect(c.errors).toEqual([]);
      expect(c.results.map((r) => r.data!.incidentChanged.position)).toEqual(afterStart);
    }
    for (const c of resumed) {
      expect(c.errors).toEqual([]);
      expect(c.results.map((r) => r.data!.incidentChanged.position)).toEqual(everything);
    }
    // Proof that the broadcast carried them: every console is on it now.
    expect(t.app.shared.stats.live).toBe(12);

    [...live, ...resumed].forEach((c) => c.unsubscribe());
    await new Promise((r) => setTimeout(r, 300));
    expect(t.app.shared.stats.live).toBe(0);
    expect(t.app.shared.activeGroups).toBe(0);
  });
});
