import type { PermitRequestStatus } from '@cc/shared';

/** A permit request changed: filed, answered, withdrawn or reviewed. `unitId` keeps a liaison's stream to their unit without a read. */
export interface PermitRequestEventPayload {
  unitId: string;
  status: PermitRequestStatus;
  greenChannel: boolean;
  changed: string[];
}

/** A permit was issued or revoked. */
export interface TrafficPermitEventPayload {
  number: string;
  unitId: string;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    permitRequest: PermitRequestEventPayload;
    trafficPermit: TrafficPermitEventPayload;
  }
}

export const PERMIT_REQUEST_TOPIC = 'permitRequest' as const;
export const TRAFFIC_PERMIT_TOPIC = 'trafficPermit' as const;
