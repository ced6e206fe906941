import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/src/core/clock';
import { ResumingSubscriber } from '../../support/resuming-subscriber';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout } from '../alerts/alert-support';
import { caughtUpPosition } from '../duty/duty-helpers';
import { DOCUMENT_FIELDS, markRead, readDocument, register, registerOk, sign, unitIdOf, type DocumentView } from './document-helpers';

const HOUR = 3_600_000;

describe('documents (文件运转): routing, reading, sign-off, reminders and the overdue alert', () => {
  let t: TestApp;
  let clock: ManualClock;
  let coordinator: string;
  let leader: string;
  let dispatcher: string;
  let logistics: string;
  let liaison: string;
  let agriculture: string;
  let commerce: string;
  let dispatcherId: string;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
    [coordinator, leader, dispatcher, logistics, liaison] = await Promise.all([
      t.login('coordinator'),
      t.login('leader'),
      t.login('dispatcher'),
      t.login('logistics'),
      t.login('liaison'),
    ]);
    [agriculture, commerce] = await Promise.all([unitIdOf(t, coordinator, 'AGRICULTURE'), unitIdOf(t, coordinator, 'COMMERCE')]);
    const people = await t.gql<{ documentRecipients: { people: { id: string; displayName: string }[] } }>(
      '{ documentRecipients { people { id displayName } } }',
      {},
      coordinator,
    );
    dispatcherId = people.data!.documentRecipients.people.find((p) => p.displayName.startsWith('张调配'))!.id;
  });
  afterAll(() => t?.close());

  const due = (hours: number) => new Date(clock.now().getTime() + hours * HOUR).toISOString();

  it('routes to a group, units and a person; each reader acts on their own copy only; the coordinator sees who has not', async () => {
    const document = await registerOk(t, coordinator, {
      targets: [
        { group: 'LOGISTICS', purpose: 'READ' },
        { unitId: agriculture, purpose: 'SIGN', dueAt: due(4) },
        { unitId: commerce, purpose: 'SIGN', dueAt: due(4) },
        { userId: dispatcherId, purpose: 'READ' },
      ],
    });
    expect(document.routings).toHaveLength(4);
    const ofLogistics = document.routings.find((r) => r.targetGroup === 'LOGISTICS')!;
    const ofAgriculture = document.routings.find((r) => r.targetUnitId === agriculture)!;
    const ofCommerce = document.routings.find((r) => r.targetUnitId === commerce)!;
    const ofDispatcher = document.routings.find((r) => r.targetUserId === dispatcherId)!;
    expect(ofAgriculture.targetName).toBe('县农业农村局');
    expect(ofDispatcher.targetName).toContain('张调配');

    // The liaison sees only their unit's copy, and may sign it; not who else it went to.
    const asLiaison = (await readDocument(t, liaison, document.id)).data!.document;
    expect(asLiaison.routings.map((r) => r.id)).toEqual([ofAgriculture.id]);
    expect(asLiaison.routings[0]).toMatchObject({ canSign: true, canMarkRead: true });

    // The wrong people are refused, with a reason they can act on.
    expect((await markRead(t, dispatcher, ofLogistics.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sign(t, liaison, ofCommerce.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await sign(t, coordinator, ofAgriculture.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sign(t, dispatcher, ofDispatcher.id)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'document/not_for_signing',
    });

    expect((await markRead(t, logistics, ofLogistics.id)).errors).toBeUndefined();
    expect((await markRead(t, dispatcher, ofDispatcher.id)).errors).toBeUndefined();
    const signed = await sign(t, liaison, ofAgriculture.id, '已收到，今日起执行');
    expect(signed.errors).toBeUndefined();
    expect(signed.data!.signDocument.routings.find((r) => r.id === ofAgriculture.id)).toMatchObject({
      signedByName: '刘联络 (联络员)',
      readByName: '刘联络 (联络员)',
      signNote: '已收到，今日起执行',
    });
    const again = await sign(t, leader, ofAgriculture.id);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'document/already_signed' });
    expect(again.errors?.[0]?.message).toContain('刘联络');

    // The coordinator sees who has not signed yet, and reminds only them.
    const seen = (await readDocument(t, coordinator, document.id)).data!.document;
    expect(seen.routings.filter((r) => (r.purpose === 'SIGN' ? !r.signedAt : !r.readAt)).map((r) => r.id)).toEqual([ofCommerce.id]);
    const reminded = await t.gql<{ remindDocumentReaders: DocumentView }>(
      `mutation($id: ID!) { remindDocumentReaders(documentId: $id) { ${DOCUMENT_FIELDS} } }`,
      { id: document.id },
      coordinator,
    );
    expect(reminded.errors).toBeUndefined();
    const after = reminded.data!.remindDocumentReaders.routings;
    expect(after.filter((r) => r.remindCount > 0).map((r) => r.id)).toEqual([ofCommerce.id]);

    // The leader signs for the commerce bureau; now nobody is left to remind.
    expect((await sign(t, leader, ofCommerce.id)).errors).toBeUndefined();
    const nobody = await t.gql(`mutation($id: ID!) { remindDocumentReaders(documentId: $id) { id } }`, { id: document.id }, coordinator);
    expect(nobody.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'document/nobody_to_remind' });
  });

  it('shows a liaison only documents routed to their unit or to them, in the list, the inbox and by id', async () => {
    const mine = await registerOk(t, coordinator, { title: '农业局专送', targets: [{ unitId: agriculture, purpose: 'READ' }] });
    const notMine = await registerOk(t, coordinator, { title: '商务局专送', targets: [{ unitId: commerce, purpose: 'READ' }] });
    const list = await t.gql<{ documents: { id: string }[] }>('{ documents(first: 200) { id } }', {}, liaison);
    const ids = list.data!.documents.map((d) => d.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(notMine.id);
    expect((await readDocument(t, liaison, notMine.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const inbox = await t.gql<{ myDocumentInbox: { id: string; document: { id: string } }[] }>(
      '{ myDocumentInbox { id document { id } } }',
      {},
      liaison,
    );
    expect(inbox.data!.myDocumentInbox.map((r) => r.document.id)).toContain(mine.id);
    expect(inbox.data!.myDocumentInbox.map((r) => r.document.id)).not.toContain(notMine.id);
    // Search by number, title or issuer; HQ sees both.
    const found = await t.gql<{ documents: { id: string }[] }>('{ documents(search: "商务局专送") { id } }', {}, dispatcher);
    expect(found.data!.documents.map((d) => d.id)).toEqual([notMine.id]);
  });

  it('refuses bad input with the field to fix, and a number already registered', async () => {
    const past = await register(t, coordinator, { targets: [{ group: 'DUTY', purpose: 'SIGN', dueAt: due(-1) }] });
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueAt', reason: 'document/due_past' });
    const first = await registerOk(t, coordinator, { docNumber: '交运防指〔2026〕99号' });
    const twice = await register(t, coordinator, { docNumber: '交运防指〔2026〕99号' });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'document/number_taken', id: first.id });
    const routedTwice = await t.gql(
      `mutation($input: RouteDocumentInput!) { routeDocument(input: $input) { id } }`,
      {
        input: {
          documentId: first.id,
          targets: [
            { group: 'DUTY', purpose: 'READ' },
            { group: 'DUTY', purpose: 'READ' },
          ],
        },
      },
      coordinator,
    );
    expect(routedTwice.errors?.[0]?.extensions).toMatchObject({ reason: 'document/target_twice' });
    const byDispatcher = await register(t, dispatcher, {});
    expect(byDispatcher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('raises a coordination warning when a sign-off passes its due time, and clears it when signed', async () => {
    const engine = t.app.modules.alerts.engine;
    const document = await registerOk(t, coordinator, { targets: [{ unitId: agriculture, purpose: 'SIGN', dueAt: due(2) }] });
    const about = () => alertsAbout(t, leader, { sourceId: document.id, ruleId: 'document-signoff-overdue' });
    clock.advance(2 * HOUR - 60_000);
    await engine.tick();
    await engine.idle();
    expect(await about()).toEqual([]);
    const before = (await readDocument(t, coordinator, document.id)).data!.document.routings[0]!;
    expect(before.overdue).toBe(false);
    clock.advance(60_000);
    await engine.tick();
    await engine.idle();
    const [alert] = await about();
    expect(alert).toMatchObject({ level: 'WARNING', status: 'RAISED', workingGroup: 'COORDINATION', source: { entityType: 'Document' } });
    expect((await alertsAbout(t, coordinator, { sourceId: document.id })).length).toBe(1);
    expect((await alertsAbout(t, dispatcher, { sourceId: document.id })).length).toBe(0);
    expect((await readDocument(t, coordinator, document.id)).data!.document.routings[0]!.overdue).toBe(true);

    expect((await sign(t, liaison, before.id)).errors).toBeUndefined();
    await engine.tick();
    await engine.idle();
    expect((await about())[0]).toMatchObject({ status: 'RESOLVED', resolution: 'CONDITION_CLEARED' });
  });

  it('keeps who read and signed: the database refuses rewriting or deleting a routed copy', async () => {
    const document = await registerOk(t, coordinator, { targets: [{ unitId: agriculture, purpose: 'SIGN', dueAt: due(3) }] });
    const copy = document.routings[0]!;
    expect((await sign(t, liaison, copy.id)).errors).toBeUndefined();
    const em = t.app.orm.em.fork();
    await expect(em.execute(`update document_routing set signed_at = null, signed_by_id = null where id = ?`, [copy.id])).rejects.toThrow(
      /keeps its target/,
    );
    await expect(em.execute(`delete from document_routing where id = ?`, [copy.id])).rejects.toThrow(/never deleted/);
  });

  it('reaches the coordinator live and a liaison only for their unit, once each, also across a reconnect', async () => {
    const after = await caughtUpPosition(t, coordinator);
    const query = 'subscription($after: EventPosition) { documentChanged(after: $after) { position kind document { id } } }';
    const hq = new ResumingSubscriber(t.wsUrl, coordinator, query, 'documentChanged', after);
    const unit = new ResumingSubscriber(t.wsUrl, liaison, query, 'documentChanged', after);
    hq.start();
    unit.start();
    const other = await registerOk(t, coordinator, { targets: [{ unitId: commerce, purpose: 'READ' }] });
    const document = await registerOk(t, coordinator, { targets: [{ unitId: agriculture, purpose: 'SIGN', dueAt: due(5) }] });
    await hq.waitFor(() => hq.positions.length >= 2, 10_000);
    await unit.waitFor(() => unit.positions.length >= 1, 10_000);
    const seen = hq.positions.at(-1)!;
    await hq.close();

    // While the coordinator's console is away, the liaison signs; it comes back after the last position it saw.
    expect((await sign(t, liaison, document.routings[0]!.id)).errors).toBeUndefined();
    const back = new ResumingSubscriber(t.wsUrl, coordinator, query, 'documentChanged', seen);
    back.start();
    await back.waitFor(() => back.positions.length >= 1, 10_000);
    await unit.waitFor(() => unit.positions.length >= 2, 10_000);
    const all = [...hq.positions, ...back.positions];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(3);
    expect(unit.positions).toHaveLength(2);
    expect(back.errors).toEqual([]);
    expect(other.id).not.toBe(document.id);
    await back.close();
    await unit.close();
  });
});
