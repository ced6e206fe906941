import type { FixtureEnv, ModuleTests } from '../../support/module-tests';

// ---- roster (排班表) ----

const HOUR = 3_600_000;
const SHIFT_FIELDS = 'id version startsAt endsAt members { userId role checkedInAt }';

/** Ids of the demo people by user name (the fixture administrator reads them once per run). */
let demoPeople: Promise<Map<string, string>> | undefined;
function demoPerson(env: FixtureEnv, username: string): Promise<string> {
  demoPeople ??= env
    .setup<{ users: { id: string; username: string }[] }>('{ users { id username } }')
    .then(({ users }) => new Map(users.map((u) => [u.username, u.id])));
  return demoPeople.then((people) => people.get(username)!);
}

/** A fresh shift (nobody checked in) from now to 8 hours on; `officer` defaults to the demo duty officer. */
async function newShift(env: FixtureEnv, officerId?: string): Promise<{ id: string; version: number }> {
  const start = Date.now();
  const { createDutyShift } = await env.setup<{ createDutyShift: { id: string; version: number } }>(
    `mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { ${SHIFT_FIELDS} } }`,
    {
      input: {
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 8 * HOUR).toISOString(),
        note: '测试班次',
        members: [
          { userId: officerId ?? (await demoPerson(env, 'duty')), role: 'OFFICER' },
          { userId: await demoPerson(env, 'leader'), role: 'LEADER' },
        ].filter((m, i, all) => all.findIndex((o) => o.userId === m.userId) === i),
      },
    },
  );
  return createDutyShift;
}

/** HQ staff may be on a shift; a unit's liaison (or nobody) checks in to a shift of the demo officer's, and is refused. */
const mayServe = (env: FixtureEnv) => (env.actor && !env.actor.roles.includes('UNIT_LIAISON') ? env.actor.userId : undefined);

/** 值班值守: fixtures for every duty operation, and the duty tables' invariants. */
export const MODULE: ModuleTests = {
  module: 'duty',
  fixtures: {
    dutyRoster: () => ({ from: new Date(Date.now() - 24 * HOUR).toISOString(), to: new Date(Date.now() + 6 * 24 * HOUR).toISOString() }),
    dutyRosterPeople: () => ({}),
    createDutyShift: async (env) => ({
      input: {
        startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 56 * HOUR).toISOString(),
        note: '',
        members: [{ userId: await demoPerson(env, 'duty'), role: 'OFFICER' }],
      },
    }),
    updateDutyShift: async (env) => {
      const shift = await newShift(env);
      return {
        input: {
          id: shift.id,
          expectedVersion: shift.version,
          startsAt: new Date(Date.now() - HOUR).toISOString(),
          endsAt: new Date(Date.now() + 7 * HOUR).toISOString(),
          note: '改班',
          members: [
            { userId: await demoPerson(env, 'duty'), role: 'OFFICER' },
            { userId: await demoPerson(env, 'dispatcher'), role: 'BACKUP' },
          ],
        },
      };
    },
    deleteDutyShift: async (env) => ({ input: { shiftId: (await newShift(env)).id } }),
    checkInDutyShift: async (env) => ({ input: { shiftId: (await newShift(env, mayServe(env))).id } }),
    dutyShiftChanged: () => ({}),
  },
  fieldHints: {
    role: ['OFFICER', 'LEADER', 'BACKUP'],
    startsAt: ['2026-11-25T00:00:00.000Z', 'not a date'],
    endsAt: ['2026-11-25T08:00:00.000Z', '2026-11-24T00:00:00.000Z'],
  },
  invariants: {
    duty_shift: [
      {
        broken: 'a shift that does not end after it starts, or lasts more than 26 hours',
        sql: `select id from duty_shift where ends_at <= starts_at or ends_at - starts_at > interval '26 hours'`,
      },
    ],
    duty_shift_member: [
      {
        broken: 'a person on one shift more than once',
        sql: `select shift_id, user_id, count(*) from duty_shift_member group by shift_id, user_id having count(*) > 1`,
      },
      {
        broken: 'a check-in before the check-in window opened (30 minutes before the start)',
        sql: `select m.id from duty_shift_member m join duty_shift s on s.id = m.shift_id
              where m.checked_in_at is not null and m.created_at >= $1 and m.checked_in_at < s.starts_at - interval '30 minutes'`,
        sinceFuzzingBegan: true,
      },
    ],
  },
};
