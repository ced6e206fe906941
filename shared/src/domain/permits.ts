/**
 * 通行证: traffic-permit requests, their review and the permits issued (issue 21). The words,
 * limits and pure rules both ends share: the console shows the queue in the order the server
 * keeps, and narrows a window the way the server checks it.
 */

/** Cargo kinds a permit is issued for (plans 3 and 4): 防疫物资 生活必需品 煤炭 油料 生产物资. */
export const PERMIT_CARGO_KINDS = ['EPIDEMIC_SUPPLIES', 'DAILY_NECESSITIES', 'COAL', 'FUEL', 'PRODUCTION_MATERIALS'] as const;
export type PermitCargoKind = (typeof PERMIT_CARGO_KINDS)[number];

/**
 * 三不一优先 (plan 3) covers 应急防疫物资运输车辆: vehicles carrying epidemic-prevention supplies
 * are not inspected, not stopped, not charged and pass first. Only that cargo is green channel;
 * daily necessities are kept moving (一断三不断) but are reviewed in their turn.
 */
export const PERMIT_GREEN_CHANNEL_CARGO: readonly PermitCargoKind[] = ['EPIDEMIC_SUPPLIES'];

export function isPermitGreenChannel(cargo: PermitCargoKind): boolean {
  return PERMIT_GREEN_CHANNEL_CARGO.includes(cargo);
}

/** 货车 厢式货车 冷藏车 罐车 面包车 其他. */
export const PERMIT_VEHICLE_TYPES = ['TRUCK', 'BOX_TRUCK', 'REFRIGERATED_TRUCK', 'TANKER', 'VAN', 'OTHER'] as const;
export type PermitVehicleType = (typeof PERMIT_VEHICLE_TYPES)[number];

/**
 * 待审批 SUBMITTED (in the dispatchers' queue) · 待补充 NEEDS_INFO (HQ asked the applicant a
 * question) · 已批准 APPROVED (a permit was issued in the same step) · 已驳回 REJECTED ·
 * 已撤回 WITHDRAWN (by the applicant's side).
 */
