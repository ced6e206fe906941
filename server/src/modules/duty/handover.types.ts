import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { HANDOVER_ITEM_SEVERITIES, HANDOVER_SIGNER_ROLES, type HandoverItemSeverity, type HandoverSignerRole } from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';

export const HandoverSignerRoleEnum = graphqlEnum(
  HANDOVER_SIGNER_ROLES,
  'HandoverSignerRole',
  'Who signs a handover: the outgoing (交班人) or the incoming officer (接班人).',
);
export const HandoverItemSeverityEnum = graphqlEnum(
  HANDOVER_ITEM_SEVERITIES,
  'HandoverItemSeverity',
  'How much an open item needs the next shift’s attention.',
);

@ObjectType('HandoverItemTarget', { description: 'The record an open item is about.' })
export class HandoverItemTargetType {
  @Field(() => String, { description: 'e.g. Incident, DispatchOrder, Vehicle, HqInstruction, DutyCall.' }) entityType!: string;
  @Field(() => ID) entityId!: string;
}

@ObjectType('HandoverItem', {
  description: 'One open item handed to the next shift, as its module gave it when the handover was generated.',
})
export class HandoverItemType {
  @Field(() => String, { description: 'Stable kind, e.g. INCIDENT_PAST_DEADLINE, VEHICLE_OUT (shared HANDOVER_ITEM_KINDS).' })
  kind!: string;
  @Field(() => String, { description: 'The record’s own words: a title, a plate, an order number.' }) label!: string;
  @Field(() => HandoverItemTargetType, { nullable: true }) target?: HandoverItemTargetType | null;
  @Field(() => HandoverItemSeverityEnum) severity!: HandoverItemSeverity;
  @Field(() => String, { nullable: true, description: 'A finer stable code, e.g. a standing alert’s rule id (the console names it).' })
  code?: string | null;
  @Field(() => Date, { nullable: true, description: 'Its deadline, or when it was raised or went out.' }) dueAt?: Date | null;
  @Field(() => String, { description: 'The module that contributed it.' }) module!: string;
  @Field(() => Boolean, { description: 'Already on the previous handover and still open (遗留事项).' }) carriedOver!: boolean;
}

@ObjectType('ShiftHandover', { description: '交接班: a shift’s handover note, its open items and the two signatures.' })
export class ShiftHandoverType {
  @Field(() => ID) id!: string;
  @Field(() => Date) shiftStartedAt!: Date;
  @Field(() => Date) shiftEndsAt!: Date;
  @Field(() => Date) generatedAt!: Date;
  @Field(() => String) note!: string;
  @Field(() => ID, { nullable: true, description: 'The handover before it, whose open items it carries over.' }) previousId?: string | null;
  @Field(() => Date, { nullable: true }) outgoingSignedAt?: Date | null;
  @Field(() => Date, { nullable: true }) incomingSignedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Set when both have signed; a closed handover no longer changes.' })
  closedAt?: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('ShiftHandoverChange', { description: 'One committed change of a shift handover, with the handover as it is now.' })
export class ShiftHandoverChangeType extends ChangeOf(() => ShiftHandoverType, 'handover') {}

@InputType({ description: 'The shift a handover covers; by default the last 8 hours, ending now.' })
export class GenerateShiftHandoverInput {
  @Field(() => Date, { nullable: true }) shiftStartedAt?: Date | null;
  @Field(() => Date, { nullable: true }) shiftEndsAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'A first note; at most 4000 characters.' }) note?: string | null;
}

@InputType()
export class UpdateShiftHandoverNoteInput {
  @Field(() => ID) handoverId!: string;
  @Field(() => String, { description: 'At most 4000 characters.' }) note!: string;
  @Field(() => Int, { nullable: true, description: 'The version you edited; a stale one is refused with CONFLICT.' }) expectedVersion?:
    number | null;
}

@InputType()
export class SignShiftHandoverInput {
  @Field(() => ID) handoverId!: string;
  @Field(() => HandoverSignerRoleEnum) role!: HandoverSignerRole;
  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT.' }) expectedVersion?:
    number | null;
}
