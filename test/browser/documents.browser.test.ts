import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHqDays, hqDay } from '@cc/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { PDF_BYTES } from '../integration/coordination/document-helpers';
import { expectNoSeriousViolations, consoleSessions, launchChromium, seriousAccessibilityViolations } from './support/browser';

const TITLE = '关于加强交通检疫点物资保障的通知';

describe('documents (文件运转) in real browsers', () => {
  let t: TestApp;
  let browser: Browser;
  const sessions = consoleSessions(
    () => browser,
    () => t.url,
  );
  const consoleAs = sessions.signedIn;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await sessions.closeAll();
    await browser?.close();
    await t?.close();
  });

  it('the coordinator registers a document with an attachment and routes it to a unit; the liaison signs; the coordinator sees it signed live', async () => {
    const coordinator = await consoleAs('coordinator', '/coordination/documents');
    await coordinator.page.getByTestId('register-document').click();
    const dialog = coordinator.page.getByTestId('register-document-dialog');
    await dialog.locator('#document-number').fill(`交运防指〔2026〕${Date.now() % 1000}号`);
    await dialog.locator('#document-title').fill(TITLE);
    await dialog.locator('#document-issuer').fill('县指挥部');
    await dialog.getByTestId('document-file').setInputFiles({ name: '保障通知.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    await dialog.getByTestId('uploaded-file').waitFor({ timeout: 10_000 });
    await dialog.getByTestId('document-units').click();
    await coordinator.page.keyboard.type('农业');
    await coordinator.page.getByRole('option', { name: '县农业农村局' }).click();
    await dialog.locator('#document-due-at').fill(`${addHqDays(hqDay(new Date()), 1)} 16:00:00`);
    await dialog.locator('#document-due-at').press('Enter');
    await dialog.locator('#document-title').click();
    expectNoSeriousViolations(await seriousAccessibilityViolations(coordinator.page, '[data-testid="register-document-dialog"]'));
    await dialog.getByTestId('register-document-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    // The coordinator lands on the document: the attachment and the unit's copy, waiting.
    const routing = coordinator.page.getByTestId('routing-table').getByTestId('routing');
    await routing.getByTestId('routing-waiting').waitFor({ timeout: 10_000 });
    await expect(coordinator.page.getByTestId('attachment-download').textContent()).resolves.toContain('保障通知.pdf');
    expectNoSeriousViolations(await seriousAccessibilityViolations(coordinator.page));

    const liaison = await consoleAs('liaison', '/coordination/documents/inbox');
    const copy = liaison.page.getByTestId('inbox-copy').filter({ hasText: TITLE });
    await copy.waitFor({ timeout: 10_000 });
    expectNoSeriousViolations(await seriousAccessibilityViolations(liaison.page));
    await copy.getByTestId('inbox-sign').click();
    await copy.waitFor({ state: 'detached', timeout: 10_000 });

    await routing.getByTestId('routing-signed').waitFor({ timeout: 10_000 });
    await expect(routing.getByTestId('routing-signed').textContent()).resolves.toContain('刘联络');
    await expect(coordinator.page.getByTestId('remind-readers').isDisabled()).resolves.toBe(true);
    expect(coordinator.problems).toEqual([]);
    expect(liaison.problems).toEqual([]);
  });
});
