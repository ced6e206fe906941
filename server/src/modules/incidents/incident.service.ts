import type { EntityManager } from '@mikro-orm/postgresql';
import { reportingDeadline } from '@cc/shared';
import type { Context } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit } from '../../core/unit-of-work';
import { Incident } from './incident.entity';
import { INCIDENT_TOPIC } from './incident.events';
import type { ChangeIncidentStatusInput, ReportIncidentInput } from './incident.inputs';
import { assertIncidentTransition, validateIncidentReport } from './incident.rules';

export interface IncidentFilter {
  openOnly?: boolean;
  limit?: number;
}

export class IncidentService {
  async list(em: EntityManager, filter: IncidentFilter = {}): Promise<Incident[]> {
    return em.find(
      Incident,
      filter.openOnly ? { status: { $nin: ['RESOLVED', 'CLOSED'] } } : {},
      { orderBy: { reportedAt: 'desc', id: 'asc' }, limit: Math.min(filter.limit ?? 200, 1000) },
    );
  }

  async get(em: EntityManager, id: string): Promise<Incident | null> {
    return em.findOne(Incident, { id });
  }

  async report(ctx: Context, input: ReportIncidentInput): Promise<Incident> {
    return commit(ctx, 'reportIncident', input, async (tx) => {
      const clean = validateIncidentReport(input, tx.now);
      const incident = tx.em.create(Incident, {
        title: clean.title,
        description: clean.description,
        incidentClass: clean.incidentClass,
        location: clean.location,
        reportedAt: clean.reportedAt,
        reportingDeadline: reportingDeadline(clean.incidentClass, clean.reportedAt),
        status: 'REPORTED',
        reportedById: tx.viewer?.userId ?? null,
      });
      tx.em.persist(incident);
      tx.emit({
        topic: INCIDENT_TOPIC,
        entityType: 'Incident',
        entityId: incident.id,
        kind: 'CREATED',
        payload: { incidentClass: incident.incidentClass, status: incident.status, changed: [] },
      });
      return incident;
    });
  }

  async changeStatus(ctx: Context, input: ChangeIncidentStatusInput): Promise<Incident> {
    return commit(ctx, 'changeIncidentStatus', input, async (tx) => {
      const incident = await tx.em.findOne(Incident, { id: input.id });
      if (!incident) throw notFound('Incident', input.id);
      if (incident.version !== input.expectedVersion) {
        throw domainError('CONFLICT', `Someone changed this incident meanwhile (it is now ${incident.status}). Review it and try again.`, {
          reason: 'incident/stale',
          currentVersion: incident.version,
          currentStatus: incident.status,
        });
      }
      assertIncidentTransition(incident.status, input.status);
      incident.status = input.status;
      tx.emit({
        topic: INCIDENT_TOPIC,
        entityType: 'Incident',
        entityId: incident.id,
        kind: 'UPDATED',
        payload: { incidentClass: incident.incidentClass, status: incident.status, changed: ['status'] },
      });
      return incident;
    });
  }
}
