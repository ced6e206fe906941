import type { ResponseLevel } from '@cc/shared';

/** The HQ's response level changed: every console's header re-reads it. */
export interface ResponseLevelEventPayload {
  level: ResponseLevel;
}

/** A directive was created or one of its assignees moved on. Consoles re-read it. */
export interface DirectiveEventPayload {
  /** Lets a unit liaison's stream keep only directives assigned to their unit, without a read. */
  targetUnitIds: string[];
  /** False once every assignee has finished. */
  open: boolean;
  changed: string[];
}

/** A meeting was requested, scheduled or its minutes recorded. */
export interface MeetingEventPayload {
  /** The unit that asked for it, so that unit's liaison hears of it without a read; null for HQ's own. */
  requestedByUnitId: string | null;
  changed: string[];
}

declare module '../../core/realtime/topics' {
  interface Topics {
    responseLevel: ResponseLevelEventPayload;
    directive: DirectiveEventPayload;
    meeting: MeetingEventPayload;
  }
}

export const RESPONSE_LEVEL_TOPIC = 'responseLevel' as const;
export const DIRECTIVE_TOPIC = 'directive' as const;
export const MEETING_TOPIC = 'meeting' as const;
