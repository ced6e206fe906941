import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { createPerson } from '../integration/dispatch/dispatch-helpers';
import {
  expectNoSeriousViolations,
  launchChromium,
  openConsole,
  seriousAccessibilityViolations,
  signIn,
  waitForConnectionState,
  type ConsolePage,
} from './support/browser';

/** Marks the window; a reload would lose the mark, so its presence proves the page was not reloaded. */
async function markWindow(view: ConsolePage): Promise<void> {
  await view.page.evaluate(() => ((window as unknown as { __sameWindow: boolean }).__sameWindow = true));
}
async function sameWindow(view: ConsolePage): Promise<boolean> {
  return view.page.evaluate(() => (window as unknown as { __sameWindow?: boolean }).__sameWindow === true);
}

/**
 * Records, in the watching page, the moment a vehicle card first shows `status`.
 * Both pages run in one browser on one machine, so their Date.now() share a clock.
 */
async function watchVehicleStatus(view: ConsolePage, plate: string, status: string): Promise<() => Promise<number | null>> {
  await view.page.evaluate(
    ({ plate, status }) => {
      const w = window as unknown as { __seenAt: number | null };
      w.__seenAt = null;
      const check = () => {
        const card = document.querySelector(`[data-testid="vehicle-card"][data-plate="${plate}"]`);
        if (w.__seenAt === null && card?.getAttribute('data-status') === status) w.__seenAt = Date.now();
      };
      new MutationObserver(check).observe(document.body, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-status'],
        childList: true,
      });
      check();
    },
    { plate, status },
  );
  return () => view.page.evaluate(() => (window as unknown as { __seenAt: number | null }).__seenAt);
}

