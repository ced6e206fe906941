import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  decideRequisition,
  planDayForNeed,
  REQUISITION_MAX_LINES,
  REQUISITION_MAX_QUANTITY,
  REQUISITION_PENDING_STATUSES,
  REQUISITION_PURPOSE_MAX,
  REQUISITION_REASON_MAX,
  REQUISITION_URGENCIES,
  canMoveRequisition,
  hqDay,
  takeNearestFirst,
  type RequisitionDecisionProblem,
  type RequisitionStatus,
} from '@cc/shared';
import { isUuid } from '../../../core/auth/ids';
import type { Context, Viewer } from '../../../core/context';
import { domainError, forbidden, notFound } from '../../../core/errors';
import { commit, type Tx } from '../../../core/unit-of-work';
import type { DispatchOrderService } from '../../dispatch/dispatch-order.service';
import type { MemberUnitService } from '../../identity/member-unit.service';
import { supplyDayTimes } from '../supply-day/supply-day-times';
import { RequisitionLine, Requisition } from './requisition.entity';
import { REQUISITION_TOPIC } from './requisition.events';
import type { DecideRequisitionInput, FileRequisitionInput, WithdrawRequisitionInput } from './requisition.inputs';
import { requisitionPolicy } from './requisition.policy';
import type { FreeStock, RequisitionStock } from './requisition-stock.port';
import { Shipment, ShipmentLine } from './shipment.entity';

const TEXT = { headName: 60, deliverTo: 200 } as const;
/** Fulfilment reads free stock and claims it; one approval at a time, so two never promise the same boxes. */
const FULFILMENT_LOCK = 'requisition-fulfilment';

const badInput = (field: string, message: string) => domainError('BAD_USER_INPUT', message, { field });

/**
 * Requisitions (防控物资申请审批单): filed by a unit's liaison, decided by logistics; an approval
 * puts the approved quantities on dispatch orders from the nearest places with stock, in the
 * same transaction (ADR 0018). The goods move in the ledger when the orders depart (shipments.ts).
 */
export class RequisitionService {
  constructor(
    private readonly stock: RequisitionStock,
    private readonly orders: DispatchOrderService,
    private readonly units: MemberUnitService,
  ) {}

  // ------------------------------------------------------------------------------ reads

  /** HQ: every unit's, the queue (SUBMITTED) oldest first, others newest first. A liaison: their unit's only. */
  async list(em: EntityManager, viewer: Viewer | null, filter: { statuses?: readonly RequisitionStatus[] | null; first?: number }) {
    const scope = requisitionPolicy.liaisonUnit(viewer);
    const statuses = filter.statuses?.length ? [...filter.statuses] : null;
    const queue = statuses !== null && statuses.every((s) => s === 'SUBMITTED');
    return em.find(
      Requisition,
      { ...(scope ? { unitId: scope } : {}), ...(statuses ? { status: { $in: statuses } } : {}) },
      {
        orderBy: queue ? { submittedAt: 'asc', number: 'asc' } : { submittedAt: 'desc', number: 'desc' },
        limit: Math.min(Math.max(filter.first ?? 100, 1), 500),
      },
    );
  }

  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<Requisition> {
    const found = isUuid(id) ? await em.findOne(Requisition, { id }) : null;
    if (!found || !requisitionPolicy.canSee(viewer, found.unitId)) throw notFound('Requisition', id);
    return found;
  }

