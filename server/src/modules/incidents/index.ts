import { defineModule } from '../../core/module';
import { incidentAlertRules } from './alert-rules';
import { seedIncidentsDemoPicture } from './incident.demo';
import { IncidentSchema } from './incident.entity';
import { INCIDENT_TOPIC } from './incident.events';
import { incidentHandoverItems } from './incident.handover-items';
import { incidentLeaderFigures } from './incident.leader-figures';
import { IncidentTimelineEntrySchema } from './incident-timeline-entry.entity';
import { IncidentResolver } from './incident.resolver';
import { IncidentService, type IncidentPeople } from './incident.service';
import { Migration0002Incidents } from './migrations/0002-incidents';
import { Migration0007IncidentLifecycle } from './migrations/0007-incident-lifecycle';
import { Migration0008IncidentReportedUpward } from './migrations/0008-incident-reported-upward';

/** 事件: the shared operational picture every working group works on; the duty group (值班值守) keeps it. */
export function createIncidentsModule(deps: { people: IncidentPeople }) {
  const service = new IncidentService(deps.people);
  return defineModule(
    {
      name: 'incidents',
      workingGroup: 'DUTY',
      entities: [IncidentSchema, IncidentTimelineEntrySchema],
      resolvers: [new IncidentResolver(service)],
      migrations: [
        { name: '0002-incidents', class: Migration0002Incidents },
        { name: '0007-incident-lifecycle', class: Migration0007IncidentLifecycle },
        { name: '0008-incident-reported-upward', class: Migration0008IncidentReportedUpward },
      ],
      topics: [INCIDENT_TOPIC],
      alertRules: incidentAlertRules(service),
      leaderFigures: incidentLeaderFigures(service),
      handoverItems: incidentHandoverItems(service),
      demoSeed: seedIncidentsDemoPicture,
    },
    { service },
  );
}
