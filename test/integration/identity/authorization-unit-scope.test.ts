import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';

const UNIT = 'query($id: ID!) { memberUnit(id: $id) { id code name } }';

/**
 * Record-level scoping (core/auth/unit-scope.ts) through the API: a unit liaison reads their own
 * unit, and another unit's record is answered exactly like one that does not exist.
 */
describe('unit scoping for unit liaisons', () => {
  let t: TestApp;
  let units: Map<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    const listed = await t.gql<{ memberUnits: { id: string; code: string }[] }>('{ memberUnits { id code } }', {}, admin);
    units = new Map(listed.data!.memberUnits.map((u) => [u.code, u.id]));
  });
  afterAll(() => t?.close());

  it('lets the AGRICULTURE liaison read their own unit', async () => {
    const liaison = await t.login('liaison');
    const own = await t.gql(UNIT, { id: units.get('AGRICULTURE') }, liaison);
    expect(own.data).toEqual({ memberUnit: { id: units.get('AGRICULTURE'), code: 'AGRICULTURE', name: '县农业农村局' } });
    const me = await t.gql('{ me { unitId unit { code } } }', {}, liaison);
    expect(me.data).toEqual({ me: { unitId: units.get('AGRICULTURE'), unit: { code: 'AGRICULTURE' } } });
  });

  it('denies another unit’s record with NOT_FOUND, worded exactly as for an id that does not exist', async () => {
    const liaison = await t.login('liaison');
    const other = await t.gql(UNIT, { id: units.get('HEALTH') }, liaison);
    const missingId = '7f000000-0000-4000-8000-000000000001';
    const missing = await t.gql(UNIT, { id: missingId }, liaison);
    expect(other.data).toBeNull();
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(other.errors?.[0]?.message.replace(units.get('HEALTH')!, '<id>')).toBe(missing.errors?.[0]?.message.replace(missingId, '<id>'));
    for (const code of ['COMMERCE', 'INDUSTRY', 'HEALTH']) {
      expect((await t.gql(UNIT, { id: units.get(code) }, liaison)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('lets HQ roles read any unit', async () => {
    for (const user of ['duty', 'leader', 'logistics']) {
      const cookie = await t.login(user);
      const r = await t.gql<{ memberUnit: { code: string } }>(UNIT, { id: units.get('HEALTH') }, cookie);
      expect(r.data?.memberUnit.code, user).toBe('HEALTH');
    }
  });

  it('keeps the liaison out of HQ-wide lists: the unit list and everyone’s incidents are FORBIDDEN', async () => {
    const liaison = await t.login('liaison');
    expect((await t.gql('{ memberUnits { id } }', {}, liaison)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('{ incidents { id } }', {}, liaison)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
