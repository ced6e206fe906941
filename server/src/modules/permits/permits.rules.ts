import {
  checkIdNumber,
  checkPhone,
  checkPlate,
  hqDay,
  isPermitGreenChannel,
  maskIdNumber,
  narrowWindow,
  PERMIT_MAX_DESTINATIONS,
  PERMIT_MAX_VALIDITY_DAYS,
  PERMIT_TEXT_LIMITS,
  requestedWindowProblem,
  type FieldProblem,
  type PermitCargoKind,
  type PermitVehicleType,
  type ValidityWindow,
  type WindowProblem,
} from '@cc/shared';
import { domainError } from '../../core/errors';

/*
 * A permit request's rules, pure: what a request may hold, and what an approval may give. Text
 * past its limit is refused, never cut short; a plate, phone or identity number that cannot be
 * right is refused with the shared checks' advice; the identity number is checked in full and
 * only its mask is returned (ADR 0015: the full number is never kept).
 */

export interface RequestText {
  applicantName: string;
  contactName: string;
  contactPhone: string;
  plate: string;
  vehicleType: PermitVehicleType;
  driverName: string;
  driverIdNumber: string;
  cargoKind: PermitCargoKind;
  cargoDescription?: string | null;
  origin: string;
  destinations: string[];
  validFrom: Date;
  validUntil: Date;
}

export interface CleanRequest {
  applicantName: string;
  contactName: string;
  contactPhone: string;
  plate: string;
  vehicleType: PermitVehicleType;
  driverName: string;
  driverIdMasked: string;
  cargoKind: PermitCargoKind;
  cargoDescription: string | null;
  greenChannel: boolean;
  origin: string;
  destinations: string[];
  requestedFrom: Date;
  requestedUntil: Date;
}

export function validatePermitRequest(input: RequestText, now: Date): CleanRequest {
  const destinations = input.destinations.map((d) => d.trim()).filter((d) => d !== '');
  if (destinations.length === 0) throw badInput('destinations', 'Give at least one destination.');
  if (destinations.length > PERMIT_MAX_DESTINATIONS)
    throw badInput('destinations', `Give at most ${PERMIT_MAX_DESTINATIONS} destinations; file another request for the rest.`);
  for (const d of destinations) tooLong('destinations', d, PERMIT_TEXT_LIMITS.place);
  const window = { from: input.validFrom, until: input.validUntil };
  const problem = requestedWindowProblem(window, now);
  if (problem) throw windowError(problem, 'validUntil');
  return {
    applicantName: requiredText('applicantName', input.applicantName, PERMIT_TEXT_LIMITS.applicantName, 'the applicant organisation'),
    contactName: requiredText('contactName', input.contactName, PERMIT_TEXT_LIMITS.contactName, 'the contact person'),
    contactPhone: checked('contactPhone', checkPhone(input.contactPhone)).display,
    plate: checked('plate', checkPlate(input.plate)).plate,
    vehicleType: input.vehicleType,
    driverName: requiredText('driverName', input.driverName, PERMIT_TEXT_LIMITS.driverName, 'the driver'),
    driverIdMasked: maskIdNumber(checked('driverIdNumber', checkIdNumber(input.driverIdNumber, hqDay(now))).number),
    cargoKind: input.cargoKind,
    cargoDescription: optionalText('cargoDescription', input.cargoDescription, PERMIT_TEXT_LIMITS.cargoDescription),
    greenChannel: isPermitGreenChannel(input.cargoKind),
    origin: requiredText('origin', input.origin, PERMIT_TEXT_LIMITS.place, 'where the journey starts'),
    destinations,
    requestedFrom: window.from,
    requestedUntil: window.until,
  };
}

/** The window an approval gives (the requested one when none is given); refused if wider, already over, or after the response ends. */
export function approvedWindow(
  requested: ValidityWindow,
  asked: Partial<ValidityWindow>,
  now: Date,
  responseEnd: Date | null,
): ValidityWindow {
  const result = narrowWindow(requested, asked);
  if (typeof result === 'string') throw windowError(result, asked.from && !asked.until ? 'validFrom' : 'validUntil');
  if (result.until.getTime() <= now.getTime()) throw windowError('window/past', 'validUntil');
  if (responseEnd && responseEnd.getTime() <= Math.max(result.from.getTime(), now.getTime()))
    throw windowError('window/after_response', 'validFrom');
  return result;
}

const WINDOW_MESSAGES: Record<WindowProblem, string> = {
  'window/order': 'The validity must end after it starts.',
  'window/too_long': `A permit is valid for at most ${PERMIT_MAX_VALIDITY_DAYS} days; file another request for a longer journey.`,
  'window/past': 'The validity window is already over; choose a window that ends in the future.',
  'window/widened': 'An approval may narrow the requested validity, never widen it: choose times inside the requested window.',
  'window/after_response': 'The emergency response ends before this permit would start, so it would never be valid.',
};

function windowError(problem: WindowProblem, field: string) {
  return domainError('BAD_USER_INPUT', WINDOW_MESSAGES[problem], { field, reason: problem });
}

function checked<T>(field: string, result: { ok: true; value: T } | { ok: false; problem: FieldProblem }): T {
  if (!result.ok) throw domainError('BAD_USER_INPUT', result.problem.en, { field, reason: result.problem.code, zh: result.problem.zh });
  return result.value;
}

function badInput(field: string, message: string) {
  return domainError('BAD_USER_INPUT', message, { field });
}

function tooLong(field: string, value: string, limit: number): void {
  if ([...value].length > limit) throw badInput(field, `At most ${limit} characters; this has ${[...value].length}.`);
}

export function requiredText(field: string, value: string, limit: number, what: string): string {
  const text = value.trim();
  if (!text) throw badInput(field, `Give ${what}.`);
  tooLong(field, text, limit);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, limit: number): string | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  tooLong(field, text, limit);
  return text;
}
