import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  CARGO_KINDS,
  CARGO_UNITS,
  DISPATCH_ORDER_STATUSES,
  VEHICLE_STATUSES,
  VEHICLE_TYPES,
  type CargoKind,
  type CargoUnit,
  type DispatchOrderStatus,
  type VehicleStatus,
  type VehicleType as VehicleKind,
  type WorkingGroup,
} from '@cc/shared';
import { ChangeOf } from '../../core/graphql/change-type';
import { graphqlEnum } from '../../core/graphql/enums';
// The enum is registered once, by the incidents module, and shared (as alerts does).
import { WorkingGroupEnum } from '../incidents/incident.types';
import type { SuggestionReason } from './dispatch.rules';

/*
 * The dispatch API's object types. Root resolvers return the entities themselves; the
 * relations (a vehicle's company and current job, an order's vehicles) are field resolvers
 * batched per request (dispatch.loaders.ts), so a board of 15 vehicles costs one query per
 * level, not one per row.
 */

export const VehicleStatusEnum = graphqlEnum(VEHICLE_STATUSES, 'VehicleStatus', 'Where a vehicle is in the standby → job → standby cycle.');
export const VehicleTypeEnum = graphqlEnum(VEHICLE_TYPES, 'VehicleType', 'Kind of vehicle; decides which cargo it can carry.');
export const CargoKindEnum = graphqlEnum(
  CARGO_KINDS,
  'CargoKind',
  'What a transport job carries; epidemic supplies, daily necessities and medical transfers travel the green channel.',
);
export const CargoUnitEnum = graphqlEnum(CARGO_UNITS, 'CargoUnit', 'How a cargo amount is counted.');
export const DispatchOrderStatusEnum = graphqlEnum(
  DISPATCH_ORDER_STATUSES,
  'DispatchOrderStatus',
  'Where a dispatch order (调度单) is in its lifecycle.',
);
export const SuggestionReasonEnum = graphqlEnum(
  ['COVERS_REMAINING_LOAD', 'LARGEST_READY', 'ONE_VEHICLE_NEEDED', 'ALTERNATIVE'] as const satisfies readonly SuggestionReason[],
  'SuggestionReason',
  'Why a vehicle is suggested for an order.',
);

@ObjectType('TransportCompany', { description: 'One of the three transport companies keeping emergency vehicles on standby (plan 3).' })
export class TransportCompanyType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Stable code, e.g. GROUP, WANPING, MOTOR.' }) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'How many vehicles it must keep on standby (5 by default).' }) standbyQuota!: number;
  @Field(() => Int) version!: number;
}

@ObjectType('Vehicle', { description: '车辆: an emergency transport vehicle and its current status.' })
export class VehicleType {
  @Field(() => ID) id!: string;
  @Field(() => ID) companyId!: string;
  @Field(() => String) plate!: string;
  @Field(() => VehicleTypeEnum) vehicleType!: VehicleKind;
  @Field(() => Float) capacityTonnes!: number;
  @Field(() => String) driverName!: string;
  @Field(() => String) driverPhone!: string;
  @Field(() => String, { description: 'Date (YYYY-MM-DD) of the last check that it is in good condition (车况完好).' })
  conditionCheckedOn!: string;
  @Field(() => String) notes!: string;
  @Field(() => VehicleStatusEnum) status!: VehicleStatus;
  @Field(() => Date, { description: 'Since when it has this status (the board shows the time in status).' }) statusSince!: Date;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back as expectedVersion.' }) version!: number;
}

@ObjectType('VehicleAssignment', { description: 'A vehicle on a dispatch order, from assignment until released.' })
export class VehicleAssignmentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => ID) vehicleId!: string;
  @Field(() => ID, { nullable: true }) assignedById?: string | null;
  @Field(() => String) assignedByName!: string;
  @Field(() => Date) assignedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the vehicle went back to standby; null while on the job.' })
  releasedAt?: Date | null;
}

@ObjectType('DispatchOrder', { description: '调度单: a transport job and the vehicles assigned to it.' })
export class DispatchOrderType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'DD-yyyymmdd-nnn, numbered per HQ day.' }) number!: string;
  @Field(() => CargoKindEnum) cargoKind!: CargoKind;
  @Field(() => String) cargoDescription!: string;
  @Field(() => Float) cargoAmount!: number;
  @Field(() => CargoUnitEnum) cargoUnit!: CargoUnit;
  @Field(() => String) origin!: string;
  @Field(() => String) destination!: string;
  @Field(() => Boolean, { description: 'Green-channel cargo (三不一优先): served before all other cargo.' }) greenChannel!: boolean;
  @Field(() => Boolean) urgent!: boolean;
  @Field(() => Int, { description: '1 is served first: green channel and urgent 1, green channel 2, urgent 3, routine 4.' })
  priority!: number;
  @Field(() => Date, { description: 'When the requester needs the transport.' }) requestedAt!: Date;
  @Field(() => WorkingGroupEnum, { nullable: true }) requestingGroup?: WorkingGroup | null;
  @Field(() => ID, { nullable: true }) requestingUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The incident that caused it.' }) incidentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The duty-phone call that caused it.' }) callId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The requisition that caused it.' }) requisitionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The traffic permit it travels under.' }) permitId?: string | null;
  @Field(() => String) notes!: string;
  @Field(() => DispatchOrderStatusEnum) status!: DispatchOrderStatus;
  @Field(() => String) createdByName!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Date, { nullable: true }) assignedAt?: Date | null;
  @Field(() => Date, { nullable: true }) departedAt?: Date | null;
  @Field(() => Date, { nullable: true }) arrivedAt?: Date | null;
  @Field(() => Date, { nullable: true }) completedAt?: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt?: Date | null;
  @Field(() => String) cancelReason!: string;
  @Field(() => Int, { description: 'Optimistic-lock version; send it back as expectedVersion.' }) version!: number;
}

