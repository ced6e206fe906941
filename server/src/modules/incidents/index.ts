import { IncidentSchema } from './incident.entity';
import { IncidentResolver } from './incident.resolver';
import { IncidentService } from './incident.service';

/** 事件: the shared operational picture every working group works on. */
export function createIncidentsModule() {
  const service = new IncidentService();
  return {
    name: 'incidents',
    entities: [IncidentSchema],
    resolvers: [new IncidentResolver(service)],
    service,
  };
}
