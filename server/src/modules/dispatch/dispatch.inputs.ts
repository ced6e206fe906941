import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { CargoKind, CargoUnit, VehicleStatus, VehicleType as VehicleKind, WorkingGroup } from '@cc/shared';
import { WorkingGroupEnum } from '../incidents/incident.types';
import { CargoKindEnum, CargoUnitEnum, VehicleStatusEnum, VehicleTypeEnum } from './dispatch.types';

@InputType({ description: 'What to move, from where to where, and when; shared by HQ orders and unit requests.' })
export class TransportRequestInput {
  @Field(() => CargoKindEnum)
  cargoKind!: CargoKind;

  @Field(() => String, { defaultValue: '', description: 'What exactly, e.g. 医用口罩 2 万只.' })
  cargoDescription!: string;

  @Field(() => Float, { description: 'More than zero; whole numbers for pieces and persons.' })
  cargoAmount!: number;

  @Field(() => CargoUnitEnum)
  cargoUnit!: CargoUnit;

  @Field(() => String)
  origin!: string;

  @Field(() => String)
  destination!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Urgent jobs go before routine ones of the same channel.' })
  urgent!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the transport is needed; defaults to now.' })
  requestedAt?: Date | null;

  @Field(() => String, { defaultValue: '' })
  notes!: string;

  @Field(() => ID, { nullable: true, description: 'The requisition this transport serves.' })
  requisitionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The traffic permit it travels under.' })
  permitId?: string | null;
}

@InputType({ description: 'A dispatch order raised at HQ, with who asked for it and what caused it.' })
export class CreateDispatchOrderInput extends TransportRequestInput {
  @Field(() => WorkingGroupEnum, { nullable: true, description: 'The working group asking; give this or requestingUnitId.' })
  requestingGroup?: WorkingGroup | null;

  @Field(() => ID, { nullable: true, description: 'The member unit asking; give this or requestingGroup.' })
  requestingUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  incidentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The duty-phone call that caused it.' })
  callId?: string | null;
}

@InputType()
export class AssignVehiclesInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => [ID], { description: 'One or more vehicles on standby.' })
  vehicleIds!: string[];

  @Field(() => Int, { nullable: true, description: 'The order version the dispatcher saw; a stale one is refused with CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'Moves an order one step: departed, arrived or completed.' })
export class DispatchOrderStepInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class CancelDispatchOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => String, { description: 'Why; kept on the order.' })
  reason!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class ReleaseVehicleInput {
  @Field(() => ID)
  vehicleId!: string;

  @Field(() => VehicleStatusEnum, { defaultValue: 'STANDBY', description: 'STANDBY, or MAINTENANCE when it came back needing repair.' })
  toStatus!: VehicleStatus;

  @Field(() => String, { defaultValue: '' })
  note!: string;
}

@InputType()
export class ChangeVehicleStatusInput {
  @Field(() => ID)
  vehicleId!: string;

  @Field(() => VehicleStatusEnum, { description: 'STANDBY, MAINTENANCE or OFF_DUTY; job statuses follow the order.' })
  status!: VehicleStatus;

  @Field(() => String, { defaultValue: '' })
  note!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class CreateVehicleInput {
  @Field(() => ID)
  companyId!: string;

  @Field(() => String, { description: 'e.g. 京A12345' })
  plate!: string;

  @Field(() => VehicleTypeEnum)
  vehicleType!: VehicleKind;

  @Field(() => Float)
  capacityTonnes!: number;

  @Field(() => String)
  driverName!: string;

  @Field(() => String)
  driverPhone!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  conditionCheckedOn!: string;

  @Field(() => String, { defaultValue: '' })
  notes!: string;
}

@InputType({ description: 'Changes a vehicle’s particulars; omitted fields stay as they are.' })
export class UpdateVehicleInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  plate?: string | null;

  @Field(() => VehicleTypeEnum, { nullable: true })
  vehicleType?: VehicleKind | null;

  @Field(() => Float, { nullable: true })
  capacityTonnes?: number | null;

  @Field(() => String, { nullable: true })
  driverName?: string | null;

  @Field(() => String, { nullable: true })
  driverPhone?: string | null;

  @Field(() => String, { nullable: true })
  conditionCheckedOn?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType()
export class UpdateCompanyQuotaInput {
  @Field(() => ID)
  companyId!: string;

  @Field(() => Int, { description: '0 to 100 vehicles on standby.' })
  standbyQuota!: number;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
