import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { ok, unitIds } from '../duty/duty-helpers';
import { createDirective, readDirective, step } from './directive-helpers';

describe('a directive is done only when every assignee has finished', () => {
  let t: TestApp;
  let coordinator: string;
  let logistics: string;
  let liaison: string;
  let units: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin');
    [coordinator, logistics, liaison] = await Promise.all([t.login('coordinator'), t.login('logistics'), t.login('liaison')]);
    units = await unitIds(t, admin);
  });
  afterAll(() => t?.close());

  it('stays open while one assignee is at work, completes on the last finish, and keeps every note', async () => {
    const directive = await createDirective(t, coordinator, [{ group: 'LOGISTICS' }, { unitId: units['AGRICULTURE']! }]);
    expect(directive).toMatchObject({
      origin: 'HQ',
      completedAt: null,
      overdue: false,
      createdBy: { displayName: expect.stringContaining('陈协调') },
    });
    const group = directive.assignees.find((a) => a.targetGroup === 'LOGISTICS')!;
    const unit = directive.assignees.find((a) => a.targetUnitId === units['AGRICULTURE'])!;
    expect([group.status, unit.status]).toEqual(['ASSIGNED', 'ASSIGNED']);

    ok(await step(t, logistics, 'accept', group.id));
    ok(await step(t, logistics, 'progress', group.id, '已调拨口罩 2000 只'));
    const oneDone = ok(await step(t, logistics, 'finish', group.id, '补给完毕')).finishDirective!;
    expect(oneDone.completedAt).toBeNull();
    expect(oneDone.assignees.find((a) => a.id === group.id)).toMatchObject({ status: 'DONE' });

    ok(await step(t, liaison, 'accept', unit.id, '收到'));
    const done = ok(await step(t, liaison, 'finish', unit.id)).finishDirective!;
    expect(done.completedAt).not.toBeNull();
    const read = (await readDirective(t, coordinator, directive.id))!;
    expect(read.progress.map((p) => [p.kind, p.note])).toEqual([
      ['ACCEPTED', ''],
      ['PROGRESS', '已调拨口罩 2000 只'],
      ['FINISHED', '补给完毕'],
      ['ACCEPTED', '收到'],
      ['FINISHED', ''],
    ]);
    const open = ok(await t.gql<{ directives: { id: string }[] }>('{ directives(filter: { onlyOpen: true }) { id } }', {}, coordinator));
    expect(open.directives.map((d) => d.id)).not.toContain(directive.id);
  });

  it('refuses a step out of order, a silent progress report, and a step on another group’s assignment', async () => {
    const directive = await createDirective(t, coordinator, [{ group: 'LOGISTICS' }]);
    const assignee = directive.assignees[0]!;
    const early = await step(t, logistics, 'finish', assignee.id);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'directive/assignee_assigned' });
    const stranger = await step(t, coordinator, 'accept', assignee.id);
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    ok(await step(t, logistics, 'accept', assignee.id));
    const again = await step(t, logistics, 'accept', assignee.id);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const silent = await step(t, logistics, 'progress', assignee.id, '  ');
    expect(silent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect((await readDirective(t, coordinator, directive.id))!.progress).toHaveLength(1);
  });

  it('refuses a deadline already past and an empty list of assignees, naming the field', async () => {
    const past = await t.gql(
      'mutation($input: CreateDirectiveInput!) { createDirective(input: $input) { id } }',
      {
        input: {
          title: '过期',
          source: '指挥部',
          ownerName: '陈',
          deadline: new Date(Date.now() - 60_000).toISOString(),
          assignees: [{ group: 'DUTY' }],
        },
      },
      coordinator,
    );
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
    const none = await t.gql(
      'mutation($input: CreateDirectiveInput!) { createDirective(input: $input) { id } }',
      {
        input: {
          title: '无人',
          source: '指挥部',
          ownerName: '陈',
          deadline: new Date(Date.now() + 3_600_000).toISOString(),
          assignees: [],
        },
      },
      coordinator,
    );
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignees' });
  });

  it('keeps the progress trail append-only in the database', async () => {
    await expect(t.app.orm.em.fork().getConnection().execute(`update directive_progress set note = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.app.orm.em.fork().getConnection().execute(`delete from directive_progress`)).rejects.toThrow(/append-only/);
  });
});
