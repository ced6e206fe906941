import type { IncidentClass, IncidentStatus, WorkingGroup } from '@cc/shared';

/** What an incident event carries: enough to route and filter it; consoles re-read the record. */
export interface IncidentEventPayload {
  incidentClass: IncidentClass;
  status: IncidentStatus;
  assignedGroup: WorkingGroup | null;
  /** Which parts changed: 'status', 'assignment', 'details', 'reportedUpward', 'timeline'. */
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    incident: IncidentEventPayload;
  }
}

export const INCIDENT_TOPIC = 'incident' as const;
