import { describe, expect, it } from 'vitest';
import {
  canMovePermitRequest,
  comparePermitQueue,
  isPermitGreenChannel,
  isPermitNumber,
  maskIdNumber,
  narrowWindow,
  normalisePermitNumber,
  permitNumberCheck,
  permitNumberOf,
  permitStatusAt,
  permitWaitLimitMinutes,
  requestedWindowProblem,
  PERMIT_CARGO_KINDS,
} from './permits';

const at = (iso: string) => new Date(iso);
const window = { from: at('2026-12-08T00:00:00Z'), until: at('2026-12-10T00:00:00Z') };

describe('green channel (三不一优先)', () => {
  it('is epidemic-prevention supplies only', () => {
    expect(PERMIT_CARGO_KINDS.filter(isPermitGreenChannel)).toEqual(['EPIDEMIC_SUPPLIES']);
  });

  it('is held to the tighter waiting limit', () => {
    expect(permitWaitLimitMinutes(true)).toBeLessThan(permitWaitLimitMinutes(false));
    expect(permitWaitLimitMinutes(true, { green: 5, other: 60 })).toBe(5);
  });
});

describe('request transitions', () => {
  it('lets a request asked for more information come back to the queue, and nothing leave a decision', () => {
    expect(canMovePermitRequest('SUBMITTED', 'NEEDS_INFO')).toBe(true);
    expect(canMovePermitRequest('NEEDS_INFO', 'SUBMITTED')).toBe(true);
    expect(canMovePermitRequest('NEEDS_INFO', 'APPROVED')).toBe(false);
    for (const done of ['APPROVED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(canMovePermitRequest(done, 'SUBMITTED')).toBe(false);
      expect(canMovePermitRequest(done, 'APPROVED')).toBe(false);
    }
  });
});

describe('requested window', () => {
  const now = at('2026-12-07T20:00:00Z');
  it('must end after it starts, last at most 30 days and not lie in the past', () => {
    expect(requestedWindowProblem(window, now)).toBeNull();
    expect(requestedWindowProblem({ from: window.until, until: window.from }, now)).toBe('window/order');
    expect(requestedWindowProblem({ from: window.from, until: at('2027-01-20T00:00:00Z') }, now)).toBe('window/too_long');
    expect(requestedWindowProblem({ from: at('2026-12-01T00:00:00Z'), until: window.until }, now)).toBe('window/past');
  });
});

describe('narrowing an approval', () => {
  it('keeps the requested window when none is given', () => {
    expect(narrowWindow(window, null)).toEqual(window);
  });

  it('accepts a window inside the requested one', () => {
    const narrowed = { from: at('2026-12-08T06:00:00Z'), until: at('2026-12-09T00:00:00Z') };
    expect(narrowWindow(window, narrowed)).toEqual(narrowed);
    expect(narrowWindow(window, { until: narrowed.until })).toEqual({ from: window.from, until: narrowed.until });
  });

  it('never widens: an earlier start or a later end is refused', () => {
    expect(narrowWindow(window, { from: at('2026-12-07T23:59:00Z') })).toBe('window/widened');
    expect(narrowWindow(window, { until: at('2026-12-10T00:00:01Z') })).toBe('window/widened');
    expect(narrowWindow(window, { from: window.until })).toBe('window/order');
  });
});

describe('permit status at a time', () => {
  const permit = { validFrom: window.from, validUntil: window.until, revokedAt: null };
  it('is not yet valid, valid, then expired, from the window alone', () => {
    expect(permitStatusAt(permit, at('2026-12-07T12:00:00Z'))).toBe('NOT_YET_VALID');
    expect(permitStatusAt(permit, window.from)).toBe('VALID');
    expect(permitStatusAt(permit, window.until)).toBe('EXPIRED');
  });

  it('ends when the emergency response ends, if that is earlier', () => {
    expect(permitStatusAt(permit, at('2026-12-09T00:00:00Z'), at('2026-12-08T12:00:00Z'))).toBe('EXPIRED');
    expect(permitStatusAt(permit, at('2026-12-08T06:00:00Z'), at('2026-12-08T12:00:00Z'))).toBe('VALID');
  });

  it('stays revoked whatever the window says', () => {
    const revoked = { ...permit, revokedAt: at('2026-12-08T01:00:00Z') };
    expect(permitStatusAt(revoked, at('2026-12-07T12:00:00Z'))).toBe('REVOKED');
    expect(permitStatusAt(revoked, at('2026-12-09T00:00:00Z'))).toBe('REVOKED');
    expect(permitStatusAt(revoked, at('2027-01-01T00:00:00Z'))).toBe('REVOKED');
  });
});

describe('queue order', () => {
  it('puts green-channel cargo first, then the oldest', () => {
    const entries = [
      { id: 'a', greenChannel: false, submittedAt: at('2026-12-07T08:00:00Z') },
      { id: 'b', greenChannel: true, submittedAt: at('2026-12-07T10:00:00Z') },
      { id: 'c', greenChannel: false, submittedAt: at('2026-12-07T07:00:00Z') },
      { id: 'd', greenChannel: true, submittedAt: at('2026-12-07T09:00:00Z') },
    ];
    expect([...entries].sort(comparePermitQueue).map((e) => e.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('identity numbers kept', () => {
  it('keep the first three and the last four characters only', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
});

describe('permit numbers', () => {
  it('carry a check character that catches a mistyped character', () => {
    const number = permitNumberOf('0123456789AB');
    expect(isPermitNumber(number)).toBe(true);
    expect(isPermitNumber(number.replace('5', '6'))).toBe(false);
    expect(isPermitNumber('TXZ-0123456789A')).toBe(false);
    expect(permitNumberCheck('00000000000Z')).toMatch(/^[0-9A-Z*~$=]$/);
  });

  it('are read back as typed, with O, I and L taken for 0 and 1', () => {
    const number = permitNumberOf('01234567890A');
    expect(normalisePermitNumber(` txz ${number.slice(4).replace(/0/g, 'o').toLowerCase()}`)).toBe(number);
  });
});