@ObjectType('CompanyReadiness', { description: 'How many of a company’s vehicles are ready (STANDBY) against its quota.' })
export class CompanyReadinessType {
  @Field(() => ID, { description: 'The company’s id.' }) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) readyCount!: number;
  @Field(() => Int) vehicleCount!: number;
  @Field(() => Int) standbyQuota!: number;
  @Field(() => Boolean, { description: 'Fewer ready vehicles than the quota: the leader on duty is alerted.' }) belowQuota!: boolean;
}

@ObjectType('FleetReadiness', { description: 'The fleet’s readiness: per company and in all.' })
export class FleetReadinessType {
  @Field(() => ID, { description: 'Always "fleet": one record, so a client cache updates it in place.' }) id!: string;
  @Field(() => Int) readyCount!: number;
  @Field(() => Int) vehicleCount!: number;
  @Field(() => Int, { description: 'Fewer ready vehicles than this across all companies alerts the leader.' }) readyFloor!: number;
  @Field(() => Boolean) belowFloor!: boolean;
  @Field(() => Int) settingsVersion!: number;
  @Field(() => [CompanyReadinessType]) companies!: CompanyReadinessType[];
}

@ObjectType('StandbyBoard', { description: 'The dispatcher’s main screen: every vehicle by company, and readiness.' })
export class StandbyBoardType {
  @Field(() => [TransportCompanyType]) companies!: TransportCompanyType[];
  @Field(() => FleetReadinessType) readiness!: FleetReadinessType;
}

@ObjectType('VehicleStatusChange', { description: 'One line of a vehicle’s history.' })
export class VehicleStatusChangeType {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => VehicleStatusEnum, { nullable: true, description: 'Null when the vehicle joined the fleet.' })
  fromStatus?: VehicleStatus | null;
  @Field(() => VehicleStatusEnum) toStatus!: VehicleStatus;
  @Field(() => ID, { nullable: true }) orderId?: string | null;
  @Field(() => String) byName!: string;
  @Field(() => String) note!: string;
}

@ObjectType('VehicleHistory', { description: 'A vehicle, its status changes and its jobs, newest first.' })
export class VehicleHistoryType {
  @Field(() => VehicleType) vehicle!: VehicleType;
  @Field(() => [VehicleStatusChangeType]) changes!: VehicleStatusChangeType[];
  @Field(() => [VehicleAssignmentType]) assignments!: VehicleAssignmentType[];
}

@ObjectType('VehicleSuggestion')
export class VehicleSuggestionType {
  @Field(() => VehicleType) vehicle!: VehicleType;
  @Field(() => Boolean, { description: 'Part of the recommended set; the others are alternatives.' }) recommended!: boolean;
  @Field(() => SuggestionReasonEnum) reason!: SuggestionReason;
  @Field(() => Int, { description: 'Jobs its company had started today: the balance the rule keeps.' }) companyJobsToday!: number;
}

@ObjectType('VehicleSuggestions', { description: 'Ready vehicles fit for an order, balanced across companies, best first.' })
export class VehicleSuggestionsType {
  @Field(() => ID) orderId!: string;
  @Field(() => String, { description: 'i18n key of the rule the console explains beside the list.' }) rule!: string;
  @Field(() => Float, { nullable: true, description: 'Tonnes not yet covered by assigned vehicles; null when not counted in tonnes.' })
  remainingTonnes?: number | null;
  @Field(() => Float) recommendedTonnes!: number;
  @Field(() => [VehicleSuggestionType]) suggestions!: VehicleSuggestionType[];
}

@ObjectType('CompanyFigures', { description: 'One company’s day: utilisation and response time.' })
export class CompanyFiguresType {
  @Field(() => ID) companyId!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) vehicleCount!: number;
  @Field(() => Float, { description: 'Share (0–1) of vehicle time in the fleet spent on jobs.' }) utilisation!: number;
  @Field(() => Float) busyHours!: number;
  @Field(() => Int, { description: 'Assignments started that day.' }) jobs!: number;
  @Field(() => Int, { description: 'Orders that departed with one of its vehicles.' }) departures!: number;
  @Field(() => Float, { nullable: true, description: 'Median minutes from order created to departure.' }) responseP50Minutes?:
    number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile minutes from order created to departure.' }) responseP90Minutes?:
    number | null;
}

@ObjectType('DispatchFigures', { description: 'The day’s figures per company, for the charts.' })
export class DispatchFiguresType {
  @Field(() => String, { description: 'The HQ day (UTC+8), YYYY-MM-DD.' }) day!: string;
  @Field(() => Date) from!: Date;
  @Field(() => Date, { description: 'End of the window: the end of the day, or now for today.' }) to!: Date;
  @Field(() => Int) ordersCreated!: number;
  @Field(() => Float, { nullable: true }) responseP50Minutes?: number | null;
  @Field(() => Float, { nullable: true }) responseP90Minutes?: number | null;
  @Field(() => [CompanyFiguresType]) companies!: CompanyFiguresType[];
}

@ObjectType('VehicleChange', { description: 'One committed change to a vehicle, at its outbox position.' })
export class VehicleChangeType extends ChangeOf(() => VehicleType, 'vehicle') {
  @Field(() => FleetReadinessType, { description: 'Readiness as it is now, so the board’s counts stay live.' })
  readiness!: FleetReadinessType;
}

@ObjectType('DispatchOrderChange', { description: 'One committed change to a dispatch order, at its outbox position.' })
export class DispatchOrderChangeType extends ChangeOf(() => DispatchOrderType, 'order') {}
