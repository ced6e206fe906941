import type { EntityManager } from '@mikro-orm/postgresql';
import {
  attachmentProblem,
  jobWindow,
  OVERLAP_REASON_MAX,
  overlappingPermits,
  permitCoversCargo,
  permitValidAt,
  standingPermitProblem,
  type AttachmentProblem,
  type CargoKind,
  type PermitFacts,
  type PermitOverlapAction,
} from '@cc/shared';
import type { Context } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import { jobUnderWay, type AssignmentJob, type DispatchJobsService } from '../dispatch/dispatch-jobs.service';
import type { FleetService } from '../dispatch/fleet.service';
import type { StandingPermitsPort } from '../dispatch/standing-permits.port';
import type { Vehicle } from '../dispatch/vehicle.entity';
import { PermitAssignmentLink } from './permit-assignment-link.entity';
import { PERMIT_LINK_TOPIC } from './permit-links.events';
import { PermitOverlapConfirmation } from './permit-overlap-confirmation.entity';
import type { PermitRecords } from './permit-records';
import { StandingPermit } from './standing-permit.entity';

const HOUR_MS = 3_600_000;
/** A job's expected end may be given up to this far ahead: a typo guard (a week's run is several jobs). */
const MAX_JOB_AHEAD_MS = 7 * 24 * HOUR_MS;

export interface OverlapConfirmation {
  confirmOverlap?: boolean | null;
  overlapReason?: string | null;
}

export interface AttachPermit extends OverlapConfirmation {
  assignmentId: string;
  permitId: string;
  expectedEndAt?: Date | null;
}

export interface GrantStandingPermit extends OverlapConfirmation {
  vehicleId: string;
  permitId: string;
}

/** English advice per refusal; the code the client branches on is `reason` (permitLink/<problem>). */
const REFUSAL: Record<AttachmentProblem, (p: PermitFacts, plate: string) => string> = {
  NOT_ISSUED: (p) => `Permit ${p.number} has not been issued; only an issued permit can be used.`,
  REVOKED: (p) => `Permit ${p.number} was revoked; choose a valid one.`,
  EXPIRED: (p) => `Permit ${p.number} has expired; choose a valid one.`,
  WRONG_PLATE: (p, plate) => `Permit ${p.number} is for ${p.plate}, not ${plate}; a permit belongs to one vehicle.`,
  CARGO_INCOMPATIBLE: (p) => `Permit ${p.number} is for other cargo (${p.cargoKind}); choose one for what this job carries.`,
  WINDOW_NOT_COVERED: (p) =>
    `Permit ${p.number} is valid ${p.validFrom.toISOString()} to ${p.validUntil.toISOString()}, which does not cover the whole job.`,
};

function refuse(problem: AttachmentProblem, permit: PermitFacts, plate: string) {
  const code = problem === 'NOT_ISSUED' || problem === 'REVOKED' || problem === 'EXPIRED' ? 'INVALID_TRANSITION' : 'BAD_USER_INPUT';
  return domainError(code, REFUSAL[problem](permit, plate), {
    reason: `permitLink/${problem.toLowerCase()}`,
    problem,
    permitId: permit.id,
    permitNumber: permit.number,
    ...(code === 'BAD_USER_INPUT' ? { field: 'permitId' } : {}),
  });
}

/**
 * Permits on the dispatch side (issue 21): the permit a vehicle travels under on a job, the
 * standing permits of standby vehicles, and the confirmation two overlapping valid permits of
 * one vehicle need. It reads jobs and vehicles through dispatch's services only.
 */
export class PermitLinksService implements StandingPermitsPort {
  constructor(
    private readonly records: PermitRecords,
    private readonly jobs: DispatchJobsService,
    private readonly fleet: FleetService,
  ) {}

  // ------------------------------------------------------------------------------ reads

  /** The permit attached to each of these assignments, if any. */
  async linksOf(em: EntityManager, assignmentIds: readonly string[]): Promise<PermitAssignmentLink[]> {
    return assignmentIds.length === 0 ? [] : em.find(PermitAssignmentLink, { assignmentId: { $in: [...assignmentIds] } });
  }

