import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { collect, wsClient } from '../../support/ws-client';
import { createPerson } from '../dispatch/dispatch-helpers';
import {
  APPROVE,
  FILE,
  MINE,
  ONE_PERMIT,
  ONE_REQUEST,
  PERMITS,
  WITHDRAW,
  aRequest,
  failure,
  fileRequest,
  ok,
  unitIds,
  type Permit,
  type Request,
} from './permits-helpers';

const CHANGED = `subscription($after: EventPosition) { permitRequestChanged(after: $after) { position request { id unitId } } }`;

describe('a unit liaison files and sees only their own unit’s permit requests and permits', () => {
  let t: TestApp;
  let agriculture: string;
  let health: string;
  let dispatcher: string;
  let units: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    [agriculture, dispatcher] = await Promise.all([t.login('liaison'), t.login('dispatcher')]);
    units = await unitIds(t, admin);
    health = await createPerson(t, admin, {
      username: 'health-permits',
      displayName: '卫健联络员',
      roles: ['UNIT_LIAISON'],
      unitId: units['HEALTH'],
    });
  });
  afterAll(() => t?.close());

  it('files for their own unit; naming another unit is answered as not found', async () => {
    const mine = await fileRequest(t, agriculture, new Date());
    expect(mine.unitId).toBe(units['AGRICULTURE']);
    const other = failure(await t.gql(FILE, { input: aRequest(new Date(), { unitId: units['HEALTH'] }) }, agriculture));
    expect(other.code).toBe('NOT_FOUND');
  });

  it('reads, lists and withdraws only their own unit’s requests', async () => {
    const mine = await fileRequest(t, agriculture, new Date(), { plate: '京B12345' });
    const theirs = await fileRequest(t, health, new Date(), { plate: '京C12345' });
    const list = ok(
      await t.gql<{ myPermitRequests: { items: Request[]; total: number } }>(MINE, { first: 200 }, agriculture),
    ).myPermitRequests;
    expect(list.items.map((r) => r.id)).toContain(mine.id);
    expect(list.items.every((r) => r.unitId === units['AGRICULTURE'])).toBe(true);
    expect(ok(await t.gql<{ permitRequest: Request | null }>(ONE_REQUEST, { id: theirs.id }, agriculture)).permitRequest).toBeNull();
    expect(failure(await t.gql(WITHDRAW, { input: { requestId: theirs.id } }, agriculture)).code).toBe('NOT_FOUND');
    // HQ sees both units'.
    const all = ok(await t.gql<{ myPermitRequests: { items: Request[] } }>(MINE, { first: 200 }, dispatcher)).myPermitRequests;
    expect(all.items.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it('finds only their own unit’s permits, by search or by number', async () => {
    const mine = await fileRequest(t, agriculture, new Date(), { plate: '京D12345' });
    const theirs = await fileRequest(t, health, new Date(), { plate: '京D12346' });
    const [p1, p2] = await Promise.all(
      [mine, theirs].map(
        async (r) =>
          ok(await t.gql<{ approvePermitRequest: Permit }>(APPROVE, { input: { requestId: r.id } }, dispatcher)).approvePermitRequest,
      ),
    );
    const search = ok(await t.gql<{ trafficPermits: { items: Permit[] } }>(PERMITS, { search: '京D1234' }, agriculture)).trafficPermits;
    expect(search.items.map((p) => p.number)).toEqual([p1!.number]);
    expect(ok(await t.gql<{ trafficPermit: Permit | null }>(ONE_PERMIT, { idOrNumber: p2!.number }, agriculture)).trafficPermit).toBeNull();
    const hq = ok(await t.gql<{ trafficPermits: { items: Permit[] } }>(PERMITS, { search: '京D1234' }, dispatcher)).trafficPermits;
    expect(hq.items.map((p) => p.number).sort()).toEqual([p1!.number, p2!.number].sort());
  });

  it('cannot name a duty-phone call: that is the dispatcher’s filing on a caller’s behalf', async () => {
    const refused = failure(
      await t.gql(FILE, { input: aRequest(new Date(), { dutyCallId: '00000000-0000-4000-8000-000000000000' }) }, agriculture),
    );
    expect(refused.code).toBe('NOT_FOUND');
  });

  it('receives live only their own unit’s request changes', async () => {
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, agriculture);
    const client = wsClient(t.wsUrl, agriculture);
    const live = collect<{ permitRequestChanged: { request: { id: string; unitId: string } } }>(client, CHANGED, {
      after: data!.livePosition,
    });
    await fileRequest(t, health, new Date(), { plate: '京E12345' });
    const mine = await fileRequest(t, agriculture, new Date(), { plate: '京E12346' });
    await live.until(1);
    expect(live.errors).toEqual([]);
    // The HEALTH request committed first: had it leaked, it would be the first result.
    expect(live.results[0]!.data!.permitRequestChanged.request.id).toBe(mine.id);
    expect(live.results.every((r) => r.data!.permitRequestChanged.request.unitId === units['AGRICULTURE'])).toBe(true);
    live.unsubscribe();
    await client.dispose();
  });
});
