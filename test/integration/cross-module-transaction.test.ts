import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../server/src/core/context';
import { domainError } from '../../server/src/core/errors';
import { createLogger } from '../../server/src/core/logger';
import { commit } from '../../server/src/core/unit-of-work';
import type { CreateDispatchOrderInput } from '../../server/src/modules/dispatch/dispatch.inputs';
import type { ReportIncidentInput } from '../../server/src/modules/incidents/incident.inputs';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The seam the next modules (duty calls, permits, requisitions) need: one mutation of theirs
 * creates another module's records in its own transaction, through that module's `…In(tx, …)`
 * entry point. Everything commits together, with its events, or nothing does.
 */
describe('one module creating other modules’ records inside its own transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const contextAs = async (username: string): Promise<Context> => {
    const { modules, orm, hub } = t.app;
    const em = orm.em.fork();
    const user = (await modules.identity.users.list(em)).find((u) => u.username === username)!;
    return {
      requestId: `test:${randomUUID()}`,
      transport: 'system',
      viewer: {
        userId: user.id,
        username,
        displayName: user.displayName,
        roles: user.roles,
        unitId: null,
        sessionId: randomUUID(),
        sessionExpiresAt: new Date(Date.now() + 3_600_000),
      },
      em,
      idempotencyKey: undefined,
      clock: { now: () => new Date() },
      hub,
      logger: createLogger('warn', 'cross-module-test'),
    };
  };

  const incident = (title: string) => ({ title, incidentClass: 'B', description: '', location: '城关' }) as ReportIncidentInput;
  const order = (incidentId: string) =>
    ({
      cargoKind: 'EPIDEMIC_SUPPLIES',
      cargoDescription: '医用防护服',
      cargoAmount: 2,
      notes: '',
      cargoUnit: 'TONNES',
      origin: '县应急物资储备库',
      destination: '城关交通检疫点',
      requestingGroup: 'DUTY',
      incidentId,
    }) as CreateDispatchOrderInput;

  const eventsOf = async (entityId: string) =>
    (await t.app.orm.em.fork().execute<{ kind: string }[]>('select kind from event where entity_id = ? order by position', [entityId])).map(
      (e) => e.kind,
    );

  it('commits the incident, its order and both events together', async () => {
    const { modules } = t.app;
    const ctx = await contextAs('duty');
    const { incidentId, orderId } = await commit(ctx, 'testRaiseIncidentWithTransport', {}, async (tx) => {
      const raised = await modules.incidents.service.reportIn(tx, incident('跨模块事务：一并提交'));
      const raisedOrder = await modules.dispatch.orders.createIn(tx, order(raised.id));
      return { incidentId: raised.id, orderId: raisedOrder.id };
    });
    const em = t.app.orm.em.fork();
    expect(await modules.incidents.service.get(em, incidentId)).not.toBeNull();
    expect((await modules.dispatch.orders.get(em, ctx.viewer, orderId)).incidentId).toBe(incidentId);
    // The incident is created, then its timeline links the order raised for it.
    expect(await eventsOf(incidentId)).toEqual(['CREATED', 'UPDATED']);
    expect(await eventsOf(orderId)).toEqual(['CREATED']);
  });

  it('leaves neither record nor event when the calling module’s own step fails afterwards', async () => {
    const { modules } = t.app;
    const ctx = await contextAs('duty');
    const made: string[] = [];
    const attempt = commit(ctx, 'testRaiseIncidentWithTransport', {}, async (tx) => {
      const raised = await modules.incidents.service.reportIn(tx, incident('跨模块事务：整体回滚'));
      made.push(raised.id, (await modules.dispatch.orders.createIn(tx, order(raised.id))).id);
      throw domainError('CONFLICT', 'The calling module refuses after the others wrote.');
    });
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(made).toHaveLength(2);
    const em = t.app.orm.em.fork();
    expect(await modules.incidents.service.get(em, made[0]!)).toBeNull();
    await expect(modules.dispatch.orders.get(em, ctx.viewer, made[1]!)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await eventsOf(made[0]!)).toEqual([]);
    expect(await eventsOf(made[1]!)).toEqual([]);
  });
});
