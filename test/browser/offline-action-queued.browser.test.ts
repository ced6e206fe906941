import pg from 'pg';
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

/**
 * Issue 24, "live and honest": an action made while the console cannot reach the server is
 * neither lost nor pretended: it waits, listed in the header, and goes out once — with its
 * idempotency key — when the network is back.
 */
describe('an action made offline, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let duty: ConsolePage | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await duty?.context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  async function callsWithSummary(summary: string): Promise<number> {
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string }>('select count(*) as n from duty_call where summary = $1', [summary]);
      return Number(rows[0]!.n);
    } finally {
      await db.end();
    }
  }

  it('waits visibly while offline and is sent exactly once when the network returns', async () => {
    duty = await openConsole(browser, t.url);
    await signIn(duty.page, 'duty');
    await duty.page.goto(`${t.url}/duty`);
    await waitForConnectionState(duty.page, 'live');
    // The indicator says when the last change arrived once one has: an officer's own call is one.
    const summary = `离线时记录的来电 ${Date.now()}`;

    await duty.context.setOffline(true);
    await duty.page.locator('#duty-entry-caller').focus();
    const keys = duty.page.keyboard;
    await keys.type('李群众');
    await keys.press('Tab');
    await keys.type('13900001111');
    await keys.press('Tab');
    await keys.type('城关镇');
    await keys.press('Tab');
    await keys.press('1'); // the category by its number key
    await keys.press('Tab');
    await keys.press('2'); // urgency
    await keys.press('Tab');
    await keys.type(summary);
    await keys.press('Control+Enter');

    const tray = duty.page.getByTestId('pending-sends');
    await tray.waitFor({ timeout: 15_000 });
    await expect(tray.textContent()).resolves.toMatch(/1\s*待发送/);
    await expect(tray.getAttribute('title')).resolves.toBe('1 项操作等待发送');
    await tray.click();
    await expect(duty.page.getByTestId('pending-send').textContent()).resolves.toContain('登记来电');
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page));
    // Nothing reached the server, and the form kept what the officer typed.
    expect(await callsWithSummary(summary)).toBe(0);
    await expect(duty.page.locator('#duty-entry-summary').inputValue()).resolves.toBe(summary);

    await duty.context.setOffline(false);
    await duty.page.getByTestId('duty-entry-last').waitFor({ timeout: 30_000 });
    await tray.waitFor({ state: 'detached' });
    await duty.page.locator(`[data-testid="duty-log-row"]`, { hasText: summary }).waitFor({ timeout: 15_000 });
    await waitForConnectionState(duty.page, 'live');
    expect(await callsWithSummary(summary)).toBe(1);
    await duty.page.getByTestId('last-event-at').waitFor();
  });
});
