import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { Allow } from '../../core/graphql/allow';
import { CreateUserInput, UpdateUserInput } from './identity.inputs';
import { MemberUnitType, UserType } from './identity.types';
import type { MemberUnit } from './member-unit.entity';
import type { MemberUnitService } from './member-unit.service';
import type { User } from './user.entity';
import type { UserService } from './user.service';

/** Administrators manage people and their roles. */
@Resolver(() => UserType)
export class UserResolver {
  constructor(
    private readonly service: UserService,
    private readonly units: MemberUnitService,
  ) {}

  @Allow('users')
  @Query(() => [UserType], { description: 'Everyone who can (or could) sign in, active first.' })
  users(@Ctx() ctx: Context): Promise<User[]> {
    return this.service.list(ctx.em);
  }

  @Allow('createUser')
  @Mutation(() => UserType)
  createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput) input: CreateUserInput): Promise<User> {
    return this.service.create(ctx, input);
  }

  @Allow('updateUser')
  @Mutation(() => UserType, { description: 'Edits a person. Changing roles or unit signs them out everywhere.' })
  updateUser(@Ctx() ctx: Context, @Arg('input', () => UpdateUserInput) input: UpdateUserInput): Promise<User> {
    return this.service.update(ctx, input);
  }

  @Allow('setUserActive')
  @Mutation(() => UserType, { description: 'Deactivating signs the person out everywhere and stops them signing in; history stays.' })
  setUserActive(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean): Promise<User> {
    return this.service.setActive(ctx, id, active);
  }

  @Allow('resetUserPassword')
  @Mutation(() => UserType, {
    description: 'Sets a new password (at least 12 characters) for someone who lost theirs; their sessions end.',
  })
  resetUserPassword(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<User> {
    return this.service.resetPassword(ctx, id, newPassword);
  }

  @FieldResolver(() => MemberUnitType, { nullable: true })
  unit(@Root() user: UserType, @Ctx() ctx: Context): Promise<MemberUnit | null> | null {
    return user.unitId ? this.units.get(ctx.em, user.unitId) : null;
  }
}
