import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import { createPerson } from '../integration/dispatch/dispatch-helpers';
import {
  expectNoSeriousViolations,
  launchChromium,
  openConsole,
  seriousAccessibilityViolations,
  signIn,
  type ConsolePage,
} from './support/browser';

describe('each role lands on its own workspace', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  async function signedInAs(username: string, password?: string): Promise<ConsolePage> {
    const view = await openConsole(browser, t.url);
    opened.push(view);
    await signIn(view.page, username, password);
    return view;
  }

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
    await createPerson(t, await t.login('admin'), { username: 'twohats', displayName: '赵双岗', roles: ['DISPATCHER', 'DUTY_OFFICER'] });
  });
  afterAll(async () => {
    for (const { context } of opened) await context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  it.each([
    ['duty', /\/duty$/],
    ['dispatcher', /\/dispatch$/],
    ['leader', /\/leader$/],
    ['liaison', /\/duty\/inbox$/],
  ])('signs %s in onto its workspace, and / leads there again', async (username, path) => {
    const view = await signedInAs(username);
    await view.page.waitForURL(path);
    await view.page.goto(`${t.url}/`);
    await view.page.getByTestId('main-nav').waitFor();
    await view.page.waitForURL(path);
    // A person with one role has nothing to switch to.
    await view.page.getByTestId('current-user').click();
    await view.page.getByTestId('sign-out').waitFor();
    await expect(view.page.locator('[data-testid^="work-as-"]').count()).resolves.toBe(0);
    expect(view.problems).toEqual([]);
  });

  it('a person with several roles switches from the user menu, and / remembers the choice', async () => {
    const view = await signedInAs('twohats', 'test-password-123');
    await view.page.waitForURL(/\/duty$/);

    await view.page.getByTestId('current-user').click();
    await view.page.getByTestId('work-as-DISPATCHER').waitFor();
    await expect(view.page.getByTestId('work-as-DISPATCHER').textContent()).resolves.toContain('切换为');
    expectNoSeriousViolations(await seriousAccessibilityViolations(view.page, '.app-header__user-menu'));
    await view.page.getByTestId('work-as-DISPATCHER').click();
    await view.page.waitForURL(/\/dispatch$/);

    await view.page.goto(`${t.url}/`);
    await view.page.getByTestId('main-nav').waitFor();
    await view.page.waitForURL(/\/dispatch$/);

    await view.page.getByTestId('current-user').click();
    await view.page.getByTestId('work-as-DUTY_OFFICER').click();
    await view.page.waitForURL(/\/duty$/);
    expect(view.problems).toEqual([]);
  });
});
