import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, signIn } from './support/browser';

const COUNT = '{ incidents(limit: 1000) { id } }';
const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;

/**
 * Issue 27, item 7: input was handled without a word. A pasted note was cut to 2,000 characters
 * and a title to 200, garbage in a date field became "now", −5 t became 0.01 t, and Esc threw a
 * half-typed report away.
 */
describe('the console refuses input it cannot take, and says so', () => {
  let t: TestApp;
  let browser: Browser;
  let leaderCookie: string;
  const pages: Page[] = [];

  // The incidents board by default: a duty officer lands on the duty log.
  async function consoleAs(username: string, path = '/incidents'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(() => localStorage.setItem('cc.locale', 'en'));
    const page = await context.newPage();
    pages.push(page);
    await page.goto(t.url);
    await signIn(page, username);
    await page.goto(`${t.url}${path}`);
    return page;
  }
  async function incidentCount(): Promise<number> {
    return (await t.gql<{ incidents: unknown[] }>(COUNT, {}, leaderCookie)).data!.incidents.length;
  }
  /** Pastes as a person would: the text arrives at once, as one input. */
  async function paste(page: Page, field: Locator, text: string): Promise<void> {
    await field.click();
    await page.keyboard.insertText(text);
  }
  async function openReportDialog(page: Page): Promise<Locator> {
    await page.getByTestId('report-incident').click();
    const dialog = page.getByTestId('report-dialog');
    await dialog.locator('#report-title').waitFor();
    return dialog;
  }
  const fieldError = (dialog: Locator, id: string) =>
    dialog
      .locator('.el-form-item')
      .filter({ has: dialog.page().locator(`#${id}`) })
      .locator('.el-form-item__error');

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    leaderCookie = await t.login('leader');
  });
  afterAll(async () => {
    for (const page of pages)
      await page
        .context()
        .close()
        .catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('a 5,000-character title pasted in the report dialog is kept whole, counted and refused, not cut to 200', async () => {
    const page = await consoleAs('duty');
    const dialog = await openReportDialog(page);
    await paste(page, dialog.locator('#report-title'), 'T'.repeat(5_000));
    expect(await dialog.locator('#report-title').inputValue()).toHaveLength(5_000);
    await expect(dialog.locator('.el-form-item').first().getByTestId('character-count').textContent()).resolves.toBe('5,000 / 200');
    await expect(fieldError(dialog, 'report-title').textContent()).resolves.toContain('5,000 characters; keep it to 200.');

    const before = await incidentCount();
    await page.getByTestId('report-submit').click();
    await page.waitForTimeout(500);
    expect(await dialog.isVisible()).toBe(true);
    expect(await incidentCount()).toBe(before);
  });

  it('a 5,000-character note pasted on the incident page is kept whole, counted and not sent, not cut to 2,000', async () => {
    const reported = await t.gql<{ reportIncident: { id: string } }>(
      REPORT,
      { input: { title: 'Note length check', incidentClass: 'C' } },
      leaderCookie,
    );
    const page = await consoleAs('duty', `/incidents/${reported.data!.reportIncident.id}`);
    const note = page.locator('#incident-note');
    await paste(page, note, 'N'.repeat(5_000));
    expect(await note.inputValue()).toHaveLength(5_000);
    await expect(page.getByTestId('incident-note-error').textContent()).resolves.toContain('5,000 characters; keep it to 2,000.');
    expect(await page.getByTestId('incident-add-note').isDisabled()).toBe(true);
  });

  it('garbage typed in the report time is refused with a message, not taken as now', async () => {
    const page = await consoleAs('duty');
    const dialog = await openReportDialog(page);
    await dialog.locator('#report-title').fill('Garbage date check');
    await dialog.locator('#report-reported-at').fill('yesterday evening');
    await dialog.locator('#report-reported-at').press('Tab');
    await expect(fieldError(dialog, 'report-reported-at').textContent()).resolves.toContain('“yesterday evening” is not a date and time');
    const before = await incidentCount();
    await page.getByTestId('report-submit').click();
    await page.waitForTimeout(500);
    expect(await dialog.isVisible()).toBe(true);
    expect(await incidentCount()).toBe(before);
  });

  it('a report time years in the past is refused in the dialog with the 7-day limit, before it is sent', async () => {
    const page = await consoleAs('duty');
    const dialog = await openReportDialog(page);
    await dialog.locator('#report-title').fill('Old date check');
    await dialog.locator('#report-reported-at').fill('2020-01-01 00:00:00');
    await dialog.locator('#report-reported-at').press('Enter');
    await dialog.locator('#report-reported-at').press('Tab');
    await expect(fieldError(dialog, 'report-reported-at').textContent()).resolves.toContain('more than 7 days ago');
    const before = await incidentCount();
    await page.getByTestId('report-submit').click();
    await page.waitForTimeout(500);
    expect(await incidentCount()).toBe(before);
  });

  it('Esc in the report dialog asks before throwing away what was typed; an untouched form closes at once', async () => {
    const page = await consoleAs('duty');
    let dialog = await openReportDialog(page);
    await dialog.locator('#report-title').fill('Half-typed report');
    await page.keyboard.press('Escape');
    const confirm = page.locator('.el-message-box');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toContain('Discard what you typed?');
    await confirm.getByRole('button', { name: 'Keep editing' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('#report-title').inputValue()).toBe('Half-typed report');

    // Esc again answers the question (keep editing); it does not also close the form.
    await page.keyboard.press('Escape');
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    await page.waitForTimeout(300);
    expect(await page.locator('.el-message-box').count()).toBe(0);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.locator('#report-title').inputValue()).toBe('Half-typed report');

    await page.getByTestId('form-dialog-cancel').click();
    await confirm.getByRole('button', { name: 'Discard' }).click();
    await dialog.waitFor({ state: 'hidden' });

    dialog = await openReportDialog(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await confirm.isVisible()).toBe(false);
  });

  it('a dispatch order of −5 or 0 t is shown refused, not turned into 0.01 t; 99,999,999 t is refused with the limit', async () => {
    const page = await consoleAs('dispatcher', '/dispatch');
    await page.getByTestId('create-order').click();
    const dialog = page.getByTestId('create-order-dialog');
    const amount = dialog.locator('#create-amount');
    await amount.waitFor();
    for (const [typed, shown, message] of [
      ['-5', '-5.00', 'Enter an amount more than 0'],
      ['0', '0.00', 'Enter an amount more than 0'],
      ['99999999', '99999999.00', 'more than one order carries (at most 1,000 t)'],
    ] as const) {
      await amount.fill(typed);
      await dialog.locator('#create-origin').click();
      expect(await amount.inputValue()).toBe(shown);
      await expect(fieldError(dialog, 'create-amount').textContent()).resolves.toContain(message);
    }
    await dialog.locator('#create-origin').fill('County reserve depot');
    await dialog.locator('#create-destination').fill('Chengguan checkpoint');
    await page.getByTestId('create-order-submit').click();
    await page.waitForTimeout(500);
    expect(await dialog.isVisible()).toBe(true);
  });
});
