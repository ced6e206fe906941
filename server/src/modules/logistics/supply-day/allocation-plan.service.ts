import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addHqDays,
  hqDay,
  isHqDay,
  missedSupplySteps,
  proposeAllocationPlan,
  supplyDayDeadlines,
  supplyDayTimesProblems,
  atHqTime,
  type PlanNeed,
  type SupplyDayStep,
  type SupplyDayTimes,
} from '@cc/shared';
import { isUuid } from '../../../core/auth/ids';
import type { Context } from '../../../core/context';
import { domainError, notFound } from '../../../core/errors';
import { commit, type Tx } from '../../../core/unit-of-work';
import { Requisition, RequisitionLine } from '../requisitions/requisition.entity';
import { emit as emitRequisition, type RequisitionService } from '../requisitions/requisition.service';
import { AllocationPlan, AllocationPlanLine } from './allocation-plan.entity';
import { SUPPLY_DAY_TOPIC } from './supply-day.events';
import { SupplyDaySetting, SupplyDaySummary } from './supply-day.entity';
import { supplyDayTimes } from './supply-day-times';

const badInput = (field: string, message: string) => domainError('BAD_USER_INPUT', message, { field });

export interface AllocationPlanLineView {
  id: string;
  position: number;
  requisitionId: string;
  requisitionNumber: string;
  unitName: string;
  urgency: string;
  requisitionLineId: string;
  itemName: string;
  unitOfMeasure: string;
  requested: number;
  placeId: string;
  placeName: string;
  quantity: number;
}

/** Where a supply day stands: its deadlines, its plan, its deliveries and its summary. */
export interface SupplyDayState {
  day: string;
  times: SupplyDayTimes;
  deadlines: Record<SupplyDayStep, Date>;
  plan: AllocationPlan | null;
  /** Requisitions waiting for this day's plan (received by the cut-off, undecided). */
  waitingNeeds: number;
  deliveredAt: Date | null;
  summaryReadyAt: Date | null;
  missed: SupplyDayStep[];
}

/**
 * The supply day (plan 2 §3.5): its configurable deadlines, the daily allocation plan (proposed by
 * the four principles, edited by logistics, approved by a leader who is not its author; approval
 * decides the plan's requisitions and puts the supplies on dispatch orders in one transaction), and
 * the 17:30 summary's readiness. The alert rules read `state`.
 */
export class SupplyDayService {
  constructor(private readonly requisitions: RequisitionService) {}

  // ------------------------------------------------------------------------------ settings

  times(em: EntityManager): Promise<SupplyDayTimes> {
    return supplyDayTimes(em);
  }

  async setTimes(ctx: Context, input: SupplyDayTimes): Promise<SupplyDayTimes> {
    return commit(ctx, 'setSupplyDayTimes', input, async (tx) => {
      const times = {
        needsBy: input.needsBy,
        planApprovedBy: input.planApprovedBy,
        deliveredBy: input.deliveredBy,
        summaryBy: input.summaryBy,
      };
      const problems = supplyDayTimesProblems(times);
      if (problems.length > 0) throw badInput(problems[0]!.split(' ')[0]!, `${problems.join('; ')}.`);
      const row =
        (await tx.em.findOne(SupplyDaySetting, { id: 1 })) ?? tx.em.create(SupplyDaySetting, { id: 1, ...times, updatedAt: tx.now });
      Object.assign(row, times, { updatedAt: tx.now, updatedByName: tx.viewer?.displayName ?? '' });
      tx.em.persist(row);
      emitDay(tx, hqDay(tx.now), ['times']);
      return times;
    });
  }

  // ------------------------------------------------------------------------------ reads

  async state(em: EntityManager, day: string, now: Date): Promise<SupplyDayState> {
    if (!isHqDay(day)) throw badInput('day', 'A day is written YYYY-MM-DD (HQ time).');
    const times = await this.times(em);
    const [plan, waitingNeeds, summary, deliveredAt] = await Promise.all([
      em.findOne(AllocationPlan, { day }),
      em.count(Requisition, { planDay: day, status: 'SUBMITTED' }),
      em.findOne(SupplyDaySummary, { day }),
      this.deliveredAt(em, day),
    ]);
    const planApprovedAt = plan?.approvedAt ?? null;
    const delivered = plan?.status === 'APPROVED' ? (deliveredAt ?? null) : null;
    return {
      day,
      times,
      deadlines: supplyDayDeadlines(day, times),
      plan,
      waitingNeeds,
      deliveredAt: delivered,
      summaryReadyAt: summary?.readyAt ?? null,
      missed: missedSupplySteps(now, day, { planApprovedAt, deliveredAt: delivered, summaryReadyAt: summary?.readyAt ?? null }, times),
    };
  }

