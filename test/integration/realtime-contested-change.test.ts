import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const REPORT = 'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id version } }';
const CHANGE = 'mutation($input: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $input) { id status version } }';

describe('50 consoles making the same contested change at once', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('lets exactly one win; the other 49 get CONFLICT, and nothing half-written remains', async () => {
    const cookies = await Promise.all(['duty', 'leader', 'coordinator', 'admin'].map((u) => t.login(u)));
    const { data } = await t.gql<{ reportIncident: { id: string; version: number } }>(
      REPORT,
      { input: { title: '争用测试', incidentClass: 'B' } },
      cookies[0],
    );
    const { id, version } = data!.reportIncident;
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.gql(CHANGE, { input: { id, status: 'ACKNOWLEDGED', expectedVersion: version } }, cookies[i % cookies.length]),
      ),
    );
    const winners = attempts.filter((a) => !a.errors);
    const losers = attempts.filter((a) => a.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const loser of losers) expect(loser.errors![0]!.extensions!.code).toBe('CONFLICT');

    const em = t.app.orm.em.fork();
    const [row] = await em.execute<{ status: string; version: number }[]>('select status, version from incident where id = ?', [id]);
    expect(row).toEqual({ status: 'ACKNOWLEDGED', version: version + 1 });
    const [audits] = await em.execute<{ n: string }[]>(
      `select count(*) as n from audit_record where operation = 'changeIncidentStatus' and entity_id = ?`,
      [id],
    );
    expect(Number(audits!.n)).toBe(1);
    const [events] = await em.execute<{ n: string }[]>(`select count(*) as n from event where entity_id = ? and kind = 'UPDATED'`, [id]);
    expect(Number(events!.n)).toBe(1);
  });
});
