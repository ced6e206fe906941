import type { CargoKind } from './fleet';
import { PERMIT_CARGO_KINDS, type PermitCargoKind } from './permits';
import { normalisePlate } from './plates';

/*
 * How a traffic permit (通行证) meets the dispatch side: which permit covers which job, when
 * two permits of one vehicle overlap, and when a running job outlives its permit. Pure rules,
 * shared so the console can filter the permits it offers exactly as the server checks them.
 */

/**
 * The cargo kinds a permit is issued for (plans 3 and 4): epidemic-prevention supplies, daily
 * necessities (grain, oil, meat, eggs, vegetables), coal, oil/fuel and production materials.
 */
export const PERMIT_CARGOS = PERMIT_CARGO_KINDS;
export type PermitCargo = PermitCargoKind;

/**
 * Which permit cargo kinds let a vehicle carry each dispatch cargo kind. The five permit kinds
 * cover their own dispatch kind only. Two dispatch kinds have no permit kind of their own:
 * a medical transfer (送诊) moves patients for epidemic control, so it travels under an
 * epidemic-supplies permit; replenishing a checkpoint (交通检疫点) carries protective supplies
 * and the staff's daily necessities, so either of those permits covers it.
 */
export const PERMIT_CARGO_FOR_DISPATCH: Readonly<Record<CargoKind, readonly PermitCargo[]>> = {
  EPIDEMIC_SUPPLIES: ['EPIDEMIC_SUPPLIES'],
  DAILY_NECESSITIES: ['DAILY_NECESSITIES'],
  COAL: ['COAL'],
  FUEL: ['FUEL'],
  PRODUCTION_MATERIALS: ['PRODUCTION_MATERIALS'],
  MEDICAL_TRANSFER: ['EPIDEMIC_SUPPLIES'],
  CHECKPOINT_REPLENISHMENT: ['EPIDEMIC_SUPPLIES', 'DAILY_NECESSITIES'],
};

export function permitCoversCargo(permitCargo: PermitCargo, dispatchCargo: CargoKind): boolean {
  return PERMIT_CARGO_FOR_DISPATCH[dispatchCargo].includes(permitCargo);
}

/** A time window [from, until): the instant `until` itself is outside it. */
export interface TimeWindow {
  from: Date;
  until: Date;
}

export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  return a.from.getTime() < b.until.getTime() && b.from.getTime() < a.until.getTime();
}

export function windowCovers(outer: TimeWindow, inner: TimeWindow): boolean {
  return outer.from.getTime() <= inner.from.getTime() && inner.until.getTime() <= outer.until.getTime();
}

/** Where a permit lets the vehicle go: from its origin to any of its destinations. */
export interface PermitRoute {
  origin: string;
  destinations: readonly string[];
}

/** Place names compared without spaces or punctuation, full-width folded to half-width, in capitals. */
export function normalisePlace(place: string): string {
  return place
    .normalize('NFKC')
    .replace(/[\s·.,，、。\-—–()（）]/g, '')
    .toUpperCase();
}

/**
 * Two routes overlap when they share a leg: the same origin and a destination in common, or
 * each one's origin among the other's destinations (the same road driven back). Routes that
 * merely meet at one place are different journeys.
 */
export function routesOverlap(a: PermitRoute, b: PermitRoute): boolean {
  const from = (r: PermitRoute) => normalisePlace(r.origin);
  const to = (r: PermitRoute) => new Set(r.destinations.map(normalisePlace));
  const [toA, toB] = [to(a), to(b)];
  if (from(a) === from(b) && [...toA].some((d) => toB.has(d))) return true;
  return toA.has(from(b)) && toB.has(from(a));
}

/** What the link rules need to know about a permit; the permits module fills it from its own records. */
export interface PermitFacts {
  id: string;
  number: string;
  plate: string;
  driverName: string;
  cargoKind: PermitCargo;
  route: PermitRoute;
  validFrom: Date;
  validUntil: Date;
  /** It has been issued (approved and given a number); requests under review or rejected have not. */
  issued: boolean;
  revokedAt: Date | null;
}

/** A valid permit at `now`: issued, not revoked, and not yet past its end. */
export function permitValidAt(permit: Pick<PermitFacts, 'issued' | 'revokedAt' | 'validUntil'>, now: Date): boolean {
  return permit.issued && permit.revokedAt === null && permit.validUntil.getTime() > now.getTime();
}

/** The transport job a permit is attached to: one vehicle on one dispatch order. */
export interface JobFacts {
  plate: string;
  cargoKind: CargoKind;
  /** When the vehicle is on the road: from departure (or the requested time) to the expected end. */
  window: TimeWindow;
}

