import { randomUUID } from 'node:crypto';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../server/src/core/context';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ASSIGN, BOARD, createOrder, readBoard } from './dispatch-helpers';

/**
 * The standby board must not cost a query per vehicle (N+1): its relations are resolved through
 * batch loaders, one query per level. Counted by the ORM's own query log, for the board query's
 * EntityManager only, with a small fleet and then with a bigger, busier one: the count stays.
 */
describe('the standby board’s database cost', () => {
  let t: TestApp;
  let admin: string;
  let dispatcher: string;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, dispatcher] = await Promise.all([t.login('admin'), t.login('dispatcher')]);
  });
  afterAll(() => t?.close());

  /** Runs the board query in process on a fresh EntityManager and returns the SQL it sent. */
  async function boardQueries(): Promise<string[]> {
    const em = t.app.orm.em.fork();
    const probe = randomUUID();
    em.setLoggerContext({ probe });
    const logger = t.app.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    const seen: string[] = [];
    logger.logQuery = (context) => {
      if ((context as { probe?: string }).probe === probe) seen.push(String(context.query));
      return original(context);
    };
    try {
      const context: Context = {
        requestId: probe,
        transport: 'http',
        viewer: {
          userId: randomUUID(),
          username: 'probe',
          displayName: 'probe',
          roles: ['DISPATCHER'],
          unitId: null,
          sessionId: probe,
          sessionExpiresAt: new Date(Date.now() + 60_000),
        },
        em,
        idempotencyKey: undefined,
        clock: { now: () => new Date() },
        hub: t.app.hub,
        logger: console as unknown as Context['logger'], // not used by the board's resolvers
      };
      const result = await execute({ schema: t.app.schema, document: parse(BOARD), contextValue: context });
      expect(result.errors).toBeUndefined();
    } finally {
      logger.logQuery = original;
    }
    return seen;
  }

  it('sends the same number of queries for 15 vehicles as for 27 with more of them on jobs', async () => {
    const small = await boardQueries();
    expect(small.length).toBeGreaterThan(0);

    const board = await readBoard(t, dispatcher);
    for (const [i, company] of board.companies.entries()) {
      for (let n = 0; n < 4; n++) {
        const created = await t.gql(
          'mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id } }',
          {
            input: {
              companyId: company.id,
              plate: `京E${i}${n}${String(Date.now()).slice(-3)}`,
              vehicleType: 'BOX_TRUCK',
              capacityTonnes: 5,
              driverName: '增援驾驶员',
              driverPhone: '139 1000 0000',
              conditionCheckedOn: new Date().toISOString().slice(0, 10),
            },
          },
          admin,
        );
        expect(created.errors).toBeUndefined();
      }
    }
    const bigger = await readBoard(t, dispatcher);
    const ready = bigger.companies.flatMap((c) => c.vehicles).filter((v) => v.status === 'STANDBY' && v.vehicleType === 'BOX_TRUCK');
    for (const vehicle of ready.slice(0, 5)) {
      const order = await createOrder(t, dispatcher);
      expect((await t.gql(ASSIGN, { input: { orderId: order.id, vehicleIds: [vehicle.id] } }, dispatcher)).errors).toBeUndefined();
    }
    expect(bigger.companies.flatMap((c) => c.vehicles)).toHaveLength(27);

    const large = await boardQueries();
    console.info(`[board cost] ${small.length} queries for 15 vehicles, ${large.length} for 27`);
    expect(large.length).toBe(small.length);
  });
});
