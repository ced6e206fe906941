import { Field, ID, ObjectType } from 'type-graphql';
import { ROLES, type Role } from '@cc/shared';
import { graphqlEnum } from '../../core/graphql/enums';

export const RoleEnum = graphqlEnum(ROLES, 'Role', 'What a person may do in the console; a user may hold several.');

@ObjectType('Viewer', { description: 'The signed-in person.' })
export class ViewerType {
  @Field(() => ID) userId!: string;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => ID, { nullable: true }) unitId!: string | null;
  @Field(() => Date) sessionExpiresAt!: Date;
}
