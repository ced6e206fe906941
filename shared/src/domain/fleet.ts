/** Vehicle states of the standby board (运输调配小组). */
export const VEHICLE_STATUSES = ['STANDBY', 'ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'RETURNING', 'MAINTENANCE', 'OFF_DUTY'] as const;
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

/** Kinds of vehicle the three companies keep; which cargo each can carry is below. */
export const VEHICLE_TYPES = ['TRUCK', 'BOX_TRUCK', 'REFRIGERATED_TRUCK', 'TANKER', 'PASSENGER'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

/** Vehicle types fit for each cargo kind: fuel needs a tanker, a medical transfer (送诊) a passenger vehicle. */
export const CARGO_VEHICLE_TYPES: Readonly<Record<CargoKind, readonly VehicleType[]>> = {
  EPIDEMIC_SUPPLIES: ['BOX_TRUCK', 'REFRIGERATED_TRUCK', 'TRUCK'],
  DAILY_NECESSITIES: ['BOX_TRUCK', 'REFRIGERATED_TRUCK', 'TRUCK'],
  COAL: ['TRUCK'],
  FUEL: ['TANKER'],
  PRODUCTION_MATERIALS: ['TRUCK', 'BOX_TRUCK'],
  MEDICAL_TRANSFER: ['PASSENGER'],
  CHECKPOINT_REPLENISHMENT: ['BOX_TRUCK', 'TRUCK', 'PASSENGER'],
};

export function vehicleFitsCargo(type: VehicleType, cargo: CargoKind): boolean {
  return CARGO_VEHICLE_TYPES[cargo].includes(type);
}

/** How a cargo amount is counted; only tonnes are checked against a vehicle's capacity. */
export const CARGO_UNITS = ['TONNES', 'PIECES', 'PERSONS'] as const;
export type CargoUnit = (typeof CARGO_UNITS)[number];

/**
 * The most one dispatch order may carry, per unit: more is a typo (an extra zero or two), not a
 * job. 1,000 t is several times what the 15 standby vehicles move in one trip (a bigger supply
 * run is planned as several orders); 100,000 pieces (cartons, boxes) and 500 persons (medical
 * transfers, staff moved to a checkpoint) are the same kind of ceiling. Tonnes go to 0.01 t;
 * pieces and persons are whole numbers.
 */
export const MAX_CARGO_AMOUNT: Readonly<Record<CargoUnit, number>> = { TONNES: 1_000, PIECES: 100_000, PERSONS: 500 };
export const MIN_CARGO_AMOUNT: Readonly<Record<CargoUnit, number>> = { TONNES: 0.01, PIECES: 1, PERSONS: 1 };

/** The longest text each dispatch order field takes; the console counts against the same limits. */
export const DISPATCH_TEXT_LIMITS = { origin: 200, destination: 200, cargoDescription: 200, notes: 2_000 } as const;

export type CargoAmountProblem = 'NOT_POSITIVE' | 'TOO_SMALL' | 'TOO_LARGE' | 'NOT_WHOLE';

/** Why an order cannot carry this amount (the console warns with it, the server refuses), or null. */
export function cargoAmountProblem(amount: number, unit: CargoUnit): CargoAmountProblem | null {
  if (!Number.isFinite(amount) || amount <= 0) return 'NOT_POSITIVE';
  if (unit !== 'TONNES' && !Number.isInteger(amount)) return 'NOT_WHOLE';
  if (amount < MIN_CARGO_AMOUNT[unit]) return 'TOO_SMALL';
  if (amount > MAX_CARGO_AMOUNT[unit]) return 'TOO_LARGE';
  return null;
}

/** A vehicle on a job: it holds an active assignment and cannot take another. */
export const VEHICLE_BUSY_STATUSES: readonly VehicleStatus[] = ['ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'RETURNING'];
/** Statuses a dispatcher sets by hand (repairs, rest); the job statuses follow the dispatch order. */
export const VEHICLE_MANUAL_STATUSES: readonly VehicleStatus[] = ['STANDBY', 'MAINTENANCE', 'OFF_DUTY'];

/** Below this many STANDBY vehicles across all companies the leader on duty is alerted (configurable). */
export const DEFAULT_FLEET_READY_FLOOR = 10;

/** 调度单 lifecycle: REQUESTED by a unit, OPEN when HQ raised it, then assigned, departed, arrived, completed. */
export const DISPATCH_ORDER_STATUSES = ['REQUESTED', 'OPEN', 'ASSIGNED', 'DEPARTED', 'ARRIVED', 'COMPLETED', 'CANCELLED'] as const;
export type DispatchOrderStatus = (typeof DISPATCH_ORDER_STATUSES)[number];

/** ASSIGNED → OPEN happens when the last vehicle is released before departure. */
export const DISPATCH_ORDER_TRANSITIONS: Readonly<Record<DispatchOrderStatus, readonly DispatchOrderStatus[]>> = {
  REQUESTED: ['ASSIGNED', 'CANCELLED'],
  OPEN: ['ASSIGNED', 'CANCELLED'],
  ASSIGNED: ['DEPARTED', 'OPEN', 'CANCELLED'],
  DEPARTED: ['ARRIVED', 'CANCELLED'],
  ARRIVED: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
};

export function canMoveDispatchOrder(from: DispatchOrderStatus, to: DispatchOrderStatus): boolean {
  return DISPATCH_ORDER_TRANSITIONS[from].includes(to);
}

/** Orders that still need the dispatcher's attention (the board's job list). */
export const DISPATCH_ORDER_ACTIVE_STATUSES: readonly DispatchOrderStatus[] = ['REQUESTED', 'OPEN', 'ASSIGNED', 'DEPARTED', 'ARRIVED'];
