import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  INCIDENT_ACTIONS,
  OPEN_INCIDENT_STATUSES,
  reportingDeadline,
  type IncidentAction,
  type IncidentClass,
  type IncidentStatus,
  type IncidentTimelineKind,
  type Role,
  type WorkingGroup,
} from '@cc/shared';
import type { Context } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import type { ChangeKind } from '../../core/realtime/topics';
import { commit, type Tx } from '../../core/unit-of-work';
import { Incident } from './incident.entity';
import { INCIDENT_TOPIC } from './incident.events';
import type {
  AddIncidentNoteInput,
  AssignIncidentInput,
  ChangeIncidentStatusInput,
  IncidentActionInput,
  RecordIncidentReportedUpwardInput,
  ReportIncidentInput,
  UpdateIncidentInput,
} from './incident.inputs';
import {
  actionFor,
  assertIncidentAction,
  cleanNote,
  validateIncidentReport,
  validateIncidentUpdate,
  reportUpwardTimelineText,
  validateReportUpward,
} from './incident.rules';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity';

export interface IncidentFilter {
  openOnly?: boolean;
  limit?: number;
}

/** What another module tells an incident's timeline about a record it linked to it. */
export interface IncidentLink {
  /** The kind of record, e.g. 'DispatchOrder', 'DutyCall', 'TrafficPermit'. */
  entityType: string;
  entityId: string;
  /** One line for the timeline, e.g. '调度单 DO-0012: 2 vehicles to 城关检疫点'. */
  summary: string;
}

export interface ResponseTimeFigures {
  count: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

/** The operation each named action is audited as. */
const ACTION_OPERATION: Record<IncidentAction, string> = {
  ACKNOWLEDGE: 'acknowledgeIncident',
  START: 'startIncident',
  RESOLVE: 'resolveIncident',
  CLOSE: 'closeIncident',
  REOPEN: 'reopenIncident',
};

/** What incidents need to know about people (identity's UserService provides it). */
export interface IncidentPeople {
  get(em: EntityManager, id: string): Promise<{ id: string; displayName: string; roles: readonly Role[]; active: boolean } | null>;
}

export class IncidentService {
  constructor(private readonly people: IncidentPeople) {}

  async list(em: EntityManager, filter: IncidentFilter = {}): Promise<Incident[]> {
    return em.find(Incident, filter.openOnly ? { status: { $in: [...OPEN_INCIDENT_STATUSES] } } : {}, {
      orderBy: { reportedAt: 'desc', id: 'asc' },
      limit: Math.min(filter.limit ?? 200, 1000),
    });
  }

  async get(em: EntityManager, id: string): Promise<Incident | null> {
    return em.findOne(Incident, { id });
  }

  /** The incident's timeline, oldest first. */
  async timeline(em: EntityManager, incidentId: string, limit = 500): Promise<IncidentTimelineEntry[]> {
    return em.find(IncidentTimelineEntry, { incidentId }, { orderBy: { at: 'asc', id: 'asc' }, limit });
  }

  /** An owner's display name (the identity map answers repeats within one request). */
  async personName(em: EntityManager, userId: string): Promise<string | null> {
    return (await this.people.get(em, userId))?.displayName ?? null;
  }

  async report(ctx: Context, input: ReportIncidentInput): Promise<Incident> {
    return commit(ctx, 'reportIncident', input, (tx) => this.reportIn(tx, input));
  }

  /**
   * Logs an incident inside the caller's transaction: for a module that creates one as part of
   * its own mutation (a duty call that turns out to be an incident), so both commit or neither
   * does, with one audit trail and the incident's event in the same outbox write. `origin` names
   * the record it came from (the duty call: `Incident.sourceCall`); incidents keep only its id.
   */
  async reportIn(tx: Tx, input: ReportIncidentInput, origin: { sourceCallId?: string | null } = {}): Promise<Incident> {
    const clean = validateIncidentReport(input, tx.now);
    if (clean.ownerId) await this.assertOwner(tx.em, clean.ownerId);
    const incident = tx.em.create(Incident, {
      title: clean.title,
      description: clean.description,
      incidentClass: clean.incidentClass,
      severity: clean.severity,
      location: clean.location,
      latitude: clean.latitude,
      longitude: clean.longitude,
      reportedAt: clean.reportedAt,
      reportingDeadline: reportingDeadline(clean.incidentClass, clean.reportedAt),
      status: 'REPORTED',
      reportedById: tx.viewer?.userId ?? null,
      assignedGroup: clean.assignedGroup ?? null,
      ownerId: clean.ownerId ?? null,
      sourceCallId: origin.sourceCallId ?? null,
    });
    tx.em.persist(incident);
    // Timeline rows refer to the incident by a plain id, so the incident row goes in first.
    await tx.em.flush();
    this.record(tx, incident, 'STATUS', { toStatus: 'REPORTED', at: clean.reportedAt });
    if (incident.assignedGroup || incident.ownerId)
      this.record(tx, incident, 'ASSIGNMENT', { text: await this.assignmentText(tx.em, incident) });
    this.emitChange(tx, incident, 'CREATED', []);
    return incident;
  }

