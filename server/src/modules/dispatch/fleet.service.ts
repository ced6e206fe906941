import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TRANSPORT_COMPANIES, VEHICLE_MANUAL_STATUSES } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import { TRANSPORT_COMPANY_TOPIC } from './dispatch.events';
import type { ChangeVehicleStatusInput, CreateVehicleInput, UpdateCompanyQuotaInput, UpdateVehicleInput } from './dispatch.inputs';
import { hqDay, validateVehicle, type VehicleDraft } from './dispatch.rules';
import { FleetSetting } from './fleet-setting.entity';
import { TransportCompany } from './transport-company.entity';
import { VehicleAssignment } from './vehicle-assignment.entity';
import { emitVehicle, moveVehicle } from './vehicle-moves';
import { VehicleStatusChange } from './vehicle-status-change.entity';
import { Vehicle } from './vehicle.entity';

export interface CompanyReadiness {
  id: string;
  code: string;
  name: string;
  readyCount: number;
  vehicleCount: number;
  standbyQuota: number;
  belowQuota: boolean;
}

export interface FleetReadiness {
  id: 'fleet';
  readyCount: number;
  vehicleCount: number;
  readyFloor: number;
  belowFloor: boolean;
  settingsVersion: number;
  companies: CompanyReadiness[];
}

export interface VehicleHistory {
  vehicle: Vehicle;
  changes: VehicleStatusChange[];
  assignments: VehicleAssignment[];
}

/** Companies in plan 3's order (集团公司, 宛平分公司, 汽车运输公司), others after by name. */
function planOrder(a: { code: string; name: string }, b: { code: string; name: string }): number {
  const rank = (code: string) => {
    const i = TRANSPORT_COMPANIES.findIndex((c) => c.code === code);
    return i === -1 ? TRANSPORT_COMPANIES.length : i;
  };
  return rank(a.code) - rank(b.code) || a.name.localeCompare(b.name, 'zh-CN');
}

/** The fleet: companies, vehicles, their readiness and history, and the hand-set statuses. */
export class FleetService {
  async companies(em: EntityManager): Promise<TransportCompany[]> {
    return (await em.find(TransportCompany, {})).sort(planOrder);
  }

  async vehicle(em: EntityManager, id: string): Promise<Vehicle | null> {
    return isUuid(id) ? em.findOne(Vehicle, { id }) : null;
  }

  async vehicles(em: EntityManager): Promise<Vehicle[]> {
    return em.find(Vehicle, {}, { orderBy: { plate: 'asc' } });
  }

