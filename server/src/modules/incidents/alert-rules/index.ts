import type { IncidentService } from '../incident.service';
import { incidentClassALoggedRule } from './incident-class-a-logged.rule';
import { incidentPastDeadlineRule } from './incident-past-deadline.rule';
import { incidentUnacknowledgedRule } from './incident-unacknowledged.rule';

/** The duty group's incident rules (002's reporting deadlines, 早发现、早报告), over the incidents service. */
export function incidentAlertRules(incidents: IncidentService) {
  return [incidentPastDeadlineRule(incidents), incidentUnacknowledgedRule(incidents), incidentClassALoggedRule(incidents)];
}