  linesOf(em: EntityManager, ids: readonly string[]): Promise<RequisitionLine[]> {
    return em.find(RequisitionLine, { requisitionId: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
  }

  shipmentsOf(em: EntityManager, ids: readonly string[]): Promise<Shipment[]> {
    return em.find(Shipment, { requisitionId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', orderNumber: 'asc' } });
  }

  shipmentLinesOf(em: EntityManager, ids: readonly string[]): Promise<ShipmentLine[]> {
    return em.find(ShipmentLine, { shipmentId: { $in: [...ids] } }, { orderBy: { itemName: 'asc' } });
  }

  /**
   * How many of a unit's requisitions are still open (not decided, or decided and not delivered):
   * the coordination module flags a zero report (零报告) from a unit that has one.
   */
  openCountForUnit(em: EntityManager, unitId: string): Promise<number> {
    return em.count(Requisition, { unitId, status: { $in: [...REQUISITION_PENDING_STATUSES] } });
  }

  // ------------------------------------------------------------------------------ filing

  async file(ctx: Context, input: FileRequisitionInput): Promise<Requisition> {
    return commit(ctx, 'fileRequisition', input, async (tx) => {
      const unitId = requisitionPolicy.liaisonUnit(tx.viewer);
      if (!unitId) throw forbidden('Only a unit liaison files a requisition, and only for their own unit.');
      const clean = validateFiling(input);
      const unit = await this.units.get(tx.em, unitId);
      if (!unit) throw notFound('Member unit', unitId);
      const items = await this.stock.items(
        tx.em,
        clean.lines.map((l) => l.itemId),
      );
      for (const line of clean.lines) {
        const item = items.find((i) => i.id === line.itemId);
        if (!item || !item.active) throw badInput('lines', `Item ${line.itemId} is not in the catalogue (or no longer issued).`);
      }
      const requisition = tx.em.create(Requisition, {
        number: await this.nextNumber(tx),
        unitId,
        unitName: unit.name,
        urgency: clean.urgency,
        purpose: clean.purpose,
        headName: clean.headName,
        deliverTo: clean.deliverTo,
        status: 'SUBMITTED',
        planDay: planDayForNeed(tx.now, await supplyDayTimes(tx.em)),
        submittedAt: tx.now,
        submittedById: tx.viewer?.userId ?? null,
        submittedByName: tx.viewer?.displayName ?? '',
      });
      tx.em.persist(requisition);
      clean.lines.forEach((line, index) => {
        const item = items.find((i) => i.id === line.itemId)!;
        tx.em.persist(
          tx.em.create(RequisitionLine, {
            requisitionId: requisition.id,
            position: index + 1,
            itemId: item.id,
            itemName: item.name,
            unitOfMeasure: item.unitOfMeasure,
            requested: line.quantity,
            approved: null,
          }),
        );
      });
      emit(tx, requisition, ['status'], 'CREATED');
      return requisition;
    });
  }

  /** A liaison takes back their unit's requisition while logistics has not decided it. */
  async withdraw(ctx: Context, input: WithdrawRequisitionInput): Promise<Requisition> {
    return commit(ctx, 'withdrawRequisition', input, async (tx) => {
      const requisition = await this.lock(tx, input.requisitionId, null);
      if (requisition.unitId !== requisitionPolicy.liaisonUnit(tx.viewer)) throw notFound('Requisition', input.requisitionId);
      this.move(requisition, 'WITHDRAWN');
      emit(tx, requisition, ['status']);
      return requisition;
    });
  }

  // ------------------------------------------------------------------------------ deciding

  /**
   * Approves (in full or in part) or rejects. Approved lines are taken from the nearest places
   * holding free stock; each source place becomes one shipment on one new dispatch order, all in
   * this transaction. Stock short of the approval is refused (CONFLICT naming the item and what
   * is free), and nothing is written: approve less, in part, instead.
   */
  async decide(ctx: Context, input: DecideRequisitionInput): Promise<Requisition> {
    return commit(ctx, 'decideRequisition', input, async (tx) => {
      const requisition = await this.lock(tx, input.requisitionId, input.expectedVersion);
      return this.decideIn(tx, requisition, input.lines, input.reason, null);
    });
  }

  /**
   * Decides a locked requisition inside the caller's transaction. `takes` (per requisition line,
   * the places and quantities) come from an approved allocation plan; without them the approved
   * quantities are taken nearest first.
   */
  async decideIn(
    tx: Tx,
    requisition: Requisition,
    approved: readonly { lineId: string; quantity: number }[],
    rawReason: string,
    takes: ReadonlyMap<string, readonly { placeId: string; quantity: number }[]> | null,
  ): Promise<Requisition> {
    const reason = rawReason.trim();
    if (reason.length > REQUISITION_REASON_MAX) throw badInput('reason', `Keep the reason to ${REQUISITION_REASON_MAX} characters.`);
    const lines = await tx.em.find(RequisitionLine, { requisitionId: requisition.id }, { orderBy: { position: 'asc' } });
    const decision = decideRequisition(
      lines.map((l) => ({ id: l.id, requested: l.requested })),
      approved.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
      reason,
    );
    if ('problems' in decision) throw decisionError(decision.problems[0]!, lines);
    this.move(requisition, decision.status);
    for (const d of decision.lines) lines.find((l) => l.id === d.lineId)!.approved = d.approved;
    requisition.decidedAt = tx.now;
    requisition.decidedById = tx.viewer?.userId ?? null;
    requisition.decidedByName = tx.viewer?.displayName ?? '';
    requisition.decisionReason = reason;
    if (decision.status !== 'REJECTED') await this.fulfil(tx, requisition, lines, takes);
    emit(tx, requisition, ['status', 'lines', 'shipments']);
    return requisition;
  }

  private async fulfil(
    tx: Tx,
    requisition: Requisition,
    lines: RequisitionLine[],
    planned: ReadonlyMap<string, readonly { placeId: string; quantity: number }[]> | null,
  ): Promise<void> {
    await tx.em.execute('select pg_advisory_xact_lock(hashtext(?))', [FULFILMENT_LOCK]);
    const wanted = lines.filter((l) => (l.approved ?? 0) > 0);
    const free = await this.freeStock(
      tx.em,
      wanted.map((l) => l.itemId),
    );
    const distances = await this.distancesTo(tx.em, requisition.unitId);
    const byPlace = new Map<string, { place: FreeStock; takes: { line: RequisitionLine; quantity: number }[] }>();
    for (const line of wanted) {
      const here = free.filter((f) => f.itemId === line.itemId);
      const { takes, missing } = planned
        ? plannedTakes(line, planned.get(line.id) ?? [], here)
        : takeNearestFirst(
            line.approved!,
            here.map((f) => ({ placeId: f.placeId, available: f.quantity, distance: distances.get(f.placeId) ?? Number.MAX_SAFE_INTEGER })),
          );
      if (missing > 0) {
        const available = line.approved! - missing;
        throw domainError(
          'CONFLICT',
          `Only ${available} ${line.unitOfMeasure} of ${line.itemName} are free in stock; approve at most that much (in part) or wait for intake.`,
          { reason: 'requisition/short_stock', lineId: line.id, itemId: line.itemId, available },
        );
      }
      for (const take of takes) {
        const place = here.find((f) => f.placeId === take.placeId)!;
        const entry = byPlace.get(take.placeId) ?? { place, takes: [] };
        entry.takes.push({ line, quantity: take.quantity });
        byPlace.set(take.placeId, entry);
      }
    }
    // Nearest source first, so the order numbers read in the order the goods are taken.
    const sources = [...byPlace.values()].sort(
      (a, b) => (distances.get(a.place.placeId) ?? Infinity) - (distances.get(b.place.placeId) ?? Infinity),
    );
    for (const { place, takes } of sources) {
      const description = takes.map((t) => `${t.line.itemName} ${t.quantity}${t.line.unitOfMeasure}`).join('；');
      const order = await this.orders.createIn(tx, {
        cargoKind: 'EPIDEMIC_SUPPLIES',
        cargoDescription: description.length > 200 ? `${description.slice(0, 199)}…` : description,
        cargoAmount: takes.reduce((sum, t) => sum + t.quantity, 0),
        cargoUnit: 'PIECES',
        origin: place.placeName,
        destination: requisition.deliverTo,
        urgent: requisition.urgency !== 'ROUTINE',
        notes: `${requisition.number} ${requisition.unitName}`,
        requisitionId: requisition.id,
        requestingUnitId: requisition.unitId,
        requestedAt: null,
        permitId: null,
      });
      const shipment = tx.em.create(Shipment, {
        requisitionId: requisition.id,
        orderId: order.id,
        orderNumber: order.number,
        fromPlaceId: place.placeId,
        fromPlaceName: place.placeName,
        status: 'PLANNED',
      });
      tx.em.persist(shipment);
      for (const take of takes) {
        tx.em.persist(
          tx.em.create(ShipmentLine, {
            shipmentId: shipment.id,
            requisitionLineId: take.line.id,
            itemId: take.line.itemId,
            itemName: take.line.itemName,
            unitOfMeasure: take.line.unitOfMeasure,
            quantity: take.quantity,
          }),
        );
      }
    }
  }

  /** The ledger's free stock less what approved, not yet departed shipments already claim. */
  async freeStock(em: EntityManager, itemIds: readonly string[]): Promise<FreeStock[]> {
    if (itemIds.length === 0) return [];
    const [stock, claimed] = await Promise.all([
      this.stock.freeStock(em, itemIds),
      em.execute<{ place_id: string; item_id: string; quantity: string }[]>(
        `select s.from_place_id as place_id, l.item_id, sum(l.quantity) as quantity
           from shipment_line l join shipment s on s.id = l.shipment_id
          where s.status = 'PLANNED' and l.item_id = any(?::uuid[])
          group by s.from_place_id, l.item_id`,
        [`{${itemIds.join(',')}}`],
      ),
    ]);
    return stock.map((s) => {
      const held = claimed.find((c) => c.place_id === s.placeId && c.item_id === s.itemId);
      return { ...s, quantity: s.quantity - Number(held?.quantity ?? 0) };
    });
  }

  async distancesTo(em: EntityManager, unitId: string): Promise<Map<string, number>> {
    const rows = await em.execute<{ place_id: string; km: string }[]>('select place_id, km from supply_distance where unit_id = ?', [
      unitId,
    ]);
    return new Map(rows.map((r) => [r.place_id, Number(r.km)]));
  }

  // ------------------------------------------------------------------------------ helpers

  private move(requisition: Requisition, to: RequisitionStatus): void {
    if (!canMoveRequisition(requisition.status, to)) {
      throw domainError('INVALID_TRANSITION', `Requisition ${requisition.number} is ${requisition.status}; it cannot become ${to}.`, {
        reason: 'requisition/invalid_transition',
        status: requisition.status,
      });
    }
    requisition.status = to;
  }

  /** Locks a requisition the viewer may see, checking the version they saw. */
  async lock(tx: Tx, id: string, expectedVersion: number | null | undefined): Promise<Requisition> {
    const found = isUuid(id) ? await tx.em.findOne(Requisition, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!found || !requisitionPolicy.canSee(tx.viewer, found.unitId)) throw notFound('Requisition', id);
    if (expectedVersion != null && found.version !== expectedVersion) {
      throw domainError('CONFLICT', `Someone changed ${found.number} meanwhile (it is now ${found.status}). Review it and try again.`, {
        reason: 'requisition/stale',
        currentVersion: found.version,
        currentStatus: found.status,
      });
    }
    return found;
  }

  /** RQ-yyyymmdd-nnn, from the day's counter row under its row lock: numbers never repeat. */
  private async nextNumber(tx: Tx): Promise<string> {
    const day = hqDay(tx.now);
    const [row] = await tx.em.execute<{ last: number }[]>(
      `insert into requisition_counter (day, last) values (?, 1)
       on conflict (day) do update set last = requisition_counter.last + 1 returning last`,
      [day],
    );
    return `RQ-${day.replaceAll('-', '')}-${String(row!.last).padStart(3, '0')}`;
  }
}

export function emit(tx: Tx, requisition: Requisition, changed: string[], kind: 'CREATED' | 'UPDATED' = 'UPDATED'): void {
  tx.emit({
    topic: REQUISITION_TOPIC,
    entityType: 'Requisition',
    entityId: requisition.id,
    kind,
    payload: { number: requisition.number, status: requisition.status, unitId: requisition.unitId, changed },
  });
}

/** The plan's takes for a line, each within what its place still has free. */
function plannedTakes(
  line: RequisitionLine,
  takes: readonly { placeId: string; quantity: number }[],
  free: readonly FreeStock[],
): { takes: { placeId: string; quantity: number }[]; missing: number } {
  let missing = line.approved! - takes.reduce((sum, t) => sum + t.quantity, 0);
  const kept: { placeId: string; quantity: number }[] = [];
  for (const take of takes) {
    if (take.quantity <= 0) continue;
    const has = free.find((f) => f.placeId === take.placeId)?.quantity ?? 0;
    const quantity = Math.min(has, take.quantity);
    missing += take.quantity - quantity;
    if (quantity > 0) kept.push({ placeId: take.placeId, quantity });
  }
  return { takes: kept, missing: Math.max(0, missing) };
}

function validateFiling(input: FileRequisitionInput) {
  const purpose = input.purpose.trim();
  const headName = input.headName.trim();
  const deliverTo = input.deliverTo.trim();
  if (!purpose) throw badInput('purpose', 'Say what the supplies are for.');
  if (purpose.length > REQUISITION_PURPOSE_MAX) throw badInput('purpose', `Keep the purpose to ${REQUISITION_PURPOSE_MAX} characters.`);
  if (!headName) throw badInput('headName', 'Name the unit head (一把手) who signed the form.');
  if (headName.length > TEXT.headName) throw badInput('headName', `Keep the name to ${TEXT.headName} characters.`);
  if (!input.headSigned)
    throw badInput('headSigned', 'A requisition needs the unit head’s (一把手) signature: confirm the form is signed.');
  if (!deliverTo) throw badInput('deliverTo', 'Say where to deliver.');
  if (deliverTo.length > TEXT.deliverTo) throw badInput('deliverTo', `Keep the address to ${TEXT.deliverTo} characters.`);
  if (!REQUISITION_URGENCIES.includes(input.urgency)) throw badInput('urgency', 'Choose how urgent the use is.');
  if (input.lines.length === 0) throw badInput('lines', 'Ask for at least one item.');
  if (input.lines.length > REQUISITION_MAX_LINES) throw badInput('lines', `At most ${REQUISITION_MAX_LINES} items on one requisition.`);
  const seen = new Set<string>();
  for (const line of input.lines) {
    if (!isUuid(line.itemId)) throw badInput('lines', `Item ${line.itemId} is not in the catalogue (or no longer issued).`);
    if (seen.has(line.itemId)) throw badInput('lines', 'Each item once: add the quantities up on one line.');
    seen.add(line.itemId);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0 || line.quantity > REQUISITION_MAX_QUANTITY) {
      throw badInput('lines', `A quantity is a whole number from 1 to ${REQUISITION_MAX_QUANTITY}.`);
    }
  }
  return { purpose, headName, deliverTo, urgency: input.urgency, lines: input.lines };
}

function decisionError(problem: RequisitionDecisionProblem, lines: RequisitionLine[]) {
  const name = (lineId: string) => lines.find((l) => l.id === lineId)?.itemName ?? lineId;
  switch (problem.kind) {
    case 'unknown-line':
      return badInput('lines', `Line ${problem.lineId} is not on this requisition.`);
    case 'missing-line':
      return badInput('lines', `Decide every line: ${name(problem.lineId)} has no quantity.`);
    case 'bad-quantity':
      return badInput('lines', `The approved quantity of ${name(problem.lineId)} must be a whole number, 0 or more.`);
    case 'over-requested':
      return badInput('lines', `Approve at most what was requested for ${name(problem.lineId)}.`);
    case 'reason-required':
      return badInput('reason', 'Say why less than requested is approved (or why it is rejected).');
  }
}
