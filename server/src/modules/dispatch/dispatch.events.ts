import type { DispatchOrderStatus, VehicleStatus } from '@cc/shared';

/** A vehicle changed: its status, its job, or its particulars. Consoles re-read the vehicle. */
export interface VehicleEventPayload {
  companyId: string;
  status: VehicleStatus;
  /** The order it is now on, if any. */
  orderId: string | null;
  changed: string[];
}

/** A dispatch order changed. `requestingUnitId` lets a unit liaison's stream keep only their unit's. */
export interface DispatchOrderEventPayload {
  number: string;
  status: DispatchOrderStatus;
  priority: number;
  requestingUnitId: string | null;
  changed: string[];
}

/** The fleet's settings or a company's standby quota changed. */
export interface TransportCompanyEventPayload {
  standbyQuota: number | null;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    vehicle: VehicleEventPayload;
    dispatchOrder: DispatchOrderEventPayload;
    transportCompany: TransportCompanyEventPayload;
  }
}

export const VEHICLE_TOPIC = 'vehicle' as const;
export const DISPATCH_ORDER_TOPIC = 'dispatchOrder' as const;
export const TRANSPORT_COMPANY_TOPIC = 'transportCompany' as const;
