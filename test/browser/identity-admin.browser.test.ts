import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  expectNoSeriousViolations,
  launchChromium,
  openConsole,
  seriousAccessibilityViolations,
  signIn,
  type ConsolePage,
} from './support/browser';

/** Accessibility checked at rest: a pointer left on a button would have axe judge its hover colour. */
async function violationsAtRest(page: Page) {
  await page.mouse.move(0, 0);
  return seriousAccessibilityViolations(page);
}

/** The administration pages (系统管理) and the audit trail, in a real Chromium against a real server. */
describe('administration in the console', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  async function consoleSignedInAs(username: string, password?: string): Promise<ConsolePage> {
    const view = await openConsole(browser, t.url);
    opened.push(view);
    await signIn(view.page, username, password);
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

  it('shows 系统管理 only to those the policy allows: users and units to the administrator, the audit trail to leaders too', async () => {
    const expected: Record<string, string[]> = {
      admin: ['admin', 'admin-units', 'audit'],
      leader: ['audit'],
      duty: [],
      liaison: [],
    };
    for (const [username, pages] of Object.entries(expected)) {
      const view = await consoleSignedInAs(username);
      const nav = view.page.getByTestId('main-nav');
      for (const name of ['admin', 'admin-units', 'audit']) {
        await expect(nav.locator(`[data-nav="${name}"]`).count(), `${username} → ${name}`).resolves.toBe(pages.includes(name) ? 1 : 0);
      }
      // Reached by URL, a page the role may not use sends them home instead.
      if (!pages.includes('admin')) {
        await view.page.goto(`${t.url}/admin`);
        await view.page.getByTestId('main-nav').waitFor();
        expect(new URL(view.page.url()).pathname).not.toBe('/admin');
      }
      expect(view.problems).toEqual([]);
    }
  });

  it('an administrator creates a unit liaison, who can then sign in and sees their unit only', async () => {
    const admin = await consoleSignedInAs('admin');
    await admin.page.locator('[data-nav="admin"]').click();
    await admin.page.getByTestId('user-row').first().waitFor();
    await expect(admin.page.locator('h1').textContent()).resolves.toBe('用户与角色');

    await admin.page.getByTestId('create-user').click();
    const dialog = admin.page.getByTestId('user-dialog');
    await dialog.locator('#user-username').fill('zhao.lian');
    await dialog.locator('#user-display-name').fill('赵联络');
    await dialog.locator('#user-password').fill('liaison-password-1');
    await dialog.locator('[data-role="UNIT_LIAISON"]').click();
    // A liaison holds no HQ role: the others are disabled once it is chosen.
    await expect(dialog.locator('[data-role="DUTY_OFFICER"] input').isDisabled()).resolves.toBe(true);
    await dialog.locator('#user-unit').click();
    await admin.page.getByRole('option', { name: /县卫生健康局/ }).click();
    expectNoSeriousViolations(await violationsAtRest(admin.page));
    await dialog.getByTestId('user-submit').click();

    const row = admin.page.locator('[data-testid="user-row"][data-username="zhao.lian"]');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('县卫生健康局');
    await expect(row.textContent()).resolves.toContain('联络员');

    const liaison = await consoleSignedInAs('zhao.lian', 'liaison-password-1');
    await expect(liaison.page.getByTestId('current-roles').textContent()).resolves.toBe('联络员');
    expect(admin.problems).toEqual([]);
  });

  it('shows the server’s refusal under the field it concerns', async () => {
    const admin = await consoleSignedInAs('admin');
    await admin.page.goto(`${t.url}/admin`);
    await admin.page.getByTestId('user-row').first().waitFor();
    await admin.page.getByTestId('create-user').click();
    const dialog = admin.page.getByTestId('user-dialog');
    await dialog.locator('#user-username').fill('duty');
    await dialog.locator('#user-display-name').fill('重名');
    await dialog.locator('#user-password').fill('another-password-1');
    await dialog.locator('[data-role="DUTY_OFFICER"]').click();
    await dialog.getByTestId('user-submit').click();
    await dialog.locator('.el-form-item__error', { hasText: '用户名' }).waitFor();
  });

  it('deactivating someone asks first, then marks them deactivated and ends their session', async () => {
    const target = await consoleSignedInAs('coordinator');
    const admin = await consoleSignedInAs('admin');
    await admin.page.goto(`${t.url}/admin`);
    const row = admin.page.locator('[data-testid="user-row"][data-username="coordinator"]');
    await row.getByTestId('toggle-active').click();
    await admin.page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
    await admin.page.getByText('已停用 陈协调 (综合协调)').waitFor();
    // The deactivated person's console is sent back to sign-in (their socket was closed with 4401).
    await target.page.locator('#sign-in-username').waitFor({ timeout: 30_000 });
    expect(new URL(target.page.url()).pathname).toBe('/sign-in');
  });

  it('an administrator adds a member unit', async () => {
    const admin = await consoleSignedInAs('admin');
    await admin.page.locator('[data-nav="admin-units"]').click();
    await admin.page.getByTestId('unit-row').first().waitFor();
    await admin.page.getByTestId('create-unit').click();
    const dialog = admin.page.getByTestId('unit-dialog');
    await dialog.locator('#unit-code').fill('transport');
    await dialog.locator('#unit-name').fill('县交通运输局');
    await dialog.getByTestId('unit-submit').click();
    await admin.page.locator('[data-testid="unit-row"][data-code="TRANSPORT"]').waitFor();
    expectNoSeriousViolations(await violationsAtRest(admin.page));
  });

  it('an admin form whose answer was lost waits visibly and, sent again, acts once (admin forms sent no idempotency key)', async () => {
    const admin = await consoleSignedInAs('admin');
    const keys: (string | undefined)[] = [];
    // The first answer is lost on the way back: the server has acted, the console cannot know.
    await admin.page.route('**/graphql', async (route) => {
      const request = route.request();
      if ((request.postDataJSON() as { operationName?: string } | null)?.operationName !== 'CreateMemberUnit') return route.continue();
      keys.push(request.headers()['idempotency-key']);
      if (keys.length > 1) return route.continue();
      await route.fetch();
      return route.abort('failed');
    });
    await admin.page.goto(`${t.url}/admin/units`);
    await admin.page.getByTestId('unit-row').first().waitFor();
    await admin.page.getByTestId('create-unit').click();
    const dialog = admin.page.getByTestId('unit-dialog');
    await dialog.locator('#unit-code').fill('water');
    await dialog.locator('#unit-name').fill('县水务局');
    await dialog.getByTestId('unit-submit').click();
    await expect.poll(() => keys.length).toBe(1);
    await expect(dialog.isVisible()).resolves.toBe(true);
    // Not reported as failed, not dropped: it waits, listed in the header, while the form stays open
    // and busy; the console sends it again by itself (the connection never dropped: its retry).
    await admin.page.getByTestId('pending-sends').waitFor();
    await dialog.getByTestId('form-waiting-to-send').waitFor();

    await admin.page.locator('[data-testid="unit-row"][data-code="WATER"]').waitFor({ timeout: 30_000 });
    await admin.page.getByTestId('pending-sends').waitFor({ state: 'detached' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const listed = await t.gql<{ memberUnits: { code: string }[] }>('{ memberUnits { code } }', {}, await t.login('admin'));
    expect(listed.data?.memberUnits.filter((u) => u.code === 'WATER')).toHaveLength(1);
  });

  it('a leader searches the audit trail by operation and sees who did it, in Chinese and in English', async () => {
    const leader = await consoleSignedInAs('leader');
    await leader.page.locator('[data-nav="audit"]').click();
    await leader.page.getByTestId('audit-row').first().waitFor();
    await leader.page.getByTestId('audit-operation').click();
    await leader.page.getByRole('option', { name: '新建用户' }).click();
    await leader.page.getByTestId('audit-search').click();
    await leader.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="audit-row"]')].every((row) => row.getAttribute('data-operation') === 'createUser'),
    );
    const first = leader.page.getByTestId('audit-row').first();
    await expect(first.textContent()).resolves.toContain('系统管理员');
    await expect(first.textContent()).resolves.toContain('zhao.lian');
    expectNoSeriousViolations(await violationsAtRest(leader.page));

    await leader.page.locator('[data-testid="language-switch"] [data-locale="en"]').click();
    await expect(leader.page.locator('h1').textContent()).resolves.toBe('Audit trail');
    await expect(first.textContent()).resolves.toContain('Create user');
    await leader.page.screenshot({ path: '/tmp/cc-audit-trail.png', fullPage: true });
    expect(leader.problems).toEqual([]);
  });

  it('anyone changes their own password from the user menu', async () => {
    const view = await consoleSignedInAs('dispatcher');
    await view.page.getByTestId('current-user').click();
    await view.page.getByTestId('change-password').click();
    await view.page.locator('#account-current').fill('demo-password');
    await view.page.locator('#account-new').fill('dispatcher-password-2');
    await view.page.locator('#account-confirm').fill('dispatcher-password-2');
    await view.page.getByTestId('account-submit').click();
    await view.page.getByText('密码已修改').waitFor();
    expect(await t.login('dispatcher', 'dispatcher-password-2')).toMatch(/^cc_session=/);
  });
});
