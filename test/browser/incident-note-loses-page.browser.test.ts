import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, openConsole, signIn, waitForConnectionState, type ConsolePage } from './support/browser';

const NOT_FOUND = '事件不存在或您无权查看';

/**
 * Counts, in the page, every time the detail page shows its "not found" state from now on (a
 * flash between two renders counts too: the observer sees each change of the page).
 */
async function countNotFound(view: ConsolePage): Promise<() => Promise<number>> {
  await view.page.evaluate((text) => {
    const w = window as unknown as { __notFound: number };
    w.__notFound = 0;
    let shown = false;
    const check = () => {
      const now = document.querySelector('.detail')?.textContent?.includes(text) ?? false;
      if (now && !shown) w.__notFound++;
      shown = now;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    check();
  }, NOT_FOUND);
  return () => view.page.evaluate(() => (window as unknown as { __notFound: number }).__notFound);
}

/**
 * The order a slower link gives, every time rather than now and then: the note's answer
 * arrives while the re-read of the incident that the live event started is still on its way.
 * Real answers from the real server, only held back a little.
 */
async function noteAnswerArrivesDuringReread(page: Page): Promise<void> {
  let rereadSent: () => void = () => undefined;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes('"AddIncidentNote"')) {
      const response = await route.fetch();
      await new Promise<void>((resolve) => {
        rereadSent = resolve;
        setTimeout(resolve, 3_000);
      });
      await route.fulfill({ response });
    } else if (body.includes('"IncidentDetail"')) {
      rereadSent();
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await route.fulfill({ response });
    } else {
      await route.continue();
    }
  });
}

describe('adding notes to an incident in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let duty: ConsolePage | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await duty?.context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it('keeps the incident on screen while several notes are added in a row, and shows every note', async () => {
    duty = await openConsole(browser, t.url);
    await signIn(duty.page, 'duty');
    await duty.page.locator('[data-nav="incidents"]').click();
    await waitForConnectionState(duty.page, 'live');
    await duty.page.locator('[data-testid="incident-row"]').filter({ hasText: '宛平路段运输车辆滞留' }).locator('a').click();
    await duty.page.getByTestId('incident-timeline').waitFor();
    await noteAnswerArrivesDuringReread(duty.page);
    const notFoundShown = await countNotFound(duty);

    const notes = Array.from({ length: 8 }, (_, i) => `已联系宛平分公司调度 第${i + 1}次 ${Date.now()}`);
    for (const note of notes) {
      await duty.page.locator('#incident-note').fill(note);
      await duty.page.getByTestId('incident-add-note').click();
      // The form empties once the note is saved.
      await duty.page.waitForFunction(() => (document.querySelector('#incident-note') as HTMLTextAreaElement).value === '');
      await duty.page.locator('[data-testid="timeline-entry"][data-kind="NOTE"]').filter({ hasText: note }).waitFor({ timeout: 10_000 });
    }
    // Let the last re-read land too.
    await duty.page.waitForLoadState('networkidle');

    expect(await notFoundShown()).toBe(0);
    for (const note of notes) {
      await expect(duty.page.locator('[data-testid="timeline-entry"][data-kind="NOTE"]').filter({ hasText: note }).count()).resolves.toBe(
        1,
      );
    }
    expect(duty.problems).toEqual([]);
  });
});
