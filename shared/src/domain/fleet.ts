/** Vehicle states of the standby board (运输调配小组). */
export const VEHICLE_STATUSES = [
  'STANDBY',
  'ASSIGNED',
  'EN_ROUTE',
  'ON_SITE',
  'RETURNING',
  'MAINTENANCE',
  'OFF_DUTY',
] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

/** Which status changes a vehicle may make; anything else is refused. */
export const VEHICLE_TRANSITIONS: Readonly<Record<VehicleStatus, readonly VehicleStatus[]>> = {
  STANDBY: ['ASSIGNED', 'MAINTENANCE', 'OFF_DUTY'],
  ASSIGNED: ['EN_ROUTE', 'STANDBY'],
  EN_ROUTE: ['ON_SITE', 'RETURNING'],
  ON_SITE: ['RETURNING'],
  RETURNING: ['STANDBY', 'MAINTENANCE'],
  MAINTENANCE: ['STANDBY', 'OFF_DUTY'],
  OFF_DUTY: ['STANDBY', 'MAINTENANCE'],
};

export function canMoveVehicle(from: VehicleStatus, to: VehicleStatus): boolean {
  return VEHICLE_TRANSITIONS[from].includes(to);
}

/** Plan 3: three companies keep five emergency transport vehicles each on standby (随时待命). */
export const STANDBY_QUOTA_PER_COMPANY = 5;

export const TRANSPORT_COMPANIES = [
  { code: 'GROUP', name: '集团公司' },
  { code: 'WANPING', name: '宛平分公司' },
  { code: 'MOTOR', name: '汽车运输公司' },
] as const;

/** Cargo kinds of plans 3 and 4; epidemic supplies and daily necessities travel the green channel. */
export const CARGO_KINDS = [
  'EPIDEMIC_SUPPLIES',
  'DAILY_NECESSITIES',
  'COAL',
  'FUEL',
  'PRODUCTION_MATERIALS',
  'MEDICAL_TRANSFER',
  'CHECKPOINT_REPLENISHMENT',
] as const;
export type CargoKind = (typeof CARGO_KINDS)[number];

export const GREEN_CHANNEL_CARGO: readonly CargoKind[] = ['EPIDEMIC_SUPPLIES', 'DAILY_NECESSITIES', 'MEDICAL_TRANSFER'];

export function isGreenChannel(cargo: CargoKind): boolean {
  return GREEN_CHANNEL_CARGO.includes(cargo);
}
