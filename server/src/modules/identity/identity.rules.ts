import { IDENTITY_TEXT_LIMITS, ROLES, type Role } from '@cc/shared';
import { domainError } from '../../core/errors';

/** Pure rules for people and member units; the services call them, tests call them without a server. */

export const PASSWORD_MIN = 12;
/** argon2 hashes any length, but a megabyte password is an attack, not a password. */
export const PASSWORD_MAX = 200;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const UNIT_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const { displayName: DISPLAY_NAME_MAX, unitName: UNIT_NAME_MAX } = IDENTITY_TEXT_LIMITS;
const PHONE = /^[0-9+\-() ]{0,40}$/;

const badInput = (field: string, message: string, reason?: string) =>
  domainError('BAD_USER_INPUT', message, reason ? { field, reason } : { field });

/** User names are case-insensitive: stored and compared in lower case. */
export function normalizeUsername(raw: string): string {
  const username = raw.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw badInput('username', 'A user name is 3 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.');
  }
  return username;
}

export function assertPasswordStrength(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN) throw badInput(field, `A password needs at least ${PASSWORD_MIN} characters.`, 'password/too_short');
  if (password.length > PASSWORD_MAX) throw badInput(field, `A password may have at most ${PASSWORD_MAX} characters.`, 'password/too_long');
  if (password.trim().length === 0) throw badInput(field, 'A password cannot be only spaces.', 'password/blank');
}

export function cleanDisplayName(raw: string): string {
  const name = raw.trim();
  if (!name) throw badInput('displayName', 'Give the person’s name as colleagues know it.');
  if (name.length > DISPLAY_NAME_MAX) throw badInput('displayName', `Keep the name to ${DISPLAY_NAME_MAX} characters.`);
  return name;
}

export function cleanPhone(raw: string | null | undefined): string {
  const phone = (raw ?? '').trim();
  if (!PHONE.test(phone)) throw badInput('phone', 'A phone number has at most 40 digits, spaces, +, - or brackets.');
  return phone;
}

/**
 * Roles and unit together: at least one role, no duplicates; a unit liaison (联络员) acts for
 * exactly one member unit and holds no HQ role (HQ roles see every unit, a liaison only their own,
 * so one account cannot be both); HQ staff belong to no member unit.
 */
export function cleanRolesAndUnit(roles: readonly string[], unitId: string | null | undefined): { roles: Role[]; unitId: string | null } {
  const unique = [...new Set(roles)];
  const unknown = unique.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw badInput('roles', `Unknown role: ${unknown.join(', ')}.`);
  if (unique.length === 0) throw badInput('roles', 'Give the person at least one role.');
  const sorted = ROLES.filter((r) => unique.includes(r));
  const liaison = sorted.includes('UNIT_LIAISON');
  if (liaison && sorted.length > 1) {
    throw badInput(
      'roles',
      'A unit liaison cannot also hold an HQ role; create a separate account for HQ work.',
      'identity/liaison_with_hq_role',
    );
  }
  if (liaison && !unitId)
    throw badInput('unitId', 'A unit liaison must belong to a member unit; choose one.', 'identity/liaison_without_unit');
  if (!liaison && unitId)
    throw badInput(
      'unitId',
      'Only a unit liaison belongs to a member unit; clear the unit or make the person a liaison.',
      'identity/unit_without_liaison',
    );
  return { roles: sorted, unitId: unitId ?? null };
}

export function normalizeUnitCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!UNIT_CODE.test(code))
    throw badInput('code', 'A unit code is 2 to 40 capital letters, digits or underscores, starting with a letter (e.g. AGRICULTURE).');
  return code;
}

export function cleanUnitName(raw: string): string {
  const name = raw.trim();
  if (!name) throw badInput('name', 'Give the unit its full name, e.g. 县农业农村局.');
  if (name.length > UNIT_NAME_MAX) throw badInput('name', `Keep the unit name to ${UNIT_NAME_MAX} characters.`);
  return name;
}
