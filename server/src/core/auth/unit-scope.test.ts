import { describe, expect, it } from 'vitest';
import type { Role } from '@cc/shared';
import type { Viewer } from '../context';
import { isDomainError } from '../errors';
import { assertSameUnit, canSeeUnit, unitFilter, unitForNewRecord, unitScopeOf } from './unit-scope';

const AGRI = '11111111-1111-4111-8111-111111111111';
const HEALTH = '22222222-2222-4222-8222-222222222222';

function viewer(roles: Role[], unitId: string | null = null): Viewer {
  return { userId: 'u', username: 'u', displayName: 'U', roles, unitId, sessionId: 's', sessionExpiresAt: new Date(Date.now() + 60_000) };
}

const liaison = viewer(['UNIT_LIAISON'], AGRI);
const duty = viewer(['DUTY_OFFICER']);

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return isDomainError(error) ? { code: error.extensions['code'], message: error.message } : error;
  }
}

describe('unit scope', () => {
  it('lets HQ roles see every unit, and records of no unit', () => {
    expect(unitScopeOf(duty)).toEqual({ kind: 'ALL' });
    expect(canSeeUnit(duty, AGRI)).toBe(true);
    expect(canSeeUnit(duty, HEALTH)).toBe(true);
    expect(canSeeUnit(duty, null)).toBe(true);
  });

  it('keeps a unit liaison to their own unit', () => {
    expect(unitScopeOf(liaison)).toEqual({ kind: 'UNIT', unitId: AGRI });
    expect(canSeeUnit(liaison, AGRI)).toBe(true);
    expect(canSeeUnit(liaison, HEALTH)).toBe(false);
    expect(canSeeUnit(liaison, null)).toBe(false);
  });

  it('lets nobody see anything when signed out or when a liaison has no unit', () => {
    expect(canSeeUnit(null, AGRI)).toBe(false);
    expect(canSeeUnit(viewer(['UNIT_LIAISON'], null), AGRI)).toBe(false);
    expect(unitFilter(viewer(['UNIT_LIAISON'], null), 'unitId')).toEqual({ unitId: { $in: [] } });
  });

  it('answers another unit’s record exactly like a missing one, so ids do not leak', () => {
    const otherUnits = codeOf(() => assertSameUnit(liaison, HEALTH, 'Transport request', 'abc'));
    const missing = { code: 'NOT_FOUND', message: 'Transport request abc does not exist or is not visible to you.' };
    expect(otherUnits).toEqual(missing);
    expect(codeOf(() => assertSameUnit(liaison, AGRI, 'Transport request', 'abc'))).toBe('no error');
    expect(codeOf(() => assertSameUnit(duty, HEALTH, 'Transport request', 'abc'))).toBe('no error');
  });

  it('builds list filters: none for HQ, the own unit for a liaison', () => {
    expect(unitFilter(duty, 'unitId')).toEqual({});
    expect(unitFilter(liaison, 'requestingUnitId')).toEqual({ requestingUnitId: AGRI });
  });

  it('files a liaison’s new record for their own unit and refuses another unit', () => {
    expect(unitForNewRecord(liaison, undefined)).toBe(AGRI);
    expect(unitForNewRecord(liaison, AGRI)).toBe(AGRI);
    expect(codeOf(() => unitForNewRecord(liaison, HEALTH))).toMatchObject({ code: 'NOT_FOUND' });
    expect(unitForNewRecord(duty, HEALTH)).toBe(HEALTH);
    expect(unitForNewRecord(duty, null)).toBeNull();
  });
});
