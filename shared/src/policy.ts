import type { Role } from './domain/roles';

/**
 * Who may use each root operation: the one authorization table (issue 3).
 * `AUTHENTICATED` means any signed-in user; `PUBLIC` means anyone (sign-in itself).
 * The server enforces it (type-graphql's auth checker); the console uses it to show only
 * what the signed-in role may use; a test fails if an operation of the schema is missing here.
 * `PUBLIC` applies to HTTP: the WebSocket accepts only signed-in sockets (an anonymous one is
 * closed with 4401 at connection_init), so over it every operation needs a session.
 */
export type Access = readonly Role[] | 'AUTHENTICATED' | 'PUBLIC';

const HQ: readonly Role[] = ['DUTY_OFFICER', 'LEADER', 'DISPATCHER', 'LOGISTICS_OFFICER', 'COORDINATOR', 'ADMIN'];
/** Who assigns vehicles and moves dispatch orders along (运输调配); the leader on duty may step in. */
const DISPATCHING: readonly Role[] = ['DISPATCHER', 'LEADER'];
/** Any HQ group may ask for transport by raising an order; only dispatchers assign it. */
const ORDER_RAISERS: readonly Role[] = ['DISPATCHER', 'LEADER', 'DUTY_OFFICER', 'LOGISTICS_OFFICER', 'COORDINATOR'];
/** Who moves an incident through its lifecycle and assigns it. */
const INCIDENT_HANDLERS: readonly Role[] = ['DUTY_OFFICER', 'LEADER', 'COORDINATOR', 'ADMIN'];

export const OPERATION_POLICY = {
  // identity: signing in, and one's own account
  me: 'PUBLIC',
  login: 'PUBLIC',
  logout: 'AUTHENTICATED',
  changePassword: 'AUTHENTICATED',
  // identity: administrators manage people, roles and member units
  users: ['ADMIN'],
  createUser: ['ADMIN'],
  updateUser: ['ADMIN'],
  setUserActive: ['ADMIN'],
  resetUserPassword: ['ADMIN'],
  memberUnits: ['ADMIN'],
  createMemberUnit: ['ADMIN'],
  updateMemberUnit: ['ADMIN'],
  // a liaison reads their own unit only (record-level: core/auth/unit-scope.ts)
  memberUnit: 'AUTHENTICATED',
  // audit trail: read-only, for those accountable (no operation changes it)
  auditRecords: ['ADMIN', 'LEADER'],
  // realtime
  livePosition: 'AUTHENTICATED',
  // incidents
  incidents: HQ,
  incident: HQ,
  reportIncident: ['DUTY_OFFICER', 'LEADER', 'COORDINATOR', 'DISPATCHER', 'ADMIN'],
  changeIncidentStatus: ['DUTY_OFFICER', 'LEADER', 'COORDINATOR', 'ADMIN'],
  incidentChanged: HQ,
  // the lifecycle is HQ's call (duty officer, leader, coordinator); any group may add what it knows
  acknowledgeIncident: INCIDENT_HANDLERS,
  startIncident: INCIDENT_HANDLERS,
  resolveIncident: INCIDENT_HANDLERS,
  closeIncident: INCIDENT_HANDLERS,
  reopenIncident: INCIDENT_HANDLERS,
  assignIncident: INCIDENT_HANDLERS,
  updateIncident: INCIDENT_HANDLERS,
  recordIncidentReportedUpward: INCIDENT_HANDLERS,
  addIncidentNote: HQ,
  // alerts: every HQ role sees its group's alerts (record-level, alerts.policy.ts); leaders see all
  alerts: HQ,
  alert: HQ,
  alertChanged: HQ,
  acknowledgeAlert: HQ,
  resolveAlert: ['LEADER', 'ADMIN'],
  alertRules: ['LEADER', 'ADMIN'],
  updateAlertRule: ['ADMIN'],
  // dispatch (运输调配): the standby board and orders are HQ's shared picture
  standbyBoard: HQ,
  vehicle: HQ,
  vehicleHistory: HQ,
  dispatchOrders: HQ,
  dispatchOrder: HQ,
  dispatchFigures: HQ,
  vehicleChanged: HQ,
  // a liaison's stream carries their unit's orders only (record-level: dispatch.policy.ts)
  dispatchOrderChanged: [...HQ, 'UNIT_LIAISON'],
  suggestVehicles: DISPATCHING,
  createDispatchOrder: ORDER_RAISERS,
  assignVehicles: DISPATCHING,
  markOrderDeparted: DISPATCHING,
  markOrderArrived: DISPATCHING,
  completeDispatchOrder: DISPATCHING,
  cancelDispatchOrder: DISPATCHING,
  releaseVehicle: DISPATCHING,
  changeVehicleStatus: ['DISPATCHER', 'LEADER', 'ADMIN'],
  // the fleet's particulars: administrators keep them, dispatchers correct drivers and notes
  createVehicle: ['ADMIN'],
  updateVehicle: ['DISPATCHER', 'ADMIN'],
  updateCompanyQuota: ['ADMIN', 'LEADER'],
  updateFleetReadyFloor: ['ADMIN', 'LEADER'],
  // a unit liaison asks for transport for their own unit only
  requestTransport: ['UNIT_LIAISON'],
  cancelTransportRequest: ['UNIT_LIAISON'],
  myTransportRequests: ['UNIT_LIAISON'],
  myTransportRequest: ['UNIT_LIAISON'],
  // the leader's board
  leaderDashboard: ['LEADER', 'ADMIN'],
} as const satisfies Record<string, Access>;

export type OperationName = keyof typeof OPERATION_POLICY;

export function accessFor(operation: string): Access | undefined {
  return (OPERATION_POLICY as Record<string, Access>)[operation];
}

/** Whether someone holding `roles` (or nobody, when signed out) may use the operation. */
export function mayUse(operation: string, roles: readonly Role[] | null): boolean {
  const access = accessFor(operation);
  if (access === undefined) return false;
  if (access === 'PUBLIC') return true;
  if (roles === null) return false;
  if (access === 'AUTHENTICATED') return true;
  return roles.some((r) => access.includes(r));
}
