import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../support/test-app';

const SEARCH = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditRecords(filter: $filter, first: $first, after: $after) {
    endCursor hasMore
    records { id at actorId actorUsername actorDisplayName requestId operation transport entityType entityId change before after }
  }
}`;

interface Row {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorDisplayName: string | null;
  requestId: string;
  operation: string;
  entityType: string | null;
  entityId: string | null;
  change: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
type Page = { auditRecords: { endCursor: string | null; hasMore: boolean; records: Row[] } };

describe('searching the audit trail', () => {
  let t: TestApp;
  let leader: string;
  let dutyId: string;
  let incidentId: string;
  let startedAt: string;
  beforeAll(async () => {
    t = await startTestApp();
    leader = await t.login('leader');
    const duty = await t.login('duty');
    dutyId = (await t.gql<{ me: { userId: string } }>('{ me { userId } }', {}, duty)).data!.me.userId;
    startedAt = new Date(Date.now() - 1_000).toISOString();
    const reported = await t.gql<{ reportIncident: { id: string; version: number } }>(
      'mutation { reportIncident(input: { title: "冷链车辆通行受阻", incidentClass: A }) { id version } }',
      {},
      duty,
    );
    incidentId = reported.data!.reportIncident.id;
    await t.gql(
      'mutation($input: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $input) { id } }',
      { input: { id: incidentId, status: 'ACKNOWLEDGED', expectedVersion: reported.data!.reportIncident.version } },
      duty,
    );
    for (let i = 0; i < 4; i++)
      await t.gql(`mutation { reportIncident(input: { title: "分页 ${i}", incidentClass: C }) { id } }`, {}, duty);
  });
  afterAll(() => t?.close());

  const search = (variables: Record<string, unknown>, cookie = leader) =>
    t.gql<Page>(SEARCH, variables, cookie) as Promise<GraphQLResponse<Page>>;

  it('finds one record’s history, newest first, with who, what and the changed fields before and after', async () => {
    const { data, errors } = await search({ filter: { entityType: 'Incident', entityId: incidentId } });
    expect(errors).toBeUndefined();
    const rows = data!.auditRecords.records;
    expect(rows.map((r) => [r.operation, r.change])).toEqual([
      ['changeIncidentStatus', 'UPDATE'],
      ['reportIncident', 'CREATE'],
    ]);
    expect(rows[0]).toMatchObject({
      actorId: dutyId,
      actorUsername: 'duty',
      actorDisplayName: '王值班 (值班员)',
      before: { status: 'REPORTED' },
      after: { status: 'ACKNOWLEDGED' },
    });
    expect(rows[1]!.before).toBeNull();
    expect(rows[1]!.after).toMatchObject({ title: '冷链车辆通行受阻', incidentClass: 'A' });
  });

  it('finds a person’s changes, an operation’s changes, and changes in a time range', async () => {
    const byPerson = await search({ filter: { actorId: dutyId }, first: 200 });
    expect(byPerson.data!.auditRecords.records.length).toBeGreaterThanOrEqual(6);
    expect(new Set(byPerson.data!.auditRecords.records.map((r) => r.actorId))).toEqual(new Set([dutyId]));

    // Five reports; a report may change more than one record (e.g. its timeline), each row shares the request id.
    const byOperation = await search({ filter: { operation: 'reportIncident' }, first: 200 });
    const reports = byOperation.data!.auditRecords.records;
    expect(new Set(reports.map((r) => r.operation))).toEqual(new Set(['reportIncident']));
    expect(new Set(reports.map((r) => r.requestId)).size).toBe(5);
    expect(reports.filter((r) => r.entityType === 'Incident' && r.change === 'CREATE')).toHaveLength(5);

    const future = await search({ filter: { from: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.data!.auditRecords.records).toEqual([]);
    const inRange = await search({
      filter: { from: startedAt, to: new Date(Date.now() + 1_000).toISOString(), operation: 'changeIncidentStatus' },
    });
    expect(new Set(inRange.data!.auditRecords.records.map((r) => r.requestId)).size).toBe(1);
  });

  it('pages with a cursor: no record twice, none skipped, in order', async () => {
    const all = (await search({ filter: { actorId: dutyId }, first: 200 })).data!.auditRecords.records.map((r) => r.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: GraphQLResponse<Page> = await search({ filter: { actorId: dutyId }, first: 2, after });
      const { records, endCursor, hasMore } = result.data!.auditRecords;
      seen.push(...records.map((r) => r.id));
      if (!hasMore) break;
      after = endCursor;
    }
    expect(seen).toEqual(all);
    expect([...all].sort((a, b) => Number(b) - Number(a))).toEqual(all);
  });

  it('explains bad search input by field', async () => {
    expect((await search({ first: 500 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await search({ after: 'garbage' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await search({ filter: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
  });

  it('is open to administrators and leaders only', async () => {
    expect((await search({}, await t.login('admin'))).errors).toBeUndefined();
    for (const user of ['duty', 'dispatcher', 'logistics', 'coordinator', 'liaison']) {
      expect((await search({}, await t.login(user))).errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
    }
  });

  it('shows secrets as [redacted]: a password change leaves no hash in the trail', async () => {
    const cookie = await t.login('coordinator');
    await t.gql('mutation { changePassword(currentPassword: "demo-password", newPassword: "coordinator-new-pass") }', {}, cookie);
    const { data } = await search({ filter: { operation: 'changePassword' } });
    const userRow = data!.auditRecords.records.find((r) => r.entityType === 'User')!;
    expect(userRow.after).toEqual({ passwordHash: '[redacted]' });
    expect(JSON.stringify(data)).not.toMatch(/argon2/);
  });
});