export const PERMIT_REQUEST_STATUSES = ['SUBMITTED', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type PermitRequestStatus = (typeof PERMIT_REQUEST_STATUSES)[number];

/** Where a request may go from each status; the three decided statuses are final. */
export const PERMIT_REQUEST_TRANSITIONS: Readonly<Record<PermitRequestStatus, readonly PermitRequestStatus[]>> = {
  SUBMITTED: ['NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN'],
  // Answered (resubmitted) back into the queue, withdrawn, or rejected when the answer never comes.
  NEEDS_INFO: ['SUBMITTED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export function canMovePermitRequest(from: PermitRequestStatus, to: PermitRequestStatus): boolean {
  return PERMIT_REQUEST_TRANSITIONS[from].includes(to);
}

/** Requests still open: in the queue or waiting for the applicant's answer. */
export const OPEN_PERMIT_REQUEST_STATUSES: readonly PermitRequestStatus[] = ['SUBMITTED', 'NEEDS_INFO'];

/** 有效 · 未生效 · 已过期 · 已吊销: derived from the window, the revocation and the response's end, never stored. */
export const PERMIT_STATUSES = ['VALID', 'NOT_YET_VALID', 'EXPIRED', 'REVOKED'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** The longest text each field takes (the console counts against the same limits). */
export const PERMIT_TEXT_LIMITS = {
  applicantName: 200,
  contactName: 100,
  driverName: 100,
  cargoDescription: 500,
  place: 200,
  reason: 500,
  question: 500,
  answer: 1_000,
} as const;

/** At most this many destinations on one permit. */
export const PERMIT_MAX_DESTINATIONS = 10;
/** A permit is valid for at most this many days; longer journeys take a new request. */
export const PERMIT_MAX_VALIDITY_DAYS = 30;
/** A requested window may start at most this long before filing (a request typed after the vehicle left). */
export const PERMIT_START_GRACE_MS = 60 * 60_000;

/** Minutes a request may wait in the queue before the alert; green-channel cargo is held to the tighter one. */
export const PERMIT_WAIT_MINUTES = { green: 30, other: 120 } as const;

export function permitWaitLimitMinutes(greenChannel: boolean, limits: { green: number; other: number } = PERMIT_WAIT_MINUTES): number {
  return greenChannel ? limits.green : limits.other;
}

export interface ValidityWindow {
  from: Date;
  until: Date;
}

export type WindowProblem = 'window/order' | 'window/too_long' | 'window/past' | 'window/widened' | 'window/after_response';

const DAY_MS = 24 * 3600_000;

/** What is wrong with a requested window filed at `now`, or null. */
export function requestedWindowProblem(window: ValidityWindow, now: Date): WindowProblem | null {
  if (window.until.getTime() <= window.from.getTime()) return 'window/order';
  if (window.until.getTime() - window.from.getTime() > PERMIT_MAX_VALIDITY_DAYS * DAY_MS) return 'window/too_long';
  if (window.from.getTime() < now.getTime() - PERMIT_START_GRACE_MS || window.until.getTime() <= now.getTime()) return 'window/past';
  return null;
}

/**
 * The window an approval gives: the requested one, or a narrower one inside it. Never wider:
 * a reviewer may shorten a permit, not grant more than was asked. Returns the window or why not.
 */
export function narrowWindow(
  requested: ValidityWindow,
  approved: Partial<ValidityWindow> | null | undefined,
): ValidityWindow | WindowProblem {
  const from = approved?.from ?? requested.from;
  const until = approved?.until ?? requested.until;
  if (until.getTime() <= from.getTime()) return 'window/order';
  if (from.getTime() < requested.from.getTime() || until.getTime() > requested.until.getTime()) return 'window/widened';
  return { from, until };
}

/** The moment a permit stops being valid: its window's end, or the emergency response's end if that comes first. */
export function permitEffectiveUntil(validUntil: Date, responseEnd: Date | null): Date {
  return responseEnd && responseEnd.getTime() < validUntil.getTime() ? responseEnd : validUntil;
}

/**
 * A permit's status at `now`, from its window, its revocation and the response's end: nothing
 * runs at expiry, and a revoked permit stays revoked whatever the window says.
 */
export function permitStatusAt(
  permit: { validFrom: Date; validUntil: Date; revokedAt?: Date | null },
  now: Date,
  responseEnd: Date | null = null,
): PermitStatus {
  if (permit.revokedAt) return 'REVOKED';
  if (now.getTime() >= permitEffectiveUntil(permit.validUntil, responseEnd).getTime()) return 'EXPIRED';
  if (now.getTime() < permit.validFrom.getTime()) return 'NOT_YET_VALID';
  return 'VALID';
}

export interface PermitQueueEntry {
  greenChannel: boolean;
  submittedAt: Date;
  id: string;
}

/** The review queue's order: green-channel cargo first (三不一优先), then the longest waiting, then by id. */
export function comparePermitQueue(a: PermitQueueEntry, b: PermitQueueEntry): number {
  if (a.greenChannel !== b.greenChannel) return a.greenChannel ? -1 : 1;
  const age = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (age !== 0) return age;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What a checkpoint needs of the driver's identity number, and all that is kept: the first three
 * and the last four characters (110***********1234), to match the card the driver shows.
 */
export function maskIdNumber(number: string): string {
  const n = number.replace(/\s/g, '').toUpperCase();
  if (n.length < 8) return '*'.repeat(n.length);
  return `${n.slice(0, 3)}${'*'.repeat(n.length - 7)}${n.slice(-4)}`;
}

/** Crockford base32: no I, L, O, U; what a person reads off a permit cannot be misread. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Crockford's check symbols: the 32 digits and *~$=U for remainders 32 to 36 (mod 37). */
const CROCKFORD_CHECK = `${CROCKFORD_ALPHABET}*~$=U`;
/** 12 random characters (60 bits): a permit number cannot be guessed from another. */
export const PERMIT_NUMBER_BODY_LENGTH = 12;
const PERMIT_NUMBER = new RegExp(`^TXZ-([${CROCKFORD_ALPHABET}]{${PERMIT_NUMBER_BODY_LENGTH}})([${CROCKFORD_CHECK.replace('$', '\\$')}])$`);

/** The check character of a number's body (Crockford mod 37): one mistyped character is caught. */
export function permitNumberCheck(body: string): string {
  let remainder = 0;
  for (const c of body) remainder = (remainder * 32 + CROCKFORD_ALPHABET.indexOf(c)) % 37;
  return CROCKFORD_CHECK[remainder]!;
}

/** TXZ- + 12 characters + check: built from a body the server draws at random. */
export function permitNumberOf(body: string): string {
  return `TXZ-${body}${permitNumberCheck(body)}`;
}

/** As people type it: capitals, no spaces or dashes inside, and O/I/L read as 0/1/1. */
export function normalisePermitNumber(raw: string): string {
  const compact = raw.replace(/[\s-]/g, '').toUpperCase();
  const body = compact.startsWith('TXZ') ? compact.slice(3) : compact;
  return `TXZ-${body.replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}

/** Whether this is a well-formed permit number with a matching check character. */
export function isPermitNumber(number: string): boolean {
  const match = PERMIT_NUMBER.exec(number);
  return !!match && permitNumberCheck(match[1]!) === match[2];
}
