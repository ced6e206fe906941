import { IncidentSchema } from './incident.entity';
import { IncidentTimelineEntrySchema } from './incident-timeline-entry.entity';
import { IncidentResolver } from './incident.resolver';
import { IncidentService, type IncidentPeople } from './incident.service';

/** 事件: the shared operational picture every working group works on. */
export function createIncidentsModule(deps: { people: IncidentPeople }) {
  const service = new IncidentService(deps.people);
  return {
    name: 'incidents',
    entities: [IncidentSchema, IncidentTimelineEntrySchema],
    resolvers: [new IncidentResolver(service)],
    service,
  };
}
