import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { domainError } from '../../core/errors';
import { Allow } from '../../core/graphql/allow';
import type { MemberUnit } from './member-unit.entity';
import type { MemberUnitService } from './member-unit.service';
import { MemberUnitType, ViewerType } from './identity.types';
import { viewerOf, type SessionService } from './session.service';

/** Signing in and out, and the signed-in person's own account. */
@Resolver(() => ViewerType)
export class IdentityResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly units: MemberUnitService,
  ) {}

  @Allow('me')
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in person, or null when signed out.' })
  me(@Ctx() ctx: Context): ViewerType | null {
    return ctx.viewer ? { ...ctx.viewer, roles: [...ctx.viewer.roles] } : null;
  }

  @Allow('login')
  @Mutation(() => ViewerType, {
    description:
      'Signs in; the session travels in an httpOnly cookie. Over HTTP only. Failed attempts are limited per account and per address (RATE_LIMITED).',
  })
  async login(
    @Ctx() ctx: Context,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ): Promise<ViewerType> {
    if (!ctx.http) throw domainError('BAD_USER_INPUT', 'Sign in over HTTP, not over the WebSocket.', { reason: 'auth/http_only' });
    const { token, user, session } = await this.sessions.login(ctx, username, password, ctx.http.address);
    ctx.http.setSessionCookie(token, session.expiresAt);
    const viewer = viewerOf(user, session);
    return { ...viewer, roles: [...viewer.roles] };
  }

  @Allow('logout')
  @Mutation(() => Boolean, { description: 'Ends this session everywhere it is open, sockets included.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const done = await this.sessions.logout(ctx);
    ctx.http?.clearSessionCookie();
    return done;
  }

  @Allow('changePassword')
  @Mutation(() => Boolean, { description: 'Changes your own password (at least 12 characters). Your other sessions end; this one stays.' })
  changePassword(
    @Ctx() ctx: Context,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<boolean> {
    return this.sessions.changePassword(ctx, currentPassword, newPassword);
  }

  @FieldResolver(() => MemberUnitType, { nullable: true, description: 'The member unit of a unit liaison.' })
  unit(@Root() viewer: ViewerType, @Ctx() ctx: Context): Promise<MemberUnit | null> | null {
    return viewer.unitId ? this.units.get(ctx.em, viewer.unitId) : null;
  }
}