  async standingOf(em: EntityManager, vehicleIds: readonly string[]): Promise<StandingPermit[]> {
    return vehicleIds.length === 0 ? [] : em.find(StandingPermit, { vehicleId: { $in: [...vehicleIds] } });
  }

  assignment(em: EntityManager, assignmentId: string) {
    return this.jobs.assignment(em, assignmentId);
  }

  facts(em: EntityManager, ids: readonly string[]): Promise<PermitFacts[]> {
    return this.records.facts(em, ids);
  }

  /** Valid permits of the job's vehicle whose cargo covers the job's (the attach dialog's list; the window is checked on attach). */
  async attachable(em: EntityManager, assignmentId: string, now: Date): Promise<PermitFacts[]> {
    const job = await this.jobs.job(em, assignmentId);
    if (!job) throw notFound('Vehicle assignment', assignmentId);
    const permits = await this.records.validForPlate(em, job.plate, now);
    return permits.filter((p) => permitCoversCargo(p.cargoKind, job.cargoKind));
  }

  /** Valid permits of the vehicle's plate: what may be granted as its standing permit. */
  async standingChoices(em: EntityManager, vehicleId: string, now: Date): Promise<PermitFacts[]> {
    const vehicle = await this.fleet.vehicle(em, vehicleId);
    if (!vehicle) throw notFound('Vehicle', vehicleId);
    return this.records.validForPlate(em, vehicle.plate, now);
  }

  /** The port dispatch's suggestions use: vehicles whose standing permit is valid and fit for the cargo. */
  async vehiclesHoldingPermitFor(em: EntityManager, cargoKind: CargoKind, now: Date): Promise<ReadonlySet<string>> {
    const standing = await em.find(StandingPermit, {});
    const facts = new Map(
      (
        await this.records.facts(
          em,
          standing.map((s) => s.permitId),
        )
      ).map((p) => [p.id, p]),
    );
    return new Set(
      standing
        .filter((s) => {
          const permit = facts.get(s.permitId);
          return permit !== undefined && permitValidAt(permit, now) && permitCoversCargo(permit.cargoKind, cargoKind);
        })
        .map((s) => s.vehicleId),
    );
  }

  /** Jobs under way that carry a permit, with it: what the outlived-permit alert looks at. */
  async jobsUnderWay(em: EntityManager): Promise<{ link: PermitAssignmentLink; job: AssignmentJob; permit: PermitFacts }[]> {
    // Bounded by the fleet: one job under way per vehicle at most, however long the history.
    const jobs = new Map((await this.jobs.underWay(em)).filter(jobUnderWay).map((j) => [j.assignmentId, j]));
    const running = await this.linksOf(em, [...jobs.keys()]);
    const permits = new Map(
      (
        await this.records.facts(
          em,
          running.map((l) => l.permitId),
        )
      ).map((p) => [p.id, p]),
    );
    return running.flatMap((link) => {
      const permit = permits.get(link.permitId);
      return permit ? [{ link, job: jobs.get(link.assignmentId)!, permit }] : [];
    });
  }

  // ------------------------------------------------------------------------------ attaching

