import { describe, expect, it } from 'vitest';
import type { Role } from '@cc/shared';
import type { Viewer } from '../../core/context';
import { dutyCallPolicy } from './duty-call.policy';

const viewer = (roles: Role[], unitId: string | null = null): Viewer => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  roles,
  unitId,
  sessionId: 's',
  sessionExpiresAt: new Date(Date.now() + 60_000),
});

describe('duty call record-level policy', () => {
  it('lets every HQ role see every call, forwarded or not', () => {
    for (const role of ['DUTY_OFFICER', 'LEADER', 'DISPATCHER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'ADMIN'] as const) {
      expect(dutyCallPolicy.canSeeCall(viewer([role]), [])).toBe(true);
    }
  });

  it('lets a unit liaison see only a call forwarded to their own unit', () => {
    const liaison = viewer(['UNIT_LIAISON'], 'agri');
    expect(dutyCallPolicy.canSeeCall(liaison, ['agri', 'health'])).toBe(true);
    expect(dutyCallPolicy.canSeeCall(liaison, ['health'])).toBe(false);
    expect(dutyCallPolicy.canSeeCall(liaison, [])).toBe(false);
    expect(dutyCallPolicy.canSeeCall(null, ['agri'])).toBe(false);
  });

  it('lets the target group, the target unit’s liaison or a leader acknowledge a forward, nobody else', () => {
    expect(dutyCallPolicy.canAcknowledge(viewer(['DISPATCHER']), { targetGroup: 'TRANSPORT' })).toBe(true);
    expect(dutyCallPolicy.canAcknowledge(viewer(['LOGISTICS_OFFICER']), { targetGroup: 'TRANSPORT' })).toBe(false);
    expect(dutyCallPolicy.canAcknowledge(viewer(['LEADER']), { targetGroup: 'TRANSPORT' })).toBe(true);
    expect(dutyCallPolicy.canAcknowledge(viewer(['LEADER']), { targetUnitId: 'agri' })).toBe(true);
    expect(dutyCallPolicy.canAcknowledge(viewer(['UNIT_LIAISON'], 'agri'), { targetUnitId: 'agri' })).toBe(true);
    expect(dutyCallPolicy.canAcknowledge(viewer(['UNIT_LIAISON'], 'agri'), { targetUnitId: 'health' })).toBe(false);
    expect(dutyCallPolicy.canAcknowledge(viewer(['UNIT_LIAISON'], 'agri'), { targetGroup: 'DUTY' })).toBe(false);
    expect(dutyCallPolicy.canAcknowledge(viewer(['ADMIN']), { targetGroup: 'DUTY' })).toBe(false);
    expect(dutyCallPolicy.canAcknowledge(null, { targetGroup: 'DUTY' })).toBe(false);
  });
});
