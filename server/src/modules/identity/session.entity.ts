import { defineEntity, p } from '@mikro-orm/core';

const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'user_session',
  properties: {
    id: p.uuid().primary(),
    tokenHash: p.string().length(64).unique(),
    userId: p.uuid(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    address: p.string().length(64).default(''),
  },
});

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);
export { SessionSchema };
