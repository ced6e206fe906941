import {
  checkPhone,
  DUTY_CALL_CATEGORIES,
  DUTY_CALL_TEXT_LIMITS,
  DUTY_CALL_URGENCIES,
  hqClock,
  reportedAtProblem,
  REPORTED_AT_CLOCK_SKEW_MINUTES,
  REPORTED_AT_MAX_AGE_DAYS,
  type DutyCallCategory,
  type DutyCallCorrectableField,
  type DutyCallUrgency,
} from '@cc/shared';
import { domainError } from '../../core/errors';

/*
 * The duty call's rules, pure: what a logged call, a correction and a note may hold. Text past
 * its limit is refused, never cut short (ADR: refuse implausible input); the receipt time has the
 * same plausibility window as an incident's report time.
 */

export interface CleanCall {
  receivedAt: Date;
  callerName: string;
  callerPhone: string | null;
  unitText: string | null;
  category: DutyCallCategory;
  urgency: DutyCallUrgency;
  summary: string;
  notes: string | null;
}

export interface CallText {
  receivedAt?: Date | null;
  callerName: string;
  callerPhone?: string | null;
  unitText?: string | null;
  category: DutyCallCategory;
  urgency: DutyCallUrgency;
  summary: string;
  notes?: string | null;
}

export function validateDutyCall(input: CallText, now: Date): CleanCall {
  const receivedAt = input.receivedAt ?? now;
  checkReceivedAt(receivedAt, now);
  return {
    receivedAt,
    callerName: requiredText(
      'callerName',
      input.callerName,
      DUTY_CALL_TEXT_LIMITS.callerName,
      'the caller’s name (“不详” when they would not say)',
    ),
    callerPhone: cleanPhone(input.callerPhone),
    unitText: optionalText('unitText', input.unitText, DUTY_CALL_TEXT_LIMITS.unitText),
    category: input.category,
    urgency: input.urgency,
    summary: requiredText('summary', input.summary, DUTY_CALL_TEXT_LIMITS.summary, 'what the call was about'),
    notes: optionalText('notes', input.notes, DUTY_CALL_TEXT_LIMITS.notes),
  };
}

/** The phone as people write it (“138 0000 0000”), or null; a number that cannot be dialled is refused. */
export function cleanPhone(raw: string | null | undefined): string | null {
  if (raw == null || raw.trim() === '') return null;
  const checked = checkPhone(raw);
  if (!checked.ok) throw domainError('BAD_USER_INPUT', checked.problem.en, { field: 'callerPhone', reason: checked.problem.code });
  return checked.value.display;
}

export function checkReceivedAt(receivedAt: Date, now: Date): void {
  const problem = reportedAtProblem(receivedAt, now);
  if (!problem) return;
  const when = problem === 'NOT_A_TIME' ? '' : ` (${hqClock(receivedAt).day} ${hqClock(receivedAt).time} HQ time)`;
  const why = {
    NOT_A_TIME: 'The time the call came in is not a date and time.',
    TOO_OLD: `The time the call came in${when} is more than ${REPORTED_AT_MAX_AGE_DAYS} days ago; check the year and the month.`,
    IN_FUTURE: `The time the call came in${when} is more than ${REPORTED_AT_CLOCK_SKEW_MINUTES} minutes in the future; check the date and the clock.`,
  }[problem];
  throw domainError('BAD_USER_INPUT', `${why} Leave it empty for now.`, {
    field: 'receivedAt',
    reason: `dutyCall/received_at_${problem.toLowerCase()}`,
  });
}

export function requiredText(field: string, value: string, limit: number, what: string): string {
  const text = value.trim();
  if (!text) throw domainError('BAD_USER_INPUT', `Give ${what}.`, { field, reason: 'text/empty' });
  return withinLimit(field, text, limit);
}

export function optionalText(field: string, value: string | null | undefined, limit: number): string | null {
  const text = value?.trim() ?? '';
  return text ? withinLimit(field, text, limit) : null;
}

function withinLimit(field: string, text: string, limit: number): string {
  if (text.length > limit)
    throw domainError('BAD_USER_INPUT', `${field} is ${text.length} characters; keep it to ${limit}.`, {
      field,
      reason: 'text/too_long',
      limit,
    });
  return text;
}

/** A correction's value as stored on the call, and as the correction records it (text). */
export type CorrectedValue =
  | { field: 'receivedAt'; value: Date; text: string }
  | { field: 'category'; value: DutyCallCategory; text: string }
  | { field: 'urgency'; value: DutyCallUrgency; text: string }
  | { field: 'callerName' | 'summary'; value: string; text: string }
  | { field: 'callerPhone' | 'unitText' | 'notes'; value: string | null; text: string | null };

/** Checks a correction's new value as the field would be checked when logging. */
export function validateCorrection(field: DutyCallCorrectableField, raw: string | null | undefined, now: Date): CorrectedValue {
  switch (field) {
    case 'receivedAt': {
      const at = raw ? new Date(raw) : new Date(Number.NaN);
      if (!raw || !/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
        throw domainError('BAD_USER_INPUT', 'Give the time the call came in as an ISO date and time, e.g. 2026-12-07T09:30:00+08:00.', {
          field: 'value',
          reason: 'dutyCall/received_at_not_a_time',
        });
      }
      checkReceivedAt(at, now);
      return { field, value: at, text: at.toISOString() };
    }
    case 'category':
      if (!raw || !(DUTY_CALL_CATEGORIES as readonly string[]).includes(raw))
        throw domainError('BAD_USER_INPUT', `A category is one of ${DUTY_CALL_CATEGORIES.join(', ')}.`, { field: 'value' });
      return { field, value: raw as DutyCallCategory, text: raw };
    case 'urgency':
      if (!raw || !(DUTY_CALL_URGENCIES as readonly string[]).includes(raw))
        throw domainError('BAD_USER_INPUT', `An urgency is one of ${DUTY_CALL_URGENCIES.join(', ')}.`, { field: 'value' });
      return { field, value: raw as DutyCallUrgency, text: raw };
    case 'callerName': {
      const value = requiredText('value', raw ?? '', DUTY_CALL_TEXT_LIMITS.callerName, 'the caller’s name');
      return { field, value, text: value };
    }
    case 'summary': {
      const value = requiredText('value', raw ?? '', DUTY_CALL_TEXT_LIMITS.summary, 'what the call was about');
      return { field, value, text: value };
    }
    case 'callerPhone': {
      const value = cleanPhone(raw);
      return { field, value, text: value };
    }
    case 'unitText': {
      const value = optionalText('value', raw, DUTY_CALL_TEXT_LIMITS.unitText);
      return { field, value, text: value };
    }
    case 'notes': {
      const value = optionalText('value', raw, DUTY_CALL_TEXT_LIMITS.notes);
      return { field, value, text: value };
    }
  }
}

/** The current value of a correctable field as a correction records it. */
export function fieldText(call: Record<DutyCallCorrectableField, unknown>, field: DutyCallCorrectableField): string | null {
  const value = call[field];
  if (value == null) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Escapes LIKE's wildcards so a search for “50%” finds “50%”, not everything. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** p50 and p90 of a list of durations (seconds), nearest-rank; nulls when empty. */
export function percentiles(seconds: readonly number[]): { count: number; p50Seconds: number | null; p90Seconds: number | null } {
  if (seconds.length === 0) return { count: 0, p50Seconds: null, p90Seconds: null };
  const sorted = [...seconds].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { count: sorted.length, p50Seconds: at(0.5), p90Seconds: at(0.9) };
}
