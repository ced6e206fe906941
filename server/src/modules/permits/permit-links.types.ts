import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { PermitCargoKind } from '@cc/shared';
import { PermitCargoKindEnum } from './permits.types';

/** A permit as the dispatch screens show it (the permits pages have the full record). */
@ObjectType('LinkedPermit', { description: 'A traffic permit (通行证) as the dispatch screens show it.' })
export class LinkedPermitType {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => String) plate!: string;
  @Field(() => String) driverName!: string;
  @Field(() => PermitCargoKindEnum) cargoKind!: PermitCargoKind;
  @Field(() => String) origin!: string;
  @Field(() => [String]) destinations!: string[];
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date) validUntil!: Date;
  @Field(() => Boolean, { description: 'Issued, not revoked and not ended now.' }) valid!: boolean;
}

@ObjectType('StandingPermit', { description: 'The permit a standby vehicle holds between jobs, so it can leave at once.' })
export class StandingPermitType {
  @Field(() => LinkedPermitType) permit!: LinkedPermitType;
  @Field(() => Date) grantedAt!: Date;
  @Field(() => String) grantedByName!: string;
}

@ObjectType('AssignmentPermit', { description: 'The permit a vehicle travels under on this job.' })
export class AssignmentPermitType {
  @Field(() => LinkedPermitType) permit!: LinkedPermitType;
  @Field(() => Date, { description: 'When the job is expected to end; the permit lasts at least until then.' }) expectedEndAt!: Date;
  @Field(() => Date) attachedAt!: Date;
  @Field(() => String) attachedByName!: string;
}

@ObjectType('PermitCargoFigures', { description: 'One cargo kind’s permit requests on an HQ day.' })
export class PermitCargoFiguresType {
  @Field(() => PermitCargoKindEnum) cargoKind!: PermitCargoKind;
  @Field(() => Int, { description: 'Requests filed that day.' }) requested!: number;
  @Field(() => Int, { description: 'Approved that day.' }) approved!: number;
  @Field(() => Int, { description: 'Rejected that day.' }) rejected!: number;
  @Field(() => Float, { nullable: true, description: 'Median minutes from filing to decision, over that day’s decisions.' })
  medianReviewMinutes?: number | null;
}

@ObjectType('PermitFigures', { description: 'The day’s permit figures by cargo kind, for the chart.' })
export class PermitFiguresType {
  @Field(() => String, { description: 'The HQ day (UTC+8), YYYY-MM-DD.' }) day!: string;
  @Field(() => Int) requested!: number;
  @Field(() => Int) approved!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Float, { nullable: true, description: 'Median review minutes over all that day’s decisions.' })
  medianReviewMinutes?: number | null;
  @Field(() => [PermitCargoFiguresType]) byCargo!: PermitCargoFiguresType[];
}
