import type { Role } from '../domain/roles';
import { HQ, type PolicySlice } from './access';

/** Who assigns vehicles and moves dispatch orders along (运输调配); the leader on duty may step in. */
const DISPATCHING: readonly Role[] = ['DISPATCHER', 'LEADER'];
/** Any HQ group may ask for transport by raising an order; only dispatchers assign it. */
const ORDER_RAISERS: readonly Role[] = ['DISPATCHER', 'LEADER', 'DUTY_OFFICER', 'LOGISTICS_OFFICER', 'COORDINATOR'];

/** Dispatch (运输调配): the standby board and orders are HQ's shared picture. */
export const DISPATCH_POLICY = {
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
} as const satisfies PolicySlice;
