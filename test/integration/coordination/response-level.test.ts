import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { ok } from '../duty/duty-helpers';

const SET = `mutation($input: SetResponseLevelInput!) { setResponseLevel(input: $input) { id level effectiveAt note setBy { displayName } } }`;
const NOW = `{ responseLevel { level since endedAt change { id note setBy { displayName } } } }`;
const CHANGED = `subscription($after: EventPosition) { responseLevelChanged(after: $after) { position change { id level effectiveAt } } }`;

describe('the HQ’s response level (应急响应级别)', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date());
  let leader: string;
  let coordinator: string;
  let liaison: string;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    [leader, coordinator, liaison] = await Promise.all([t.login('leader'), t.login('coordinator'), t.login('liaison')]);
  });
  afterAll(() => t?.close());

  it('has none until a leader sets it; then every console reads it and since when, and the others’ services too', async () => {
    expect(ok(await t.gql<{ responseLevel: unknown }>(NOW, {}, liaison)).responseLevel).toMatchObject({
      level: null,
      since: null,
      endedAt: null,
    });
    const ending = await t.gql(SET, { input: { level: 'ENDED' } }, leader);
    expect(ending.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'response_level/nothing_to_end' });

    const set = ok(
      await t.gql<{ setResponseLevel: { level: string; effectiveAt: string } }>(
        SET,
        { input: { level: 'LEVEL_1', note: '指挥部决定启动一级响应' } },
        leader,
      ),
    );
    expect(set.setResponseLevel).toMatchObject({ level: 'LEVEL_1', effectiveAt: clock.now().toISOString() });
    expect(ok(await t.gql<{ responseLevel: unknown }>(NOW, {}, liaison)).responseLevel).toMatchObject({
      level: 'LEVEL_1',
      since: clock.now().toISOString(),
      endedAt: null,
      change: { note: '指挥部决定启动一级响应', setBy: { displayName: expect.stringContaining('李带班') } },
    });
    const em = t.app.orm.em.fork();
    expect(await t.app.modules.coordination.response.current(em)).toMatchObject({ level: 'LEVEL_1', endedAt: null });
    expect(await t.app.modules.coordination.response.endedAt(em)).toBeNull();
  });

  it('is set by a leader only, never to the level it already is', async () => {
    const denied = await t.gql(SET, { input: { level: 'LEVEL_2' } }, coordinator);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const same = await t.gql(SET, { input: { level: 'LEVEL_1' } }, leader);
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'response_level/unchanged' });
  });

  it('goes live to every console, resumes after a position, keeps its history and tells when the response ended', async () => {
    const client = wsClient(t.wsUrl, liaison);
    const live = collect<{ responseLevelChanged: { position: string; change: { level: string } } }>(client, CHANGED);
    await new Promise((r) => setTimeout(r, 300));
    clock.advance(3_600_000);
    ok(await t.gql(SET, { input: { level: 'LEVEL_2', note: '降为二级' } }, leader));
    await live.until(1);
    expect(live.errors).toEqual([]);
    const first = live.results[0]!.data!.responseLevelChanged;
    expect(first.change.level).toBe('LEVEL_2');
    live.unsubscribe();

    clock.advance(3_600_000);
    ok(await t.gql(SET, { input: { level: 'ENDED', note: '响应结束' } }, leader));
    const resumed = collect<{ responseLevelChanged: { change: { level: string } } }>(client, CHANGED, { after: first.position });
    expect((await resumed.until(1)).map((r) => r.data!.responseLevelChanged.change.level)).toEqual(['ENDED']);
    resumed.unsubscribe();
    await client.dispose();

    const em = t.app.orm.em.fork();
    expect(await t.app.modules.coordination.response.endedAt(em)).toEqual(clock.now());
    const history = ok(await t.gql<{ responseLevelHistory: { level: string }[] }>('{ responseLevelHistory { level } }', {}, coordinator));
    expect(history.responseLevelHistory.map((c) => c.level)).toEqual(['ENDED', 'LEVEL_2', 'LEVEL_1']);
    await expect(em.getConnection().execute(`update response_level_change set level = 'LEVEL_4'`)).rejects.toThrow(/append-only/);

    const audit = await em
      .getConnection()
      .execute<{ operation: string }[]>(
        `select operation from audit_record where operation = 'setResponseLevel' and entity_type = 'ResponseLevelChange'`,
      );
    expect(audit).toHaveLength(3);
  });
});
