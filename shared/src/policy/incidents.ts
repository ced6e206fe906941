import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who moves an incident through its lifecycle and assigns it. */
const INCIDENT_HANDLERS: readonly Role[] = ['DUTY_OFFICER', 'LEADER', 'COORDINATOR', 'ADMIN'];

/** Incidents: HQ sees them all; the lifecycle is HQ's call (duty officer, leader, coordinator). */
export const INCIDENTS_POLICY = {
  incidents: HQ,
  incident: HQ,
  reportIncident: ['DUTY_OFFICER', 'LEADER', 'COORDINATOR', 'DISPATCHER', 'ADMIN'],
  changeIncidentStatus: ['DUTY_OFFICER', 'LEADER', 'COORDINATOR', 'ADMIN'],
  incidentChanged: HQ,
  acknowledgeIncident: INCIDENT_HANDLERS,
  startIncident: INCIDENT_HANDLERS,
  resolveIncident: INCIDENT_HANDLERS,
  closeIncident: INCIDENT_HANDLERS,
  reopenIncident: INCIDENT_HANDLERS,
  assignIncident: INCIDENT_HANDLERS,
  updateIncident: INCIDENT_HANDLERS,
  // any group may add what it knows
  addIncidentNote: HQ,
  recordIncidentReportedUpward: INCIDENT_HANDLERS,
} as const satisfies PolicySlice;
