import ExcelJS from 'exceljs';
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

/** Where the print view's screenshot is kept, beside the other browser tests' screenshots. */
const PRINT_SCREENSHOT = '/tmp/cc-duty-log-print.png';

/** The element that has the keyboard focus: its id, or its tag when it has none. */
function focused(view: ConsolePage): Promise<string> {
  return view.page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
}

describe('the duty call log in real browsers (issue 20)', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  async function signedIn(username: string, path: string): Promise<ConsolePage> {
    const view = await openConsole(browser, t.url);
    opened.push(view);
    await signIn(view.page, username);
    await view.page.goto(`${t.url}${path}`);
    await waitForConnectionState(view.page, 'live');
    return view;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const { context } of opened) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('a call logged from the keyboard alone, forwarded to transport, is acknowledged live by a dispatcher and the officer sees it live', async () => {
    const duty = await signedIn('duty', '/duty');
    const entry = duty.page.getByTestId('duty-entry-form');
    await entry.waitFor();

    // The one click: into the first field the officer types in. From here on only keys.
    await duty.page.locator('#duty-entry-caller').focus();
    const keys = duty.page.keyboard;
    await keys.type('周建国');
    await keys.press('Tab');
    expect(await focused(duty)).toBe('duty-entry-phone');
    await keys.type('13800001234');
    await keys.press('Tab');
    expect(await focused(duty)).toBe('duty-entry-unit');
    await keys.type('城关镇卫生院');
    await keys.press('Tab');
    // The category by its number key: 3 is 运输/送诊.
    await keys.press('3');
    await keys.press('Tab');
    // Urgency: 2 is 紧急.
    await keys.press('2');
    await keys.press('Tab');
    expect(await focused(duty)).toBe('duty-entry-summary');
    await keys.type('发热病人需送县医院发热门诊，请安排转运车辆');
    await keys.press('Tab');
    expect(await focused(duty)).toBe('duty-entry-notes');
    await keys.type('病人家属陪同');
    // Enter twice in quick succession: one call, not two.
    await keys.press('Enter');
    await keys.press('Enter');

    const last = duty.page.getByTestId('duty-entry-last');
    await last.waitFor({ timeout: 10_000 });
    const number = /ZB-\d{8}-\d{3}/.exec((await last.textContent()) ?? '')?.[0];
    expect(number).toBeDefined();
    await expect(duty.page.getByTestId('duty-entry-announcement').textContent()).resolves.toContain(number);
    // The form is empty again and the cursor is back in "caller" for the next call.
    await expect(duty.page.locator('#duty-entry-caller').inputValue()).resolves.toBe('');
    expect(await focused(duty)).toBe('duty-entry-caller');
    // Another Enter on the empty form is neither a call nor an error.
    await keys.press('Enter');
    await expect(entry.locator('.el-form-item__error').count()).resolves.toBe(0);

    const row = duty.page.locator(`[data-testid="duty-log-row"][data-number="${number}"]`);
    await row.waitFor();
    await expect(row.getByTestId('duty-call-category').textContent()).resolves.toBe('运输/送诊');
    await expect(duty.page.locator('[data-testid="duty-log-row"]').count()).resolves.toBe(1);
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page));

    // The dispatcher's inbox is open before the call is forwarded: the forward must arrive live.
    const dispatcher = await signedIn('dispatcher', '/duty/inbox');
    await dispatcher.page.getByTestId('duty-inbox-table').waitFor();

    await row.getByRole('link', { name: number }).click();
    await duty.page.getByTestId('duty-call-facts').waitFor();
    await duty.page.getByTestId('duty-call-forward').click();
    const dialog = duty.page.getByTestId('duty-forward-dialog');
    await dialog.locator('[data-group="TRANSPORT"]').click();
    await dialog.getByTestId('duty-forward-submit').click();
    const forward = duty.page.getByTestId('duty-call-forward-item');
    await forward.waitFor();
    await expect(forward.getAttribute('data-acknowledged')).resolves.toBe('no');

    const inboxRow = dispatcher.page.locator('[data-testid="duty-inbox-row"]', { has: dispatcher.page.getByText(number!) });
    await inboxRow.waitFor({ timeout: 10_000 });
    expectNoSeriousViolations(await seriousAccessibilityViolations(dispatcher.page));
    await inboxRow.getByTestId('duty-inbox-acknowledge').click();
    await dispatcher.page
      .locator('[data-testid="duty-inbox-row"][data-acknowledged="yes"]', { has: dispatcher.page.getByText(number!) })
      .waitFor({ timeout: 10_000 });

    // Back in the officer's window, without a reload: the acknowledgement arrived live.
    await duty.page.locator('[data-testid="duty-call-forward-item"][data-acknowledged="yes"]').waitFor({ timeout: 10_000 });
    await expect(duty.page.getByTestId('duty-call-acknowledged-by').textContent()).resolves.toContain('张调配');
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page));

    // The log shows it forwarded to transport and acknowledged.
    await duty.page.getByRole('link', { name: '返回值班记录' }).click();
    const logged = duty.page.locator(`[data-testid="duty-log-row"][data-number="${number}"]`);
    await expect(logged.getByTestId('duty-log-forwarded').textContent()).resolves.toContain('运输调配');
    await expect(logged.getByTestId('duty-log-acknowledged').textContent()).resolves.toContain('1/1');

    // The printed A4 log: the heading and the call, nothing of the console around it.
    await duty.page.emulateMedia({ media: 'print' });
    const printed = duty.page.getByTestId('duty-print-log');
    await expect(printed.isVisible()).resolves.toBe(true);
    await expect(printed.textContent()).resolves.toContain('值班记录');
    await expect(printed.textContent()).resolves.toContain(number);
    await expect(duty.page.getByTestId('duty-entry').isVisible()).resolves.toBe(false);
    await expect(duty.page.getByTestId('main-nav').isVisible()).resolves.toBe(false);
    await duty.page.screenshot({ path: PRINT_SCREENSHOT, fullPage: true });
    await duty.page.emulateMedia({ media: 'screen' });

    // The day's log exported as Excel, read back.
    const [download] = await Promise.all([duty.page.waitForEvent('download'), duty.page.getByTestId('duty-log-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^值班记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe('编号');
    const cells = sheet.getRow(2).values as unknown[];
    expect(cells).toContain(number);
    expect(cells).toContain('周建国');
    expect(cells).toContain('运输/送诊');

    expect(duty.problems).toEqual([]);
    expect(dispatcher.problems).toEqual([]);
  });
  it('a call is corrected with a reason and turned into an incident and a dispatch order from its page, linked', async () => {
    const cookie = await t.login('duty');
    const logged = await t.gql<{ logDutyCall: { id: string; number: string } }>(
      'mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { id number } }',
      {
        input: {
          callerName: '李村长',
          callerPhone: '13900002222',
          unitText: '城西乡',
          category: 'EPIDEMIC_REPORT',
          urgency: 'CRITICAL',
          summary: '城西乡发现三例发热病人',
        },
      },
      cookie,
    );
    expect(logged.errors).toBeUndefined();
    const { id, number } = logged.data!.logDutyCall;
    const duty = await signedIn('duty', `/duty/calls/${id}`);
    await expect(duty.page.getByTestId('duty-call-number').textContent()).resolves.toBe(number);

    await duty.page.getByTestId('duty-call-correct').click();
    const correct = duty.page.getByTestId('duty-correct-dialog');
    await correct.locator('#duty-correct-value').fill('城西乡发现四例发热病人');
    await correct.locator('#duty-correct-reason').fill('来电人回电更正人数');
    await correct.getByTestId('duty-correct-submit').click();
    const corrections = duty.page.getByTestId('duty-call-corrections');
    await corrections.getByText('来电人回电更正人数', { exact: false }).waitFor({ timeout: 10_000 });
    await expect(corrections.textContent()).resolves.toContain('“城西乡发现三例发热病人” → “城西乡发现四例发热病人”');

    await duty.page.getByTestId('duty-call-to-incident').click();
    const convert = duty.page.getByTestId('duty-to-incident-dialog');
    // Prefilled from the call: its (corrected) summary is the title, a critical call is class A.
    await expect(convert.locator('#duty-to-incident-title').inputValue()).resolves.toBe('城西乡发现四例发热病人');
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page, '[data-testid="duty-to-incident-dialog"]'));
    await convert.getByTestId('duty-to-incident-submit').click();
    const outcome = duty.page.getByTestId('duty-call-outcomes').getByRole('link');
    await outcome.waitFor({ timeout: 10_000 });

    // And a dispatch order for the patients, with the dispatch console's own cargo fields.
    await duty.page.getByTestId('duty-call-to-order').click();
    const order = duty.page.getByTestId('duty-to-order-dialog');
    await order.locator('#duty-order-origin').fill('城西乡卫生院');
    await order.locator('#duty-order-destination').fill('县人民医院发热门诊');
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page, '[data-testid="duty-to-order-dialog"]'));
    await order.getByTestId('duty-to-order-submit').click();
    await expect.poll(() => duty.page.getByTestId('duty-call-outcomes').getByRole('link').count(), { timeout: 10_000 }).toBe(2);
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page));

    await outcome.first().click();
    await duty.page.waitForURL(/\/incidents\/[0-9a-f-]+$/);
    expect(duty.problems).toEqual([]);
  });
  it('a call forwarded to a member unit reaches its liaison, who sees only that call and acknowledges it', async () => {
    const cookie = await t.login('duty');
    const units = await t.gql<{ dutyMemberUnits: { id: string; code: string; name: string }[] }>(
      '{ dutyMemberUnits { id code name } }',
      {},
      cookie,
    );
    const agriculture = units.data!.dutyMemberUnits.find((u) => u.code === 'AGRICULTURE')!;
    const logged = await t.gql<{ logDutyCall: { id: string; number: string } }>(
      'mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { id number } }',
      {
        input: {
          callerName: '赵站长',
          category: 'SUPPLY_NEED',
          urgency: 'ROUTINE',
          summary: '农资站请求协调化肥运输',
          unitId: agriculture.id,
        },
      },
      cookie,
    );
    const { id, number } = logged.data!.logDutyCall;

    const liaison = await openConsole(browser, t.url);
    opened.push(liaison);
    await signIn(liaison.page, 'liaison');
    await liaison.page.getByTestId('main-nav').getByRole('link', { name: '运转来电' }).click();
    await waitForConnectionState(liaison.page, 'live');
    await liaison.page.getByTestId('duty-inbox-table').waitFor();

    const duty = await signedIn('duty', `/duty/calls/${id}`);
    await duty.page.getByTestId('duty-call-forward').click();
    const dialog = duty.page.getByTestId('duty-forward-dialog');
    await dialog.getByTestId('duty-forward-units').click();
    await duty.page.keyboard.type('农业');
    await duty.page.getByRole('option', { name: agriculture.name }).click();
    await dialog.locator('#duty-forward-note').click();
    await dialog.getByTestId('duty-forward-submit').click();
    await duty.page.getByTestId('duty-call-forward-item').waitFor();

    const row = liaison.page.locator('[data-testid="duty-inbox-row"]', { has: liaison.page.getByText(number) });
    await row.waitFor({ timeout: 10_000 });
    // Only what was forwarded to the liaison's unit: the transport call of the first test is not there.
    await expect(liaison.page.getByTestId('duty-inbox-row').count()).resolves.toBe(1);
    expectNoSeriousViolations(await seriousAccessibilityViolations(liaison.page));
    await row.getByTestId('duty-inbox-acknowledge').click();
    await duty.page.locator('[data-testid="duty-call-forward-item"][data-acknowledged="yes"]').waitFor({ timeout: 10_000 });
    await expect(duty.page.getByTestId('duty-call-acknowledged-by').textContent()).resolves.toContain('刘联络');

    // The liaison's log holds this call alone, and offers no entry form.
    await liaison.page.goto(`${t.url}/duty`);
    await liaison.page.locator(`[data-testid="duty-log-row"][data-number="${number}"]`).waitFor();
    await expect(liaison.page.getByTestId('duty-log-row').count()).resolves.toBe(1);
    await expect(liaison.page.getByTestId('duty-entry').count()).resolves.toBe(0);
    expect(liaison.problems).toEqual([]);
    expect(duty.problems).toEqual([]);
  });
  it('a busy day: the long log draws only the rows in view, the search box asks the server, in zh-CN and en', async () => {
    const cookie = await t.login('duty');
    const numbers: string[] = [];
    for (let i = 1; i <= 150; i++) {
      const logged = await t.gql<{ logDutyCall: { number: string } }>(
        'mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { number } }',
        { input: { callerName: `来电人${i}`, category: 'OTHER', urgency: 'ROUTINE', summary: `第 ${i} 通来电` } },
        cookie,
      );
      numbers.push(logged.data!.logDutyCall.number);
    }
    const duty = await signedIn('duty', '/duty');
    await duty.page.locator(`[data-testid="duty-log-row"][data-number="${numbers.at(-1)}"]`).waitFor();
    const total = await duty.page.getByTestId('duty-log-total').textContent();
    const count = Number(/\d+/.exec(total ?? '')?.[0]);
    expect(count).toBeGreaterThanOrEqual(150);
    // Far fewer rows in the page than calls on it; scrolled to the end, the oldest of the page is drawn.
    expect(await duty.page.getByTestId('duty-log-row').count()).toBeLessThan(80);
    await duty.page.getByTestId('duty-log-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const oldestShown = duty.page.locator('[data-testid="duty-log-row"]').last();
    await expect.poll(() => oldestShown.getAttribute('aria-rowindex')).toBe(String(Math.min(count, 200) + 1));

    await duty.page.getByTestId('duty-log-search').fill(numbers[41]!);
    await expect.poll(() => duty.page.getByTestId('duty-log-row').count(), { timeout: 10_000 }).toBe(1);
    await expect(duty.page.getByTestId('duty-log-row').getAttribute('data-number')).resolves.toBe(numbers[41]);

    // In English too: the seeds' terms translated, and still axe clean.
    await duty.page.locator('[data-testid="language-switch"] [data-locale="en"]').click();
    await expect(duty.page.locator('h1').textContent()).resolves.toBe('Duty log');
    await expect(duty.page.getByTestId('duty-entry-category').textContent()).resolves.toContain('Transport / to hospital');
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page));
    await duty.page.locator('[data-testid="language-switch"] [data-locale="zh-CN"]').click();
    expect(duty.problems).toEqual([]);
  });
});
