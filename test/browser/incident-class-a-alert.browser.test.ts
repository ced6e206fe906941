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

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id title } }`;

/**
 * Issue 27, defect 6, in a real browser: a class-A incident logged in one session is on the
 * leader's screen at once; the leader opens it, records the report upward (上报), and the
 * countdown gives way to when it was reported, on the page and on the board.
 */
describe('a class-A incident in the leader’s console', () => {
  let t: TestApp;
  let browser: Browser;
  let leader: ConsolePage;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    leader = await openConsole(browser, t.url);
    await signIn(leader.page, 'leader');
    await leader.page.waitForURL(/\/leader$/);
    await waitForConnectionState(leader.page, 'live');
    await leader.page.getByTestId('alert-tray-button').waitFor();
  });
  afterAll(async () => {
    await leader?.context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('alerts the leader as soon as it is logged; reporting it upward from its page clears the alert and stops the countdown', async () => {
    const page = leader.page;
    const duty = await t.login('duty');
    const title = `甲类事件待上报 ${Date.now()}`;
    expect((await t.gql(REPORT, { input: { title, incidentClass: 'A' } }, duty)).errors).toBeUndefined();

    const banner = page.getByTestId('critical-alert-banner').filter({ hasText: title });
    await banner.waitFor({ timeout: 10_000 });
    await expect(banner.getByTestId('critical-alert-message').textContent()).resolves.toMatch(
      new RegExp(`^新接报甲类事件“${title}”，须于 .+ 前上报$`),
    );
    const alertId = await banner.getAttribute('data-alert-id');

    await banner.getByRole('link').click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]+$/);
    await page.getByTestId('incident-timeline').waitFor();
    await expect(page.getByTestId('incident-countdown').locator('time').textContent()).resolves.toMatch(/剩余 0[56]:\d\d:\d\d/);
    await expect(page.getByTestId('incident-reported-upward-at').textContent()).resolves.toContain('未上报');

    await page.getByTestId('incident-report-upward').click();
    const dialog = page.getByTestId('report-upward-dialog');
    await dialog.waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(page));
    // Required: submitting without whom it went to is stopped at the field.
    await page.getByTestId('report-upward-submit').click();
    await dialog.getByText('请填写上报对象').waitFor();
    await page.getByTestId('report-upward-to').fill('区卫生健康委员会');
    await dialog.locator('#report-upward-note').fill('电话报告，已传真书面材料');
    await page.getByTestId('report-upward-submit').click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });

    const reported = page.getByTestId('incident-countdown').getByTestId('reported-upward');
    await reported.waitFor({ timeout: 10_000 });
    await expect(reported.textContent()).resolves.toMatch(/已上报 \d\d\/\d\d \d\d:\d\d/);
    await expect(page.getByTestId('incident-reported-upward-to').textContent()).resolves.toContain('区卫生健康委员会');
    await expect(page.getByTestId('incident-reported-upward-by').textContent()).resolves.toContain('李带班');
    await page.locator('[data-testid="timeline-entry"][data-kind="REPORTED_UPWARD"]').filter({ hasText: '区卫生健康委员会' }).waitFor();
    expect(await page.getByTestId('incident-report-upward').count()).toBe(0);

    // The condition is gone: the server resolves the alert and the banner lets go of it.
    await page.locator(`[data-testid="critical-alert-banner"][data-alert-id="${alertId}"]`).waitFor({ state: 'detached', timeout: 10_000 });

    // The board says the same: no countdown for it any more, but when it was reported upward.
    await page.goto(`${t.url}/incidents`);
    const row = page.getByTestId('incident-row').filter({ hasText: title });
    await row.waitFor({ timeout: 10_000 });
    await expect(row.getByTestId('reported-upward').textContent()).resolves.toContain('已上报');
    expect(await row.locator('time').count()).toBe(0);
    expect(leader.problems).toEqual([]);
  });

  it('a dispatcher, who does not handle incidents, has no report-upward action', async () => {
    const dispatcher = await openConsole(browser, t.url);
    await signIn(dispatcher.page, 'dispatcher');
    const duty = await t.login('duty');
    const { data } = await t.gql<{ reportIncident: { id: string } }>(
      REPORT,
      { input: { title: '丙类事件：权限', incidentClass: 'C' } },
      duty,
    );
    await dispatcher.page.goto(`${t.url}/incidents/${data!.reportIncident.id}`);
    await dispatcher.page.getByTestId('incident-timeline').waitFor();
    expect(await dispatcher.page.getByTestId('incident-report-upward').count()).toBe(0);
    await dispatcher.context.close();
  });
});
