import { defineModule } from '../../core/module';
import { seedIdentityDemo } from './identity.demo';
import { SESSION_TOPIC } from './identity.events';
import { IdentityResolver } from './identity.resolver';
import { MemberUnitSchema } from './member-unit.entity';
import { MemberUnitResolver } from './member-unit.resolver';
import { MemberUnitService } from './member-unit.service';
import { Migration0003Identity } from './migrations/0003-identity';
import { Migration0004IdentityAdmin } from './migrations/0004-identity-admin';
import { SessionSchema } from './session.entity';
import { SessionService } from './session.service';
import { UserSchema } from './user.entity';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

/** Who is who: users and their roles, member units, sessions, sign-in. HQ-wide administration. */
export function createIdentityModule(options: { sessionTtlMs: number }) {
  const sessions = new SessionService(options.sessionTtlMs);
  const users = new UserService(sessions);
  const units = new MemberUnitService();
  return defineModule(
    {
      name: 'identity',
      workingGroup: null,
      entities: [UserSchema, MemberUnitSchema, SessionSchema],
      resolvers: [new IdentityResolver(sessions, units), new UserResolver(users, units), new MemberUnitResolver(units)],
      migrations: [
        { name: '0003-identity', class: Migration0003Identity },
        { name: '0004-identity-admin', class: Migration0004IdentityAdmin },
      ],
      topics: [SESSION_TOPIC],
      demoSeed: seedIdentityDemo,
    },
    { sessions, users, units },
  );
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