  /** The generic status change; it takes the same named step the explicit mutations take. */
  async changeStatus(ctx: Context, input: ChangeIncidentStatusInput): Promise<Incident> {
    return commit(ctx, 'changeIncidentStatus', input, async (tx) => {
      const incident = await this.lockForChange(tx, input.id, input.expectedVersion);
      return this.applyAction(tx, incident, actionFor(incident.status, input.status), null);
    });
  }

  /** acknowledge / start / resolve / close / reopen: one lifecycle step, recorded on the timeline. */
  async act(ctx: Context, action: IncidentAction, input: IncidentActionInput): Promise<Incident> {
    return commit(ctx, ACTION_OPERATION[action], input, async (tx) => {
      const note = cleanNote(input.note, 'note', action === 'REOPEN');
      const incident = await this.lockForChange(tx, input.id, input.expectedVersion ?? undefined);
      assertIncidentAction(action, incident.status);
      return this.applyAction(tx, incident, action, note);
    });
  }

  async assign(ctx: Context, input: AssignIncidentInput): Promise<Incident> {
    return commit(ctx, 'assignIncident', input, async (tx) => {
      const incident = await this.lockForChange(tx, input.id, input.expectedVersion ?? undefined);
      const group = input.assignedGroup ?? null;
      const ownerId = input.ownerId ?? null;
      if (ownerId) await this.assertOwner(tx.em, ownerId);
      if (incident.assignedGroup === group && incident.ownerId === ownerId) return incident;
      incident.assignedGroup = group;
      incident.ownerId = ownerId;
      this.record(tx, incident, 'ASSIGNMENT', { text: await this.assignmentText(tx.em, incident) });
      this.emitChange(tx, incident, 'UPDATED', ['assignment']);
      return incident;
    });
  }

  async update(ctx: Context, input: UpdateIncidentInput): Promise<Incident> {
    return commit(ctx, 'updateIncident', input, async (tx) => {
      const clean = validateIncidentUpdate(input);
      const incident = await this.lockForChange(tx, input.id, input.expectedVersion);
      const changes: string[] = [];
      const set = <K extends 'title' | 'description' | 'location' | 'severity'>(key: K, value: Incident[K] | null | undefined) => {
        if (value == null || incident[key] === value) return;
        incident[key] = value;
        changes.push(key);
      };
      set('title', clean.title);
      set('description', clean.description);
      set('location', clean.location);
      set('severity', input.severity);
      if (input.incidentClass && input.incidentClass !== incident.incidentClass) {
        changes.push(`class ${incident.incidentClass}→${input.incidentClass}`);
        incident.incidentClass = input.incidentClass;
        incident.reportingDeadline = reportingDeadline(input.incidentClass, incident.reportedAt);
      }
      if (clean.coordinates && (clean.coordinates.latitude !== incident.latitude || clean.coordinates.longitude !== incident.longitude)) {
        incident.latitude = clean.coordinates.latitude;
        incident.longitude = clean.coordinates.longitude;
        changes.push('coordinates');
      }
      if (changes.length === 0) return incident;
      this.record(tx, incident, 'DETAILS', { text: changes.join(', ') });
      this.emitChange(tx, incident, 'UPDATED', ['details']);
      return incident;
    });
  }

  async addNote(ctx: Context, input: AddIncidentNoteInput): Promise<IncidentTimelineEntry> {
    return commit(ctx, 'addIncidentNote', input, async (tx) => {
      const text = cleanNote(input.text, 'text', true);
      const incident = await tx.em.findOne(Incident, { id: input.incidentId });
      if (!incident) throw notFound('Incident', input.incidentId);
      const entry = this.record(tx, incident, 'NOTE', { text });
      this.emitChange(tx, incident, 'UPDATED', ['timeline']);
      return entry;
    });
  }

