import { describe, expect, it } from 'vitest';
import { canMoveAlert, canSeeAlertOf } from './alerts';

describe('who sees which alerts', () => {
  it('leaders and administrators see every group’s alerts', () => {
    expect(canSeeAlertOf(['LEADER'], 'LOGISTICS')).toBe(true);
    expect(canSeeAlertOf(['ADMIN'], 'TRANSPORT')).toBe(true);
  });

  it('other HQ roles see their own group’s alerts and HQ-wide ones', () => {
    expect(canSeeAlertOf(['DISPATCHER'], 'TRANSPORT')).toBe(true);
    expect(canSeeAlertOf(['DISPATCHER'], 'DUTY')).toBe(false);
    expect(canSeeAlertOf(['DUTY_OFFICER'], null)).toBe(true);
    expect(canSeeAlertOf(['DUTY_OFFICER', 'COORDINATOR'], 'COORDINATION')).toBe(true);
  });

  it('unit liaisons see none', () => {
    expect(canSeeAlertOf(['UNIT_LIAISON'], null)).toBe(false);
    expect(canSeeAlertOf(['UNIT_LIAISON'], 'DUTY')).toBe(false);
  });
});

describe('the alert lifecycle', () => {
  it('goes raised → acknowledged → resolved, or straight to resolved, and never back', () => {
    expect(canMoveAlert('RAISED', 'ACKNOWLEDGED')).toBe(true);
    expect(canMoveAlert('RAISED', 'RESOLVED')).toBe(true);
    expect(canMoveAlert('ACKNOWLEDGED', 'RESOLVED')).toBe(true);
    expect(canMoveAlert('RESOLVED', 'RAISED')).toBe(false);
    expect(canMoveAlert('ACKNOWLEDGED', 'RAISED')).toBe(false);
  });
});
