import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, openConsole, signIn, waitForConnectionState, type ConsolePage } from './support/browser';

/** Well below the half minute the overview used to poll at: a polled figure misses it. */
const LIVE_WITHIN_MS = 10_000;

/** A new order (daily necessities to a checkpoint) with one vehicle assigned, as a dispatcher. */
async function assignToNewOrder(t: TestApp, vehicleId: string, cookie: string): Promise<void> {
  const created = await t.gql<{ createDispatchOrder: { id: string } }>(
    'mutation($input: CreateDispatchOrderInput!) { createDispatchOrder(input: $input) { id } }',
    {
      input: {
        cargoKind: 'DAILY_NECESSITIES',
        cargoAmount: 3,
        cargoUnit: 'TONNES',
        origin: '县粮油公司仓库',
        destination: '城关交通检疫点',
        requestingGroup: 'LOGISTICS',
      },
    },
    cookie,
  );
  expect(created.errors).toBeUndefined();
  const assigned = await t.gql(
    'mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { id } }',
    { input: { orderId: created.data!.createDispatchOrder.id, vehicleIds: [vehicleId] } },
    cookie,
  );
  expect(assigned.errors).toBeUndefined();
}

describe('the leader’s overview follows the fleet live, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let leader: ConsolePage | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    // Only the fleet's own events (and the clock) may tell the leader here: the readiness and
    // deadline alerts, which would re-read the overview on their own, are switched off, and the seeded picture's other
    // alerts are raised now rather than by the engine's next tick in the middle of the test.
    const admin = await t.login('admin');
    for (const ruleId of ['company-below-standby-quota', 'fleet-ready-below-floor', 'incident-past-deadline']) {
      const off = await t.gql(
        'mutation($input: UpdateAlertRuleInput!) { updateAlertRule(input: $input) { id } }',
        {
          input: { ruleId, enabled: false },
        },
        admin,
      );
      expect(off.errors).toBeUndefined();
    }
    await t.app.modules.alerts.engine.tick();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await leader?.context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('a vehicle a dispatcher assigns leaves the leader’s "vehicles on standby" at once, not at the next poll', async () => {
    leader = await openConsole(browser, t.url);
    await signIn(leader.page, 'leader');
    await leader.page.waitForURL(/\/leader$/);
    const figure = leader.page.getByTestId('figure-fleet-ready');
    await figure.waitFor();
    await waitForConnectionState(leader.page, 'live');
    // Settled: the re-read the standing alerts' first load asks for has come and gone.
    await leader.page.waitForLoadState('networkidle');
    const before = Number(await figure.textContent());

    const cookie = await t.login('dispatcher');
    const board = await t.gql<{ standbyBoard: { companies: { vehicles: { id: string; status: string }[] }[] } }>(
      '{ standbyBoard { companies { vehicles { id status } } } }',
      {},
      cookie,
    );
    const vehicle = board.data!.standbyBoard.companies.flatMap((c) => c.vehicles).find((v) => v.status === 'STANDBY')!;
    await assignToNewOrder(t, vehicle.id, cookie);

    await leader.page.waitForFunction(
      (value) => document.querySelector('[data-testid="figure-fleet-ready"]')?.textContent?.trim() === String(value),
      before - 1,
      { timeout: LIVE_WITHIN_MS },
    );
    expect(leader.problems).toEqual([]);
  });

  it('an incident reaching its reporting deadline shows as past deadline by itself, with no event and no poll', async () => {
    const page = leader!.page;
    const figure = page.getByTestId('figure-past-deadline');
    const before = Number(await figure.textContent());
    // A class A incident (6 h to report) logged as reported 6 h less a few seconds ago.
    const duty = await t.login('duty');
    const reportedAt = new Date(Date.now() - 6 * 3_600_000 + 4_000).toISOString();
    const reported = await t.gql(
      'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
      { input: { title: `检疫点发热人员待转运 ${Date.now()}`, incidentClass: 'A', reportedAt } },
      duty,
    );
    expect(reported.errors).toBeUndefined();
    await page.waitForFunction(
      (value) => document.querySelector('[data-testid="figure-past-deadline"]')?.textContent?.trim() === String(value),
      before + 1,
      { timeout: LIVE_WITHIN_MS },
    );
    expect(leader!.problems).toEqual([]);
  });
});
