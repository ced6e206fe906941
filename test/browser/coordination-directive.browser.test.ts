import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHqDays, hqDay } from '@cc/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectNoSeriousViolations, consoleSessions, launchChromium, seriousAccessibilityViolations } from './support/browser';

/** Where the board's screenshot is kept, beside the other browser tests' screenshots. */
const BOARD_SCREENSHOT = '/tmp/cc-coordination-directive-board.png';

describe('directives (交办事项) and the response level in real browsers (issue 23)', () => {
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

  it('a coordinator assigns a directive to a unit; its liaison sees it live, accepts and finishes; the board shows it done live', async () => {
    const coordinator = await signedIn('coordinator', '/coordination/directives');
    const board = coordinator.page.getByTestId('directive-board');
    await board.waitFor();
    // Every directive, finished ones too: the one assigned below must stay on the board when done.
    await coordinator.page.getByTestId('filter-open').click();

    // The liaison's board is open before the directive exists: it must arrive live.
    const liaison = await signedIn('liaison', '/coordination/directives');
    await liaison.page.getByTestId('directive-board').waitFor();

    const title = `检疫点防护物资补给 ${Date.now()}`;
    await coordinator.page.getByTestId('create-directive').click();
    const dialog = coordinator.page.getByTestId('create-directive-dialog');
    await dialog.locator('#directive-title').fill(title);
    await dialog.locator('#directive-owner').fill('陈科长');
    await dialog.locator('#directive-deadline').fill(`${addHqDays(hqDay(new Date()), 1)} 18:00:00`);
    await dialog.locator('#directive-deadline').press('Enter');
    await dialog.locator('#directive-units').click();
    await coordinator.page.getByRole('option', { name: '县农业农村局' }).click();
    await dialog.locator('#directive-title').click();
    expectNoSeriousViolations(await seriousAccessibilityViolations(coordinator.page, '[data-testid="create-directive-dialog"]'));
    await coordinator.page.getByTestId('create-directive-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const row = board.locator('[data-testid="directive-row"]', { hasText: title });
    await row.waitFor();
    await expect(row.getAttribute('data-done')).resolves.toBe('false');
    await expect(row.getByTestId('assignee').getAttribute('data-status')).resolves.toBe('ASSIGNED');
    expectNoSeriousViolations(await seriousAccessibilityViolations(coordinator.page));

    // The liaison's board, without a reload.
    const theirs = liaison.page.locator('[data-testid="directive-row"]', { hasText: title });
    await theirs.waitFor({ timeout: 10_000 });
    expectNoSeriousViolations(await seriousAccessibilityViolations(liaison.page));
    await theirs.getByTestId('directive-link').click();
    const card = liaison.page.getByTestId('assignee-card');
    await card.waitFor();
    await card.getByTestId('accept-directive').click();
    await liaison.page.locator('[data-testid="assignee-card"][data-status="ACCEPTED"]').waitFor();

    // The coordinator sees the acceptance live.
    await row.locator('[data-testid="assignee"][data-status="ACCEPTED"]').waitFor({ timeout: 10_000 });

    await card.getByRole('textbox', { name: '办理情况' }).fill('已补给口罩 2000 只、防护服 200 套');
    await card.getByTestId('finish-directive').click();
    await liaison.page.getByTestId('directive-done').waitFor();
    await expect(liaison.page.getByTestId('directive-progress').textContent()).resolves.toContain('已补给口罩 2000 只');
    expectNoSeriousViolations(await seriousAccessibilityViolations(liaison.page));

    // Done on the coordinator's board, live.
    await board.locator('[data-testid="directive-row"][data-done="true"]', { hasText: title }).waitFor({ timeout: 10_000 });
    await coordinator.page.screenshot({ path: BOARD_SCREENSHOT, fullPage: true });
  });

  it('a leader sets the response level from the header; every console’s header shows it live', async () => {
    const liaison = await signedIn('liaison', '/coordination/directives');
    const shown = liaison.page.getByTestId('response-level-value');
    await shown.waitFor();
    await expect(liaison.page.getByTestId('set-response-level').count()).resolves.toBe(0);

    const leader = await signedIn('leader', '/coordination/directives');
    await leader.page.getByTestId('set-response-level').click();
    const dialog = leader.page.getByTestId('set-response-level-dialog');
    await dialog.locator('label[data-level="LEVEL_1"]').click();
    await dialog.locator('#response-level-note').fill('指挥部决定启动一级响应');
    expectNoSeriousViolations(await seriousAccessibilityViolations(leader.page, '[data-testid="set-response-level-dialog"]'));
    await leader.page.getByTestId('set-response-level-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await leader.page.locator('[data-testid="response-level-value"][data-level="LEVEL_1"]').waitFor();

    // The liaison's header, without a reload.
    await liaison.page.locator('[data-testid="response-level-value"][data-level="LEVEL_1"]').waitFor({ timeout: 10_000 });
    await expect(shown.textContent()).resolves.toContain('一级响应');
    await expect(liaison.page.getByTestId('response-level-since').textContent()).resolves.toContain('自');
    expectNoSeriousViolations(await seriousAccessibilityViolations(liaison.page));
  });
  it('a coordinator schedules the daily dispatch meeting, records its decision and makes it a directive in one step', async () => {
    const coordinator = await signedIn('coordinator', '/coordination/meetings');
    await coordinator.page.getByTestId('meeting-list').waitFor();
    await coordinator.page.getByTestId('schedule-meeting').click();
    const dialog = coordinator.page.getByTestId('meeting-dialog');
    const title = `每日调度会 ${Date.now()}`;
    await dialog.locator('#meeting-title').fill(title);
    await dialog.locator('#meeting-at').fill(`${hqDay(new Date())} 23:30:00`);
    await dialog.locator('#meeting-at').press('Enter');
    await dialog.locator('#meeting-title').click();
    expectNoSeriousViolations(await seriousAccessibilityViolations(coordinator.page, '[data-testid="meeting-dialog"]'));
    await coordinator.page.getByTestId('meeting-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const meeting = coordinator.page.locator('[data-testid="meeting"]', { hasText: title });
    await meeting.waitFor();
    await meeting.getByTestId('record-minutes').click();
    const minutes = coordinator.page.getByTestId('minutes-dialog');
    await minutes.locator('#meeting-minutes').fill('会议听取了各组情况汇报');
    await minutes.locator('#meeting-decisions').fill('明日起各检疫点增配测温人员 2 名');
    await coordinator.page.getByTestId('minutes-submit').click();
    await minutes.waitFor({ state: 'hidden' });
    await coordinator.page.locator('[data-testid="meeting"][data-status="HELD"]', { hasText: title }).waitFor();

    await meeting.getByTestId('decision-to-directive').click();
    const convert = coordinator.page.getByTestId('create-directive-dialog');
    await expect(convert.locator('#directive-title').inputValue()).resolves.toBe('明日起各检疫点增配测温人员 2 名');
    await convert.locator('#directive-owner').fill('陈科长');
    await convert.locator('#directive-deadline').fill(`${addHqDays(hqDay(new Date()), 1)} 12:00:00`);
    await convert.locator('#directive-deadline').press('Enter');
    await convert.locator('[data-group="DUTY"]').click();
    await coordinator.page.getByTestId('create-directive-submit').click();
    await convert.waitFor({ state: 'hidden' });
    // The meeting shows the decision's directive, live.
    await meeting.getByTestId('decision-directive').waitFor({ timeout: 10_000 });
    expectNoSeriousViolations(await seriousAccessibilityViolations(coordinator.page));
  });
});
