import { describe, expect, it } from 'vitest';
import { canAcknowledgeHqDelivery } from './hq-instructions';

const toTransport = { targetGroup: 'TRANSPORT' as const, targetUnitId: null };
const toUnit = { targetGroup: null, targetUnitId: 'unit-a' };

describe('who may sign for (签收) a copy of an HQ instruction', () => {
  it('someone of the target group, by their role’s group', () => {
    expect(canAcknowledgeHqDelivery({ roles: ['DISPATCHER'], unitId: null }, toTransport)).toBe(true);
    expect(canAcknowledgeHqDelivery({ roles: ['LOGISTICS_OFFICER'], unitId: null }, toTransport)).toBe(false);
    expect(canAcknowledgeHqDelivery({ roles: ['DUTY_OFFICER'], unitId: null }, toTransport)).toBe(false);
    expect(canAcknowledgeHqDelivery({ roles: ['DUTY_OFFICER', 'DISPATCHER'], unitId: null }, toTransport)).toBe(true);
  });

  it('the target unit’s own liaison, and no other unit’s; HQ staff do not sign for a unit', () => {
    expect(canAcknowledgeHqDelivery({ roles: ['UNIT_LIAISON'], unitId: 'unit-a' }, toUnit)).toBe(true);
    expect(canAcknowledgeHqDelivery({ roles: ['UNIT_LIAISON'], unitId: 'unit-b' }, toUnit)).toBe(false);
    expect(canAcknowledgeHqDelivery({ roles: ['DUTY_OFFICER'], unitId: null }, toUnit)).toBe(false);
    expect(canAcknowledgeHqDelivery({ roles: ['UNIT_LIAISON'], unitId: 'unit-a' }, toTransport)).toBe(false);
  });

  it('a leader, for any copy; an administrator is no working group', () => {
    expect(canAcknowledgeHqDelivery({ roles: ['LEADER'], unitId: null }, toTransport)).toBe(true);
    expect(canAcknowledgeHqDelivery({ roles: ['LEADER'], unitId: null }, toUnit)).toBe(true);
    expect(canAcknowledgeHqDelivery({ roles: ['ADMIN'], unitId: null }, toTransport)).toBe(false);
  });
});
