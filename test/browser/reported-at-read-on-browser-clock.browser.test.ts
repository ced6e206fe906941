import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHqDays, hqDay } from '@cc/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, signIn } from './support/browser';

/**
 * Regression (issue 27, defect 9): a time typed into a picker was read on the browser's clock,
 * so a console outside UTC+8 recorded a report time hours away from the one HQ meant.
 */
describe('a report time typed in a browser outside HQ’s zone', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is taken as HQ time (UTC+8) and shown back as typed, the zone named', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    try {
      await page.goto(t.url);
      await signIn(page, 'leader');
      await page.locator('[data-nav="incidents"]').click();
      await page.getByTestId('incident-table').waitFor();

      const day = addHqDays(hqDay(new Date()), -1); // yesterday at HQ: a report time in the past
      const title = `检疫点补报 ${Date.now()}`;
      await page.getByTestId('report-incident').click();
      const dialog = page.getByTestId('report-dialog');
      await expect(dialog.textContent()).resolves.toContain('接报时间（北京时间）');
      await dialog.locator('#report-title').fill(title);
      await dialog.locator('label[data-class="C"]').click();
      await dialog.locator('#report-reported-at').fill(`${day} 16:00:00`);
      await dialog.locator('#report-reported-at').press('Enter');
      await dialog.locator('#report-title').click();
      await page.getByTestId('report-submit').click();
      await dialog.waitFor({ state: 'hidden' });

      const row = page.getByTestId('incident-row').filter({ hasText: title });
      await row.waitFor();
      const [, month, date] = day.split('-');
      // 16:00 at HQ, not 16:00 in New York (which is 05:00 the next day at HQ).
      await expect(row.textContent()).resolves.toContain(`${month}/${date} 16:00`);
    } finally {
      await context.close();
    }
  });
});
