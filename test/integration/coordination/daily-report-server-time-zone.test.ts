// The server (in this process) runs in New York time: UTC−5 in March, UTC−4 after 2026-03-08.
// Set before any date is read; Node applies a TZ change at once. The check below fails the file
// if it did not take, so the suite cannot pass while quietly running in another zone.
process.env['TZ'] = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { hqMidnightSuite } from './daily-report-midnight-suite';

describe('the process runs in a time zone other than HQ’s', () => {
  it('is New York time, not UTC+8', () => {
    expect(new Date('2026-03-02T12:00:00Z').getTimezoneOffset()).toBe(300);
    expect(new Date('2026-03-02T17:00:00Z').getDate()).toBe(2); // 12:00 in New York, already 03-03 01:00 at HQ
  });
});

hqMidnightSuite('server in America/New_York');
