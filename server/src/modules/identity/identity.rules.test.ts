import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors';
import { assertPasswordStrength, cleanPhone, cleanRolesAndUnit, normalizeUnitCode, normalizeUsername } from './identity.rules';

const UNIT = '11111111-1111-4111-8111-111111111111';

function failure(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return { code: error.extensions['code'], field: error.extensions['field'] };
    throw error;
  }
  return undefined;
}

describe('identity rules', () => {
  it('stores user names in lower case and refuses odd ones', () => {
    expect(normalizeUsername('  Wang.Ping ')).toBe('wang.ping');
    for (const bad of ['ab', '-dash', 'has space', 'ünïcode', 'x'.repeat(65)]) {
      expect(
        failure(() => normalizeUsername(bad)),
        bad,
      ).toEqual({ code: 'BAD_USER_INPUT', field: 'username' });
    }
  });

  it('wants passwords of 12 to 200 characters that are not blank', () => {
    expect(failure(() => assertPasswordStrength('demo-password'))).toBeUndefined();
    expect(failure(() => assertPasswordStrength('eleven-char'))).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(failure(() => assertPasswordStrength(' '.repeat(12), 'newPassword'))).toEqual({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(failure(() => assertPasswordStrength('x'.repeat(201)))).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('orders roles as the role list does and drops duplicates', () => {
    expect(cleanRolesAndUnit(['ADMIN', 'DUTY_OFFICER', 'ADMIN'], null)).toEqual({ roles: ['DUTY_OFFICER', 'ADMIN'], unitId: null });
  });

  it('gives a unit to liaisons only, and a liaison no HQ role', () => {
    expect(cleanRolesAndUnit(['UNIT_LIAISON'], UNIT)).toEqual({ roles: ['UNIT_LIAISON'], unitId: UNIT });
    expect(failure(() => cleanRolesAndUnit(['UNIT_LIAISON'], null))).toEqual({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(failure(() => cleanRolesAndUnit(['LEADER'], UNIT))).toEqual({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(failure(() => cleanRolesAndUnit(['UNIT_LIAISON', 'LEADER'], UNIT))).toEqual({ code: 'BAD_USER_INPUT', field: 'roles' });
    expect(failure(() => cleanRolesAndUnit([], null))).toEqual({ code: 'BAD_USER_INPUT', field: 'roles' });
    expect(failure(() => cleanRolesAndUnit(['JANITOR'], null))).toEqual({ code: 'BAD_USER_INPUT', field: 'roles' });
  });

  it('upper-cases unit codes and checks phone numbers', () => {
    expect(normalizeUnitCode(' health ')).toBe('HEALTH');
    expect(failure(() => normalizeUnitCode('9LIVES'))).toEqual({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(cleanPhone(' +86 (010) 6000-0000 ')).toBe('+86 (010) 6000-0000');
    expect(failure(() => cleanPhone('call me'))).toEqual({ code: 'BAD_USER_INPUT', field: 'phone' });
  });
});
