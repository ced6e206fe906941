import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { collect, wsClient } from '../support/ws-client';

const SUBSCRIPTION = 'subscription($after: EventPosition) { incidentChanged(after: $after) { position } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

describe('a console resuming from a position older than the server keeps', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp();
    cookie = await t.login('duty');
  });
  afterAll(() => t?.close());

  it('is told RESUME_TOO_OLD (so it reloads) instead of receiving a silent gap', async () => {
    for (const title of ['old 1', 'old 2', 'old 3']) await t.gql(REPORT, { input: { title, incidentClass: 'C' } }, cookie);
    const em = t.app.orm.em.fork();
    // Age every event so far (demo data and the three above) past the retention period, then prune as the hourly job does.
    // (Counted by the update itself: the alert engine may commit events of its own at any moment.)
    const aged = await em.execute<{ position: string }[]>(`update event set committed_at = now() - interval '40 days' returning position`);
    const pruned = await t.app.hub.prune(30);
    expect(pruned).toBe(aged.length);
    await t.gql(REPORT, { input: { title: 'new', incidentClass: 'C' } }, cookie);
    await t.app.hub.wake();

    const stale = collect(wsClient(t.wsUrl, cookie), SUBSCRIPTION, { after: '1' });
    const [refused] = await stale.until(1);
    expect(refused?.data ?? null).toBeNull();
    expect(refused?.errors?.[0]?.extensions).toMatchObject({ code: 'RESUME_TOO_OLD', reason: 'realtime/resume_too_old' });

    // From the horizon on, resuming works again.
    const [horizon] = await em.execute<{ pruned_through: string }[]>('select pruned_through from event_horizon');
    const fresh = collect<{ incidentChanged: { position: string } }>(wsClient(t.wsUrl, cookie), SUBSCRIPTION, {
      after: horizon!.pruned_through,
    });
    const [first] = await fresh.until(1);
    expect(BigInt(first!.data!.incidentChanged.position)).toBeGreaterThan(BigInt(horizon!.pruned_through));
  });
});
