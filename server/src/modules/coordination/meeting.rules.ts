import { MAX_MEETING_DECISIONS, MEETING_TEXT_LIMITS, type MeetingStatus } from '@cc/shared';
import { domainError } from '../../core/errors';

const bad = (field: string, message: string, reason: string) => domainError('BAD_USER_INPUT', message, { field, reason });

/** A meeting as long as the HQ plans ahead: further than this is a typo. */
export const MAX_MEETING_AHEAD_DAYS = 90;
/** Scheduling a meeting that already began this long ago is a mistake (a late entry of one held today is fine). */
export const MAX_MEETING_BEHIND_HOURS = 24;
const HOUR = 3_600_000;

function text(field: keyof typeof MEETING_TEXT_LIMITS, value: string | null | undefined, required: boolean): string {
  const clean = (value ?? '').trim();
  const limit = MEETING_TEXT_LIMITS[field];
  if (required && !clean) throw bad(field, `Fill in the ${field}.`, `meeting/${field}_empty`);
  if (clean.length > limit) throw bad(field, `Keep the ${field} to ${limit} characters.`, `meeting/${field}_length`);
  return clean;
}

export interface CleanMeeting {
  title: string;
  agenda: string;
  attendees: string;
  location: string;
}

export function cleanMeeting(input: {
  title: string;
  agenda?: string | null;
  attendees?: string | null;
  location?: string | null;
}): CleanMeeting {
  return {
    title: text('title', input.title, true),
    agenda: text('agenda', input.agenda, false),
    attendees: text('attendees', input.attendees, false),
    location: text('location', input.location, false),
  };
}

/** When a meeting may be scheduled for: within a day behind (entered late) and 90 days ahead. */
export function checkScheduledAt(at: Date, now: Date): Date {
  if (Number.isNaN(at.getTime())) throw bad('scheduledAt', 'Give the meeting’s date and time.', 'meeting/scheduled_at');
  if (at.getTime() < now.getTime() - MAX_MEETING_BEHIND_HOURS * HOUR)
    throw bad('scheduledAt', 'The meeting time is more than a day ago; check the date.', 'meeting/scheduled_too_old');
  if (at.getTime() > now.getTime() + MAX_MEETING_AHEAD_DAYS * 24 * HOUR)
    throw bad(
      'scheduledAt',
      `The meeting time is more than ${MAX_MEETING_AHEAD_DAYS} days away; check the date.`,
      'meeting/scheduled_too_far',
    );
  return at;
}

/** Minutes and new decisions: each decision says something; a handful at a time. */
export function cleanMinutes(input: { minutes: string; decisions?: readonly string[] | null }): { minutes: string; decisions: string[] } {
  const minutes = text('minutes', input.minutes, true);
  const decisions = (input.decisions ?? []).map((d) => d.trim()).filter((d) => d.length > 0);
  if (decisions.length > MAX_MEETING_DECISIONS)
    throw bad('decisions', `Record at most ${MAX_MEETING_DECISIONS} decisions at a time.`, 'meeting/decisions_count');
  if (decisions.some((d) => d.length > MEETING_TEXT_LIMITS.decision))
    throw bad('decisions', `Keep each decision to ${MEETING_TEXT_LIMITS.decision} characters.`, 'meeting/decision_length');
  return { minutes, decisions };
}

/** Which step a meeting in `status` may take: schedule a request, record minutes once scheduled (again once held). */
export function meetingStepProblem(status: MeetingStatus, step: 'SCHEDULE' | 'MINUTES'): string | null {
  if (step === 'SCHEDULE') return status === 'REQUESTED' ? null : 'meeting/already_scheduled';
  return status === 'REQUESTED' ? 'meeting/not_scheduled' : null;
}
