import type { RequisitionStatus } from '@cc/shared';

/** A requisition was filed, decided, withdrawn, or its shipments moved. Consoles re-read it. */
export interface RequisitionEventPayload {
  number: string;
  status: RequisitionStatus;
  /** Lets a unit liaison's stream keep only their unit's requisitions, without a read. */
  unitId: string;
  changed: string[];
}

declare module '../../../core/realtime/topics' {
  interface Topics {
    requisition: RequisitionEventPayload;
  }
}

export const REQUISITION_TOPIC = 'requisition' as const;
