import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { assertCheckInOpen, validateShift, validateSpan } from './roster.rules';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const at = (iso: string) => new Date(iso);

function refusal(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions;
  }
  throw new Error('expected a refusal');
}

describe('roster rules', () => {
  const shift = (over: Partial<Parameters<typeof validateShift>[0]> = {}) =>
    validateShift({
      startsAt: at('2030-01-01T12:00:00Z'),
      endsAt: at('2030-01-02T00:00:00Z'),
      note: ' 夜班 ',
      members: [
        { userId: A, role: 'OFFICER' },
        { userId: B, role: 'LEADER' },
      ],
      ...over,
    });

  it('accepts a night shift across HQ midnight and trims its note', () => {
    expect(shift()).toMatchObject({ note: '夜班', members: [{ role: 'OFFICER' }, { role: 'LEADER' }] });
  });

  it('refuses a shift ending at or before its start, longer than 26 hours, empty, or with a person twice', () => {
    expect(refusal(() => shift({ endsAt: at('2030-01-01T12:00:00Z') }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'dutyShift/ends_before_start',
    });
    expect(refusal(() => shift({ endsAt: at('2030-01-02T14:00:01Z') }))).toMatchObject({ reason: 'dutyShift/too_long' });
    expect(refusal(() => shift({ members: [] }))).toMatchObject({ reason: 'dutyShift/no_members' });
    expect(
      refusal(() =>
        shift({
          members: [
            { userId: A, role: 'OFFICER' },
            { userId: A, role: 'BACKUP' },
          ],
        }),
      ),
    ).toMatchObject({ reason: 'dutyShift/member_twice', userId: A });
    expect(refusal(() => shift({ members: [{ userId: 'nobody', role: 'OFFICER' }] }))).toMatchObject({
      reason: 'dutyShift/unknown_person',
    });
  });

  it('opens check-in 30 minutes before the start and closes it at the end', () => {
    const s = { startsAt: at('2030-01-01T00:00:00Z'), endsAt: at('2030-01-01T12:00:00Z') };
    expect(refusal(() => assertCheckInOpen(s, at('2029-12-31T23:29:59Z')))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'dutyShift/check_in_not_open',
    });
    expect(() => assertCheckInOpen(s, at('2029-12-31T23:30:00Z'))).not.toThrow();
    expect(refusal(() => assertCheckInOpen(s, at('2030-01-01T12:00:00Z')))).toMatchObject({ reason: 'dutyShift/check_in_closed' });
  });

  it('reads at most 31 days of the roster at once', () => {
    expect(() => validateSpan(at('2030-01-01T00:00:00Z'), at('2030-02-01T00:00:00Z'))).not.toThrow();
    expect(refusal(() => validateSpan(at('2030-01-01T00:00:00Z'), at('2030-02-01T00:00:01Z')))).toMatchObject({
      reason: 'dutyRoster/span_too_long',
    });
    expect(refusal(() => validateSpan(at('2030-01-02T00:00:00Z'), at('2030-01-01T00:00:00Z')))).toMatchObject({
      reason: 'dutyRoster/bad_span',
    });
  });
});
