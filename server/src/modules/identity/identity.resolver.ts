import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { domainError } from '../../core/errors';
import { Allow } from '../../core/graphql/allow';
import { ViewerType } from './identity.types';
import type { SessionService } from './session.service';

@Resolver()
export class IdentityResolver {
  constructor(private readonly sessions: SessionService) {}

  @Allow('me')
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in person, or null when signed out.' })
  me(@Ctx() ctx: Context): ViewerType | null {
    return ctx.viewer ? { ...ctx.viewer, roles: [...ctx.viewer.roles] } : null;
  }

  @Allow('login')
  @Mutation(() => ViewerType, { description: 'Signs in; the session travels in an httpOnly cookie.' })
  async login(
    @Ctx() ctx: Context,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ): Promise<ViewerType> {
    if (!ctx.http) throw domainError('BAD_USER_INPUT', 'Sign in over HTTP, not over the WebSocket.');
    const { token, user, session } = await this.sessions.login(ctx, username, password, ctx.http.address);
    ctx.http.setSessionCookie(token, session.expiresAt);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: [...user.roles],
      unitId: user.unitId ?? null,
      sessionExpiresAt: session.expiresAt,
    };
  }

  @Allow('logout')
  @Mutation(() => Boolean, { description: 'Ends this session everywhere it is open, sockets included.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const done = await this.sessions.logout(ctx);
    ctx.http?.clearSessionCookie();
    return done;
  }
}
