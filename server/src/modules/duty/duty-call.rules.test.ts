import { describe, expect, it } from 'vitest';
import { dutyCallNumber } from '@cc/shared';
import { likePattern, percentiles, validateCorrection, validateDutyCall } from './duty-call.rules';

const now = new Date('2026-12-07T02:00:00Z');
const call = { callerName: ' 王村医 ', category: 'OTHER', urgency: 'ROUTINE', summary: '咨询' } as const;

describe('duty call rules', () => {
  it('numbers calls ZB-yyyymmdd-nnn, at least three digits', () => {
    expect(dutyCallNumber('2026-12-07', 7)).toBe('ZB-20261207-007');
    expect(dutyCallNumber('2026-12-07', 1234)).toBe('ZB-20261207-1234');
  });

  it('takes now as the time received, trims text and writes the phone as people write it', () => {
    expect(validateDutyCall({ ...call, callerPhone: '13800000000' }, now)).toMatchObject({
      receivedAt: now,
      callerName: '王村医',
      callerPhone: '138 0000 0000',
      notes: null,
      unitText: null,
    });
  });

  it('refuses text past its limit, a time 8 days back or 10 minutes ahead, and an empty summary', () => {
    expect(() => validateDutyCall({ ...call, summary: 'x'.repeat(2001) }, now)).toThrow(/keep it to 2000/);
    expect(() => validateDutyCall({ ...call, receivedAt: new Date(now.getTime() - 8 * 86_400_000) }, now)).toThrow(/more than 7 days ago/);
    expect(() => validateDutyCall({ ...call, receivedAt: new Date(now.getTime() + 10 * 60_000) }, now)).toThrow(/in the future/);
    expect(() => validateDutyCall({ ...call, summary: '  ' }, now)).toThrow(/Give what the call was about/);
  });

  it('checks a correction’s value as the field is checked when logging', () => {
    expect(validateCorrection('urgency', 'CRITICAL', now)).toMatchObject({ value: 'CRITICAL' });
    expect(() => validateCorrection('urgency', 'VERY', now)).toThrow(/ROUTINE/);
    expect(validateCorrection('notes', '', now)).toMatchObject({ value: null, text: null });
    expect(validateCorrection('receivedAt', '2026-12-07T09:30:00+08:00', now)).toMatchObject({ text: '2026-12-07T01:30:00.000Z' });
    expect(() => validateCorrection('receivedAt', 'yesterday', now)).toThrow(/ISO/);
  });

  it('escapes LIKE wildcards and takes nearest-rank percentiles', () => {
    expect(likePattern('50%_x')).toBe('%50\\%\\_x%');
    expect(percentiles([])).toEqual({ count: 0, p50Seconds: null, p90Seconds: null });
    expect(percentiles([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({ count: 10, p50Seconds: 50, p90Seconds: 90 });
  });
});
