import { IdentityResolver } from './identity.resolver';
import { MemberUnitSchema } from './member-unit.entity';
import { MemberUnitResolver } from './member-unit.resolver';
import { MemberUnitService } from './member-unit.service';
import { SessionSchema } from './session.entity';
import { SessionService } from './session.service';
import { UserSchema } from './user.entity';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

/** Who is who: users and their roles, member units, sessions, sign-in. */
export function createIdentityModule(options: { sessionTtlMs: number }) {
  const sessions = new SessionService(options.sessionTtlMs);
  const users = new UserService(sessions);
  const units = new MemberUnitService();
  return {
    name: 'identity',
    entities: [UserSchema, MemberUnitSchema, SessionSchema],
    resolvers: [new IdentityResolver(sessions, units), new UserResolver(users, units), new MemberUnitResolver(units)],
    sessions,
    users,
    units,
  };
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
