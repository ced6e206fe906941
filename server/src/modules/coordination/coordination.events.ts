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

declare module '../../core/realtime/topics' {
  interface Topics {
    responseLevel: ResponseLevelEventPayload;
    directive: DirectiveEventPayload;
  }
}

export const RESPONSE_LEVEL_TOPIC = 'responseLevel' as const;
export const DIRECTIVE_TOPIC = 'directive' as const;
