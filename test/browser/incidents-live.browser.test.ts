import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabase } from '../support/database';
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
import { portOf, startTcpProxy } from './support/tcp-proxy';

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id title } }`;

/** Marks the window; a reload would lose the mark, so its presence proves the page was not reloaded. */
async function markWindow(view: ConsolePage): Promise<void> {
  await view.page.evaluate(() => ((window as unknown as { __sameWindow: boolean }).__sameWindow = true));
}
async function sameWindow(view: ConsolePage): Promise<boolean> {
  return view.page.evaluate(() => (window as unknown as { __sameWindow?: boolean }).__sameWindow === true);
}

/** Records every state the connection indicator shows, in order, from now on. */
async function recordConnectionStates(view: ConsolePage): Promise<() => Promise<string[]>> {
  await view.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __states: string[] }).__states = seen;
    const indicator = document.querySelector('[data-testid="connection-indicator"]')!;
    seen.push(indicator.getAttribute('data-state') ?? '');
    new MutationObserver(() => {
      const state = indicator.getAttribute('data-state') ?? '';
      if (seen[seen.length - 1] !== state) seen.push(state);
    }).observe(indicator, { attributes: true, attributeFilter: ['data-state'] });
  });
  return () => view.page.evaluate(() => [...(window as unknown as { __states: string[] }).__states]);
}

describe('the console in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: ConsolePage[] = [];

  async function consoleSignedInAs(username: string): Promise<ConsolePage> {
    const view = await openConsole(browser, t.url);
    opened.push(view);
    await signIn(view.page, username);
    return view;
  }

  /** A duty officer lands on the duty log; the incidents board is one click away in the navigation. */
  async function openIncidentsBoard(page: ConsolePage['page']): Promise<void> {
    await page.locator('[data-nav="incidents"]').click();
    await page.getByTestId('incident-table').waitFor();
  }

  async function incidentsBoardAs(username: string): Promise<ConsolePage> {
    const view = await consoleSignedInAs(username);
    await openIncidentsBoard(view.page);
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

  it('serves the built console at / on the server’s own port, in zh-CN by default', async () => {
    const response = await fetch(`${t.url}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app"></div>');
    const visitor = await openConsole(browser, t.url);
    opened.push(visitor);
    await visitor.page.locator('#sign-in-username').waitFor();
    expect(await visitor.page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(visitor.page.locator('h1').textContent()).resolves.toContain('登录');
  });

  it('a duty officer’s board shows an incident the leader reports in another browser, without a reload', async () => {
    const duty = await incidentsBoardAs('duty');
    await duty.page.waitForURL(/\/incidents$/);
    await waitForConnectionState(duty.page, 'live');
    await markWindow(duty);

    const leader = await consoleSignedInAs('leader');
    await leader.page.locator('[data-nav="incidents"]').click();
    await leader.page.getByTestId('incident-table').waitFor();

    const title = `检疫点发热人员转运 ${Date.now()}`;
    await leader.page.getByTestId('report-incident').click();
    const dialog = leader.page.getByRole('dialog');
    await dialog.locator('#report-title').fill(title);
    await dialog.locator('label[data-class="A"]').click();
    await dialog.locator('#report-location').fill('城关交通检疫点');
    await leader.page.getByTestId('report-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const row = duty.page.getByTestId('incident-row').filter({ hasText: title });
    await row.waitFor({ timeout: 15_000 });
    await expect(row.locator('[data-class]').textContent()).resolves.toContain('甲类');
    await expect(row.locator('[data-status]').textContent()).resolves.toContain('已接报');
    await expect(row.locator('time').textContent()).resolves.toMatch(/剩余 0[56]:\d\d:\d\d/);
    expect(await sameWindow(duty)).toBe(true);
    expect(await duty.page.getByTestId('incident-row').filter({ hasText: title }).count()).toBe(1);
    expect(duty.problems).toEqual([]);
    expect(leader.problems).toEqual([]);
  });

  it('after a network drop the board resumes from its last position: missed incidents once each, then live', async () => {
    const duty = await incidentsBoardAs('duty');
    await waitForConnectionState(duty.page, 'live');
    await markWindow(duty);
    const states = await recordConnectionStates(duty);

    await duty.context.setOffline(true);
    await waitForConnectionState(duty.page, 'offline');
    const cookie = await t.login('leader');
    const missed = [`断网期间事件一 ${Date.now()}`, `断网期间事件二 ${Date.now()}`];
    for (const title of missed) {
      const response = await t.gql(REPORT, { input: { title, incidentClass: 'C' } }, cookie);
      expect(response.errors).toBeUndefined();
    }
    await duty.context.setOffline(false);

    for (const title of missed) await duty.page.getByTestId('incident-row').filter({ hasText: title }).waitFor({ timeout: 30_000 });
    await waitForConnectionState(duty.page, 'live');
    for (const title of missed) expect(await duty.page.getByTestId('incident-row').filter({ hasText: title }).count()).toBe(1);
    expect(await sameWindow(duty)).toBe(true);

    const seen = await states();
    expect(seen[0]).toBe('live');
    expect(seen.indexOf('offline')).toBeGreaterThan(0);
    expect(seen.indexOf('reconnecting')).toBeGreaterThan(seen.indexOf('offline'));
    expect(seen.at(-1)).toBe('live');

    // The position it keeps is the server's newest incident event: the next reconnect resumes there.
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition(topic: "incident") }', {}, cookie);
    const stored = await duty.page.evaluate(() =>
      Object.entries(localStorage)
        .filter(([key]) => key.startsWith('cc.position.') && key.endsWith('.IncidentChanged'))
        .map(([, value]) => value),
    );
    expect(stored).toEqual([data!.livePosition]);
  });

  it('after a server restart the board resumes from its last position, through the same address', async () => {
    const first = await startTestApp();
    const proxy = await startTcpProxy(portOf(first.url));
    let second: TestApp | undefined;
    try {
      const duty = await openConsole(browser, proxy.url);
      opened.push(duty);
      await signIn(duty.page, 'duty');
      await openIncidentsBoard(duty.page);
      await waitForConnectionState(duty.page, 'live');
      await markWindow(duty);
      const states = await recordConnectionStates(duty);

      // Stop the server (its consoles are told to reconnect), start another on the same database,
      // and record incidents there before the console can reach it.
      await first.app.close();
      await waitForConnectionState(duty.page, 'reconnecting');
      second = await startTestApp({ databaseUrl: first.databaseUrl });
      const cookie = await second.login('leader');
      const missed = [`重启期间事件一 ${Date.now()}`, `重启期间事件二 ${Date.now()}`];
      for (const title of missed)
        expect((await second.gql(REPORT, { input: { title, incidentClass: 'B' } }, cookie)).errors).toBeUndefined();
      proxy.retarget(portOf(second.url));

      for (const title of missed) await duty.page.getByTestId('incident-row').filter({ hasText: title }).waitFor({ timeout: 45_000 });
      await waitForConnectionState(duty.page, 'live');
      for (const title of missed) expect(await duty.page.getByTestId('incident-row').filter({ hasText: title }).count()).toBe(1);
      expect(await sameWindow(duty)).toBe(true);
      const seen = await states();
      expect(seen.indexOf('reconnecting')).toBeGreaterThan(0);
      expect(seen.at(-1)).toBe('live');

      // And live again afterwards: a new incident arrives without any reconnect.
      const after = `重启后新事件 ${Date.now()}`;
      await second.gql(REPORT, { input: { title: after, incidentClass: 'A' } }, cookie);
      await duty.page.getByTestId('incident-row').filter({ hasText: after }).waitFor({ timeout: 15_000 });
    } finally {
      await proxy.close();
      await second?.close();
      const name = new URL(first.databaseUrl).pathname.slice(1);
      await dropDatabase(inject('pgAdminUrl'), name);
    }
  });

  it('a console away longer than the server keeps events is told so, reloads its board and goes live again', async () => {
    const duty = await incidentsBoardAs('duty');
    await waitForConnectionState(duty.page, 'live');
    await markWindow(duty);

    await duty.context.setOffline(true);
    await waitForConnectionState(duty.page, 'offline');
    const cookie = await t.login('leader');
    const missed = `保留期外事件 ${Date.now()}`;
    expect((await t.gql(REPORT, { input: { title: missed, incidentClass: 'B' } }, cookie)).errors).toBeUndefined();
    // The server forgets every event so far: the console's position is now older than it keeps.
    expect(await t.app.hub.prune(0)).toBeGreaterThan(0);
    await duty.context.setOffline(false);

    const notice = duty.page.locator('.el-message--warning').filter({ hasText: '断线时间过长' });
    await notice.waitFor({ timeout: 30_000 });
    await duty.page.getByTestId('incident-row').filter({ hasText: missed }).waitFor({ timeout: 30_000 });
    await waitForConnectionState(duty.page, 'live');
    expect(await sameWindow(duty)).toBe(true);
    // Told once: the fresh position is accepted, not refused again in a loop (a repeat would badge the notice).
    expect(await notice.count()).toBe(1);
    expect(await notice.locator('.el-message__badge').count()).toBe(0);

    // Subscribed again from the server's current position: new incidents arrive live.
    const next = `重新订阅后事件 ${Date.now()}`;
    await t.gql(REPORT, { input: { title: next, incidentClass: 'C' } }, cookie);
    await duty.page.getByTestId('incident-row').filter({ hasText: next }).waitFor({ timeout: 15_000 });
  });

  it('counts down to each reporting deadline and shows an overdue one in red', async () => {
    const duty = await incidentsBoardAs('duty');
    await duty.page.getByTestId('incident-table').waitFor();
    // Following the stream before the report: the test before this one pruned every event.
    await waitForConnectionState(duty.page, 'live');
    const overdueBefore = Number(await duty.page.getByTestId('stat-overdue').textContent());
    const cookie = await t.login('duty');
    const title = `甲类超时未报 ${Date.now()}`;
    const sevenHoursAgo = new Date(Date.now() - 7 * 3_600_000).toISOString();
    expect((await t.gql(REPORT, { input: { title, incidentClass: 'A', reportedAt: sevenHoursAgo } }, cookie)).errors).toBeUndefined();

    const deadline = duty.page.getByTestId('incident-row').filter({ hasText: title }).locator('time');
    await deadline.waitFor({ timeout: 15_000 });
    expect(await deadline.getAttribute('data-overdue')).toBe('true');
    await expect(deadline.textContent()).resolves.toMatch(/已超时 (00:5\d|01:0\d):\d\d/);
    expect(await deadline.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(180, 35, 24)');
    await expect(duty.page.getByTestId('stat-overdue').textContent()).resolves.toBe(String(overdueBefore + 1));
  });

  it('goes to sign-in when its session ends elsewhere (socket closed with 4401)', async () => {
    const duty = await consoleSignedInAs('duty');
    await waitForConnectionState(duty.page, 'live');
    const session = (await duty.context.cookies()).find((c) => c.httpOnly);
    expect(session).toBeDefined();
    const response = await t.gql<{ logout: boolean }>('mutation { logout }', {}, `${session!.name}=${session!.value}`);
    expect(response.data?.logout).toBe(true);
    await duty.page.waitForURL(/\/sign-in\?expired=1$/, { timeout: 15_000 });
    await duty.page.getByText('登录已失效，请重新登录。').waitFor();
    // The notice is Element Plus's warning alert: its text must be legible, as every warning toast's is.
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page));
  });

  it('signs out from the user menu back to the sign-in page, and the session is gone', async () => {
    const duty = await consoleSignedInAs('duty');
    await waitForConnectionState(duty.page, 'live');
    await duty.page.getByTestId('current-user').click();
    await duty.page.getByTestId('sign-out').click();
    await duty.page.waitForURL(/\/sign-in$/, { timeout: 15_000 });
    await duty.page.locator('#sign-in-username').waitFor();
    await duty.page.goto(`${t.url}/incidents`);
    await duty.page.waitForURL(/\/sign-in\?redirect=/);
  });

  it('switching to English shows English labels; zh-CN shows the DOMAIN.md terms', async () => {
    const duty = await incidentsBoardAs('duty');
    await duty.page.getByTestId('incident-table').waitFor();
    const nav = duty.page.getByTestId('main-nav');
    const firstClassTag = duty.page.locator('[data-testid="incident-row"] [data-class="A"]').first();

    await expect(nav.textContent()).resolves.toContain('值班值守');
    await expect(duty.page.getByTestId('hq-name').textContent()).resolves.toContain('指挥部');
    await expect(duty.page.locator('h1').textContent()).resolves.toBe('事件');
    await expect(firstClassTag.textContent()).resolves.toContain('甲类');
    await expect(duty.page.getByTestId('current-roles').textContent()).resolves.toContain('值班员');

    await duty.page.locator('[data-testid="language-switch"] [data-locale="en"]').click();
    await expect(duty.page.locator('h1').textContent()).resolves.toBe('Incidents');
    await expect(nav.textContent()).resolves.toContain('24-hour duty');
    await expect(duty.page.getByTestId('hq-name').textContent()).resolves.toContain('HQ');
    await expect(firstClassTag.textContent()).resolves.toContain('Class A');
    await expect(duty.page.getByTestId('current-roles').textContent()).resolves.toContain('Duty officer');
    expect(await duty.page.getAttribute('html', 'lang')).toBe('en');
    expect(await duty.page.title()).toContain('Incidents');
    // No Chinese left in the console's own labels once it is in English (data, and the switch
    // naming 中文 in Chinese, aside).
    const labels = duty.page.locator(
      '[data-testid="hq-name"], [data-testid="connection-indicator"], [data-testid="current-roles"], nav, thead, .page-header, .board__stats, .board__toolbar',
    );
    const chrome = await labels.allTextContents();
    expect(chrome.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);

    await duty.page.locator('[data-testid="language-switch"] [data-locale="zh-CN"]').click();
    await expect(duty.page.locator('h1').textContent()).resolves.toBe('事件');
    await expect(nav.textContent()).resolves.toContain('值班值守');
    expect(await duty.page.getAttribute('html', 'lang')).toBe('zh-CN');
    // For a person to look at: the board as a duty officer sees it (not committed).
    await duty.page.screenshot({ path: '/tmp/cc-incidents-board.png', fullPage: true });
  });

  it('shows each role only the navigation its policy allows', async () => {
    const liaison = await consoleSignedInAs('liaison');
    const nav = liaison.page.getByTestId('main-nav');
    await expect(nav.locator('[data-nav="incidents"]').count()).resolves.toBe(0);
    await liaison.page.goto(`${t.url}/incidents`);
    await liaison.page.getByTestId('main-nav').waitFor();
    expect(new URL(liaison.page.url()).pathname).not.toBe('/incidents');

    const dispatcher = await consoleSignedInAs('dispatcher');
    const dispatcherNav = dispatcher.page.getByTestId('main-nav');
    await expect(dispatcherNav.locator('[data-nav="dispatch"]').count()).resolves.toBe(1);
    await expect(dispatcherNav.locator('[data-nav="admin"]').count()).resolves.toBe(0);
    // The dispatcher's workspace is the standby board, not the incidents board.
    await dispatcher.page.waitForURL(/\/dispatch$/);
  });

  it('has no serious or critical accessibility violations on the sign-in page and the incidents board', async () => {
    const visitor = await openConsole(browser, t.url);
    opened.push(visitor);
    await visitor.page.locator('#sign-in-username').waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(visitor.page));

    await signIn(visitor.page, 'duty');
    await openIncidentsBoard(visitor.page);
    await visitor.page.getByTestId('incident-row').first().waitFor();
    await waitForConnectionState(visitor.page, 'live');
    expectNoSeriousViolations(await seriousAccessibilityViolations(visitor.page));

    // Every state of the connection indicator must be legible, not only the one a settled page
    // shows: "catching up" and "reconnecting" are what a loaded machine shows after a navigation.
    for (const state of ['catching-up', 'reconnecting', 'offline', 'stale', 'live']) {
      await visitor.page.evaluate((shown) => {
        document.querySelector('[data-testid="connection-indicator"]')!.className = `connection connection--${shown}`;
      }, state);
      const violations = await seriousAccessibilityViolations(visitor.page, '[data-testid="connection-indicator"]');
      expect({ state, violations: violations.map((v) => v.id) }).toEqual({ state, violations: [] });
    }

    await visitor.page.getByTestId('report-incident').click();
    await visitor.page.getByRole('dialog').locator('#report-title').waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(visitor.page));
    await visitor.page.screenshot({ path: '/tmp/cc-incidents-report-dialog.png' });
  });
});
