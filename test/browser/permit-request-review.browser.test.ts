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

const HOUR = 3600_000;
const FILE = `mutation($input: FilePermitRequestInput!) { filePermitRequest(input: $input) { id } }`;

/** Where the queue's screenshot is kept, beside the other browser tests' screenshots. */
const QUEUE_SCREENSHOT = '/tmp/cc-permit-queue.png';

describe('a traffic-permit request filed by a liaison, reviewed live by a dispatcher (issue 21)', () => {
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

  it('an epidemic-supplies request goes to the top of the queue live, ahead of older coal requests, and is approved into the issued list', async () => {
    // Older requests already waiting: coal and daily necessities, filed by the liaison over the API.
    const liaisonCookie = await t.login('liaison');
    const from = new Date(Date.now() + HOUR);
    for (const [plate, cargoKind] of [
      ['冀B10001', 'COAL'],
      ['冀B10002', 'DAILY_NECESSITIES'],
    ] as const) {
      const filed = await t.gql(
        FILE,
        {
          input: {
            applicantName: `煤炭运输公司 ${plate}`,
            contactName: '周经理',
            contactPhone: '13800001111',
            plate,
            vehicleType: 'TRUCK',
            driverName: '吴师傅',
            driverIdNumber: '11010519491231002X',
            cargoKind,
            origin: '县煤场',
            destinations: ['城关镇热电厂'],
            validFrom: from.toISOString(),
            validUntil: new Date(from.getTime() + 24 * HOUR).toISOString(),
          },
        },
        liaisonCookie,
      );
      expect(filed.errors).toBeUndefined();
    }

    const dispatcher = await signedIn('dispatcher', '/permits');
    const rows = dispatcher.page.getByTestId('permit-queue-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    expectNoSeriousViolations(await seriousAccessibilityViolations(dispatcher.page, 'main'));

    const liaison = await signedIn('liaison', '/permits/new');
    const form = liaison.page.getByTestId('permit-request-form');
    await form.waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(liaison.page, 'main'));
    await liaison.page.locator('#permit-applicant').fill('城关镇卫生院');
    await liaison.page.locator('#permit-contact').fill('李院长');
    await liaison.page.locator('#permit-phone').fill('138 0000 2222');
    // Epidemic-prevention supplies is the form's first cargo kind: the green-channel hint shows.
    await expect.poll(() => liaison.page.getByText('三不一优先').count()).toBeGreaterThan(0);
    await liaison.page.locator('#permit-plate').fill('京AD12345');
    await liaison.page.locator('#permit-driver').fill('张师傅');
    // A mistyped check character is refused in the form, with the shared check's advice.
    await liaison.page.locator('#permit-driver-id').fill('110105194912310021');
    await liaison.page.locator('#permit-origin').click();
    await expect.poll(() => liaison.page.getByText('校验位不符').count()).toBeGreaterThan(0);
    await liaison.page.locator('#permit-driver-id').fill('11010519491231002X');
    await liaison.page.locator('#permit-origin').fill('县疾控中心仓库');
    await liaison.page.locator('#permit-destination-0').fill('城关镇卫生院');
    await liaison.page.getByTestId('permit-request-submit').click();
    await liaison.page.waitForURL(/\/permits\/mine$/, { timeout: 10_000 });
    const mine = liaison.page.getByTestId('my-permit-row').first();
    await expect.poll(() => mine.getAttribute('data-status'), { timeout: 10_000 }).toBe('SUBMITTED');

    // Live, without a reload: at the top, ahead of the older coal and daily-necessities requests.
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    const top = rows.first();
    expect(await top.getAttribute('data-green')).toBe('yes');
    expect(await top.textContent()).toContain('京AD12345');
    expect(await rows.nth(1).textContent()).toContain('冀B10001');
    await dispatcher.page.screenshot({ path: QUEUE_SCREENSHOT, fullPage: true });

    await top.getByTestId('permit-queue-approve').click();
    const dialog = dispatcher.page.getByTestId('permit-approve-dialog');
    await dialog.waitFor();
    await dispatcher.page.getByTestId('permit-approve-submit').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);

    // The liaison sees the approval live.
    await expect.poll(() => mine.getAttribute('data-status'), { timeout: 10_000 }).toBe('APPROVED');

    await dispatcher.page.goto(`${t.url}/permits/issued`);
    await waitForConnectionState(dispatcher.page, 'live');
    const issued = dispatcher.page.getByTestId('issued-permit-row');
    await expect.poll(() => issued.count(), { timeout: 10_000 }).toBe(1);
    expect(await issued.first().textContent()).toContain('京AD12345');
    expect(await issued.first().getAttribute('data-permit-number')).toMatch(/^TXZ-[0-9A-Z]{12}/);
    expectNoSeriousViolations(await seriousAccessibilityViolations(dispatcher.page, 'main'));
  });
});
