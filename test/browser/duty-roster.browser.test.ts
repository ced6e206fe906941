import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHqDays, hqDay } from '@cc/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  expectNoSeriousViolations,
  launchChromium,
  openConsole,
  seriousAccessibilityViolations,
  signIn,
  type ConsolePage,
} from './support/browser';

const HOUR = 3_600_000;

/** The Monday (HQ) of the week a day falls in, as the roster page counts weeks. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addHqDays(day, -((weekday + 6) % 7));
}

describe('the duty roster (排班表) in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let leader: ConsolePage;
  let duty: ConsolePage;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await leader?.context.close();
    await duty?.context.close();
    await browser?.close();
    await t?.close();
  });

  it('a leader plans a shift on an uncovered hour of the week view and the 空岗 highlight goes, live for an officer too; axe clean', async () => {
    // The duty officer watches the same week in a second browser: the change must reach it live.
    duty = await openConsole(browser, t.url);
    await signIn(duty.page, 'duty');
    await duty.page.goto(`${t.url}/duty/roster`);
    await duty.page.getByTestId('roster-week').waitFor();
    await duty.page.getByTestId('roster-next-week').click();
    await duty.page.getByTestId('roster-next-week').click();
    // The demo roster runs three days ahead: the week after next is empty, every hour 空岗.
    const monday = addHqDays(mondayOf(hqDay(new Date())), 14);
    await duty.page.getByTestId(`uncovered-${monday}-10`).waitFor();

    leader = await openConsole(browser, t.url);
    await signIn(leader.page, 'leader');
    await leader.page.goto(`${t.url}/duty/roster`);
    await leader.page.getByTestId('roster-week').waitFor();

    await leader.page.getByTestId('roster-next-week').click();
    await leader.page.getByTestId('roster-next-week').click();
    const ten = leader.page.getByTestId(`uncovered-${monday}-10`);
    await ten.waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(leader.page));

    await ten.click();
    const dialog = leader.page.getByTestId('shift-dialog');
    await dialog.waitFor();
    await leader.page.getByTestId('shift-leaders').click();
    await leader.page.getByRole('option', { name: '李带班 (带班领导)' }).click();
    await dialog.locator('.el-dialog__title').click();
    await leader.page.getByTestId('shift-officers').click();
    await leader.page.getByRole('option', { name: '王值班 (值班员)' }).click();
    await dialog.locator('.el-dialog__title').click();
    expectNoSeriousViolations(await seriousAccessibilityViolations(leader.page, '[data-testid="shift-dialog"]'));
    await leader.page.getByTestId('shift-save').click();

    // 10:00–22:00 is covered now; the hours either side are still 空岗.
    await ten.waitFor({ state: 'detached' });
    expect(await leader.page.getByTestId(`uncovered-${monday}-21`).count()).toBe(0);
    expect(await leader.page.getByTestId(`uncovered-${monday}-9`).count()).toBe(1);
    expect(await leader.page.getByTestId(`uncovered-${monday}-22`).count()).toBe(1);
    await duty.page.getByTestId(`uncovered-${monday}-10`).waitFor({ state: 'detached' });
    expect(await duty.page.getByTestId(`uncovered-${monday}-9`).count()).toBe(1);
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page));
    expect(leader.problems).toEqual([]);
    expect(duty.problems).toEqual([]);
  });

  it('a duty officer checks in to their current shift, and the leader’s board shows who is on duty, live; axe clean', async () => {
    // The leader's overview: who is on duty now, from the roster.
    await leader.page.goto(`${t.url}/leader`);
    const onDuty = leader.page.getByTestId('figure-on-duty');
    await expect.poll(() => onDuty.textContent()).toContain('李带班');
    expect(await onDuty.textContent()).toContain('备班：无人');
    expectNoSeriousViolations(await seriousAccessibilityViolations(leader.page, '[data-testid="leader-figures"]'));

    const leaderCookie = await t.login('leader');
    const users = await t.gql<{ dutyRosterPeople: { id: string; displayName: string }[] }>(
      '{ dutyRosterPeople { id displayName } }',
      {},
      leaderCookie,
    );
    const officer = users.data!.dutyRosterPeople.find((p) => p.displayName.startsWith('王值班'))!;
    const dispatcher = users.data!.dutyRosterPeople.find((p) => p.displayName.startsWith('张调配'))!;
    const planned = await t.gql<{ createDutyShift: { id: string } }>(
      `mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { id } }`,
      {
        input: {
          startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          endsAt: new Date(Date.now() + 2 * HOUR).toISOString(),
          note: '加班',
          members: [
            { userId: officer.id, role: 'OFFICER' },
            { userId: dispatcher.id, role: 'BACKUP' },
          ],
        },
      },
      leaderCookie,
    );
    expect(planned.errors).toBeUndefined();
    // The board re-reads on the shift's event: the backup appears without a reload.
    await expect.poll(() => onDuty.textContent(), { timeout: 10_000 }).toContain('张调配');

    await duty.page.getByTestId('roster-this-week').click();
    const mine = duty.page.getByTestId('my-shifts');
    await mine.waitFor();
    // The demo's current shift is checked in already; the extra one is not. Near a shift change the
    // next demo shift's check-in is open too: act on the extra shift's row.
    const extra = mine.locator(`[data-shift-id="${planned.data!.createDutyShift.id}"]`);
    await expect.poll(() => mine.getByTestId('checked-in').count()).toBeGreaterThanOrEqual(1);
    await extra.getByTestId('check-in').waitFor();
    expectNoSeriousViolations(await seriousAccessibilityViolations(duty.page));
    await extra.getByTestId('check-in').click();
    await extra.getByTestId('checked-in').waitFor();
    expect(await extra.getByTestId('check-in').count()).toBe(0);
    expect(duty.problems).toEqual([]);
  });
});
