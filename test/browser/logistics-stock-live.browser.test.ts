import type { Browser } from 'playwright-core';
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

const ISSUE = `mutation($input: IssueSuppliesInput!) { issueSupplies(input: $input) { id } }`;

describe('the stock board in a real browser (issue 22)', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const { context } of opened) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('shows the demo depots’ stock and days of cover, accessible, and follows an issue made elsewhere live', async () => {
    const view = await openConsole(browser, t.url);
    opened.push(view);
    await signIn(view.page, 'logistics');
    await view.page.goto(`${t.url}/logistics`);
    await waitForConnectionState(view.page, 'live');
    const row = view.page.locator('[data-testid="stock-balance-row"][data-item="84消毒液"][data-place="县应急物资储备库"]');
    await row.waitFor();
    const before = Number(((await row.getByTestId('stock-balance-quantity').textContent()) ?? '').replace(/[^\d]/g, ''));
    expect(before).toBeGreaterThan(0);
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page));

    // Another console (here: the API as the same keeper) issues 3 boxes; the board shows it without a reload.
    const cookie = await t.login('logistics');
    const key = (await row.getAttribute('data-key'))!;
    const [itemId, placeId] = key.split(':');
    const issued = await t.gql(ISSUE, { input: { itemId, placeId, quantity: 3, recipientText: '城关检疫点' } }, cookie);
    expect(issued.errors).toBeUndefined();
    await expect
      .poll(async () => Number(((await row.getByTestId('stock-balance-quantity').textContent()) ?? '').replace(/[^\d]/g, '')), {
        timeout: 15_000,
      })
      .toBe(before - 3);

    await view.page.goto(`${t.url}/logistics/ledger`);
    await view.page.getByTestId('ledger-row').first().waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page));
    await view.page.goto(`${t.url}/logistics/intake`);
    await view.page.getByTestId('supply-intake-page').waitFor();
    await view.page.getByTestId('intake-card').first().waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page));
  });
});
