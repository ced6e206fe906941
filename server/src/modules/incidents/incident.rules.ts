import {
  canMoveIncident,
  canTakeIncidentAction,
  hqClock,
  INCIDENT_ACTIONS,
  INCIDENT_TEXT_LIMITS,
  REPORTED_AT_CLOCK_SKEW_MINUTES,
  REPORTED_AT_MAX_AGE_DAYS,
  reportedAtProblem,
  validCoordinates,
  type IncidentAction,
  type IncidentStatus,
} from '@cc/shared';
import { domainError } from '../../core/errors';
import type { RecordIncidentReportedUpwardInput, ReportIncidentInput, UpdateIncidentInput } from './incident.inputs';

const { title: MAX_TITLE, location: MAX_LOCATION, description: MAX_DESCRIPTION, note: MAX_NOTE } = INCIDENT_TEXT_LIMITS;
export { MAX_NOTE };
const MAX_REPORTED_TO = INCIDENT_TEXT_LIMITS.reportedTo;
/** Clocks on the phones that report disagree a little; more than this ahead is a typo. */
const FUTURE_TOLERANCE_MS = REPORTED_AT_CLOCK_SKEW_MINUTES * 60_000;

/** Checks a report and returns it cleaned, or throws BAD_USER_INPUT naming the field. */
export function validateIncidentReport(input: ReportIncidentInput, now: Date): ReportIncidentInput & { reportedAt: Date } {
  const title = cleanTitle(input.title);
  const location = cleanLocation(input.location);
  checkDescription(input.description);
  checkCoordinates(input.latitude, input.longitude);
  const reportedAt = input.reportedAt ?? now;
  checkReportedAt(reportedAt, now);
  return { ...input, title, location, reportedAt, latitude: input.latitude ?? null, longitude: input.longitude ?? null };
}

/**
 * Checks a report upward against the incident it is about and returns it cleaned: whom it went
 * to is required; the time defaults to now, is not in the future and not before the incident
 * was reported (it cannot have gone up before HQ had it).
 */
