import { Field, ID, Int, ObjectType } from 'type-graphql';
import { REQUISITION_STATUSES, REQUISITION_URGENCIES, type RequisitionStatus, type RequisitionUrgency } from '@cc/shared';
import { ChangeOf } from '../../../core/graphql/change-type';
import { graphqlEnum } from '../../../core/graphql/enums';
import { SHIPMENT_STATUSES, type ShipmentStatus } from './shipment.entity';

export const RequisitionUrgencyEnum = graphqlEnum(
  REQUISITION_URGENCIES,
  'RequisitionUrgency',
  'How urgent the use is: the medical front line (医疗救护一线) first, then the front line (防控一线), then routine.',
);
export const RequisitionStatusEnum = graphqlEnum(
  REQUISITION_STATUSES,
  'RequisitionStatus',
  'Submitted → approved (in full or in part) or rejected; approved supplies go in transit, then delivered. A liaison may withdraw an undecided one.',
);
export const ShipmentStatusEnum = graphqlEnum(
  SHIPMENT_STATUSES,
  'ShipmentStatus',
  'A shipment follows its dispatch order: planned, in transit, delivered, or cancelled.',
);

@ObjectType('RequisitionLine', { description: 'One item of a requisition: what was asked for and what was approved.' })
export class RequisitionLineType {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => ID) itemId!: string;
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => Int) requested!: number;
  @Field(() => Int, { nullable: true, description: 'Null until decided.' }) approved?: number | null;
}

@ObjectType('ShipmentLine', { description: 'One item line of a shipment: the order’s cargo, item by item.' })
export class ShipmentLineType {
  @Field(() => ID) id!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => String) itemName!: string;
  @Field(() => String) unitOfMeasure!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType('Shipment', { description: 'The approved supplies of a requisition that leave one place on one dispatch order.' })
export class ShipmentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => String) orderNumber!: string;
  @Field(() => ID) fromPlaceId!: string;
  @Field(() => String) fromPlaceName!: string;
  @Field(() => ShipmentStatusEnum) status!: ShipmentStatus;
  @Field(() => Date, { nullable: true }) departedAt?: Date | null;
  @Field(() => Date, { nullable: true }) arrivedAt?: Date | null;
}

@ObjectType('Requisition', {
  description: '防控物资申请审批单: a member unit’s request for supplies, signed by its head, decided by logistics.',
})
export class RequisitionType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'RQ-yyyymmdd-nnn.' }) number!: string;
  @Field(() => ID) unitId!: string;
  @Field(() => String) unitName!: string;
  @Field(() => RequisitionUrgencyEnum) urgency!: RequisitionUrgency;
  @Field(() => String) purpose!: string;
  @Field(() => String, { description: 'The unit head (一把手) who signed.' }) headName!: string;
  @Field(() => String) deliverTo!: string;
  @Field(() => RequisitionStatusEnum) status!: RequisitionStatus;
  @Field(() => String, { description: 'The HQ day whose allocation plan it belongs to (received by the cut-off → that day).' })
  planDay!: string;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => String) submittedByName!: string;
  @Field(() => Date, { nullable: true }) decidedAt?: Date | null;
  @Field(() => String) decidedByName!: string;
  @Field(() => String) decisionReason!: string;
  @Field(() => Date, { nullable: true }) deliveredAt?: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType('RequisitionChange', { description: 'One committed change of a requisition, with the requisition as it is now.' })
export class RequisitionChangeType extends ChangeOf(() => RequisitionType, 'requisition') {}
