import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { logCall, recordInstruction } from '../duty/duty-helpers';
import { createDirective, CREATE, readDirective } from './directive-helpers';

describe('a directive keeps the link to the HQ instruction or duty call it came from', () => {
  let t: TestApp;
  let duty: string;
  let coordinator: string;
  beforeAll(async () => {
    t = await startTestApp();
    [duty, coordinator] = await Promise.all([t.login('duty'), t.login('coordinator')]);
  });
  afterAll(() => t?.close());

  it('links an HQ instruction the duty desk logged, and a 信访 call', async () => {
    const instruction = await recordInstruction(t, duty, [{ group: 'COORDINATION' }]);
    const fromInstruction = await createDirective(t, coordinator, [{ group: 'LOGISTICS' }], { hqInstructionId: instruction.id });
    expect(fromInstruction).toMatchObject({ origin: 'HQ_INSTRUCTION', hqInstructionId: instruction.id, dutyCallId: null });

    const call = await logCall(t, duty, { summary: '群众信访：检疫点排队过长' });
    const fromCall = await createDirective(t, coordinator, [{ group: 'TRANSPORT' }], { dutyCallId: call.id });
    expect((await readDirective(t, coordinator, fromCall.id))!).toMatchObject({
      origin: 'DUTY_CALL',
      dutyCallId: call.id,
      hqInstructionId: null,
    });
  });

  it('refuses a link to an instruction or call that does not exist, and to both at once', async () => {
    const input = {
      title: '无来源',
      source: '指挥部',
      ownerName: '陈科长',
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
      assignees: [{ group: 'DUTY' }],
    };
    const missing = await t.gql(CREATE, { input: { ...input, hqInstructionId: '00000000-0000-4000-8000-000000000000' } }, coordinator);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const missingCall = await t.gql(CREATE, { input: { ...input, dutyCallId: '00000000-0000-4000-8000-000000000000' } }, coordinator);
    expect(missingCall.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const instruction = await recordInstruction(t, duty, [{ group: 'COORDINATION' }]);
    const call = await logCall(t, duty);
    const both = await t.gql(CREATE, { input: { ...input, hqInstructionId: instruction.id, dutyCallId: call.id } }, coordinator);
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'directive/two_origins' });
  });
});
