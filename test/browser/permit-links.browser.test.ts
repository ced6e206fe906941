import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { issuePermit, jobFor } from '../integration/permits/permit-links-helpers';
import {
  expectNoSeriousViolations,
  launchChromium,
  openConsole,
  seriousAccessibilityViolations,
  signIn,
  type ConsolePage,
} from './support/browser';

/** The permits on the dispatcher's board (issue 21): a standing permit granted from a vehicle card, a permit attached to a job. */
describe('permits on the standby board, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let view: ConsolePage;
  let liaison: string;
  let dispatcher: string;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
    view = await openConsole(browser, t.url);
    await signIn(view.page, 'dispatcher');
  });
  afterAll(async () => {
    await view?.context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('grants a standby vehicle its standing permit from the card, and the card shows it', async () => {
    const permit = await issuePermit(t, { liaison, dispatcher }, new Date(), { plate: '京A8J275', hours: 72 });
    await view.page.goto(`${t.url}/dispatch`);
    const card = view.page.locator('[data-testid="vehicle-card"][data-plate="京A8J275"]');
    await card.getByTestId('standing-permit-grant').click();
    const dialog = view.page.getByTestId('permit-choice-dialog');
    await dialog.getByTestId('permit-choice').click();
    await view.page.locator('.el-select-dropdown__item', { hasText: permit.number }).click();
    await dialog.getByTestId('permit-choice-submit').click();
    await expect.poll(() => card.getByTestId('standing-permit-number').textContent()).toBe(permit.number);
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page, '[data-testid="vehicle-card"][data-plate="京A8J275"]'));
  });

  it('attaches a permit to a vehicle’s job from the order card', async () => {
    const permit = await issuePermit(t, { liaison, dispatcher }, new Date(), { plate: '京A8K103' });
    const job = await jobFor(t, dispatcher, '京A8K103');
    await view.page.goto(`${t.url}/dispatch`);
    const order = view.page.locator(`[data-testid="order-card"][data-order-number="${job.orderNumber}"]`);
    await order.getByTestId('assignment-permit-attach').click();
    const dialog = view.page.getByTestId('permit-choice-dialog');
    await dialog.getByTestId('permit-choice').click();
    await view.page.locator('.el-select-dropdown__item', { hasText: permit.number }).click();
    await dialog.getByTestId('permit-choice-submit').click();
    await expect.poll(() => order.getByTestId('assignment-permit').textContent()).toContain(permit.number);
  });

  it('shows the day’s permit figures with their chart', async () => {
    await view.page.goto(`${t.url}/permits/figures`);
    await view.page.getByTestId('permit-figures-requested').waitFor();
    expect(Number(await view.page.getByTestId('permit-figures-requested').textContent())).toBeGreaterThanOrEqual(2);
    await view.page.getByTestId('chart-permit-figures').locator('canvas').waitFor();
    await view.page.screenshot({ path: '/tmp/cc-permit-figures.png', fullPage: true });
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page, 'main'));
  });
});
