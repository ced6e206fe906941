import type { WorkingGroup } from '@cc/shared';

/** A document was registered, routed, read, signed or its readers reminded. Consoles re-read it. */
export interface DocumentEventPayload {
  /** Lets a unit liaison's stream keep only documents routed to their unit or to them, without a read. */
  targetUnitIds: string[];
  targetUserIds: string[];
  targetGroups: WorkingGroup[];
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    document: DocumentEventPayload;
  }
}

export const DOCUMENT_TOPIC = 'document' as const;
