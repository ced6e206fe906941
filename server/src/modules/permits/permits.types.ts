import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  PERMIT_CARGO_KINDS,
  PERMIT_REQUEST_STATUSES,
  PERMIT_STATUSES,
  PERMIT_VEHICLE_TYPES,
  type PermitCargoKind,
  type PermitRequestStatus,
  type PermitVehicleType,
} from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';

export const PermitCargoKindEnum = graphqlEnum(PERMIT_CARGO_KINDS, 'PermitCargoKind', '防疫物资 生活必需品 煤炭 油料 生产物资.');
export const PermitVehicleTypeEnum = graphqlEnum(PERMIT_VEHICLE_TYPES, 'PermitVehicleType', '货车 厢式货车 冷藏车 罐车 面包车 其他.');
export const PermitRequestStatusEnum = graphqlEnum(
  PERMIT_REQUEST_STATUSES,
  'PermitRequestStatus',
  '待审批 SUBMITTED, 待补充 NEEDS_INFO, 已批准 APPROVED, 已驳回 REJECTED, 已撤回 WITHDRAWN.',
);
export const PermitStatusEnum = graphqlEnum(
  PERMIT_STATUSES,
  'PermitStatus',
  'Derived at the time asked: 有效 VALID, 未生效 NOT_YET_VALID, 已过期 EXPIRED, 已吊销 REVOKED.',
);

@ObjectType('PermitRequest', { description: '通行证申请: what an applicant asked for and where its review stands.' })
export class PermitRequestType {
  @Field(() => ID) id!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String, { description: 'The sponsoring member unit’s name.' }) unitName!: string;
  @Field(() => String) applicantName!: string;
  @Field(() => String) contactName!: string;
  @Field(() => String) contactPhone!: string;
  @Field(() => String) plate!: string;
  @Field(() => PermitVehicleTypeEnum) vehicleType!: PermitVehicleType;
  @Field(() => String) driverName!: string;
  @Field(() => String, { description: 'Masked (110***********1234): the full number is never kept.' }) driverIdMasked!: string;
  @Field(() => PermitCargoKindEnum) cargoKind!: PermitCargoKind;
  @Field(() => String, { nullable: true }) cargoDescription?: string | null;
  @Field(() => Boolean, { description: '绿色通道 (三不一优先): reviewed ahead of other cargo.' }) greenChannel!: boolean;
  @Field(() => String) origin!: string;
  @Field(() => [String]) destinations!: string[];
  @Field(() => Date) requestedFrom!: Date;
  @Field(() => Date) requestedUntil!: Date;
  @Field(() => PermitRequestStatusEnum) status!: PermitRequestStatus;
  @Field(() => Date) filedAt!: Date;
  @Field(() => Date, { description: 'When it last entered the queue (filed or answered): the queue’s waiting time counts from here.' })
  submittedAt!: Date;
  @Field(() => String) filedByName!: string;
  @Field(() => ID, { nullable: true }) dutyCallId?: string | null;
  @Field(() => String, { nullable: true, description: 'HQ’s question, when more information was asked for.' }) question?: string | null;
  @Field(() => String, { nullable: true }) answer?: string | null;
  @Field(() => Date, { nullable: true }) decidedAt?: Date | null;
  @Field(() => String, { nullable: true }) decidedByName?: string | null;
  @Field(() => String, { nullable: true }) rejectionReason?: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('TrafficPermit', { description: '通行证: a permit as issued. Only its revocation ever changes it.' })
export class TrafficPermitType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'TXZ- + 12 random characters + a check character.' }) number!: string;
  @Field(() => ID) requestId!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
  @Field(() => String) applicantName!: string;
  @Field(() => String) plate!: string;
  @Field(() => PermitVehicleTypeEnum) vehicleType!: PermitVehicleType;
  @Field(() => String) driverName!: string;
  @Field(() => String) driverIdMasked!: string;
  @Field(() => PermitCargoKindEnum) cargoKind!: PermitCargoKind;
  @Field(() => Boolean) greenChannel!: boolean;
  @Field(() => String) origin!: string;
  @Field(() => [String]) destinations!: string[];
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { description: 'The approved end; see effectiveUntil for the response’s end.' }) validUntil!: Date;
  @Field(() => Date) issuedAt!: Date;
  @Field(() => String) issuedByName!: string;
  @Field(() => Date, { nullable: true }) revokedAt?: Date | null;
  @Field(() => String, { nullable: true }) revokedByName?: string | null;
  @Field(() => String, { nullable: true }) revocationReason?: string | null;
  @Field(() => Int) version!: number;
}

@ObjectType('PermitQueuePage', { description: 'One page of the review queue: green channel first, then the longest waiting.' })
export class PermitQueuePageType {
  @Field(() => [PermitRequestType]) items!: unknown[];
  @Field(() => Int, { description: 'Requests waiting, all pages.' }) total!: number;
  @Field(() => Int, { description: 'Green-channel requests waiting, all pages.' }) greenTotal!: number;
}

@ObjectType('PermitRequestPage', { description: 'One page of permit requests, newest first.' })
export class PermitRequestPageType {
  @Field(() => [PermitRequestType]) items!: unknown[];
  @Field(() => Int) total!: number;
}

@ObjectType('TrafficPermitPage', { description: 'One page of issued permits, newest first.' })
export class TrafficPermitPageType {
  @Field(() => [TrafficPermitType]) items!: unknown[];
  @Field(() => Int) total!: number;
}

@ObjectType('PermitRequestChange', { description: 'A committed change to a permit request, with the request as it is now.' })
export class PermitRequestChangeType extends ChangeOf(() => PermitRequestType, 'request') {}

@ObjectType('TrafficPermitChange', { description: 'A permit issued or revoked, with the permit as it is now.' })
export class TrafficPermitChangeType extends ChangeOf(() => TrafficPermitType, 'permit') {}
