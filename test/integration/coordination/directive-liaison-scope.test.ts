import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { createPerson } from '../dispatch/dispatch-helpers';
import { ok, unitIds } from '../duty/duty-helpers';
import { BOARD, createDirective, readDirective, step, type Directive } from './directive-helpers';

const CHANGED = `subscription($after: EventPosition) { directiveChanged(after: $after) { position kind directive { id completedAt } } }`;

describe('a unit liaison sees the directives assigned to their unit, and acts on their own assignment only', () => {
  let t: TestApp;
  let coordinator: string;
  let agriculture: string;
  let health: string;
  let units: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    [coordinator, agriculture] = await Promise.all([t.login('coordinator'), t.login('liaison')]);
    units = await unitIds(t, admin);
    health = await createPerson(t, admin, {
      username: 'health-liaison',
      displayName: '卫健联络员',
      roles: ['UNIT_LIAISON'],
      unitId: units['HEALTH'],
    });
  });
  afterAll(() => t?.close());

  it('finds only their unit’s directives on the board and by id, with only their own assignment', async () => {
    const mine = await createDirective(
      t,
      coordinator,
      [{ unitId: units['AGRICULTURE']! }, { unitId: units['HEALTH']! }, { group: 'TRANSPORT' }],
      {
        title: '农业局：春耕物资运输',
      },
    );
    const theirs = await createDirective(t, coordinator, [{ unitId: units['HEALTH']! }], { title: '卫健局：发热门诊' });
    const board = ok(await t.gql<{ directives: Directive[] }>(BOARD, {}, agriculture)).directives;
    expect(board.map((d) => d.id)).toEqual([mine.id]);
    expect(board[0]!.assignees.map((a) => a.targetUnitId)).toEqual([units['AGRICULTURE']]);
    expect(board[0]!.assignees[0]!.canAct).toBe(true);
    expect(await readDirective(t, agriculture, theirs.id)).toBeNull();
  });

  it('acts on their own unit’s assignment; another unit’s or a group’s is not found, and their notes only show to them', async () => {
    const directive = await createDirective(t, coordinator, [
      { unitId: units['AGRICULTURE']! },
      { unitId: units['HEALTH']! },
      { group: 'TRANSPORT' },
    ]);
    const byUnit = (id: string | undefined) => directive.assignees.find((a) => a.targetUnitId === id)!;
    const group = directive.assignees.find((a) => a.targetGroup === 'TRANSPORT')!;
    for (const other of [byUnit(units['HEALTH']).id, group.id]) {
      const wrong = await step(t, agriculture, 'accept', other);
      expect(wrong.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    ok(await step(t, agriculture, 'accept', byUnit(units['AGRICULTURE']).id, '农业局已接收'));
    ok(await step(t, health, 'accept', byUnit(units['HEALTH']).id, '卫健局已接收'));
    const seen = (await readDirective(t, agriculture, directive.id))!;
    expect(seen.progress.map((p) => p.note)).toEqual(['农业局已接收']);
    expect((await readDirective(t, coordinator, directive.id))!.progress).toHaveLength(2);
  });

  it('receives live only the changes of directives assigned to their unit', async () => {
    const client = wsClient(t.wsUrl, agriculture);
    const live = collect<{ directiveChanged: { kind: string; directive: { id: string } } }>(client, CHANGED);
    await new Promise((r) => setTimeout(r, 300));
    const other = await createDirective(t, coordinator, [{ unitId: units['HEALTH']! }]);
    const mine = await createDirective(t, coordinator, [{ unitId: units['AGRICULTURE']! }]);
    ok(await step(t, health, 'accept', other.assignees[0]!.id));
    ok(await step(t, agriculture, 'accept', mine.assignees[0]!.id));
    await live.until(2);
    expect(live.errors).toEqual([]);
    expect(live.results.map((r) => [r.data!.directiveChanged.directive.id, r.data!.directiveChanged.kind])).toEqual([
      [mine.id, 'CREATED'],
      [mine.id, 'UPDATED'],
    ]);
    live.unsubscribe();
    await client.dispose();
  });
});
