import { describe, expect, it } from 'vitest';
import type { Role } from '@cc/shared';
import type { Viewer } from '../../core/context';
import { dispatchPolicy } from './dispatch.policy';

const viewer = (roles: Role[], unitId: string | null = null): Viewer => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  roles,
  unitId,
  sessionId: 's',
  sessionExpiresAt: new Date(Date.now() + 60_000),
});

describe('dispatch record-level policy', () => {
  it('lets every HQ role see every order', () => {
    for (const role of ['DUTY_OFFICER', 'LEADER', 'DISPATCHER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'ADMIN'] as const) {
      expect(dispatchPolicy.canSeeOrder(viewer([role]), { requestingUnitId: 'other' })).toBe(true);
      expect(dispatchPolicy.canSeeOrder(viewer([role]), { requestingUnitId: null })).toBe(true);
    }
  });

  it('lets a unit liaison see only their own unit’s orders', () => {
    const liaison = viewer(['UNIT_LIAISON'], 'unit-a');
    expect(dispatchPolicy.canSeeOrder(liaison, { requestingUnitId: 'unit-a' })).toBe(true);
    expect(dispatchPolicy.canSeeOrder(liaison, { requestingUnitId: 'unit-b' })).toBe(false);
    expect(dispatchPolicy.canSeeOrder(liaison, { requestingUnitId: null })).toBe(false);
    expect(dispatchPolicy.seesAllOrders(liaison)).toBe(false);
  });

  it('shows nothing to someone signed out, or to a liaison without a unit', () => {
    expect(dispatchPolicy.canSeeOrder(null, { requestingUnitId: null })).toBe(false);
    expect(dispatchPolicy.canSeeOrder(viewer(['UNIT_LIAISON'], null), { requestingUnitId: null })).toBe(false);
  });

  it('names the unit a liaison acts for, and none for HQ staff', () => {
    expect(dispatchPolicy.liaisonUnit(viewer(['UNIT_LIAISON'], 'unit-a'))).toBe('unit-a');
    expect(dispatchPolicy.liaisonUnit(viewer(['DISPATCHER']))).toBeNull();
  });
});
