import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, signIn, type ConsolePage } from './support/browser';

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;
const LAPTOP = { width: 1366, height: 768 };
const DESCRIPTION = `${'Drivers report a queue of supply lorries at the exit.\n'.repeat(100)}`.slice(0, 4_999) + '.';

/**
 * Issue 27, item 8: on a 1366×768 laptop in English the board's actions column was off screen,
 * and a 5,000-character description pushed the incident's facts and buttons ~1,460 px down.
 */
describe('the incident pages on a 1366×768 laptop, in English', () => {
  let t: TestApp;
  let browser: Browser;
  let view: ConsolePage;
  let longId: string;

  async function report(input: Record<string, unknown>, cookie: string): Promise<string> {
    const response = await t.gql<{ reportIncident: { id: string } }>(REPORT, { input }, cookie);
    expect(response.errors).toBeUndefined();
    return response.data!.reportIncident.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    const cookie = await t.login('leader');
    const sixDaysAgo = new Date(Date.now() - 6 * 24 * 3_600_000).toISOString();
    // The widest rows an officer can type: a 200-character title, a 300-character location,
    // a 5,000-character description, and a deadline overdue by days.
    longId = await report(
      {
        title: `Supply lorries queuing at the motorway exit ${'and more lorries '.repeat(10)}`.slice(0, 200),
        incidentClass: 'A',
        location: `Checkpoint on the G4 motorway, Beijing–Shijiazhuang section, ${'northbound lane '.repeat(20)}`.slice(0, 300),
        description: DESCRIPTION,
        reportedAt: sixDaysAgo,
      },
      cookie,
    );
    await report({ title: 'Fever case at the checkpoint', incidentClass: 'B', location: 'Chengguan checkpoint' }, cookie);

    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    await context.addInitScript(() => localStorage.setItem('cc.locale', 'en'));
    const page = await context.newPage();
    view = { context, page, problems: [] };
    page.on('pageerror', (error) => view.problems.push(`pageerror: ${error.message}`));
    await page.goto(t.url);
    await signIn(page, 'duty');
  });
  afterAll(async () => {
    await view?.context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  async function rightEdges(page: Page, selector: string): Promise<number[]> {
    const boxes = await Promise.all((await page.locator(selector).all()).map((button) => button.boundingBox()));
    return boxes.map((box) => (box ? box.x + box.width : Number.POSITIVE_INFINITY));
  }

  it('the board’s action buttons are within the viewport, for every row', async () => {
    const { page } = view;
    await page.locator('[data-nav="incidents"]').click();
    await page.getByTestId('incident-row').filter({ hasText: 'Supply lorries queuing' }).waitFor();
    const edges = await rightEdges(page, '[data-testid="incident-row"] .incidents__actions button');
    expect(edges.length).toBeGreaterThanOrEqual(2);
    for (const edge of edges) expect(edge).toBeLessThanOrEqual(LAPTOP.width);
    // The page itself does not scroll sideways either.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LAPTOP.width);
    // What is cut short can still be read in full on hover.
    const title = page.getByTestId('incident-row').filter({ hasText: 'Supply lorries queuing' }).locator('.incidents__title-text');
    expect((await title.getAttribute('title'))?.length).toBe(200);
  });

  it('with a 5,000-character description the Acknowledge button and the facts are above the fold', async () => {
    const { page } = view;
    await page.goto(`${t.url}/incidents/${longId}`);
    const acknowledge = page.getByTestId('incident-action-acknowledge');
    await acknowledge.waitFor();
    const button = (await acknowledge.boundingBox())!;
    expect(button.y).toBeGreaterThanOrEqual(0);
    expect(button.y + button.height).toBeLessThanOrEqual(LAPTOP.height);
    // The facts too, down to the reporting deadline counting down.
    const deadline = (await page.getByTestId('incident-countdown').boundingBox())!;
    expect(deadline.y + deadline.height).toBeLessThanOrEqual(LAPTOP.height);
    // The whole description is one click away.
    const description = page.getByTestId('incident-description');
    expect(await description.textContent()).toBe(DESCRIPTION);
    const clamped = (await description.boundingBox())!.height;
    await page.getByTestId('incident-description-toggle').click();
    expect((await description.boundingBox())!.height).toBeGreaterThan(clamped * 5);
    expect(view.problems).toEqual([]);
  });
});
