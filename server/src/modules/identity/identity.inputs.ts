import { Field, ID, InputType, Int } from 'type-graphql';
import type { Role } from '@cc/shared';
import { RoleEnum } from './identity.types';

@InputType({ description: 'A new person, with a first password they should change after signing in.' })
export class CreateUserInput {
  @Field(() => String, { description: '3 to 64 characters; stored in lower case.' }) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { description: 'At least 12 characters.' }) password!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'Required for a unit liaison, empty for everyone else.' }) unitId?: string | null;
  @Field(() => String, { defaultValue: '' }) phone!: string;
}

@InputType({ description: 'The editable details of a person, all given (the form sends what it shows).' })
export class UpdateUserInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version the change is based on; a stale one is refused with CONFLICT.' }) expectedVersion!: number;
  @Field(() => String) displayName!: string;
  @Field(() => [RoleEnum], { description: 'Changing roles or unit signs the person out everywhere, so new rights apply at once.' })
  roles!: Role[];
  @Field(() => ID, { nullable: true }) unitId?: string | null;
  @Field(() => String, { defaultValue: '' }) phone!: string;
}

@InputType()
export class CreateMemberUnitInput {
  @Field(() => String, { description: 'Short code in capitals, e.g. HEALTH.' }) code!: string;
  @Field(() => String, { description: 'Full name, e.g. 县卫生健康局.' }) name!: string;
}

@InputType()
export class UpdateMemberUnitInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String) name!: string;
  @Field(() => Boolean) active!: boolean;
}