  /** The plan's takes with the names the page shows, in the order needs are served. */
  async planLineViews(em: EntityManager, planId: string): Promise<AllocationPlanLineView[]> {
    const rows = await em.execute<
      {
        id: string;
        position: number;
        requisition_id: string;
        number: string;
        unit_name: string;
        urgency: string;
        requisition_line_id: string;
        item_name: string;
        unit_of_measure: string;
        requested: number;
        place_id: string;
        place_name: string;
        quantity: number;
      }[]
    >(
      `select l.id, l.position, l.requisition_id, r.number, r.unit_name, r.urgency, l.requisition_line_id, rl.item_name,
              rl.unit_of_measure, rl.requested, l.place_id, p.name as place_name, l.quantity
         from allocation_plan_line l join requisition r on r.id = l.requisition_id
         join requisition_line rl on rl.id = l.requisition_line_id join supply_place p on p.id = l.place_id
        where l.plan_id = ? order by l.position`,
      [planId],
    );
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      requisitionId: r.requisition_id,
      requisitionNumber: r.number,
      unitName: r.unit_name,
      urgency: r.urgency,
      requisitionLineId: r.requisition_line_id,
      itemName: r.item_name,
      unitOfMeasure: r.unit_of_measure,
      requested: r.requested,
      placeId: r.place_id,
      placeName: r.place_name,
      quantity: r.quantity,
    }));
  }

  planLines(em: EntityManager, planId: string): Promise<AllocationPlanLine[]> {
    return em.find(AllocationPlanLine, { planId }, { orderBy: { position: 'asc' } });
  }

  /**
   * When the plan's last shipment arrived: null while one is planned or on the road. A plan with
   * nothing to ship is delivered when it is approved.
   */
  private async deliveredAt(em: EntityManager, day: string): Promise<Date | null | undefined> {
    const plan = await em.findOne(AllocationPlan, { day });
    if (!plan?.approvedAt) return null;
    const [row] = await em.execute<{ open: string; last: Date | string | null }[]>(
      `select count(*) filter (where s.status in ('PLANNED', 'IN_TRANSIT')) as open, max(s.arrived_at) as last
         from shipment s where s.requisition_id in (select distinct requisition_id from allocation_plan_line where plan_id = ? and quantity > 0)`,
      [plan.id],
    );
    if (Number(row?.open ?? 0) > 0) return null;
    return row?.last ? new Date(row.last) : plan.approvedAt;
  }

  // ------------------------------------------------------------------------------ the plan

  /**
   * Proposes (or re-proposes, while a draft) the day's plan from the requisitions waiting for it,
   * the free stock and the distances, by the four principles (shared/domain/logistics-plan.ts).
   * `keyUnitIds`: the member units logistics counts as key areas today (重点地区优先).
   */
  async propose(ctx: Context, input: { day: string; keyUnitIds: readonly string[] }): Promise<AllocationPlan> {
    return commit(ctx, 'proposeAllocationPlan', input, async (tx) => {
      if (!isHqDay(input.day)) throw badInput('day', 'A day is written YYYY-MM-DD (HQ time).');
      if (input.keyUnitIds.some((id) => !isUuid(id))) throw badInput('keyUnitIds', 'Choose key units from the list of member units.');
      const times = await this.times(tx.em);
      let plan = await tx.em.findOne(AllocationPlan, { day: input.day }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (plan && plan.status !== 'DRAFT') {
        throw domainError('INVALID_TRANSITION', `The plan of ${input.day} is already approved; it is not proposed again (once a day).`, {
          reason: 'allocationPlan/approved',
        });
      }
      const requisitions = await tx.em.find(Requisition, { planDay: input.day, status: 'SUBMITTED' }, { orderBy: { submittedAt: 'asc' } });
      const lines = await this.requisitions.linesOf(
        tx.em,
        requisitions.map((r) => r.id),
      );
      const key = new Set(input.keyUnitIds);
      const needs: PlanNeed[] = requisitions.map((r) => ({
        needId: r.id,
        unitId: r.unitId,
        urgency: r.urgency,
        keyArea: key.has(r.unitId),
        receivedAt: r.submittedAt,
        lines: lines.filter((l) => l.requisitionId === r.id).map((l) => ({ lineId: l.id, itemId: l.itemId, quantity: l.requested })),
      }));
      const stock = await this.requisitions.freeStock(tx.em, [...new Set(lines.map((l) => l.itemId))]);
      const distances = new Map<string, Map<string, number>>();
      for (const unitId of new Set(requisitions.map((r) => r.unitId)))
        distances.set(unitId, await this.requisitions.distancesTo(tx.em, unitId));
      const proposal = proposeAllocationPlan({
        cutoff: atHqTime(input.day, times.needsBy),
        needs,
        stock: stock.map((s) => ({ placeId: s.placeId, itemId: s.itemId, available: s.quantity })),
        distance: (placeId, need) => distances.get(need.unitId)?.get(placeId) ?? Number.MAX_SAFE_INTEGER,
      });
      if (!plan) {
        plan = tx.em.create(AllocationPlan, {
          day: input.day,
          status: 'DRAFT',
          proposedAt: tx.now,
          proposedById: tx.viewer?.userId ?? null,
          proposedByName: tx.viewer?.displayName ?? '',
        });
        tx.em.persist(plan);
      } else {
        plan.proposedAt = tx.now;
        plan.proposedById = tx.viewer?.userId ?? null;
        plan.proposedByName = tx.viewer?.displayName ?? '';
        await tx.em.nativeDelete(AllocationPlanLine, { planId: plan.id });
      }
      proposal.lines.forEach((line, index) => {
        tx.em.persist(
          tx.em.create(AllocationPlanLine, {
            planId: plan.id,
            position: index + 1,
            requisitionId: line.needId,
            requisitionLineId: line.lineId,
            itemId: line.itemId,
            placeId: line.placeId,
            quantity: line.quantity,
          }),
        );
      });
      emitDay(tx, input.day, ['plan']);
      return plan;
    });
  }

  /** Logistics edits the draft: a take's quantity (0 drops it), never above what the line asked for in all. */
  async editLines(
    ctx: Context,
    input: { planId: string; lines: readonly { lineId: string; quantity: number }[]; expectedVersion?: number | null },
  ): Promise<AllocationPlan> {
    return commit(ctx, 'editAllocationPlan', input, async (tx) => {
      const plan = await this.lockPlan(tx, input.planId, input.expectedVersion);
      if (plan.status !== 'DRAFT')
        throw domainError('INVALID_TRANSITION', 'An approved plan is not edited.', { reason: 'allocationPlan/approved' });
      const all = await this.planLines(tx.em, plan.id);
      for (const change of input.lines) {
        const line = all.find((l) => l.id === change.lineId);
        if (!line) throw badInput('lines', `Line ${change.lineId} is not on this plan.`);
        if (!Number.isInteger(change.quantity) || change.quantity < 0) throw badInput('lines', 'A quantity is a whole number, 0 or more.');
        line.quantity = change.quantity;
      }
      const requested = await tx.em.find(RequisitionLine, { id: { $in: [...new Set(all.map((l) => l.requisitionLineId))] } });
      for (const r of requested) {
        const total = all.filter((l) => l.requisitionLineId === r.id).reduce((sum, l) => sum + l.quantity, 0);
        if (total > r.requested) throw badInput('lines', `${r.itemName}: at most ${r.requested} ${r.unitOfMeasure} were requested.`);
      }
      plan.proposedAt = tx.now;
      emitDay(tx, plan.day, ['plan']);
      return plan;
    });
  }

  /**
   * A leader approves the plan (not the person who proposed it). Every requisition on it that is
   * still undecided is decided by the plan's quantities and shipped from the plan's places, in
   * this transaction; one that got nothing waits for tomorrow's plan.
   */
  async approve(ctx: Context, input: { planId: string; expectedVersion?: number | null }): Promise<AllocationPlan> {
    return commit(ctx, 'approveAllocationPlan', input, async (tx) => {
      const plan = await this.lockPlan(tx, input.planId, input.expectedVersion);
      if (plan.status !== 'DRAFT')
        throw domainError('INVALID_TRANSITION', 'This plan is already approved.', { reason: 'allocationPlan/approved' });
      if (plan.proposedById && plan.proposedById === tx.viewer?.userId) {
        throw domainError('FORBIDDEN', 'A plan is approved by a leader other than the one who proposed it.', {
          reason: 'allocationPlan/own_plan',
        });
      }
      plan.status = 'APPROVED';
      plan.approvedAt = tx.now;
      plan.approvedById = tx.viewer?.userId ?? null;
      plan.approvedByName = tx.viewer?.displayName ?? '';
      const lines = await this.planLines(tx.em, plan.id);
      const waiting = await tx.em.find(Requisition, { planDay: plan.day, status: 'SUBMITTED' }, { orderBy: { submittedAt: 'asc' } });
      for (const requisition of waiting) {
        const locked = await this.requisitions.lock(tx, requisition.id, null);
        if (locked.status !== 'SUBMITTED') continue;
        const own = lines.filter((l) => l.requisitionId === locked.id && l.quantity > 0);
        if (own.length === 0) {
          locked.planDay = addHqDays(plan.day, 1);
          emitRequisition(tx, locked, ['planDay']);
          continue;
        }
        const requisitionLines = await this.requisitions.linesOf(tx.em, [locked.id]);
        const takes = new Map<string, { placeId: string; quantity: number }[]>();
        for (const l of own)
          takes.set(l.requisitionLineId, [...(takes.get(l.requisitionLineId) ?? []), { placeId: l.placeId, quantity: l.quantity }]);
        const approved = requisitionLines.map((l) => ({
          lineId: l.id,
          quantity: (takes.get(l.id) ?? []).reduce((sum, t) => sum + t.quantity, 0),
        }));
        const full = approved.every((a) => a.quantity === requisitionLines.find((l) => l.id === a.lineId)!.requested);
        await this.requisitions.decideIn(tx, locked, approved, full ? '' : `按 ${plan.day} 调配方案：库存不足，部分批准`, takes);
      }
      emitDay(tx, plan.day, ['plan']);
      return plan;
    });
  }

  // ------------------------------------------------------------------------------ the summary

  /** Logistics reports the day's summary to HQ and files it (纪委备案): it is ready. Once a day. */
  async markSummaryReady(ctx: Context, input: { day: string }): Promise<SupplyDaySummary> {
    return commit(ctx, 'markSupplySummaryReady', input, async (tx) => {
      if (!isHqDay(input.day)) throw badInput('day', 'A day is written YYYY-MM-DD (HQ time).');
      if (input.day > hqDay(tx.now)) throw badInput('day', 'A summary is made on or after its day.');
      const existing = await tx.em.findOne(SupplyDaySummary, { day: input.day });
      if (existing) return existing;
      const summary = tx.em.create(SupplyDaySummary, {
        day: input.day,
        readyAt: tx.now,
        readyById: tx.viewer?.userId ?? null,
        readyByName: tx.viewer?.displayName ?? '',
      });
      tx.em.persist(summary);
      emitDay(tx, input.day, ['summary']);
      return summary;
    });
  }

  private async lockPlan(tx: Tx, id: string, expectedVersion: number | null | undefined): Promise<AllocationPlan> {
    const plan = isUuid(id) ? await tx.em.findOne(AllocationPlan, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!plan) throw notFound('Allocation plan', id);
    if (expectedVersion != null && plan.version !== expectedVersion) {
      throw domainError('CONFLICT', `Someone changed the plan of ${plan.day} meanwhile. Review it and try again.`, {
        reason: 'allocationPlan/stale',
        currentVersion: plan.version,
      });
    }
    return plan;
  }
}

function emitDay(tx: Tx, day: string, changed: string[]): void {
  tx.emit({ topic: SUPPLY_DAY_TOPIC, entityType: 'SupplyDay', entityId: day, kind: 'UPDATED', payload: { day, changed } });
}
