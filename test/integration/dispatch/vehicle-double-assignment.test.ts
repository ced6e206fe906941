import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';
import { ASSIGN, createOrder, createPerson, readBoard, type Order } from './dispatch-helpers';

/**
 * Regression test for the rule "no double assignment": many dispatchers pressing "assign"
 * on the same vehicle at the same moment. Exactly one may win; every other one is told who
 * took it; the database agrees, and nothing of the losers is written (not even audit rows).
 */
const PARALLEL = 50;
const DISPATCHERS = 5;

describe('one vehicle, many dispatchers at once', () => {
  let t: TestApp;
  let db: pg.Client;
  let sessions: { cookie: string; name: string }[];
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    sessions = [];
    for (let i = 1; i <= DISPATCHERS; i++) {
      const name = `调度员${i}号`;
      sessions.push({
        name,
        cookie: await createPerson(t, admin, { username: `dispatcher${i}`, displayName: name, roles: ['DISPATCHER'] }),
      });
    }
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  async function readyBoxTruck(): Promise<{ id: string; plate: string }> {
    const board = await readBoard(t, sessions[0]!.cookie);
    return board.companies.flatMap((c) => c.vehicles).find((v) => v.status === 'STANDBY' && v.vehicleType === 'BOX_TRUCK')!;
  }

  async function race(vehicleId: string, orders: Order[]) {
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => {
        const session = sessions[i % sessions.length]!;
        const order = orders[i % orders.length]!;
        return t
          .gql<{ assignVehicles: Order }>(ASSIGN, { input: { orderId: order.id, vehicleIds: [vehicleId] } }, session.cookie)
          .then((response) => ({ response, session, order }));
      }),
    );
    return { responses, elapsedMs: Date.now() - started };
  }

  async function activeAssignments(vehicleId: string) {
    const { rows } = await db.query<{ order_id: string; assigned_by_name: string }>(
      'select order_id, assigned_by_name from vehicle_assignment where vehicle_id = $1 and released_at is null',
      [vehicleId],
    );
    return rows;
  }

  function outcome<R extends { response: GraphQLResponse<{ assignVehicles: Order }> }>(responses: R[]) {
    const winners = responses.filter((r) => !r.response.errors && r.response.data?.assignVehicles);
    const losers = responses.filter((r) => r.response.errors);
    return { winners, losers };
  }

  it(`${PARALLEL} parallel assignments of one vehicle to ${PARALLEL} different orders: exactly one wins`, async () => {
    const vehicle = await readyBoxTruck();
    const orders = [];
    for (let i = 0; i < PARALLEL; i++)
      orders.push(await createOrder(t, sessions[i % DISPATCHERS]!.cookie, { cargoDescription: `race ${i}` }));
    const auditBefore = Number((await db.query('select coalesce(max(id), 0) as n from audit_record')).rows[0].n);
    const eventsBefore = String((await db.query('select coalesce(max(position), 0) as n from event')).rows[0].n);

    const { responses, elapsedMs } = await race(vehicle.id, orders);
    const { winners, losers } = outcome(responses);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(PARALLEL - 1);
    const winner = winners[0]!;
    for (const loser of losers) {
      const error = loser.response.errors![0]!;
      expect(error.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'vehicle/already_assigned',
        takenBy: winner.session.name,
        orderId: winner.order.id,
        orderNumber: winner.order.number,
      });
      expect(error.message).toBe(`${vehicle.plate} was just assigned by ${winner.session.name} to ${winner.order.number}.`);
    }

    // The database agrees: one active assignment, the vehicle ASSIGNED, only the winner's order moved.
    expect(await activeAssignments(vehicle.id)).toEqual([{ order_id: winner.order.id, assigned_by_name: winner.session.name }]);
    const { rows: vehicleRows } = await db.query('select status from vehicle where id = $1', [vehicle.id]);
    expect(vehicleRows).toEqual([{ status: 'ASSIGNED' }]);
    const { rows: moved } = await db.query<{ id: string }>(`select id from dispatch_order where id = any($1) and status <> 'OPEN'`, [
      orders.map((o) => o.id),
    ]);
    expect(moved.map((r) => r.id)).toEqual([winner.order.id]);

    // Audit rows only for the winner: losers rolled back whole.
    const { rows: audit } = await db.query<{ operation: string; actor: string }>(
      `select a.operation, u.display_name as actor from audit_record a left join app_user u on u.id = a.actor_id
       where a.id > $1 and a.operation = 'assignVehicles'`,
      [auditBefore],
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((r) => r.actor))).toEqual(new Set([winner.session.name]));
    // One status change into ASSIGNED for this vehicle, one outbox event saying so.
    const { rows: history } = await db.query(
      `select count(*)::int as n from vehicle_status_change where vehicle_id = $1 and order_id = any($2)`,
      [vehicle.id, orders.map((o) => o.id)],
    );
    expect(history[0].n).toBe(1);
    const { rows: events } = await db.query(
      `select topic, kind from event where position > $1 and topic in ('vehicle', 'dispatchOrder') order by position`,
      [eventsBefore],
    );
    expect(events).toEqual([
      { topic: 'vehicle', kind: 'UPDATED' },
      { topic: 'dispatchOrder', kind: 'UPDATED' },
    ]);
    console.info(`[double assignment] ${PARALLEL} parallel requests over ${DISPATCHERS} sessions settled in ${elapsedMs} ms`);
  });

  it(`stays one winner round after round, also when all ${PARALLEL} aim at the same order`, async () => {
    for (let round = 0; round < 3; round++) {
      const vehicle = await readyBoxTruck();
      const order = await createOrder(t, sessions[0]!.cookie, { cargoDescription: `same order, round ${round}` });
      const { responses } = await race(vehicle.id, [order]);
      const { winners, losers } = outcome(responses);
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(losers.every((l) => l.response.errors![0]!.extensions?.['reason'] === 'vehicle/already_assigned')).toBe(true);
      expect(await activeAssignments(vehicle.id)).toHaveLength(1);
      // Put it back for the next round: released to standby.
      const released = await t.gql(
        'mutation($input: ReleaseVehicleInput!) { releaseVehicle(input: $input) { status } }',
        { input: { vehicleId: vehicle.id } },
        sessions[1]!.cookie,
      );
      expect(released.errors).toBeUndefined();
      expect(await activeAssignments(vehicle.id)).toHaveLength(0);
    }
  });

  it('the database itself refuses a second active assignment, whatever the code does', async () => {
    const { rows } = await db.query<{ vehicle_id: string; order_id: string }>(
      'select vehicle_id, order_id from vehicle_assignment where released_at is null limit 1',
    );
    const active = rows[0]!;
    await expect(
      db.query(
        `insert into vehicle_assignment (id, created_at, updated_at, order_id, vehicle_id, assigned_by_name, assigned_at)
         values (gen_random_uuid(), now(), now(), $1, $2, 'bypass', now())`,
        [active.order_id, active.vehicle_id],
      ),
    ).rejects.toMatchObject({ code: '23505', constraint: 'vehicle_assignment_one_active' });
  });
});
