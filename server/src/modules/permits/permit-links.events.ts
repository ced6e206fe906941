/** A permit was attached to a vehicle's job, or a standing permit granted or withdrawn. */
export interface PermitLinkEventPayload {
  vehicleId: string;
  permitId: string | null;
  /** Set when the change is a job's permit; null for a standing permit. */
  assignmentId: string | null;
  orderId: string | null;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    permitLink: PermitLinkEventPayload;
  }
}

export const PERMIT_LINK_TOPIC = 'permitLink' as const;
