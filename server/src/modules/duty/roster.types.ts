import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DUTY_ROLES, type DutyRole } from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';

export const DutyRoleEnum = graphqlEnum(DUTY_ROLES, 'DutyRole', 'On a shift: 值班员 OFFICER, 带班领导 LEADER, 备班 BACKUP.');

@ObjectType('DutyShiftMember', { description: 'One person on a shift, in one role, and when they checked in (签到).' })
export class DutyShiftMemberType {
  @Field(() => ID) id!: string;
  @Field(() => ID) userId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => DutyRoleEnum) role!: DutyRole;
  @Field(() => Date, { nullable: true }) checkedInAt!: Date | null;
}

@ObjectType('DutyShift', { description: '班次: one shift of the 24-hour watch; may cross HQ midnight and overlap another.' })
export class DutyShiftType {
  @Field(() => ID) id!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String) note!: string;
  @Field(() => Int) version!: number;
  @Field(() => [DutyShiftMemberType], { description: 'Leaders first, then officers, then backups.' })
  members!: DutyShiftMemberType[];
  @Field(() => Boolean, { description: 'True only in the change that removed it from the roster.' })
  deleted!: boolean;
}

@ObjectType('DutyShiftChange', { description: 'One committed change to a shift; `shift` is null once it was deleted.' })
export class DutyShiftChangeType extends ChangeOf(() => DutyShiftType, 'shift') {}

@ObjectType('DutyRosterPerson', { description: 'Someone who may be put on a shift.' })
export class DutyRosterPersonType {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
  @Field(() => Boolean, { description: 'Holds the LEADER role: may be the leader on duty (带班领导).' }) leader!: boolean;
}

@ObjectType('DutyOnDuty', { description: 'Who is on duty now, by name.' })
export class DutyOnDutyType {
  @Field(() => [String]) officers!: string[];
  @Field(() => [String]) leaders!: string[];
  @Field(() => [String]) backups!: string[];
}
