import { defineEntity, p } from '@mikro-orm/core';
import { INCIDENT_CLASSES, INCIDENT_STATUSES } from '@cc/shared';
import { baseProperties } from '../../core/database/base-entity';

const IncidentSchema = defineEntity({
  name: 'Incident',
  tableName: 'incident',
  properties: {
    ...baseProperties,
    title: p.string().length(200),
    description: p.text().default(''),
    incidentClass: p.enum(INCIDENT_CLASSES).fieldName('incident_class').columnType('char(1)'),
    status: p.enum(INCIDENT_STATUSES).length(20).default('REPORTED'),
    reportedAt: p.datetime(),
    reportingDeadline: p.datetime(),
    location: p.string().length(300).default(''),
    reportedById: p.uuid().nullable(),
  },
});

/** 事件: something that happened and needs HQ's response, with its reporting deadline. */
export class Incident extends IncidentSchema.class {}
IncidentSchema.setClass(Incident);
export { IncidentSchema };