  /**
   * Ready (STANDBY) vehicles per company against the quota, and in all against the floor.
   * The alerts module's readiness rule calls this; it is two small aggregate queries.
   */
  async readinessByCompany(em: EntityManager): Promise<FleetReadiness> {
    const [companies, counts, setting] = await Promise.all([
      this.companies(em),
      em.execute<{ company_id: string; ready: string; total: string }[]>(
        `select company_id, count(*) filter (where status = 'STANDBY') as ready, count(*) as total from vehicle group by company_id`,
      ),
      this.settings(em),
    ]);
    const byCompany = new Map(counts.map((c) => [c.company_id, { ready: Number(c.ready), total: Number(c.total) }]));
    const readiness = companies.map<CompanyReadiness>((c) => {
      const count = byCompany.get(c.id) ?? { ready: 0, total: 0 };
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        readyCount: count.ready,
        vehicleCount: count.total,
        standbyQuota: c.standbyQuota,
        belowQuota: count.ready < c.standbyQuota,
      };
    });
    const readyCount = readiness.reduce((sum, c) => sum + c.readyCount, 0);
    return {
      id: 'fleet',
      readyCount,
      vehicleCount: readiness.reduce((sum, c) => sum + c.vehicleCount, 0),
      readyFloor: setting.readyFloor,
      belowFloor: readyCount < setting.readyFloor,
      settingsVersion: setting.version,
      companies: readiness,
    };
  }

  async history(em: EntityManager, vehicleId: string, first: number): Promise<VehicleHistory> {
    const vehicle = await this.vehicle(em, vehicleId);
    if (!vehicle) throw notFound('Vehicle', vehicleId);
    const limit = Math.min(Math.max(first, 1), 500);
    const [changes, assignments] = await Promise.all([
      em.find(VehicleStatusChange, { vehicleId }, { orderBy: { at: 'desc', id: 'asc' }, limit }),
      em.find(VehicleAssignment, { vehicleId }, { orderBy: { assignedAt: 'desc', id: 'asc' }, limit }),
    ]);
    return { vehicle, changes, assignments };
  }

  async createVehicle(ctx: Context, input: CreateVehicleInput): Promise<Vehicle> {
    return commit(ctx, 'createVehicle', input, async (tx) => {
      const clean = validateVehicle(input, hqDay(tx.now));
      const company = isUuid(input.companyId) ? await tx.em.findOne(TransportCompany, { id: input.companyId }) : null;
      if (!company) throw notFound('Transport company', input.companyId);
      await this.assertPlateFree(tx, clean.plate);
      const vehicle = tx.em.create(Vehicle, {
        companyId: company.id,
        plate: clean.plate,
        vehicleType: clean.vehicleType,
        capacityTonnes: clean.capacityTonnes,
        driverName: clean.driverName,
        driverPhone: clean.driverPhone,
        conditionCheckedOn: clean.conditionCheckedOn,
        notes: clean.notes,
        status: 'STANDBY',
        statusSince: tx.now,
      });
      tx.em.persist(vehicle);
      tx.em.persist(
        tx.em.create(VehicleStatusChange, {
          at: tx.now,
          vehicleId: vehicle.id,
          fromStatus: null,
          toStatus: 'STANDBY',
          byId: tx.viewer?.userId ?? null,
          byName: tx.viewer?.displayName ?? '',
          note: 'joined the fleet',
        }),
      );
      emitVehicle(tx, vehicle, [], null, 'CREATED');
      return vehicle;
    });
  }

  async updateVehicle(ctx: Context, input: UpdateVehicleInput): Promise<Vehicle> {
    return commit(ctx, 'updateVehicle', input, async (tx) => {
      const vehicle = await this.lockVehicle(tx, input.id);
      if (vehicle.version !== input.expectedVersion) throw staleVehicle(vehicle);
      const given: Partial<VehicleDraft> = {};
      if (input.plate != null) given.plate = input.plate;
      if (input.vehicleType != null) given.vehicleType = input.vehicleType;
      if (input.capacityTonnes != null) given.capacityTonnes = input.capacityTonnes;
      if (input.driverName != null) given.driverName = input.driverName;
      if (input.driverPhone != null) given.driverPhone = input.driverPhone;
      if (input.conditionCheckedOn != null) given.conditionCheckedOn = input.conditionCheckedOn;
      if (input.notes != null) given.notes = input.notes;
      const clean = validateVehicle(given, hqDay(tx.now));
      if (clean.plate !== undefined && clean.plate !== vehicle.plate) await this.assertPlateFree(tx, clean.plate);
      const changed = (Object.keys(clean) as (keyof VehicleDraft)[]).filter((key) => clean[key] !== vehicle[key]);
      tx.em.assign(vehicle, clean);
      if (changed.length > 0) emitVehicle(tx, vehicle, changed, null);
      return vehicle;
    });
  }

  /** Maintenance, off duty, back to standby: the statuses a dispatcher sets by hand. */
  async changeStatus(ctx: Context, input: ChangeVehicleStatusInput): Promise<Vehicle> {
    return commit(ctx, 'changeVehicleStatus', input, async (tx) => {
      if (!VEHICLE_MANUAL_STATUSES.includes(input.status)) {
        throw domainError(
          'BAD_USER_INPUT',
          `${input.status} follows the dispatch order (assign, departed, arrived, completed); set only STANDBY, MAINTENANCE or OFF_DUTY here.`,
          { field: 'status', reason: 'vehicle/status_follows_order' },
        );
      }
      const vehicle = await this.lockVehicle(tx, input.vehicleId);
      if (input.expectedVersion != null && vehicle.version !== input.expectedVersion) throw staleVehicle(vehicle);
      const active = await tx.em.findOne(VehicleAssignment, { vehicleId: vehicle.id, releasedAt: null });
      if (active) {
        throw domainError('CONFLICT', `${vehicle.plate} is on a job; release it from its order first.`, {
          reason: 'vehicle/on_job',
          orderId: active.orderId,
        });
      }
      moveVehicle(tx, vehicle, input.status, { note: input.note });
      return vehicle;
    });
  }

  async updateCompanyQuota(ctx: Context, input: UpdateCompanyQuotaInput): Promise<TransportCompany> {
    return commit(ctx, 'updateCompanyQuota', input, async (tx) => {
      if (!Number.isInteger(input.standbyQuota) || input.standbyQuota < 0 || input.standbyQuota > 100) {
        throw domainError('BAD_USER_INPUT', 'The standby quota is a number of vehicles from 0 to 100.', { field: 'standbyQuota' });
      }
      const company = isUuid(input.companyId)
        ? await tx.em.findOne(TransportCompany, { id: input.companyId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!company) throw notFound('Transport company', input.companyId);
      if (input.expectedVersion != null && company.version !== input.expectedVersion) {
        throw domainError('CONFLICT', `Someone changed ${company.name} meanwhile. Review it and try again.`, {
          reason: 'transportCompany/stale',
          currentVersion: company.version,
        });
      }
      company.standbyQuota = input.standbyQuota;
      tx.emit({
        topic: TRANSPORT_COMPANY_TOPIC,
        entityType: 'TransportCompany',
        entityId: company.id,
        kind: 'UPDATED',
        payload: { standbyQuota: company.standbyQuota, changed: ['standbyQuota'] },
      });
      return company;
    });
  }

  async updateReadyFloor(ctx: Context, readyFloor: number, expectedVersion: number | null | undefined): Promise<FleetReadiness> {
    await commit(ctx, 'updateFleetReadyFloor', { readyFloor, expectedVersion }, async (tx) => {
      if (!Number.isInteger(readyFloor) || readyFloor < 0 || readyFloor > 1000) {
        throw domainError('BAD_USER_INPUT', 'The ready floor is a number of vehicles from 0 to 1000.', { field: 'readyFloor' });
      }
      const setting = await this.settings(tx.em, true);
      if (expectedVersion != null && setting.version !== expectedVersion) {
        throw domainError('CONFLICT', 'Someone changed the fleet settings meanwhile. Review them and try again.', {
          reason: 'fleetSetting/stale',
          currentVersion: setting.version,
        });
      }
      setting.readyFloor = readyFloor;
      tx.emit({
        topic: TRANSPORT_COMPANY_TOPIC,
        entityType: 'FleetSetting',
        entityId: setting.id,
        kind: 'UPDATED',
        payload: { standbyQuota: null, changed: ['readyFloor'] },
      });
      return null;
    });
    return this.readinessByCompany(ctx.em.fork());
  }

  /** Locks the vehicle row for the rest of the transaction and reads it fresh. */
  async lockVehicle(tx: Tx, id: string): Promise<Vehicle> {
    const vehicle = isUuid(id) ? await tx.em.findOne(Vehicle, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!vehicle) throw notFound('Vehicle', id);
    return vehicle;
  }

  private async settings(em: EntityManager, lock = false): Promise<FleetSetting> {
    const setting = await em.findOne(FleetSetting, { singleton: true }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    // The migration creates the row; its absence means the database was tampered with.
    if (!setting) throw new Error('fleet_setting row is missing (migration 0005 creates it)');
    return setting;
  }

  private async assertPlateFree(tx: Tx, plate: string): Promise<void> {
    const existing = await tx.em.findOne(Vehicle, { plate });
    if (existing)
      throw domainError('CONFLICT', `A vehicle with plate ${plate} is already in the fleet.`, {
        reason: 'vehicle/plate_taken',
        field: 'plate',
      });
  }
}

function staleVehicle(vehicle: Vehicle) {
  return domainError('CONFLICT', `Someone changed ${vehicle.plate} meanwhile (it is now ${vehicle.status}). Review it and try again.`, {
    reason: 'vehicle/stale',
    currentVersion: vehicle.version,
    currentStatus: vehicle.status,
  });
}