  /**
   * Records that the incident was reported upward (上报): to whom, when, by whom. This act meets
   * the reporting deadline (002), so the deadline and class-A alerts clear. It is recorded once;
   * a second record is refused (CONFLICT) naming the first, whatever the incident's status.
   */
  async recordReportedUpward(ctx: Context, input: RecordIncidentReportedUpwardInput): Promise<Incident> {
    return commit(ctx, 'recordIncidentReportedUpward', input, async (tx) => {
      const incident = await this.lockForChange(tx, input.incidentId, input.expectedVersion ?? undefined);
      if (incident.reportedUpwardAt) {
        const by = incident.reportedUpwardById ? await this.personName(tx.em, incident.reportedUpwardById) : null;
        throw domainError(
          'CONFLICT',
          `This incident was already reported upward to ${incident.reportedUpwardTo} at ${incident.reportedUpwardAt.toISOString()}` +
            `${by ? ` by ${by}` : ''}. Add a note to the timeline for a further report.`,
          {
            reason: 'incident/already_reported_upward',
            reportedUpwardAt: incident.reportedUpwardAt.toISOString(),
            reportedUpwardTo: incident.reportedUpwardTo ?? '',
          },
        );
      }
      const clean = validateReportUpward(input, incident, tx.now);
      incident.reportedUpwardAt = clean.reportedUpwardAt;
      incident.reportedUpwardTo = clean.reportedTo;
      incident.reportedUpwardById = tx.viewer?.userId ?? null;
      this.record(tx, incident, 'REPORTED_UPWARD', {
        at: clean.reportedUpwardAt,
        text: reportUpwardTimelineText(clean),
      });
      this.emitChange(tx, incident, 'UPDATED', ['reportedUpward', 'timeline']);
      return incident;
    });
  }

  /**
   * For other modules, inside their own unit of work: puts a record they linked to an incident
   * (a call, a dispatch order, a permit, a requisition) on its timeline and tells consoles.
   * Refuses (NOT_FOUND) an incident that does not exist, so the caller's change rolls back too.
   */
  async linkToIncident(tx: Tx, incidentId: string, link: IncidentLink): Promise<IncidentTimelineEntry> {
    const incident = await tx.em.findOne(Incident, { id: incidentId });
    if (!incident) throw notFound('Incident', incidentId);
    const entry = this.record(tx, incident, 'LINK', {
      text: link.summary.trim().slice(0, 2000),
      linkEntityType: link.entityType,
      linkEntityId: link.entityId,
    });
    this.emitChange(tx, incident, 'UPDATED', ['timeline']);
    return entry;
  }

  // ---- read models for the alert rules and the leader's board ----

  /**
   * Open incidents not yet reported upward whose reporting deadline is at or before `cutoff`
   * (the query form of `isPastReportingDeadline`).
   */
  async openPastDeadline(em: EntityManager, cutoff: Date): Promise<Incident[]> {
    return em.find(
      Incident,
      { status: { $in: [...OPEN_INCIDENT_STATUSES] }, reportedUpwardAt: null, reportingDeadline: { $lte: cutoff } },
      { orderBy: { reportingDeadline: 'asc', id: 'asc' } },
    );
  }

  /**
   * Open incidents of these classes not yet reported upward whose deadline is still ahead of
   * `now` (the query form of `needsClassAReportUpward`), oldest first.
   */
  async awaitingReportUpward(em: EntityManager, classes: readonly IncidentClass[], now: Date): Promise<Incident[]> {
    return em.find(
      Incident,
      {
        status: { $in: [...OPEN_INCIDENT_STATUSES] },
        reportedUpwardAt: null,
        incidentClass: { $in: [...classes] },
        reportingDeadline: { $gt: now },
      },
      { orderBy: { reportedAt: 'asc', id: 'asc' } },
    );
  }

  /** Incidents still only REPORTED (nobody has acknowledged them) since at or before `cutoff`. */
  async unacknowledgedSince(em: EntityManager, cutoff: Date): Promise<Incident[]> {
    return em.find(Incident, { status: 'REPORTED', reportedAt: { $lte: cutoff } }, { orderBy: { reportedAt: 'asc', id: 'asc' } });
  }

