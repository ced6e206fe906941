import { defineEntity, p } from '@mikro-orm/core';
import { INCIDENT_STATUSES, INCIDENT_TIMELINE_KINDS } from '@cc/shared';

const IncidentTimelineEntrySchema = defineEntity({
  name: 'IncidentTimelineEntry',
  tableName: 'incident_timeline_entry',
  properties: {
    /** Insertion order breaks ties between entries written at the same moment. */
    id: p.bigint('number').primary().autoincrement(),
    incidentId: p.uuid(),
    kind: p.enum(INCIDENT_TIMELINE_KINDS).length(20),
    at: p.datetime(),
    actorId: p.uuid().nullable(),
    /** The name as it was when they acted: the timeline is a record, not a live view. */
    actorName: p.string().length(100).default(''),
    text: p.string().length(2000).default(''),
    fromStatus: p.enum(INCIDENT_STATUSES).length(20).nullable(),
    toStatus: p.enum(INCIDENT_STATUSES).length(20).nullable(),
    linkEntityType: p.string().length(60).nullable(),
    linkEntityId: p.string().length(100).nullable(),
  },
});

/** One line of an incident's timeline: a status move, an assignment, a note, or a linked record (call, dispatch order, permit...). */
export class IncidentTimelineEntry extends IncidentTimelineEntrySchema.class {}
IncidentTimelineEntrySchema.setClass(IncidentTimelineEntry);
export { IncidentTimelineEntrySchema };
