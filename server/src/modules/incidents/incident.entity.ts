import { defineEntity, p } from '@mikro-orm/core';
import { INCIDENT_CLASSES, INCIDENT_SEVERITIES, INCIDENT_STATUSES, WORKING_GROUPS } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const IncidentSchema = defineEntity({
  name: 'Incident',
  tableName: 'incident',
  properties: {
    ...baseProperties,
    title: p.string().length(200),
    description: p.text().default(''),
    incidentClass: p.enum(INCIDENT_CLASSES).fieldName('incident_class').columnType('char(1)'),
    severity: p.enum(INCIDENT_SEVERITIES).length(10).default('MEDIUM'),
    status: p.enum(INCIDENT_STATUSES).length(20).default('REPORTED'),
    reportedAt: p.datetime(),
    reportingDeadline: p.datetime(),
    location: p.string().length(300).default(''),
    // double precision columns; FloatType reads them as JS numbers (DoubleType would give strings).
    latitude: p.float().columnType('double precision').nullable(),
    longitude: p.float().columnType('double precision').nullable(),
    reportedById: p.uuid().nullable(),
    /** The working group that handles it (plan 3's four groups); null until the duty officer assigns it. */
    assignedGroup: p.enum(WORKING_GROUPS).length(20).nullable(),
    /** The person accountable for it within that group. */
    ownerId: p.uuid().nullable(),
    /** First moved out of REPORTED: the end of the "reported → acknowledged" response time. */
    acknowledgedAt: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    /** Reported upward (上报): this act, not resolving, meets the reporting deadline (002). Recorded once. */
    reportedUpwardAt: p.datetime().nullable(),
    /** To whom (which authority or person), as the duty officer wrote it. */
    reportedUpwardTo: p.string().length(200).nullable(),
    reportedUpwardById: p.uuid().nullable(),
    /** The duty-phone call it was taken from (值班记录), if any; the duty module owns the call (migration 0010). */
    sourceCallId: p.uuid().nullable(),
  },
});

/** 事件: something that happened and needs HQ's response, with its reporting deadline. */
export class Incident extends IncidentSchema.class {}
IncidentSchema.setClass(Incident);
export { IncidentSchema };