describe('the standby board in real browsers', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  async function boardAs(username: string, password?: string): Promise<ConsolePage> {
    const view = await openConsole(browser, t.url);
    opened.push(view);
    await signIn(view.page, username, password);
    await view.page.goto(`${t.url}/dispatch`);
    await view.page.getByTestId('vehicle-card').first().waitFor();
    await waitForConnectionState(view.page, 'live');
    return view;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    // A second dispatcher, so "another dispatcher's board" is literally another person's.
    await createPerson(t, await t.login('admin'), { username: 'dispatcher2', displayName: '孙调配 (运输调配)', roles: ['DISPATCHER'] });
  });
  afterAll(async () => {
    for (const { context } of opened) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('one dispatcher assigns a vehicle; the other dispatcher’s board shows it taken, live, without a reload', async () => {
    const other = await boardAs('dispatcher2', 'test-password-123');
    await markWindow(other);
    const dispatcher = await boardAs('dispatcher');

    // The seeded order waiting for vehicles (disinfectant for a checkpoint, green channel).
    const order = dispatcher.page.locator('[data-testid="order-card"][data-status="OPEN"]').first();
    const number = await order.getAttribute('data-order-number');
    await order.getByTestId('order-assign').click();
    const dialog = dispatcher.page.getByTestId('assign-dialog');
    await dialog.getByTestId('assign-rule').waitFor();
    await expect(dialog.getByTestId('assign-rule').textContent()).resolves.toContain('均衡');
    const suggested = dialog.locator('[data-testid="suggestion-row"]').first();
    const plate = (await suggested.getAttribute('data-plate'))!;
    const otherCard = other.page.locator(`[data-testid="vehicle-card"][data-plate="${plate}"]`);
    await expect(otherCard.getAttribute('data-status')).resolves.toBe('STANDBY');
    const seenAt = await watchVehicleStatus(other, plate, 'ASSIGNED');

    const clickedAt = Date.now();
    await dialog.getByTestId('assign-submit').click();

    await other.page.locator(`[data-testid="vehicle-card"][data-plate="${plate}"][data-status="ASSIGNED"]`).waitFor({ timeout: 10_000 });
    const latency = (await seenAt())! - clickedAt;
    console.info(`[dispatch live] ${plate} shown as taken on the other dispatcher's board ${latency} ms after the click`);
    await expect(otherCard.getByTestId('vehicle-status').textContent()).resolves.toBe('已派车');
    await expect(otherCard.getByTestId('vehicle-job').textContent()).resolves.toContain(number!);
    await expect(otherCard.getByTestId('vehicle-job').textContent()).resolves.toContain('张调配');
    expect(await sameWindow(other)).toBe(true);
    // The order moved on in the other dispatcher's queue too.
    await other.page
      .locator(`[data-testid="order-card"][data-order-number="${number}"][data-status="ASSIGNED"]`)
      .waitFor({ timeout: 10_000 });
    expect(other.problems).toEqual([]);
    expect(dispatcher.problems).toEqual([]);
  });

  it('a vehicle taken meanwhile turns "taken" in another dispatcher’s open assign dialog, and cannot be ticked', async () => {
    const second = opened.at(-1)!;
    const open = second.page.locator('[data-testid="order-card"][data-status="REQUESTED"]').first();
    await open.getByTestId('order-assign').click();
    const dialog = second.page.getByTestId('assign-dialog');
    const row = dialog.locator('[data-testid="suggestion-row"]:not(.assign__row--taken)').first();
    await row.waitFor();
    const plate = (await row.getAttribute('data-plate'))!;

    // The other dispatcher takes that vehicle for an order of their own (over the API).
    const cookie = await t.login('dispatcher2', 'test-password-123');
    const created = await t.gql<{ createDispatchOrder: { id: string } }>(
      'mutation($input: CreateDispatchOrderInput!) { createDispatchOrder(input: $input) { id } }',
      {
        input: {
          cargoKind: 'PRODUCTION_MATERIALS',
          cargoAmount: 2,
          cargoUnit: 'TONNES',
          origin: '县农资公司仓库',
          destination: '城北乡',
          requestingGroup: 'LOGISTICS',
        },
      },
      cookie,
    );
    const board = await t.gql<{ standbyBoard: { companies: { vehicles: { id: string; plate: string }[] }[] } }>(
      '{ standbyBoard { companies { vehicles { id plate } } } }',
      {},
      cookie,
    );
    const target = board.data!.standbyBoard.companies.flatMap((c) => c.vehicles).find((v) => v.plate === plate)!;
    const assigned = await t.gql(
      'mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { id } }',
      { input: { orderId: created.data!.createDispatchOrder.id, vehicleIds: [target.id] } },
      cookie,
    );
    expect(assigned.errors).toBeUndefined();

    await dialog.locator(`[data-testid="suggestion-row"][data-plate="${plate}"].assign__row--taken`).waitFor({ timeout: 10_000 });
    await expect(dialog.locator(`[data-testid="suggestion-row"][data-plate="${plate}"] input[type="checkbox"]`).isDisabled()).resolves.toBe(
      true,
    );
    await second.page.keyboard.press('Escape');
  });

  it('a unit liaison files a request in the browser; HQ’s queue shows it live, and the liaison sees vehicles assigned live', async () => {
    const liaison = await openConsole(browser, t.url);
    opened.push(liaison);
    await signIn(liaison.page, 'liaison');
    // A liaison lands on the calls forwarded to their unit (duty's inbox); their requests are one link away.
    await liaison.page.waitForURL(/\/duty\/inbox$/);
    await liaison.page.getByTestId('main-nav').getByRole('link', { name: '我的运输申请' }).click();
    await liaison.page.waitForURL(/\/dispatch\/requests$/);
    await waitForConnectionState(liaison.page, 'live');
    const dispatcher = opened[0]!;

    await liaison.page.getByTestId('new-request').click();
    const dialog = liaison.page.getByTestId('request-dialog');
    await dialog.locator('#request-origin').fill('县农资公司仓库');
    await dialog.locator('#request-destination').fill('城西乡农资站');
    await dialog.getByTestId('request-submit').click();
    const row = liaison.page.locator('[data-testid="request-row"]').first();
    await row.waitFor();
    const number = (await row.getAttribute('data-order-number'))!;
    await expect(row.getAttribute('data-status')).resolves.toBe('REQUESTED');

    await dispatcher.page
      .locator(`[data-testid="order-card"][data-order-number="${number}"][data-status="REQUESTED"]`)
      .waitFor({ timeout: 10_000 });

    const cookie = await t.login('dispatcher');
    const { data } = await t.gql<{
      dispatchOrders: { id: string; number: string }[];
      standbyBoard: { companies: { vehicles: { id: string; status: string; vehicleType: string }[] }[] };
    }>(
      '{ dispatchOrders(status: [REQUESTED]) { id number } standbyBoard { companies { vehicles { id status vehicleType } } } }',
      {},
      cookie,
    );
    const order = data!.dispatchOrders.find((o) => o.number === number)!;
    const truck = data!.standbyBoard.companies.flatMap((c) => c.vehicles).find((v) => v.status === 'STANDBY' && v.vehicleType === 'TRUCK')!;
    const assigned = await t.gql(
      'mutation($input: AssignVehiclesInput!) { assignVehicles(input: $input) { id } }',
      { input: { orderId: order.id, vehicleIds: [truck.id] } },
      cookie,
    );
    expect(assigned.errors).toBeUndefined();
    await liaison.page
      .locator(`[data-testid="request-row"][data-order-number="${number}"][data-status="ASSIGNED"]`)
      .waitFor({ timeout: 10_000 });
    expectNoSeriousViolations(await seriousAccessibilityViolations(liaison.page));
    expect(liaison.problems).toEqual([]);
  });

  it('the board and the figures page have no serious accessibility violations, in zh-CN and in en', async () => {
    const view = opened[0]!;
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page));
    await view.page.goto(`${t.url}/dispatch/figures`);
    await view.page.getByTestId('chart-utilisation').locator('canvas').waitFor();
    await expect(view.page.locator('h1').textContent()).resolves.toContain('调度统计');
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page));
    await view.page.getByRole('button', { name: 'English' }).click();
    await expect(view.page.locator('h1').textContent()).resolves.toContain('Dispatch figures');
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page));
    expect(view.problems).toEqual([]);
  });
});
