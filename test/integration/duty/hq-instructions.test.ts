import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { ManualClock } from '../../../server/src/core/clock';
import { CurrentShiftHandoverDocument, HqInstructionsDocument, ShiftHandoversDocument } from '../../../shared/src/generated/graphql';
import { ResumingSubscriber } from '../../support/resuming-subscriber';
import { startTestApp, type TestApp } from '../../support/test-app';
import { alertsAbout } from '../alerts/alert-support';
import { acknowledge, caughtUpPosition, readInstruction, recordInstruction, unitIdOf } from './duty-helpers';

const MINUTE = 60_000;

describe('HQ instructions (传达): distributed to groups and units, each signs for its own copy', () => {
  let t: TestApp;
  let clock: ManualClock;
  let duty: string;
  let leader: string;
  let dispatcher: string;
  let logistics: string;
  let liaison: string;
  let agriculture: string;
  let commerce: string;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
    [duty, leader, dispatcher, logistics, liaison] = await Promise.all([
      t.login('duty'),
      t.login('leader'),
      t.login('dispatcher'),
      t.login('logistics'),
      t.login('liaison'),
    ]);
    [agriculture, commerce] = await Promise.all([unitIdOf(t, duty, 'AGRICULTURE'), unitIdOf(t, duty, 'COMMERCE')]);
  });
  afterAll(() => t?.close());

  it('goes to each target once; only that group’s people, that unit’s liaison or a leader may sign; the leader sees who has not', async () => {
    const instruction = await recordInstruction(t, duty, [{ group: 'TRANSPORT' }, { unitId: agriculture }, { unitId: commerce }]);
    expect(instruction).toMatchObject({
      source: '指挥部',
      priority: 'URGENT',
      fullyAcknowledgedAt: null,
      recordedBy: { displayName: '王值班 (值班员)' },
    });
    expect(instruction.deliveries.map((d) => d.targetGroup ?? d.targetUnitName)).toHaveLength(3);
    const transport = instruction.deliveries.find((d) => d.targetGroup === 'TRANSPORT')!;
    const ofAgriculture = instruction.deliveries.find((d) => d.targetUnitId === agriculture)!;
    const ofCommerce = instruction.deliveries.find((d) => d.targetUnitId === commerce)!;

    // What each reader is offered to sign.
    const asDispatcher = (await readInstruction(t, dispatcher, instruction.id)).data!.hqInstruction;
    expect(asDispatcher.deliveries.filter((d) => d.canAcknowledge).map((d) => d.id)).toEqual([transport.id]);
    const asLiaison = (await readInstruction(t, liaison, instruction.id)).data!.hqInstruction;
    expect(asLiaison.deliveries.map((d) => d.id)).toEqual([ofAgriculture.id]); // not who else it went to
    expect(asLiaison.deliveries[0]!.canAcknowledge).toBe(true);

    // The wrong people are refused, with a reason they can act on.
    const wrongGroup = await acknowledge(t, logistics, transport.id);
    expect(wrongGroup.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(wrongGroup.errors?.[0]?.message).toContain('TRANSPORT');
    const otherUnit = await acknowledge(t, liaison, ofCommerce.id);
    expect(otherUnit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const officerForUnit = await acknowledge(t, duty, ofAgriculture.id);
    expect(officerForUnit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const signed = await acknowledge(t, dispatcher, transport.id, '运输组已收到，今晚起执行');
    expect(signed.errors).toBeUndefined();
    const again = await acknowledge(t, leader, transport.id);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'hq_instruction/already_acknowledged' });
    expect(again.errors?.[0]?.message).toContain('张调配');

    // The leader sees who has not signed yet.
    const seen = (await readInstruction(t, leader, instruction.id)).data!.hqInstruction;
    expect(
      seen.deliveries
        .filter((d) => !d.acknowledgedAt)
        .map((d) => d.targetUnitId)
        .sort(),
    ).toEqual([agriculture, commerce].sort());
    expect(seen.deliveries.find((d) => d.id === transport.id)).toMatchObject({
      acknowledgedBy: { displayName: '张调配 (运输调配)' },
      acknowledgementNote: '运输组已收到，今晚起执行',
    });
    expect(seen.fullyAcknowledgedAt).toBeNull();

    expect((await acknowledge(t, liaison, ofAgriculture.id)).errors).toBeUndefined();
    // A leader may sign for anyone (the unit could not be reached and the leader confirmed by phone).
    const last = await acknowledge(t, leader, ofCommerce.id, '已电话确认');
    expect(last.errors).toBeUndefined();
    expect(last.data!.acknowledgeHqInstruction.fullyAcknowledgedAt).not.toBeNull();
  });

  // The console's list was refused as too costly: its nested deliveries counted as 100 each.
  it('the console’s own list and handover documents are within the request cost limit', async () => {
    for (const [document, variables] of [
      [HqInstructionsDocument, { first: 50, onlyOpen: false }],
      [CurrentShiftHandoverDocument, {}],
      [ShiftHandoversDocument, { first: 10 }],
    ] as const) {
      const response = await t.gql(print(document), variables, duty);
      expect(response.errors, print(document).slice(0, 60)).toBeUndefined();
    }
  });

  it('when every target signs at the same moment, the instruction ends up signed by all, each copy once', async () => {
    const coordinator = await t.login('coordinator');
    const instruction = await recordInstruction(t, duty, [{ group: 'TRANSPORT' }, { group: 'LOGISTICS' }, { group: 'COORDINATION' }]);
    const signer = { TRANSPORT: dispatcher, LOGISTICS: logistics, COORDINATION: coordinator } as Record<string, string>;
    const answers = await Promise.all(instruction.deliveries.map((d) => acknowledge(t, signer[d.targetGroup!]!, d.id)));
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined]);
    const after = (await readInstruction(t, leader, instruction.id)).data!.hqInstruction;
    expect(after.fullyAcknowledgedAt).not.toBeNull();
    expect(after.deliveries.every((d) => d.acknowledgedAt)).toBe(true);
  });

  it('a unit liaison lists only the instructions that reached their unit', async () => {
    const toTransport = await recordInstruction(t, duty, [{ group: 'TRANSPORT' }]);
    const toUnit = await recordInstruction(t, duty, [{ unitId: agriculture }], { content: '农业农村局明日报送春耕物资需求' });
    const { data } = await t.gql<{ hqInstructions: { id: string }[] }>('{ hqInstructions(first: 200) { id } }', {}, liaison);
    const ids = data!.hqInstructions.map((i) => i.id);
    expect(ids).toContain(toUnit.id);
    expect(ids).not.toContain(toTransport.id);
    expect((await readInstruction(t, liaison, toTransport.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an instruction without targets, or a target that is both a group and a unit', async () => {
    const none = await t.gql(
      'mutation($input: RecordHqInstructionInput!) { recordHqInstruction(input: $input) { id } }',
      { input: { source: '指挥部', content: '测试', targets: [] } },
      duty,
    );
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targets' });
    const both = await t.gql(
      'mutation($input: RecordHqInstructionInput!) { recordHqInstruction(input: $input) { id } }',
      { input: { source: '指挥部', content: '测试', targets: [{ group: 'DUTY', unitId: agriculture }] } },
      duty,
    );
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'hq_instruction/target_shape' });
    // A typo in the date is refused, not taken (ADR 0013): the same week back as an incident's report time.
    const stale = await t.gql(
      'mutation($input: RecordHqInstructionInput!) { recordHqInstruction(input: $input) { id } }',
      {
        input: {
          source: '指挥部',
          content: '测试',
          receivedAt: new Date(clock.now().getTime() - 8 * 24 * 60 * MINUTE),
          targets: [{ group: 'DUTY' }],
        },
      },
      duty,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'receivedAt',
      reason: 'hq_instruction/received_too_old',
    });
  });

  it('raises a warning for the target group when a copy waits 30 minutes, and clears it when they sign', async () => {
    const engine = t.app.modules.alerts.engine;
    const instruction = await recordInstruction(t, duty, [{ group: 'LOGISTICS' }], { content: '物资调拨计划今日17:00前报指挥部' });
    const about = () => alertsAbout(t, leader, { sourceId: instruction.id, ruleId: 'hq-instruction-unacknowledged' });
    clock.advance(29 * MINUTE);
    await engine.tick();
    await engine.idle();
    expect(await about()).toEqual([]);
    clock.advance(MINUTE);
    await engine.tick();
    await engine.idle();
    const [alert] = await about();
    expect(alert).toMatchObject({ level: 'WARNING', status: 'RAISED', workingGroup: 'LOGISTICS', source: { entityType: 'HqInstruction' } });
    // The logistics officer sees it in their own tray; transport does not.
    expect((await alertsAbout(t, logistics, { sourceId: instruction.id })).length).toBe(1);
    expect((await alertsAbout(t, dispatcher, { sourceId: instruction.id })).length).toBe(0);

    expect((await acknowledge(t, logistics, instruction.deliveries[0]!.id)).errors).toBeUndefined();
    await engine.tick();
    await engine.idle();
    expect((await about())[0]).toMatchObject({ status: 'RESOLVED', resolution: 'CONDITION_CLEARED' });
  });

  it('record and acknowledgement reach a resuming subscriber once each, also across a reconnect', async () => {
    const after = await caughtUpPosition(t, dispatcher);
    const query = 'subscription($after: EventPosition) { hqInstructionChanged(after: $after) { position kind instruction { id } } }';
    const first = new ResumingSubscriber(t.wsUrl, dispatcher, query, 'hqInstructionChanged', after);
    first.start();
    const instruction = await recordInstruction(t, duty, [{ group: 'TRANSPORT' }, { group: 'COORDINATION' }]);
    await first.waitFor(() => first.positions.length >= 1, 10_000);
    const seen = first.positions.at(-1)!;
    await first.close();

    // While the console is away, both groups sign; it comes back after the last position it saw.
    await acknowledge(t, dispatcher, instruction.deliveries.find((d) => d.targetGroup === 'TRANSPORT')!.id);
    await acknowledge(t, await t.login('coordinator'), instruction.deliveries.find((d) => d.targetGroup === 'COORDINATION')!.id);
    const second = new ResumingSubscriber(t.wsUrl, dispatcher, query, 'hqInstructionChanged', seen);
    second.start();
    await second.waitFor(() => second.positions.length >= 2, 10_000);
    await new Promise((r) => setTimeout(r, 300)); // nothing more may arrive
    const all = [...first.positions, ...second.positions];
    expect(all).toHaveLength(3);
    expect(new Set(all).size).toBe(3);
    expect([...all].sort((a, b) => (a < b ? -1 : 1))).toEqual(all);
    expect(second.errors).toEqual([]);
    await second.close();
  });
});