export const ATTACHMENT_PROBLEMS = ['NOT_ISSUED', 'REVOKED', 'EXPIRED', 'WRONG_PLATE', 'CARGO_INCOMPATIBLE', 'WINDOW_NOT_COVERED'] as const;
export type AttachmentProblem = (typeof ATTACHMENT_PROBLEMS)[number];

/**
 * Why this permit cannot cover this job, or null when it can: it must be issued, not revoked,
 * not expired, for the same plate, for a cargo kind that covers the job's, and valid over the
 * whole of the job's window. The first problem found is the one reported, in that order.
 */
export function attachmentProblem(permit: PermitFacts, job: JobFacts, now: Date): AttachmentProblem | null {
  if (!permit.issued) return 'NOT_ISSUED';
  if (permit.revokedAt !== null) return 'REVOKED';
  if (permit.validUntil.getTime() <= now.getTime()) return 'EXPIRED';
  if (normalisePlate(permit.plate) !== normalisePlate(job.plate)) return 'WRONG_PLATE';
  if (!permitCoversCargo(permit.cargoKind, job.cargoKind)) return 'CARGO_INCOMPATIBLE';
  if (!windowCovers({ from: permit.validFrom, until: permit.validUntil }, job.window)) return 'WINDOW_NOT_COVERED';
  return null;
}

/** A standing permit of a standby vehicle must be one valid now, for that vehicle's plate. */
export function standingPermitProblem(permit: PermitFacts, plate: string, now: Date): AttachmentProblem | null {
  if (!permit.issued) return 'NOT_ISSUED';
  if (permit.revokedAt !== null) return 'REVOKED';
  if (permit.validUntil.getTime() <= now.getTime()) return 'EXPIRED';
  if (normalisePlate(permit.plate) !== normalisePlate(plate)) return 'WRONG_PLATE';
  return null;
}

/**
 * Other valid permits that overlap `permit`: same plate, windows overlapping, same route.
 * Two at once is usually a mistake (a second request for the same trip), so it needs an
 * explicit confirmation with a reason.
 */
export function overlappingPermits<P extends PermitFacts>(permit: PermitFacts, others: readonly P[], now: Date): P[] {
  const plate = normalisePlate(permit.plate);
  const window = { from: permit.validFrom, until: permit.validUntil };
  return others.filter(
    (other) =>
      other.id !== permit.id &&
      permitValidAt(other, now) &&
      normalisePlate(other.plate) === plate &&
      windowsOverlap(window, { from: other.validFrom, until: other.validUntil }) &&
      routesOverlap(permit.route, other.route),
  );
}

/** When the dispatcher gives no expected end, a job is expected to take this long (a day's run, plan 2: out by 17:00). */
export const DEFAULT_JOB_HOURS = 8;
const HOUR_MS = 3_600_000;

/**
 * The window a job needs a permit for: from departure if it has left, else from the requested
 * time (never earlier than now: a permit need not cover the past of a job not yet started),
 * to the expected end (default: DEFAULT_JOB_HOURS after the start).
 */
export function jobWindow(job: { requestedAt: Date; departedAt: Date | null; expectedEndAt?: Date | null }, now: Date): TimeWindow {
  const from = job.departedAt ?? new Date(Math.max(job.requestedAt.getTime(), now.getTime()));
  const until = job.expectedEndAt ?? new Date(from.getTime() + DEFAULT_JOB_HOURS * HOUR_MS);
  return { from, until };
}

export type PermitOutlivedReason = 'REVOKED' | 'ENDED' | 'ENDS_BEFORE_JOB' | 'ENDS_SOON';

/**
 * Whether a job under way outlives its permit: the permit was revoked, or has ended while the
 * job runs, or ends before the job is expected to end, or — the job running past its expected
 * end — ends within `leadMs`. Null when the permit still covers the job.
 */
export function permitOutlivedBy(
  job: { expectedEndAt: Date },
  permit: Pick<PermitFacts, 'validUntil' | 'revokedAt'>,
  now: Date,
  leadMs: number,
): PermitOutlivedReason | null {
  const t = now.getTime();
  const until = permit.validUntil.getTime();
  if (permit.revokedAt !== null) return 'REVOKED';
  if (until <= t) return 'ENDED';
  if (until < job.expectedEndAt.getTime()) return 'ENDS_BEFORE_JOB';
  if (job.expectedEndAt.getTime() <= t && until - t <= leadMs) return 'ENDS_SOON';
  return null;
}

/** The median of a list (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Where an overlap between two valid permits was confirmed: approving one, attaching one to a job, granting one as standing. */
export const PERMIT_OVERLAP_ACTIONS = ['APPROVE', 'ATTACH', 'GRANT_STANDING'] as const;
export type PermitOverlapAction = (typeof PERMIT_OVERLAP_ACTIONS)[number];

/** The longest reason for confirming an overlap (the console counts against it). */
export const OVERLAP_REASON_MAX = 300;