  /**
   * Attaches a permit to a vehicle's job (replacing the one it had). The permit must be issued
   * and valid over the whole job, for the vehicle's plate and a cargo that covers the job's;
   * an overlap with another valid permit of the vehicle needs confirming with a reason.
   */
  async attach(ctx: Context, input: AttachPermit): Promise<PermitAssignmentLink> {
    return commit(ctx, 'attachPermitToAssignment', input, async (tx) => {
      // Locks the assignment: the vehicle cannot be released while its permit is being attached.
      const job = await this.jobs.job(tx.em, input.assignmentId, true);
      if (!job) throw notFound('Vehicle assignment', input.assignmentId);
      if (job.releasedAt !== null || job.orderStatus === 'COMPLETED' || job.orderStatus === 'CANCELLED') {
        throw domainError(
          'INVALID_TRANSITION',
          `${job.plate} is no longer on ${job.orderNumber} (${job.orderStatus}); nothing to attach to.`,
          {
            reason: 'permitLink/job_ended',
            orderStatus: job.orderStatus,
          },
        );
      }
      const permit = await this.permit(tx.em, input.permitId);
      const window = this.windowOf(job, input.expectedEndAt ?? null, tx.now);
      const problem = attachmentProblem(permit, { plate: job.plate, cargoKind: job.cargoKind, window }, tx.now);
      if (problem) throw refuse(problem, permit, job.plate);
      await this.assertOverlapConfirmedIn(tx, permit, 'ATTACH', input);

      const existing = await tx.em.findOne(PermitAssignmentLink, { assignmentId: job.assignmentId });
      const link =
        existing ??
        tx.em.create(PermitAssignmentLink, {
          permitId: permit.id,
          assignmentId: job.assignmentId,
          orderId: job.orderId,
          vehicleId: job.vehicleId,
          plate: job.plate,
          expectedEndAt: window.until,
          attachedAt: tx.now,
          attachedById: tx.viewer?.userId ?? null,
          attachedByName: tx.viewer?.displayName ?? '',
        });
      if (existing) {
        tx.em.assign(existing, {
          permitId: permit.id,
          expectedEndAt: window.until,
          attachedAt: tx.now,
          attachedById: tx.viewer?.userId ?? null,
          attachedByName: tx.viewer?.displayName ?? '',
        });
      }
      tx.em.persist(link);
      tx.emit({
        topic: PERMIT_LINK_TOPIC,
        entityType: 'PermitAssignmentLink',
        entityId: link.id,
        kind: existing ? 'UPDATED' : 'CREATED',
        payload: {
          vehicleId: job.vehicleId,
          permitId: permit.id,
          assignmentId: job.assignmentId,
          orderId: job.orderId,
          changed: ['permit'],
        },
      });
      return link;
    });
  }

  /**
   * The job's window with the dispatcher's expected end, checked: after the job starts and not
   * absurdly far ahead. Without one, the default day's run — and at least an hour from now for a
   * job already running past it.
   */
  private windowOf(job: AssignmentJob, expectedEndAt: Date | null, now: Date) {
    const window = jobWindow({ requestedAt: job.requestedAt, departedAt: job.departedAt, expectedEndAt }, now);
    if (expectedEndAt !== null) {
      if (expectedEndAt.getTime() <= Math.max(window.from.getTime(), now.getTime()))
        throw domainError('BAD_USER_INPUT', 'The expected end must be after the job starts and after now.', { field: 'expectedEndAt' });
      if (expectedEndAt.getTime() > now.getTime() + MAX_JOB_AHEAD_MS)
        throw domainError('BAD_USER_INPUT', 'The expected end is more than a week ahead; split the job.', { field: 'expectedEndAt' });
      return window;
    }
    return window.until.getTime() > now.getTime() ? window : { from: window.from, until: new Date(now.getTime() + HOUR_MS) };
  }

  // ------------------------------------------------------------------------------ standing permits

  /** Lets a standby vehicle hold a valid permit of its own plate between jobs (replacing the one it held). */
  async grantStanding(ctx: Context, input: GrantStandingPermit): Promise<Vehicle> {
    return commit(ctx, 'grantStandingPermit', input, async (tx) => {
      const vehicle = await this.fleet.lockVehicle(tx, input.vehicleId);
      const permit = await this.permit(tx.em, input.permitId);
      const problem = standingPermitProblem(permit, vehicle.plate, tx.now);
      if (problem) throw refuse(problem, permit, vehicle.plate);
      const heldBy = await tx.em.findOne(StandingPermit, { permitId: permit.id, vehicleId: { $ne: vehicle.id } });
      if (heldBy) {
        throw domainError('CONFLICT', `Permit ${permit.number} is already the standing permit of ${heldBy.plate}.`, {
          reason: 'standingPermit/held_elsewhere',
          vehicleId: heldBy.vehicleId,
        });
      }
      await this.assertOverlapConfirmedIn(tx, permit, 'GRANT_STANDING', input);
      const existing = await tx.em.findOne(StandingPermit, { vehicleId: vehicle.id });
      const by = { grantedAt: tx.now, grantedById: tx.viewer?.userId ?? null, grantedByName: tx.viewer?.displayName ?? '' };
      if (existing) tx.em.assign(existing, { permitId: permit.id, plate: vehicle.plate, ...by });
      else tx.em.persist(tx.em.create(StandingPermit, { vehicleId: vehicle.id, permitId: permit.id, plate: vehicle.plate, ...by }));
      this.emitStanding(tx, vehicle.id, permit.id);
      return vehicle;
    });
  }

