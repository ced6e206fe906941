import { IdentityResolver } from './identity.resolver';
import { MemberUnitSchema } from './member-unit.entity';
import { SessionSchema } from './session.entity';
import { SessionService } from './session.service';
import { UserSchema } from './user.entity';

/** Who is who: users and their roles, member units, sessions. */
export function createIdentityModule(options: { sessionTtlMs: number }) {
  const sessions = new SessionService(options.sessionTtlMs);
  return {
    name: 'identity',
    entities: [UserSchema, MemberUnitSchema, SessionSchema],
    resolvers: [new IdentityResolver(sessions)],
    sessions,
  };
}