  async openIncidents(em: EntityManager): Promise<Incident[]> {
    return em.find(Incident, { status: { $in: [...OPEN_INCIDENT_STATUSES] } }, { orderBy: { reportedAt: 'asc', id: 'asc' } });
  }

  /** Reported → acknowledged, for incidents acknowledged from `from` up to `to`: count, median and 90th percentile. */
  async acknowledgeTimes(em: EntityManager, from: Date, to: Date): Promise<ResponseTimeFigures> {
    const [row] = await em.execute<{ count: number; p50: number | null; p90: number | null }[]>(
      `select count(*)::int as count,
         percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - reported_at)) as p50,
         percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - reported_at)) as p90
       from incident where acknowledged_at >= ? and acknowledged_at <= ?`,
      [from, to],
    );
    return { count: row?.count ?? 0, p50Seconds: row?.p50 ?? null, p90Seconds: row?.p90 ?? null };
  }

  // ---- internals ----

  private applyAction(tx: Tx, incident: Incident, action: IncidentAction, note: string | null): Incident {
    const from = incident.status;
    const to: IncidentStatus = INCIDENT_ACTIONS[action].to;
    incident.status = to;
    // Any first step out of REPORTED ends the "reported → acknowledged" response time.
    if (from === 'REPORTED') incident.acknowledgedAt ??= tx.now;
    if (to === 'RESOLVED') incident.resolvedAt = tx.now;
    if (to === 'CLOSED') incident.closedAt = tx.now;
    if (action === 'REOPEN') {
      incident.resolvedAt = null;
      incident.closedAt = null;
    }
    this.record(tx, incident, 'STATUS', { fromStatus: from, toStatus: to, text: note ?? '' });
    this.emitChange(tx, incident, 'UPDATED', ['status']);
    return incident;
  }

  /** Locks the row so concurrent steps queue up: the second sees the first's result, not a stale status. */
  private async lockForChange(tx: Tx, id: string, expectedVersion: number | undefined): Promise<Incident> {
    const incident = await tx.em.findOne(Incident, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!incident) throw notFound('Incident', id);
    if (expectedVersion !== undefined && incident.version !== expectedVersion) {
      throw domainError('CONFLICT', `Someone changed this incident meanwhile (it is now ${incident.status}). Review it and try again.`, {
        reason: 'incident/stale',
        currentVersion: incident.version,
        currentStatus: incident.status,
      });
    }
    return incident;
  }

  private async assertOwner(em: EntityManager, ownerId: string): Promise<void> {
    const owner = await this.people.get(em, ownerId);
    if (!owner || !owner.active || owner.roles.every((r) => r === 'UNIT_LIAISON')) {
      throw domainError('BAD_USER_INPUT', 'The owner must be an active HQ staff member.', {
        field: 'ownerId',
        reason: 'incident/bad_owner',
      });
    }
  }

  private async assignmentText(em: EntityManager, incident: Incident): Promise<string> {
    const owner = incident.ownerId ? await this.personName(em, incident.ownerId) : null;
    return [incident.assignedGroup ?? '—', owner ?? ''].filter(Boolean).join(' / ');
  }

  private record(
    tx: Tx,
    incident: Incident,
    kind: IncidentTimelineKind,
    fields: Partial<Pick<IncidentTimelineEntry, 'text' | 'fromStatus' | 'toStatus' | 'linkEntityType' | 'linkEntityId' | 'at'>>,
  ): IncidentTimelineEntry {
    const entry = tx.em.create(IncidentTimelineEntry, {
      incidentId: incident.id,
      kind,
      at: tx.now,
      actorId: tx.viewer?.userId ?? null,
      actorName: tx.viewer?.displayName ?? '',
      text: '',
      fromStatus: null,
      toStatus: null,
      linkEntityType: null,
      linkEntityId: null,
      ...fields,
    });
    tx.em.persist(entry);
    return entry;
  }

  private emitChange(tx: Tx, incident: Incident, kind: ChangeKind, changed: string[]): void {
    tx.emit({
      topic: INCIDENT_TOPIC,
      entityType: 'Incident',
      entityId: incident.id,
      kind,
      payload: {
        incidentClass: incident.incidentClass,
        status: incident.status,
        assignedGroup: (incident.assignedGroup ?? null) as WorkingGroup | null,
        changed,
      },
    });
  }
}