export function validateReportUpward(
  input: RecordIncidentReportedUpwardInput,
  incident: { reportedAt: Date },
  now: Date,
): { reportedTo: string; reportedUpwardAt: Date; note: string } {
  const reportedTo = input.reportedTo.trim();
  if (!reportedTo) throw badInput('reportedTo', 'Say to whom it was reported upward (the authority or person).');
  if (reportedTo.length > MAX_REPORTED_TO)
    throw badInput('reportedTo', `"Reported to" is ${reportedTo.length} characters; keep it to ${MAX_REPORTED_TO}.`);
  const reportedUpwardAt = input.reportedUpwardAt ?? now;
  if (reportedUpwardAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    throw badInput('reportedUpwardAt', 'The time it was reported upward is in the future.');
  if (reportedUpwardAt.getTime() < incident.reportedAt.getTime())
    throw badInput('reportedUpwardAt', 'The time it was reported upward is before the incident itself was reported; check the date.');
  const note = cleanNote(input.note, 'note', false);
  // The timeline shows "reported to — note" in one entry of at most MAX_NOTE characters: refuse
  // rather than cut the note's end off without a word.
  const room = MAX_NOTE - reportedTo.length - REPORT_UPWARD_SEPARATOR.length;
  if (note.length > room) throw badInput('note', `The note is ${note.length} characters; with "reported to" it may be ${room}.`);
  return { reportedTo, reportedUpwardAt, note };
}

export const REPORT_UPWARD_SEPARATOR = ' — ';

/** The timeline line of a report upward: whom it went to, and the note if any. */
export function reportUpwardTimelineText(report: { reportedTo: string; note: string }): string {
  return report.note ? `${report.reportedTo}${REPORT_UPWARD_SEPARATOR}${report.note}` : report.reportedTo;
}

/** The fields of an update that are given, cleaned; undefined means "leave as it is". */
export function validateIncidentUpdate(input: UpdateIncidentInput): Partial<{
  title: string;
  description: string;
  location: string;
  coordinates: { latitude: number | null; longitude: number | null };
}> {
  const out: ReturnType<typeof validateIncidentUpdate> = {};
  if (input.title != null) out.title = cleanTitle(input.title);
  if (input.description != null) out.description = checkDescription(input.description);
  if (input.location != null) out.location = cleanLocation(input.location);
  if (input.latitude !== undefined || input.longitude !== undefined) {
    checkCoordinates(input.latitude, input.longitude);
    out.coordinates = { latitude: input.latitude ?? null, longitude: input.longitude ?? null };
  }
  return out;
}

/** A note for the timeline: trimmed, not empty when required, not too long. */
export function cleanNote(text: string | null | undefined, field: string, required: boolean): string {
  const note = (text ?? '').trim();
  if (required && !note) throw badInput(field, 'Say why, in a few words, for the timeline.');
  if (note.length > MAX_NOTE) throw badInput(field, `The note is ${note.length} characters; keep it to ${MAX_NOTE}.`);
  return note;
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

export function assertIncidentAction(action: IncidentAction, from: IncidentStatus): void {
  if (!canTakeIncidentAction(action, from)) {
    throw domainError('INVALID_TRANSITION', `An incident that is ${from} cannot be ${ACTION_PAST[action]}.`, {
      reason: 'incident/invalid_transition',
      action,
      from,
      to: INCIDENT_ACTIONS[action].to,
    });
  }
}

/** The named action that moves `from` to `to` (changeIncidentStatus goes through the same steps). */
export function actionFor(from: IncidentStatus, to: IncidentStatus): IncidentAction {
  assertIncidentTransition(from, to);
  const action = (Object.keys(INCIDENT_ACTIONS) as IncidentAction[]).find(
    (a) => INCIDENT_ACTIONS[a].to === to && canTakeIncidentAction(a, from),
  );
  return action!; // the transition table is derived from the actions, so one exists
}

const ACTION_PAST: Record<IncidentAction, string> = {
  ACKNOWLEDGE: 'acknowledged',
  START: 'started',
  RESOLVE: 'resolved',
  CLOSE: 'closed',
  REOPEN: 'reopened',
};

function cleanTitle(value: string): string {
  const title = value.trim();
  if (!title) throw badInput('title', 'Give the incident a title.');
  if (title.length > MAX_TITLE) throw badInput('title', `The title is ${title.length} characters; keep it to ${MAX_TITLE}.`);
  return title;
}

function cleanLocation(value: string): string {
  const location = value.trim();
  if (location.length > MAX_LOCATION) throw badInput('location', `The location is too long; keep it to ${MAX_LOCATION} characters.`);
  return location;
}

function checkDescription(value: string): string {
  if (value.length > MAX_DESCRIPTION)
    throw badInput('description', `The description is too long; keep it to ${MAX_DESCRIPTION} characters.`);
  return value;
}

/**
 * A report time must be plausible: a typo in the year would otherwise show "overdue" for years
 * and alert every leader at once. The limits are shared with the console's date picker.
 */
export function checkReportedAt(reportedAt: Date, now: Date): void {
  const problem = reportedAtProblem(reportedAt, now);
  if (!problem) return;
  const when = problem === 'NOT_A_TIME' ? '' : ` (${hqTimestamp(reportedAt)} HQ time)`;
  const why: Record<typeof problem, string> = {
    NOT_A_TIME: 'The report time is not a date and time.',
    TOO_OLD: `The report time${when} is more than ${REPORTED_AT_MAX_AGE_DAYS} days ago; check the year and the month.`,
    IN_FUTURE: `The report time${when} is more than ${REPORTED_AT_CLOCK_SKEW_MINUTES} minutes in the future; check the date and the clock.`,
  };
  throw badInput('reportedAt', `${why[problem]} Give when the report reached the duty desk, or leave it empty for now.`);
}

const hqTimestamp = (at: Date) => {
  const { day, time } = hqClock(at);
  return `${day} ${time}`;
};

function checkCoordinates(latitude: number | null | undefined, longitude: number | null | undefined): void {
  if (!validCoordinates(latitude, longitude)) {
    const field = latitude == null ? 'latitude' : longitude == null ? 'longitude' : Math.abs(latitude) > 90 ? 'latitude' : 'longitude';
    throw badInput(field, 'Give both coordinates or neither: latitude −90..90 and longitude −180..180 degrees.');
  }
}

function badInput(field: string, message: string) {
  return domainError('BAD_USER_INPUT', message, { field });
}
