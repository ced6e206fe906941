import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ROLES, type Role } from '@cc/shared';
import { graphqlEnum } from '../../core/graphql/enums';

export const RoleEnum = graphqlEnum(ROLES, 'Role', 'What a person may do in the console; a user may hold several.');

@ObjectType('MemberUnit', { description: '成员单位: a member unit of the HQ; its liaison files reports and requests for it alone.' })
export class MemberUnitType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Short code in capitals, e.g. AGRICULTURE.' }) code!: string;
  @Field(() => String, { description: 'Full name, e.g. 县农业农村局.' }) name!: string;
  @Field(() => Boolean, { description: 'An inactive unit keeps its history but gets no new liaisons.' }) active!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back as expectedVersion.' }) version!: number;
}

@ObjectType('Viewer', { description: 'The signed-in person.' })
export class ViewerType {
  @Field(() => ID) userId!: string;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'The member unit of a unit liaison; null for HQ staff.' }) unitId!: string | null;
  @Field(() => Date) sessionExpiresAt!: Date;
}

@ObjectType('User', { description: 'A person who signs in to the console, with their roles.' })
export class UserType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Lower case; what the person types to sign in.' }) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => ID, { nullable: true, description: 'Set for a unit liaison only.' }) unitId!: string | null;
  @Field(() => String) phone!: string;
  @Field(() => Boolean, { description: 'A deactivated person cannot sign in; their history stays.' }) active!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back as expectedVersion.' }) version!: number;
}
