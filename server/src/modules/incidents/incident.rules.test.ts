import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { validateIncidentReport } from './incident.rules';

const now = new Date('2026-12-07T10:00:00Z');
const report = (reportedAt: Date | null) => ({
  title: '检疫点人员聚集',
  description: '',
  incidentClass: 'B' as const,
  severity: 'MEDIUM' as const,
  location: '',
  reportedAt,
});

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a report time years in the past (issue 27)', () => {
  it('is refused as BAD_USER_INPUT on reportedAt, with a message saying what to check', () => {
    const error = refusal(() => validateIncidentReport(report(new Date('2020-01-01T00:00:00Z')), now));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reportedAt' });
    expect(error.message).toBe(
      'The report time (2020-01-01 08:00 HQ time) is more than 7 days ago; check the year and the month. ' +
        'Give when the report reached the duty desk, or leave it empty for now.',
    );
  });

  it('refuses a time more than 5 minutes ahead of the server clock', () => {
    const error = refusal(() => validateIncidentReport(report(new Date(now.getTime() + 6 * 60_000)), now));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reportedAt' });
    expect(error.message).toContain('in the future');
  });

  it('takes a report logged a few days late, a little clock skew, and no time (now)', () => {
    expect(validateIncidentReport(report(new Date('2026-12-01T10:00:00Z')), now).reportedAt).toEqual(new Date('2026-12-01T10:00:00Z'));
    expect(validateIncidentReport(report(new Date(now.getTime() + 4 * 60_000)), now).reportedAt).toEqual(
      new Date(now.getTime() + 4 * 60_000),
    );
    expect(validateIncidentReport(report(null), now).reportedAt).toEqual(now);
  });
});