  async withdrawStanding(ctx: Context, input: { vehicleId: string }): Promise<Vehicle> {
    return commit(ctx, 'withdrawStandingPermit', input, async (tx) => {
      const vehicle = await this.fleet.lockVehicle(tx, input.vehicleId);
      const standing = await tx.em.findOne(StandingPermit, { vehicleId: vehicle.id });
      if (!standing) {
        throw domainError('CONFLICT', `${vehicle.plate} holds no standing permit.`, { reason: 'standingPermit/none' });
      }
      tx.em.remove(standing);
      this.emitStanding(tx, vehicle.id, null);
      return vehicle;
    });
  }

  private emitStanding(tx: Tx, vehicleId: string, permitId: string | null): void {
    tx.emit({
      topic: PERMIT_LINK_TOPIC,
      entityType: 'Vehicle',
      entityId: vehicleId,
      kind: 'UPDATED',
      payload: { vehicleId, permitId, assignmentId: null, orderId: null, changed: ['standingPermit'] },
    });
  }

  // ------------------------------------------------------------------------------ overlaps

  /**
   * Refuses with PERMIT_OVERLAP, naming the other permit, when `permit` overlaps another valid
   * permit of the same plate and route in time — unless the caller confirms with a reason; the
   * confirmation is then recorded (append-only) in the same transaction, one row per permit
   * overlapped. The review of a permit request calls this too, inside its own transaction.
   */
  async assertOverlapConfirmedIn(tx: Tx, permit: PermitFacts, action: PermitOverlapAction, input: OverlapConfirmation): Promise<void> {
    const others = overlappingPermits(permit, await this.records.validForPlate(tx.em, permit.plate, tx.now), tx.now);
    if (others.length === 0) return;
    const first = others[0]!;
    if (input.confirmOverlap !== true) {
      throw domainError(
        'PERMIT_OVERLAP',
        `Permit ${permit.number} overlaps ${first.number}, valid for ${first.plate} on the same route until ${first.validUntil.toISOString()}. ` +
          'Confirm the overlap and say why, or choose another permit.',
        {
          reason: 'permit/overlap',
          permitId: permit.id,
          otherPermitId: first.id,
          otherPermitNumber: first.number,
          otherPermitNumbers: others.map((o) => o.number),
        },
      );
    }
    const reason = (input.overlapReason ?? '').trim();
    if (!reason) throw domainError('BAD_USER_INPUT', 'Say why the two permits may overlap.', { field: 'overlapReason' });
    if (reason.length > OVERLAP_REASON_MAX)
      throw domainError('BAD_USER_INPUT', `Keep the reason to ${OVERLAP_REASON_MAX} characters.`, { field: 'overlapReason' });
    for (const other of others) {
      tx.em.persist(
        tx.em.create(PermitOverlapConfirmation, {
          at: tx.now,
          permitId: permit.id,
          otherPermitId: other.id,
          action,
          reason,
          byId: tx.viewer?.userId ?? null,
          byName: tx.viewer?.displayName ?? '',
        }),
      );
    }
  }

  private async permit(em: EntityManager, id: string): Promise<PermitFacts> {
    const [permit] = await this.records.facts(em, [id]);
    if (!permit) throw notFound('Traffic permit', id);
    return permit;
  }
}
