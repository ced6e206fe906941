import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectNoSeriousViolations, consoleSessions, launchChromium, seriousAccessibilityViolations } from './support/browser';

/** Kept beside the other browser tests' screenshots. */
const BOARD_SCREENSHOT = '/tmp/cc-coordination-report-board.png';

describe('daily reports in real browsers (issue 23)', () => {
  let t: TestApp;
  let browser: Browser;
  const sessions = consoleSessions(
    () => browser,
    () => t.url,
  );
  const signedIn = sessions.signedIn;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await sessions.closeAll();
    await browser?.close();
    await t?.close();
  });

  it('a liaison files a zero report and the coordinator’s board, open in another browser, marks that unit reported, live', async () => {
    // The demo: 县农业农村局 (the liaison's unit) has not filed today's 日调度 yet.
    const coordinator = await signedIn('coordinator', '/coordination/reports');
    const progress = coordinator.page.locator('[data-type-code="DAILY_PROGRESS"]');
    const agricultureRow = progress.locator('[data-testid="report-row"][data-unit-code="AGRICULTURE"]');
    await agricultureRow.waitFor();
    expect(await agricultureRow.getAttribute('data-status')).toMatch(/^(PENDING|MISSING)$/);
    expect(await agricultureRow.getAttribute('data-zero')).toBe('no');

    const liaison = await signedIn('liaison', '/coordination/reports/submit');
    const card = liaison.page.locator('[data-testid="report-type"][data-type-code="DAILY_PROGRESS"]');
    await card.waitFor();
    // A liaison sees their own unit only: no unit to choose.
    expect(await liaison.page.locator('#report-unit').count()).toBe(0);
    expectNoSeriousViolations(await seriousAccessibilityViolations(liaison.page, '[data-testid="report-submit-page"]'));
    await card.getByTestId('report-submit-zero').click();
    await card.getByTestId('report-amend').waitFor();

    // The coordinator did nothing: the row turns reported, as a zero report, by itself.
    await coordinator.page
      .locator('[data-type-code="DAILY_PROGRESS"] [data-testid="report-row"][data-unit-code="AGRICULTURE"][data-zero="yes"]')
      .waitFor({ timeout: 15_000 });
    expect(await agricultureRow.getAttribute('data-status')).toMatch(/^(ON_TIME|LATE)$/);
    expectNoSeriousViolations(await seriousAccessibilityViolations(coordinator.page, '[data-testid="report-board"]'));
    await coordinator.page.screenshot({ path: BOARD_SCREENSHOT, fullPage: true });
  });
});
