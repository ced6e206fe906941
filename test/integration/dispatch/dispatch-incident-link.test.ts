import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';

describe('a dispatch order raised for an incident', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('appears on that incident’s timeline, linked to the order', async () => {
    const duty = await t.login('duty');
    const dispatcher = await t.login('dispatcher');
    const reported = await t.gql<{ reportIncident: { id: string } }>(
      'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }',
      { input: { title: '检疫点口罩告急', incidentClass: 'A', location: '城关交通检疫点' } },
      duty,
    );
    const incidentId = reported.data!.reportIncident.id;
    const created = await t.gql<{ createDispatchOrder: { id: string; number: string } }>(
      'mutation($input: CreateDispatchOrderInput!) { createDispatchOrder(input: $input) { id number } }',
      {
        input: {
          cargoKind: 'EPIDEMIC_SUPPLIES',
          cargoDescription: '医用口罩',
          cargoAmount: 2,
          cargoUnit: 'TONNES',
          origin: '县应急物资储备库',
          destination: '城关交通检疫点',
          requestingGroup: 'LOGISTICS',
          incidentId,
        },
      },
      dispatcher,
    );
    expect(created.errors).toBeUndefined();
    const { data } = await t.gql<{
      incident: { timeline: { kind: string; text: string; link: { entityType: string; entityId: string } | null }[] };
    }>(
      'query($id: ID!) { incident(id: $id) { timeline(limit: 50) { kind text link { entityType entityId } } } }',
      { id: incidentId },
      duty,
    );
    const link = data!.incident.timeline.find((e) => e.kind === 'LINK');
    expect(link).toMatchObject({ link: { entityType: 'DispatchOrder', entityId: created.data!.createDispatchOrder.id } });
    expect(link!.text).toContain(created.data!.createDispatchOrder.number);
  });
});
