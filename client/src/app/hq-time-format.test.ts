import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from './i18n';
import { formatHqTime, formatHqTimeLabelled, hqWallClockForPicker, instantFromHqPicker, isHqToday } from './hq-time-format';

// The browser's clock is somewhere else entirely: HQ time must not follow it.
beforeAll(() => {
  vi.stubEnv('TZ', 'America/New_York');
});
afterAll(() => {
  vi.unstubAllEnvs();
  i18n.global.locale.value = 'zh-CN';
});

const LATE_EVENING_UTC = '2026-11-24T16:30:00.000Z'; // 00:30 on 11-25 at HQ, 11:30 on 11-24 in New York

describe('HQ time on the console', () => {
  it('reads an instant on HQ’s clock, whatever the process time zone', () => {
    expect(new Date(LATE_EVENING_UTC).getHours()).toBe(11); // the process really is in New York
    i18n.global.locale.value = 'en';
    expect(formatHqTime(LATE_EVENING_UTC, 'full')).toBe('11/25/2026, 00:30');
    i18n.global.locale.value = 'zh-CN';
    expect(formatHqTime(LATE_EVENING_UTC, 'full')).toBe('2026/11/25 00:30');
    expect(formatHqTime(LATE_EVENING_UTC, 'fullSeconds')).toBe('2026/11/25 00:30:00');
  });

  it('decides "today" by the HQ day, not the browser’s', () => {
    const laterSameHqDay = new Date('2026-11-25T03:00:00.000Z'); // 11:00 on 11-25 at HQ
    expect(isHqToday(LATE_EVENING_UTC, laterSameHqDay)).toBe(true);
    expect(formatHqTime(LATE_EVENING_UTC, 'clock', laterSameHqDay)).toBe('00:30');

    const sameBrowserDayEarlierHqDay = new Date('2026-11-24T15:00:00.000Z'); // 23:00 on 11-24 at HQ, 10:00 on 11-24 in New York
    expect(new Date(LATE_EVENING_UTC).toDateString()).toBe(sameBrowserDayEarlierHqDay.toDateString());
    expect(isHqToday(LATE_EVENING_UTC, sameBrowserDayEarlierHqDay)).toBe(false);
    expect(formatHqTime(LATE_EVENING_UTC, 'clock', sameBrowserDayEarlierHqDay)).toBe('11/25 00:30');
  });

  it('names the zone beside the time in the console’s language', () => {
    i18n.global.locale.value = 'zh-CN';
    expect(formatHqTimeLabelled(LATE_EVENING_UTC, 'full')).toBe('2026/11/25 00:30（北京时间）');
    i18n.global.locale.value = 'en';
    expect(formatHqTimeLabelled(LATE_EVENING_UTC, 'full')).toBe('11/25/2026, 00:30 (UTC+8)');
    expect(formatHqTimeLabelled(null)).toBe('—');
    i18n.global.locale.value = 'zh-CN';
  });

  it('shows and reads date-picker values as HQ wall-clock time', () => {
    const shown = hqWallClockForPicker(new Date(LATE_EVENING_UTC));
    expect([shown.getFullYear(), shown.getMonth() + 1, shown.getDate(), shown.getHours(), shown.getMinutes()]).toEqual([
      2026, 11, 25, 0, 30,
    ]);
    expect(instantFromHqPicker(shown).toISOString()).toBe(LATE_EVENING_UTC);
    // Someone types 16:00 on 12-01 for a deadline: 16:00 at HQ, 08:00 UTC.
    expect(instantFromHqPicker(new Date(2026, 11, 1, 16, 0)).toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });
});
