/**
 * The audit trail records every mutation, generically: every mutation of the schema is called
 * successfully (with its fixture, as a role the policy allows) and must leave audit rows with its
 * operation name, its request id and its actor. Nothing can change or remove a row afterwards.
 */
import { accessFor, type Role } from '@cc/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureHarness } from '../support/fixture-harness';
import { documentFor, rootOperations, type RootOperation } from '../support/operation-documents';
import type { FixtureActor } from '../support/module-tests';
import { startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app';

interface AuditRow {
  actor_id: string | null;
  operation: string;
  transport: string;
  change: string;
  entity_type: string | null;
}

/** A role the policy lets use the operation, or null when anyone may (then it is called signed out). */
function allowedRole(operation: string): Role | null {
  const access = accessFor(operation);
  if (access === undefined) throw new Error(`${operation} has no policy entry`);
  if (access === 'PUBLIC') return null;
  if (access === 'AUTHENTICATED') return 'DUTY_OFFICER';
  return access[0]!;
}

describe('audit trail: every mutation', () => {
  let t: TestApp;
  let harness: FixtureHarness;
  let db: pg.Client;
  let mutations: RootOperation[];
  let snapshot: Map<string, string>;

  const rowDigests = async () => {
    const { rows } = await db.query<{ id: string; digest: string }>('select id::text, md5(audit_record::text) as digest from audit_record');
    return new Map(rows.map((r) => [r.id, r.digest]));
  };

  beforeAll(async () => {
    t = await startTestApp();
    harness = await FixtureHarness.start(t);
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    mutations = rootOperations(t.app.schema).filter((o) => o.kind === 'mutation');
    snapshot = await rowDigests();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('writes audit rows with the operation, the request id and the actor for every mutation', async () => {
    expect(mutations.length).toBeGreaterThan(0);
    for (const mutation of mutations) {
      const role = allowedRole(mutation.name);
      const actor: FixtureActor | null = role ? await harness.actor([role]) : null;
      const variables = await harness.variables(mutation.name, actor);
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(actor ? { cookie: actor.cookie } : {}) },
        body: JSON.stringify({ query: documentFor(mutation, variables), variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      expect(body.errors, `${mutation.name} as ${role ?? 'anonymous'} should succeed with its fixture`).toBeUndefined();
      const requestId = response.headers.get('x-request-id');
      expect(requestId, 'every HTTP answer names its request').toBeTruthy();

      // Signed out, the actor is whoever the call signed in (login), or nobody.
      let expectedActor = actor?.userId ?? null;
      const cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!actor && cookie) {
        const me = await t.gql<{ me: { userId: string } | null }>('{ me { userId } }', {}, cookie);
        expectedActor = me.data?.me?.userId ?? null;
      }
      const { rows } = await db.query<AuditRow>(
        'select actor_id, operation, transport, change, entity_type from audit_record where request_id = $1',
        [requestId],
      );
      expect(rows.length, `${mutation.name} left no audit row`).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row, mutation.name).toMatchObject({ operation: mutation.name, actor_id: expectedActor, transport: 'http' });
      }
    }
  }, 300_000);

  it('kept every earlier audit row unchanged while all those mutations ran', async () => {
    const after = await rowDigests();
    expect(after.size).toBeGreaterThan(snapshot.size);
    for (const [id, digest] of snapshot) expect(after.get(id), `audit row ${id}`).toBe(digest);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit_record on the application’s own connection', async () => {
    const em = t.app.orm.em.fork();
    const before = await em.execute<{ n: string }[]>('select count(*) as n from audit_record');
    await expect(em.execute(`update audit_record set operation = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(em.execute('delete from audit_record')).rejects.toThrow(/append-only/);
    await expect(em.execute('truncate audit_record')).rejects.toThrow(/append-only/);
    const after = await em.execute<{ n: string }[]>('select count(*) as n from audit_record');
    expect(after[0]!.n).toBe(before[0]!.n);
    const tampered = await em.execute<{ n: string }[]>(`select count(*) as n from audit_record where operation = 'tampered'`);
    expect(Number(tampered[0]!.n)).toBe(0);
  });

  it('offers no operation that writes the audit trail: the audit module has queries only', () => {
    const auditOperations = rootOperations(t.app.schema).filter((o) => /audit/i.test(o.name));
    expect(auditOperations.map((o) => `${o.kind} ${o.name}`)).toEqual(['query auditRecords']);
  });
});
