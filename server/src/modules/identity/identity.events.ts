/** Why a session ended early; the console may say so when its socket is closed. */
export type SessionEndReason = 'SIGNED_OUT' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'DEACTIVATED' | 'ACCESS_CHANGED';

/**
 * A revoked session. The WebSocket server closes that session's sockets (4401) when it sees
 * one committed (core/realtime/ws-server.ts), on every replica, because it travels through the outbox.
 */
export interface SessionEventPayload {
  userId: string;
  reason: SessionEndReason;
}

declare module '../../core/realtime/topics' {
  interface Topics {
    session: SessionEventPayload;
  }
}

export const SESSION_TOPIC = 'session' as const;
