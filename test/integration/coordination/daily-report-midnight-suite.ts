import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atHqTime } from '@cc/shared';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout, param } from '../alerts/alert-support';
import { createType, ok, submit, typeBoard, unitIds } from './daily-report-helpers';

const SECOND = 1_000;

/**
 * Shared by daily-report-hq-midnight.test.ts and daily-report-server-time-zone.test.ts (not a test file itself).
 * The report day is the HQ calendar day (UTC+8): 2026-03-02 16:30 UTC is already 03-03 at HQ,
 * though the UTC date is still 03-02. */
export function hqMidnightSuite(label: string) {
  describe(`daily reports across HQ midnight (${label})`, () => {
    let t: TestApp;
    let clock: ManualClock;
    let liaison: string;
    let coordinator: string;
    let units: Record<string, string>;
    const tick = () => t.app.modules.alerts.engine.tick();
    /** Moves the clock and signs in again: a jump of hours outlives a session. */
    async function at(instant: Date) {
      clock.set(instant);
      [liaison, coordinator] = await Promise.all([t.login('liaison'), t.login('coordinator')]);
    }

    beforeAll(async () => {
      clock = new ManualClock(atHqTime('2026-03-02', '20:00'));
      t = await startTestApp({ clock });
      [liaison, coordinator] = await Promise.all([t.login('liaison'), t.login('coordinator')]);
      units = await unitIds(t, await t.login('admin'));
    });
    afterAll(() => t?.close());

    it('files a report one second before HQ midnight for that day, one second after for the next, whatever the UTC date', async () => {
      const type = await createType(t, coordinator, '23:30');
      await at(new Date(atHqTime('2026-03-03', '00:00').getTime() - SECOND));
      const before = ok(await submit(t, liaison, { typeId: type.id, zero: true })).submitDailyReport;
      expect(before).toMatchObject({ day: '2026-03-02', late: true });
      expect(before.dueAt).toBe('2026-03-02T15:30:00.000Z');

      await at(new Date(atHqTime('2026-03-03', '00:00').getTime() + SECOND));
      expect(clock.now().toISOString().slice(0, 10)).toBe('2026-03-02'); // the UTC date lags the HQ day
      const after = ok(await submit(t, liaison, { typeId: type.id, values: [{ key: 'absentStaff', number: 1 }] })).submitDailyReport;
      expect(after).toMatchObject({ day: '2026-03-03', late: false });
      expect((await typeBoard(t, coordinator, type.id)).day).toBe('2026-03-03');
    });

    it('a report due at 00:30 is missing at 00:30 HQ, and yesterday’s still-missing reports keep their alert past midnight', async () => {
      await at(atHqTime('2026-03-03', '00:10'));
      const early = await createType(t, coordinator, '00:30');
      const evening = await createType(t, coordinator, '23:50');
      await at(atHqTime('2026-03-03', '00:29'));
      await tick();
      expect(await alertsAbout(t, coordinator, { sourceId: early.id })).toEqual([]);
      await at(atHqTime('2026-03-03', '00:30'));
      await tick();
      const [alert] = await alertsAbout(t, coordinator, { sourceId: early.id });
      expect([alert?.status, param(alert!, 'day')]).toEqual(['RAISED', '2026-03-03']);

      await at(atHqTime('2026-03-03', '23:50'));
      await tick();
      const [eveningAlert] = await alertsAbout(t, coordinator, { sourceId: evening.id });
      expect(param(eveningAlert!, 'day')).toBe('2026-03-03');
      // Past HQ midnight: the 03-03 report is still missing; its alert stays, and a unit may still file it, late.
      await at(atHqTime('2026-03-04', '00:05'));
      await tick();
      expect((await alertsAbout(t, coordinator, { sourceId: evening.id })).map((a) => [a.id, a.status])).toEqual([
        [eveningAlert!.id, 'RAISED'],
      ]);
      const lateForYesterday = ok(await submit(t, liaison, { typeId: evening.id, day: '2026-03-03', zero: true })).submitDailyReport;
      expect(lateForYesterday).toMatchObject({ day: '2026-03-03', late: true });
      for (const code of ['COMMERCE', 'INDUSTRY', 'HEALTH'])
        ok(await submit(t, coordinator, { typeId: evening.id, unitId: units[code], day: '2026-03-03', zero: true }));
      await tick();
      expect((await alertsAbout(t, coordinator, { sourceId: evening.id })).find((a) => a.id === eveningAlert!.id)?.status).toBe('RESOLVED');
    });

    it('refuses a report for an HQ day not yet begun', async () => {
      const type = await createType(t, coordinator, '16:00');
      await at(atHqTime('2026-03-04', '23:59'));
      const ahead = await submit(t, liaison, { typeId: type.id, day: '2026-03-05', zero: true });
      expect(ahead.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'day' });
    });
  });
}
