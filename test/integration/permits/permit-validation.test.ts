import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { FILE, aRequest, failure, fileRequest, unitIds } from './permits-helpers';

const HOUR = 3600_000;

describe('a permit request is checked field by field, with advice a person can act on', () => {
  let t: TestApp;
  let liaison: string;
  let dispatcher: string;
  let duty: string;

  beforeAll(async () => {
    t = await startTestApp();
    [liaison, dispatcher, duty] = await Promise.all([t.login('liaison'), t.login('dispatcher'), t.login('duty')]);
  });
  afterAll(() => t?.close());

  const refusal = async (overrides: Record<string, unknown>, cookie = liaison) =>
    failure(await t.gql(FILE, { input: aRequest(new Date(), overrides) }, cookie));

  it('accepts ordinary and new-energy plates, written loosely', async () => {
    for (const [written, kept] of [
      ['京a·12345', '京A12345'],
      ['京AD12345', '京AD12345'],
      ['冀B 12345F', '冀B12345F'],
    ]) {
      expect((await fileRequest(t, liaison, new Date(), { plate: written })).plate).toBe(kept);
    }
  });

  it('refuses a plate that cannot be right, saying why', async () => {
    expect(await refusal({ plate: 'AB12345' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plate', reason: 'plate/province' });
    expect(await refusal({ plate: '京AI2345' })).toMatchObject({ field: 'plate', reason: 'plate/letter_i_o' });
    expect(await refusal({ plate: '京AX12345' })).toMatchObject({ field: 'plate', reason: 'plate/new_energy' });
  });

  it('refuses a phone that cannot be dialled and an identity number whose check character is wrong', async () => {
    expect(await refusal({ contactPhone: '12345' })).toMatchObject({ field: 'contactPhone', reason: expect.stringMatching(/^phone\//) });
    const id = await refusal({ driverIdNumber: '110105194912310021' });
    expect(id).toMatchObject({ code: 'BAD_USER_INPUT', field: 'driverIdNumber', reason: 'id/check_digit' });
    expect(id.message).toMatch(/check character/);
    expect(await refusal({ driverIdNumber: '110105491231002' })).toMatchObject({ reason: 'id/old_format' });
  });

  it('refuses a window that ends first, lasts over 30 days or is already over, and an empty destination list', async () => {
    const from = new Date(Date.now() + HOUR);
    expect(await refusal({ validFrom: from.toISOString(), validUntil: from.toISOString() })).toMatchObject({ reason: 'window/order' });
    expect(await refusal({ validUntil: new Date(from.getTime() + 31 * 24 * HOUR).toISOString() })).toMatchObject({
      reason: 'window/too_long',
    });
    expect(
      await refusal({
        validFrom: new Date(Date.now() - 48 * HOUR).toISOString(),
        validUntil: new Date(Date.now() - 24 * HOUR).toISOString(),
      }),
    ).toMatchObject({ reason: 'window/past' });
    expect(await refusal({ destinations: ['  '] })).toMatchObject({ field: 'destinations' });
  });

  it('lets a dispatcher file for a named unit from a duty-phone call, and refuses one without a unit', async () => {
    const admin = await t.login('admin');
    const units = await unitIds(t, admin);
    expect(await refusal({}, dispatcher)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    const call = await t.gql<{ logDutyCall: { id: string } }>(
      'mutation($input: LogDutyCallInput!) { logDutyCall(input: $input) { id } }',
      {
        input: {
          callerName: '王经理',
          callerPhone: '13800000000',
          category: 'PERMIT_ENQUIRY',
          urgency: 'URGENT',
          summary: '口罩运输车需要通行证',
        },
      },
      duty,
    );
    const request = await fileRequest(t, dispatcher, new Date(), { unitId: units['COMMERCE'], dutyCallId: call.data!.logDutyCall.id });
    expect(request).toMatchObject({ unitId: units['COMMERCE'], dutyCallId: call.data!.logDutyCall.id });
    expect(await refusal({ unitId: units['COMMERCE'], dutyCallId: '00000000-0000-4000-8000-000000000000' }, dispatcher)).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
