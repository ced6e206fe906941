import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResumingSubscriber } from '../../support/resuming-subscriber';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ACKNOWLEDGE, FORWARD, logCall, ok, type Call } from './duty-helpers';

const CHANGED = `subscription($after: EventPosition) { dutyCallChanged(after: $after) { position kind call { id status } } }`;

describe('forward → acknowledgement, live on both sides', () => {
  let t: TestApp;
  let duty: string;
  let dispatcher: string;
  let db: pg.Client;
  beforeAll(async () => {
    t = await startTestApp();
    [duty, dispatcher] = await Promise.all([t.login('duty'), t.login('dispatcher')]);
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const positionsOf = async (callId: string) =>
    (
      await db.query<{ position: string }>(`select position from event where topic = 'dutyCall' and entity_id = $1 order by position`, [
        callId,
      ])
    ).rows.map((r) => BigInt(r.position));

  it('delivers the forward and the acknowledgement once each to a subscriber that goes away in between and resumes', async () => {
    const { data } = await t.gql<{ livePosition: string }>('{ livePosition }', {}, duty);
    const officer = new ResumingSubscriber(t.wsUrl, duty, CHANGED, 'dutyCallChanged', BigInt(data!.livePosition));
    const receiver = new ResumingSubscriber(t.wsUrl, dispatcher, CHANGED, 'dutyCallChanged', BigInt(data!.livePosition));
    officer.start();
    receiver.start();
    await new Promise((r) => setTimeout(r, 300));

    const call = await logCall(t, duty);
    const forwarded = ok(
      await t.gql<{ forwardDutyCall: Call }>(FORWARD, { input: { callId: call.id, targets: [{ group: 'TRANSPORT' }] } }, duty),
    ).forwardDutyCall;
    const [logged, forward] = await positionsOf(call.id);
    await receiver.waitFor(() => receiver.positions.includes(forward!), 10_000);

    // The officer's console drops off (a laptop lid, a network blip) and the call is acknowledged meanwhile.
    await officer.waitFor(() => officer.positions.includes(forward!), 10_000);
    await officer.close();
    ok(await t.gql(ACKNOWLEDGE, { input: { forwardId: forwarded.forwards[0]!.id, note: '已派车' } }, dispatcher));
    const acknowledgement = (await positionsOf(call.id))[2]!;

    const resumed = new ResumingSubscriber(t.wsUrl, duty, CHANGED, 'dutyCallChanged', officer.positions.at(-1));
    resumed.start();
    await resumed.waitFor(() => resumed.positions.includes(acknowledgement), 10_000);
    await receiver.waitFor(() => receiver.positions.includes(acknowledgement), 10_000);
    await new Promise((r) => setTimeout(r, 300));

    const seenByOfficer = [...officer.positions, ...resumed.positions].filter((p) => [logged, forward, acknowledgement].includes(p));
    expect(seenByOfficer).toEqual([logged, forward, acknowledgement]);
    expect(receiver.positions.filter((p) => [logged, forward, acknowledgement].includes(p))).toEqual([logged, forward, acknowledgement]);
    expect([officer.errors, resumed.errors, receiver.errors]).toEqual([[], [], []]);
    await Promise.all([resumed.close(), receiver.close()]);
  });
});
