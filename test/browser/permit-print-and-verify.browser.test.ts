import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFromScan, verifyPermitToken, type PermitVerificationKey } from '@cc/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectNoSeriousViolations, launchChromium, seriousAccessibilityViolations, signIn } from './support/browser';

/** Where the printed permit's screenshot is kept, beside the other browser tests' screenshots. */
const PRINT_SCREENSHOT = '/tmp/cc-permit-print.png';
const JSQR_SOURCE = readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');
const HOUR = 3_600_000;

/** How the console writes an HQ time in full (hq-time-format.ts 'full', zh-CN). */
const hqFull = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));

describe('a permit printed with its QR code, then checked signed out (issue 21)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let permit: { number: string; effectiveUntil: string };

  async function newPage(options: { deviceScaleFactor?: number } = {}): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...options });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    return { page, problems };
  }

  /** Reads the QR code in a PNG the way a phone would: jsQR over the pixels, in a blank page. */
  async function decodeQr(png: Buffer): Promise<string | null> {
    const { page } = await newPage();
    await page.evaluate(JSQR_SOURCE);
    return page.evaluate(
      async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
        return (window as unknown as { jsQR: JsQr }).jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    // Set up through GraphQL: a liaison files green-channel cargo, the dispatcher approves it.
    const [liaison, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
    const now = Date.now();
    const filed = await t.gql<{ filePermitRequest: { id: string } }>(
      'mutation($input: FilePermitRequestInput!) { filePermitRequest(input: $input) { id } }',
      {
        input: {
          applicantName: '县人民医院',
          contactName: '李主任',
          contactPhone: '138 0000 0000',
          plate: '京A12345',
          vehicleType: 'BOX_TRUCK',
          driverName: '张师傅',
          driverIdNumber: '11010519491231002X',
          cargoKind: 'EPIDEMIC_SUPPLIES',
          cargoDescription: '医用口罩 2 万只',
          origin: '县防疫物资仓库',
          destinations: ['城关镇卫生院', '宛平检疫点'],
          validFrom: new Date(now - 10 * 60_000).toISOString(),
          validUntil: new Date(now + 48 * HOUR).toISOString(),
        },
      },
      liaison,
    );
    expect(filed.errors).toBeUndefined();
    const approved = await t.gql<{ approvePermitRequest: { number: string; effectiveUntil: string } }>(
      'mutation($input: ApprovePermitRequestInput!) { approvePermitRequest(input: $input) { number effectiveUntil } }',
      { input: { requestId: filed.data!.filePermitRequest.id } },
      dispatcher,
    );
    expect(approved.errors).toBeUndefined();
    permit = approved.data!.approvePermitRequest;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('prints the permit with the green-channel marking and a QR code that verifies offline', async () => {
    // Twice the pixels per CSS pixel, as on a phone's screen: the QR's modules stay several pixels wide.
    const { page, problems } = await newPage({ deviceScaleFactor: 2 });
    await page.goto(t.url);
    await signIn(page, 'dispatcher');
    await page.goto(`${t.url}/permits/${permit.number}/print`);
    const sheet = page.getByTestId('permit-print-sheet');
    await page.getByTestId('permit-qr').waitFor();
    await expect(page.getByTestId('permit-print-number').textContent()).resolves.toBe(permit.number);
    await expect(page.getByTestId('permit-green-channel').textContent()).resolves.toMatch(
      /绿色通道.*三不一优先：不检查、不停车、不收费，优先通行/,
    );
    await expect(sheet.textContent()).resolves.toContain('京A12345');
    await expect(sheet.textContent()).resolves.not.toContain('11010519491231002X');
    await expect(page.getByTestId('permit-print-validity').textContent()).resolves.toContain(hqFull(permit.effectiveUntil));
    expectNoSeriousViolations(await seriousAccessibilityViolations(page));

    // Printed: the sheet alone, nothing of the console around it.
    await page.emulateMedia({ media: 'print' });
    await expect(sheet.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('main-nav').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('permit-print-button').isVisible()).resolves.toBe(false);
    const printed = await page.screenshot({ path: PRINT_SCREENSHOT, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The checkpoint's side: the keys were downloaded while online; the check itself needs no server.
    const keys = ((await (await fetch(`${t.url}/permits/verification-keys`)).json()) as { keys: PermitVerificationKey[] }).keys;
    const scanned = await decodeQr(printed);
    expect(scanned).toMatch(new RegExp(`^${t.url}/verify/${permit.number}#[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    const check = await verifyPermitToken(tokenFromScan(scanned!), keys, new Date());
    expect(check.status).toBe('VALID');
    expect(check.payload).toMatchObject({ number: permit.number, plate: '京A12345', greenChannel: true, cargoKind: 'EPIDEMIC_SUPPLIES' });
    expect(problems).toEqual([]);
  });

  it('answers 有效 and the validity end for the typed number on the public page, signed out; 查无此证 for a made-up one', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${t.url}/verify`);
    await page.locator('#verify-permit-number').fill(permit.number.toLowerCase());
    await page.getByTestId('verify-permit-submit').click();
    await expect(page.getByTestId('verify-permit-result').textContent()).resolves.toBe('有效');
    await expect(page.getByTestId('verify-permit-valid-until').textContent()).resolves.toContain(hqFull(permit.effectiveUntil));
    // Nothing else about the permit: no plate, no driver, no applicant.
    const answer = (await page.getByTestId('verify-permit-answer').textContent()) ?? '';
    for (const secret of ['京A12345', '张师傅', '县人民医院', '防疫物资']) expect(answer).not.toContain(secret);
    expect(page.url()).toBe(`${t.url}/verify/${permit.number.toLowerCase()}`);
    expectNoSeriousViolations(await seriousAccessibilityViolations(page));

    await page.locator('#verify-permit-number').fill('TXZ-7Q4M-KD2P-9WXA');
    await page.getByTestId('verify-permit-submit').click();
    await page.locator('[data-testid="verify-permit-result"]', { hasText: '查无此证' }).waitFor();
    await expect(page.getByTestId('verify-permit-valid-until').count()).resolves.toBe(0);
    expectNoSeriousViolations(await seriousAccessibilityViolations(page));

    // In English too.
    await page.locator('[data-testid="language-switch"] [data-locale="en"]').click();
    await page.locator('[data-testid="verify-permit-result"]', { hasText: 'No such permit' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('opens the QR code’s own URL signed out and answers at once', async () => {
    const { page } = await newPage();
    await page.goto(`${t.url}/verify/${permit.number}#not-sent-to-any-server`);
    await expect(page.getByTestId('verify-permit-result').textContent()).resolves.toBe('有效');
    await expect(page.locator('#verify-permit-number').inputValue()).resolves.toBe(permit.number);
  });
});
