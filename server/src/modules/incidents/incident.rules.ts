import { canMoveIncident, type IncidentStatus } from '@cc/shared';
import { domainError } from '../../core/errors';
import type { ReportIncidentInput } from './incident.inputs';

const MAX_TITLE = 200;
const MAX_LOCATION = 300;
const MAX_DESCRIPTION = 10_000;
/** Clocks on the phones that report disagree a little; more than this ahead is a typo. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Checks a report and returns it cleaned, or throws BAD_USER_INPUT naming the field. */
export function validateIncidentReport(input: ReportIncidentInput, now: Date): ReportIncidentInput & { reportedAt: Date } {
  const title = input.title.trim();
  if (!title) throw badInput('title', 'Give the incident a title.');
  if (title.length > MAX_TITLE) throw badInput('title', `The title is ${title.length} characters; keep it to ${MAX_TITLE}.`);
  const location = input.location.trim();
  if (location.length > MAX_LOCATION) throw badInput('location', `The location is too long; keep it to ${MAX_LOCATION} characters.`);
  if (input.description.length > MAX_DESCRIPTION)
    throw badInput('description', `The description is too long; keep it to ${MAX_DESCRIPTION} characters.`);
  const reportedAt = input.reportedAt ?? now;
  if (reportedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw badInput('reportedAt', 'The report time is in the future.');
  return { ...input, title, location, reportedAt };
}

export function assertIncidentTransition(from: IncidentStatus, to: IncidentStatus): void {
  if (!canMoveIncident(from, to)) {
    throw domainError('INVALID_TRANSITION', `An incident that is ${from} cannot become ${to}.`, {
      reason: 'incident/invalid_transition',
      from,
      to,
    });
  }
}

function badInput(field: string, message: string) {
  return domainError('BAD_USER_INPUT', message, { field });
}
