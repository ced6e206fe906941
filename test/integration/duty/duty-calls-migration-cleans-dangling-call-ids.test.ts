import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openOrm, type Orm } from '../../../server/src/core/database/orm';
import { createLogger } from '../../../server/src/core/logger';
import { createModules } from '../../../server/src/modules';
import { createDatabase, dropDatabase } from '../../support/database';

/**
 * dispatch_order.call_id was only format-checked until the duty module existed (ADR 0009). Its
 * migration nulls the values that match no call, then makes the column a real foreign key: an
 * existing database with such values must migrate, not fail on the new constraint.
 */
describe('migration 0010 on a database whose orders name calls that never existed', () => {
  const name = `cc_t_${randomBytes(6).toString('hex')}`;
  let url: string;
  let orm: Orm;
  let db: pg.Client;
  beforeAll(async () => {
    url = await createDatabase(inject('pgAdminUrl'), name);
    const modules = createModules({ sessionTtlMs: 60_000 });
    orm = await openOrm({
      url,
      entities: modules.entities,
      migrations: modules.migrations,
      logger: createLogger('warn', 'migration-test'),
    });
    db = new pg.Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await orm?.close();
    await dropDatabase(inject('pgAdminUrl'), name);
  });

  it('nulls the dangling call ids, then refuses new ones', async () => {
    await orm.migrator.up({ to: '0008-incident-reported-upward' });
    const dangling = randomUUID();
    const { rows } = await db.query<{ id: string }>(
      `insert into dispatch_order (id, created_at, updated_at, number, cargo_kind, cargo_amount, cargo_unit, origin, destination,
         green_channel, priority, requested_at, requesting_group, status, call_id)
       values (gen_random_uuid(), now(), now(), 'DD-20261207-001', 'COAL', 5, 'TONNES', '煤场', '电厂', false, 4, now(), 'TRANSPORT', 'OPEN', $1)
       returning id`,
      [dangling],
    );
    await orm.migrator.up();
    const after = await db.query<{ call_id: string | null }>('select call_id from dispatch_order where id = $1', [rows[0]!.id]);
    expect(after.rows).toEqual([{ call_id: null }]);
    await expect(db.query('update dispatch_order set call_id = $1 where id = $2', [dangling, rows[0]!.id])).rejects.toMatchObject({
      code: '23503',
    });
  });
});
