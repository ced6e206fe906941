import type { Browser } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  expectNoSeriousViolations,
  launchChromium,
  openConsole,
  seriousAccessibilityViolations,
  signIn,
  waitForConnectionState,
  type ConsolePage,
} from './support/browser';

/** Runs one GraphQL request and fails the test on any error. */
async function gql<T>(t: TestApp, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await t.gql<T>(query, variables, cookie);
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors));
  return response.data;
}

describe('a requisition approved in the console, its delivery departing, seen live elsewhere (issue 22)', () => {
  let t: TestApp;
  let browser: Browser;
  let db: pg.Client;
  const opened: ConsolePage[] = [];

  async function signedIn(username: string, path: string): Promise<ConsolePage> {
    const view = await openConsole(browser, t.url);
    opened.push(view);
    await signIn(view.page, username);
    await view.page.goto(`${t.url}${path}`);
    await waitForConnectionState(view.page, 'live');
    return view;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    for (const { context } of opened) await context.close().catch(() => undefined);
    await browser?.close();
    await db?.end();
    await t?.close();
  });

  it('the officer approves a liaison’s requisition; when its order departs, the leader’s balances fall live', async () => {
    // Setup through the API: 100 protective suits at a depot the logistics officer keeps, 3 km from the liaison's unit.
    const [admin, logistics, liaison, dispatcher] = await Promise.all(
      ['admin', 'logistics', 'liaison', 'dispatcher'].map((u) => t.login(u)),
    );
    const keeper = (await gql<{ me: { userId: string } }>(t, logistics!, '{ me { userId } }')).me.userId;
    const unitId = (await gql<{ me: { unitId: string } }>(t, liaison!, '{ me { unitId } }')).me.unitId;
    const itemId = (
      await gql<{ createSupplyItem: { id: string } }>(
        t,
        admin!,
        'mutation($input: CreateSupplyItemInput!) { createSupplyItem(input: $input) { id } }',
        {
          input: { name: '医用防护服（浏览器测试）', unitOfMeasure: '套', category: 'PROTECTIVE_SUITS' },
        },
      )
    ).createSupplyItem.id;
    const depotId = (
      await gql<{ createSupplyPlace: { id: string } }>(
        t,
        admin!,
        'mutation($input: CreateSupplyPlaceInput!) { createSupplyPlace(input: $input) { id } }',
        {
          input: { code: 'DEPOT-BROWSER', name: '城关应急物资仓库', kind: 'DEPOT', keeperId: keeper },
        },
      )
    ).createSupplyPlace.id;
    await db.query('insert into supply_distance (place_id, unit_id, km) values ($1, $2, 3)', [depotId, unitId]);
    const intakeId = (
      await gql<{ acceptSupplyIntake: { id: string } }>(
        t,
        logistics!,
        'mutation($input: AcceptSupplyIntakeInput!) { acceptSupplyIntake(input: $input) { id } }',
        {
          input: { itemId, placeId: depotId, quantity: 100, source: 'ALLOCATION_FROM_ABOVE', supplier: '市工信局' },
        },
      )
    ).acceptSupplyIntake.id;
    for (const step of ['VERIFIED', 'REGISTERED', 'STOCKED']) {
      await gql(t, logistics!, 'mutation($input: AdvanceSupplyIntakeInput!) { advanceSupplyIntake(input: $input) { id } }', {
        input: { intakeId, step, qualityNote: '外观完好' },
      });
    }

    // The leader watches the balances (another context).
    const leader = await signedIn('leader', '/logistics');
    // Only this item's rows (the demo stock fills more than a screen of the virtual list).
    await leader.page.locator('[data-testid="stock-search"] input, input[data-testid="stock-search"]').first().fill('浏览器测试');
    const row = leader.page.locator(
      `[data-testid="stock-balance-row"][data-item="医用防护服（浏览器测试）"][data-place="城关应急物资仓库"]`,
    );
    await expect
      .poll(async () => (await row.getByTestId('stock-balance-quantity').textContent())?.trim(), { timeout: 15_000 })
      .toMatch(/^100\s*套$/);

    // The officer's queue is live: the liaison's requisition appears without a reload.
    const officer = await signedIn('logistics', '/logistics/requisitions');
    await officer.page.getByTestId('requisition-queue').waitFor();
    const filed = (
      await gql<{ fileRequisition: { id: string; number: string } }>(
        t,
        liaison!,
        'mutation($input: FileRequisitionInput!) { fileRequisition(input: $input) { id number } }',
        {
          input: {
            lines: [{ itemId, quantity: 30 }],
            purpose: '春耕防疫一线人员防护',
            urgency: 'FRONTLINE',
            headName: '王局长',
            headSigned: true,
            deliverTo: '县农业农村局',
          },
        },
      )
    ).fileRequisition;
    const queued = officer.page.getByTestId('requisition-queue').locator(`[data-requisition-id="${filed.id}"]`);
    await queued.waitFor({ timeout: 15_000 });
    expectNoSeriousViolations(await seriousAccessibilityViolations(officer.page));

    await queued.getByTestId('decide-requisition').click();
    const dialog = officer.page.getByTestId('decide-requisition-dialog');
    await dialog.waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(officer.page));
    await officer.page.getByTestId('decide-requisition-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const decided = officer.page.getByTestId('requisition-list').locator(`[data-requisition-id="${filed.id}"]`);
    await expect.poll(() => decided.getAttribute('data-status'), { timeout: 15_000 }).toBe('APPROVED');
    await expect.poll(() => decided.getByTestId('shipment').count()).toBe(1);

    // The delivery departs (the transport dispatcher's steps): the depot's balance falls, live, in the leader's view.
    const { rows } = await db.query<{ id: string }>('select order_id as id from shipment where requisition_id = $1', [filed.id]);
    const orderId = rows[0]!.id;
    const { suggestVehicles } = await gql<{ suggestVehicles: { suggestions: { vehicle: { id: string } }[] } }>(
      t,
      dispatcher!,
      'query($orderId: ID!) { suggestVehicles(orderId: $orderId) { suggestions { vehicle { id } } } }',
      { orderId },
    );
    await gql(t, dispatcher!, 'mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { id } }', {
      input: { orderId, vehicleIds: [suggestVehicles.suggestions[0]!.vehicle.id] },
    });
    await gql(t, dispatcher!, 'mutation($input: DispatchOrderStepInput!) { markOrderDeparted(input: $input) { id } }', {
      input: { orderId },
    });
    await expect
      .poll(async () => (await row.getByTestId('stock-balance-quantity').textContent())?.trim(), { timeout: 15_000 })
      .toMatch(/^70\s*套$/);
    await expect.poll(() => decided.getAttribute('data-status'), { timeout: 15_000 }).toBe('IN_TRANSIT');
  });

  it('shows the plan’s countdowns and the daily summary without serious accessibility violations', async () => {
    const officer = await signedIn('logistics', '/logistics/plan');
    await officer.page.getByTestId('supply-deadlines').waitFor();
    await expect
      .poll(() => officer.page.locator('[data-step="deliveredBy"] time, [data-step="deliveredBy"] .countdown').count())
      .toBeGreaterThan(0);
    expectNoSeriousViolations(await seriousAccessibilityViolations(officer.page));
    await officer.page.goto(`${t.url}/logistics/summary`);
    await officer.page.getByTestId('supply-summary').waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(officer.page));
    await officer.page.goto(`${t.url}/logistics/call-ups`);
    await officer.page.getByTestId('open-call-up').waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(officer.page));

    // The oversight role lands on the summary and may read nothing else of logistics.
    const inspector = await signedIn('inspector', '/');
    await inspector.page.getByTestId('supply-summary').waitFor({ timeout: 15_000 });
    expectNoSeriousViolations(await seriousAccessibilityViolations(inspector.page));
  });
});
