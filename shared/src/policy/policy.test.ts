import { describe, expect, it } from 'vitest';
import { OPERATION_POLICY, POLICY_BY_MODULE, policyModuleOf, type PolicySlice } from './index';

describe('the authorization table, one slice per module', () => {
  it('gives every operation to exactly one module’s slice', () => {
    const owners = new Map<string, string[]>();
    for (const [module, slice] of Object.entries(POLICY_BY_MODULE as Record<string, PolicySlice>)) {
      for (const operation of Object.keys(slice)) owners.set(operation, [...(owners.get(operation) ?? []), module]);
    }
    const shared = [...owners].filter(([, modules]) => modules.length > 1).map(([op, modules]) => `${op}: ${modules.join(' and ')}`);
    expect(shared, 'operations named by two modules’ policy slices').toEqual([]);
  });

  it('merges the slices into the one table, entry for entry', () => {
    const merged = Object.assign({}, ...Object.values(POLICY_BY_MODULE)) as Record<string, unknown>;
    expect(OPERATION_POLICY).toEqual(merged);
    expect(policyModuleOf('assignVehicles')).toBe('dispatch');
    expect(policyModuleOf('livePosition')).toBe('realtime');
    expect(policyModuleOf('noSuchOperation')).toBeUndefined();
  });
});
