import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../integration/dispatch/dispatch-helpers';
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

const CONTENT = '今晚20:00起各检疫点实行双人值守，运输组保障夜间送诊车辆';

describe('HQ instructions and the shift handover in real browsers', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  async function consoleAs(username: string, path: string, password?: string): Promise<ConsolePage> {
    const view = await openConsole(browser, t.url);
    opened.push(view);
    await signIn(view.page, username, password);
    await view.page.goto(`${t.url}${path}`);
    await waitForConnectionState(view.page, 'live');
    return view;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    // The demo has one duty officer; the incoming officer must be someone else.
    await createPerson(t, await t.login('admin'), { username: 'duty2', displayName: '孙值班 (值班员)', roles: ['DUTY_OFFICER'] });
  });
  afterAll(async () => {
    for (const { context } of opened) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('the officer passes an instruction to transport; the dispatcher sees it live and signs; the officer sees the signature live', async () => {
    const officer = await consoleAs('duty', '/duty/instructions');
    const dispatcher = await consoleAs('dispatcher', '/duty/instructions');
    await expect(officer.page.locator('h1').textContent()).resolves.toContain('指挥部指示传达');

    await officer.page.getByTestId('record-instruction').click();
    const dialog = officer.page.getByTestId('record-instruction-dialog');
    await dialog.locator('#instruction-content').fill(CONTENT);
    await dialog.locator('[data-group="TRANSPORT"]').click();
    expectNoSeriousViolations(await seriousAccessibilityViolations(officer.page, '[data-testid="record-instruction-dialog"]'));
    await dialog.getByTestId('record-instruction-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const onDispatcher = dispatcher.page.locator('[data-testid="instruction"]', { hasText: CONTENT });
    await onDispatcher.waitFor({ timeout: 10_000 });
    const copy = onDispatcher.locator('[data-testid="delivery"][data-target="TRANSPORT"]');
    await expect(copy.getByTestId('delivery-waiting').textContent()).resolves.toContain('未签收');
    expectNoSeriousViolations(await seriousAccessibilityViolations(dispatcher.page));
    await copy.getByTestId('acknowledge-delivery').click();

    const onOfficer = officer.page.locator('[data-testid="instruction"]', { hasText: CONTENT });
    await onOfficer
      .locator('[data-testid="delivery"][data-target="TRANSPORT"] [data-testid="delivery-signed"]')
      .waitFor({ timeout: 10_000 });
    await expect(onOfficer.getByTestId('delivery-signed').textContent()).resolves.toContain('张调配');
    await onOfficer.getByTestId('instruction-all-signed').waitFor();
    // The officer may not sign for transport's copy: no button there.
    await expect(onOfficer.getByTestId('acknowledge-delivery').count()).resolves.toBe(0);
    expectNoSeriousViolations(await seriousAccessibilityViolations(officer.page));
    expect(officer.problems).toEqual([]);
    expect(dispatcher.problems).toEqual([]);
  });

  it('the handover is generated, noted, and signed by the outgoing and then the incoming officer, each seeing the other live', async () => {
    const outgoing = await consoleAs('duty', '/duty/handover');
    await outgoing.page.getByTestId('generate-handover').click();
    const sheet = outgoing.page.getByTestId('handover');
    await sheet.waitFor({ timeout: 10_000 });
    // The demo picture's open work is gathered, grouped by kind, with links.
    await sheet.getByTestId('handover-group').first().waitFor();
    await expect(sheet.getByTestId('handover-status').textContent()).resolves.toContain('待签字');
    await sheet.getByTestId('handover-note').fill('夜班平稳；三号检疫点物资偏紧，请接班人关注');
    await sheet.getByTestId('save-handover-note').click();
    await sheet.getByTestId('save-handover-note').and(outgoing.page.locator('[disabled]')).waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(outgoing.page));

    const incoming = await consoleAs('duty2', '/duty/handover', 'test-password-123');
    await incoming.page.getByTestId('handover').waitFor();
    await outgoing.page.getByTestId('sign-outgoing').click();
    await incoming.page.locator('[data-testid="signature-outgoing"]', { hasText: '王值班' }).waitFor({ timeout: 10_000 });
    await expect(incoming.page.getByTestId('handover-note-text').textContent()).resolves.toContain('三号检疫点');

    await incoming.page.getByTestId('sign-incoming').click();
    await outgoing.page.locator('[data-testid="signature-incoming"]', { hasText: '孙值班' }).waitFor({ timeout: 10_000 });
    await outgoing.page.getByTestId('handover-closed').waitFor();
    await expect(outgoing.page.getByTestId('handover-status').textContent()).resolves.toContain('交接完成');
    expectNoSeriousViolations(await seriousAccessibilityViolations(incoming.page));

    // Printed on A4: the console frame and the buttons are left out.
    await outgoing.page.emulateMedia({ media: 'print' });
    await expect(outgoing.page.locator('.app-layout__aside').isVisible()).resolves.toBe(false);
    await expect(outgoing.page.getByTestId('print-handover').isVisible()).resolves.toBe(false);
    await expect(outgoing.page.getByTestId('handover').isVisible()).resolves.toBe(true);
    await outgoing.page.emulateMedia({ media: 'screen' });

    await outgoing.page.getByRole('button', { name: 'English' }).click();
    await expect(outgoing.page.locator('h1').textContent()).resolves.toContain('Shift handover');
    expectNoSeriousViolations(await seriousAccessibilityViolations(outgoing.page));
    expect(outgoing.problems).toEqual([]);
    expect(incoming.problems).toEqual([]);
  });
});
