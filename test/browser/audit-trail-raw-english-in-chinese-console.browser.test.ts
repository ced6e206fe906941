import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectNoSeriousViolations, launchChromium, seriousAccessibilityViolations, signIn } from './support/browser';

/** What the audit trail's time cell should read for an instant: HQ's clock, however the browser's is set. */
const hqReading = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso));

/**
 * Regression (issue 27, defect 9): the Chinese console's audit trail showed raw English field
 * names, codes and JSON, and times on the browser's clock with no zone named.
 */
describe('the audit trail in the Chinese console', () => {
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

  it('names fields, codes and operations in Chinese, with no JSON, and times on HQ’s clock, labelled', async () => {
    // The browser sits in New York: HQ time must not follow its clock.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    try {
      await page.goto(t.url);
      await signIn(page, 'admin');

      // A change to record: rename a member unit and deactivate it.
      await page.locator('[data-nav="admin-units"]').click();
      const unitRow = page.locator('[data-testid="unit-row"][data-code="HEALTH"]');
      await unitRow.getByRole('button', { name: /编辑/ }).click();
      const dialog = page.getByTestId('unit-dialog');
      await dialog.locator('#unit-name').fill('县卫生健康委员会');
      await dialog.locator('.el-switch').click();
      await dialog.getByTestId('unit-submit').click();
      await unitRow.filter({ hasText: '县卫生健康委员会' }).waitFor();

      await page.locator('[data-nav="audit"]').click();
      const updateRow = page.locator('[data-testid="audit-row"][data-operation="updateMemberUnit"]').first();
      await updateRow.waitFor();

      // The zone is named where the times are.
      await expect(page.getByTestId('audit-at-heading').textContent()).resolves.toContain('北京时间');

      const updateText = (await updateRow.textContent()) ?? '';
      expect(updateText).toContain('编辑成员单位');
      expect(updateText).toContain('成员单位');
      expect(updateText).toContain('单位名称');
      expect(updateText).toContain('县卫生健康局');
      expect(updateText).toContain('县卫生健康委员会');
      expect(updateText).toMatch(/启用\s*是\s*→?\s*否/);
      expect(updateText).not.toContain('updateMemberUnit');
      expect(updateText).not.toContain('MemberUnit');

      // Every change row, sign-ins included (a session's expiry, a redacted token): no raw names, no JSON.
      const rows = await page.locator('[data-testid="audit-row"]').evaluateAll((elements) =>
        elements.map((row) => ({
          operation: row.getAttribute('data-operation') ?? '',
          at: row.querySelector('time')?.getAttribute('datetime') ?? '',
          shownAt: row.querySelector('time')?.textContent?.trim() ?? '',
          fields: [...row.querySelectorAll('.changes__row')].map((field) => ({
            raw: field.getAttribute('data-field') ?? '',
            label: field.querySelector('.changes__field')?.textContent?.trim() ?? '',
          })),
          nestedNames: [...row.querySelectorAll('.changes__line-name')].map((name) => name.textContent?.trim() ?? ''),
          changes: row.querySelector('td:last-child')?.textContent ?? '',
        })),
      );
      expect(rows.map((r) => r.operation)).toContain('login');
      for (const row of rows) {
        for (const field of row.fields) {
          expect(field.label, `${row.operation}: ${field.raw}`).not.toBe(field.raw);
          expect(field.label, `${row.operation}: ${field.raw}`).not.toMatch(/[A-Za-z]/);
        }
        for (const name of row.nestedNames) expect(name, row.operation).not.toMatch(/[A-Za-z]/);
        expect(row.changes, row.operation).not.toMatch(/[{}[\]"]/);
        expect(row.changes, row.operation).not.toMatch(/\d{4}-\d\d-\d\dT/);
        expect(row.shownAt, row.operation).toBe(hqReading(row.at));
      }
      const login = rows.find((r) => r.operation === 'login')!;
      expect(login.changes).toContain('到期时间');
      expect(login.changes).toContain('（已隐藏）');

      expectNoSeriousViolations(await seriousAccessibilityViolations(page));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
