import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase } from '../support/database';
import { startTestApp, type TestApp } from '../support/test-app';
import { launchChromium, openConsole, signIn, waitForConnectionState, type ConsolePage } from './support/browser';
import { portOf, startTcpProxy } from './support/tcp-proxy';

/**
 * Counts, in the page, every moment the header says "live" while the standby board shows a
 * failed load (its error, or no vehicles at all) — from now on, at each change of the page.
 */
async function countLiveOverFailedBoard(view: ConsolePage): Promise<() => Promise<number>> {
  await view.page.evaluate(() => {
    const w = window as unknown as { __liveOverFailed: number };
    w.__liveOverFailed = 0;
    let wrong = false;
    const check = () => {
      const live = document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state') === 'live';
      const failed =
        document.querySelector('.dispatch__error') !== null || document.querySelectorAll('[data-testid="vehicle-card"]').length === 0;
      if (live && failed && !wrong) w.__liveOverFailed++;
      wrong = live && failed;
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  });
  return () => view.page.evaluate(() => (window as unknown as { __liveOverFailed: number }).__liveOverFailed);
}

describe('the standby board across a server outage, in a real browser', () => {
  let browser: Browser;
  const views: ConsolePage[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const { context } of views) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('a refresh pressed while the server is down is made good by itself once the server is back, never "live" over the failed load', async () => {
    const first = await startTestApp();
    const proxy = await startTcpProxy(portOf(first.url));
    let second: TestApp | undefined;
    try {
      const dispatcher = await openConsole(browser, proxy.url);
      views.push(dispatcher);
      await signIn(dispatcher.page, 'dispatcher');
      await dispatcher.page.goto(`${proxy.url}/dispatch`);
      await dispatcher.page.getByTestId('vehicle-card').first().waitFor();
      await waitForConnectionState(dispatcher.page, 'live');
      const vehicles = await dispatcher.page.getByTestId('vehicle-card').count();
      expect(vehicles).toBe(15);

      await first.app.close();
      await waitForConnectionState(dispatcher.page, 'reconnecting');
      const liveOverFailed = await countLiveOverFailedBoard(dispatcher);
      await dispatcher.page.getByRole('button', { name: '刷新' }).click();
      await dispatcher.page.locator('.dispatch__error').waitFor({ timeout: 15_000 });

      second = await startTestApp({ databaseUrl: first.databaseUrl });
      proxy.retarget(portOf(second.url));

      // Nobody presses Refresh again: the board loads by itself once the console is connected.
      await dispatcher.page.locator('.dispatch__error').waitFor({ state: 'detached', timeout: 45_000 });
      await waitForConnectionState(dispatcher.page, 'live');
      expect(await dispatcher.page.getByTestId('vehicle-card').count()).toBe(vehicles);
      expect(await liveOverFailed()).toBe(0);
    } finally {
      await proxy.close();
      await second?.close();
      await dropDatabase(inject('pgAdminUrl'), new URL(first.databaseUrl).pathname.slice(1));
    }
  });

  it('a load that fails while the socket stays connected says "stale", not "live", until it loads again by itself', async () => {
    const t = await startTestApp();
    try {
      const dispatcher = await openConsole(browser, t.url);
      views.push(dispatcher);
      await signIn(dispatcher.page, 'dispatcher');
      await dispatcher.page.goto(`${t.url}/dispatch`);
      await dispatcher.page.getByTestId('vehicle-card').first().waitFor();
      await waitForConnectionState(dispatcher.page, 'live');

      // The board's next request is refused on the way (a proxy hiccup); the socket is untouched.
      let refused = false;
      await dispatcher.page.route('**/graphql', async (route) => {
        if (!refused && (route.request().postData() ?? '').includes('"StandbyBoard"')) {
          refused = true;
          await route.abort('connectionrefused');
        } else {
          await route.continue();
        }
      });
      const liveOverFailed = await countLiveOverFailedBoard(dispatcher);
      await dispatcher.page.getByRole('button', { name: '刷新' }).click();
      await dispatcher.page.locator('.dispatch__error').waitFor({ timeout: 15_000 });
      await waitForConnectionState(dispatcher.page, 'stale', 5_000);
      await expect(dispatcher.page.getByTestId('connection-indicator').textContent()).resolves.toContain('数据未更新');

      await dispatcher.page.locator('.dispatch__error').waitFor({ state: 'detached', timeout: 20_000 });
      await waitForConnectionState(dispatcher.page, 'live');
      expect(await dispatcher.page.getByTestId('vehicle-card').count()).toBe(15);
      expect(await liveOverFailed()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
