import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HQ_INSTRUCTION_TEXT_LIMITS } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import type { Context, Viewer } from '../../core/context';
import { domainError, forbidden, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnitService } from '../identity/member-unit.service';
import { HqInstruction, HqInstructionDelivery } from './hq-instruction.entity';
import { HQ_INSTRUCTION_TOPIC } from './hq-instruction.events';
import { hqInstructionPolicy } from './hq-instruction.policy';
import { cleanInstruction } from './hq-instruction.rules';
import type { AcknowledgeHqInstructionInput, RecordHqInstructionInput } from './hq-instruction.types';

export interface HqInstructionFilter {
  first: number;
  offset: number;
  onlyOpen: boolean;
}

/** A delivery still waiting for its acknowledgement, with what the alert and the handover show of its instruction. */
export interface WaitingDelivery {
  delivery: HqInstructionDelivery;
  instruction: HqInstruction;
}

/**
 * HQ instructions passed on (传达): the duty desk records one and distributes it, one delivery
 * per working group or member unit; each target signs for (签收) its own copy. The instruction
 * is open until the last delivery is acknowledged.
 */
export class HqInstructionService {
  constructor(private readonly units: MemberUnitService) {}

  // ------------------------------------------------------------------------------ reads

  /** Newest received first; a unit liaison only those delivered to their unit. */
  async list(em: EntityManager, viewer: Viewer | null, filter: HqInstructionFilter): Promise<HqInstruction[]> {
    const where: Record<string, unknown> = filter.onlyOpen ? { fullyAcknowledgedAt: null } : {};
    if (!hqInstructionPolicy.seesAll(viewer)) {
      const unitId = hqInstructionPolicy.unitOf(viewer);
      if (!unitId) return [];
      const mine = await em.find(HqInstructionDelivery, { targetUnitId: unitId }, { fields: ['instructionId'] });
      where['id'] = { $in: mine.map((d) => d.instructionId) };
    }
    return em.find(HqInstruction, where, {
      orderBy: { receivedAt: 'desc', id: 'asc' },
      limit: Math.min(Math.max(filter.first, 1), 200),
      offset: Math.max(filter.offset, 0),
    });
  }

  /** The instruction if this viewer may see it; NOT_FOUND otherwise. */
  async get(em: EntityManager, viewer: Viewer | null, id: string): Promise<HqInstruction> {
    const instruction = isUuid(id) ? await em.findOne(HqInstruction, { id }) : null;
    if (!instruction) throw notFound('HQ instruction', id);
    if (!hqInstructionPolicy.seesAll(viewer)) {
      const deliveries = await this.deliveriesOf(em, [instruction.id]);
      if (
        !hqInstructionPolicy.canSee(
          viewer,
          deliveries.flatMap((d) => (d.targetUnitId ? [d.targetUnitId] : [])),
        )
      )
        throw notFound('HQ instruction', id);
    }
    return instruction;
  }

  /** Every delivery of these instructions: groups first in a fixed order, then units by name. */
  async deliveriesOf(em: EntityManager, instructionIds: readonly string[]): Promise<HqInstructionDelivery[]> {
    if (instructionIds.length === 0) return [];
    return em.find(
      HqInstructionDelivery,
      { instructionId: { $in: [...instructionIds] } },
      { orderBy: { targetGroup: 'asc', targetUnitName: 'asc', id: 'asc' } },
    );
  }

  /** Deliveries nobody has signed for since at or before `cutoff`, oldest first (the alert rule's query). */
  async waitingSince(em: EntityManager, cutoff: Date): Promise<WaitingDelivery[]> {
    const deliveries = await em.find(
      HqInstructionDelivery,
      { acknowledgedAt: null, deliveredAt: { $lte: cutoff } },
      { orderBy: { deliveredAt: 'asc', id: 'asc' }, limit: 1000 },
    );
    return this.withInstructions(em, deliveries);
  }

  /** Every delivery still waiting, whenever delivered (the shift handover's open items). */
  async waiting(em: EntityManager): Promise<WaitingDelivery[]> {
    const deliveries = await em.find(
      HqInstructionDelivery,
      { acknowledgedAt: null },
      { orderBy: { deliveredAt: 'asc', id: 'asc' }, limit: 1000 },
    );
    return this.withInstructions(em, deliveries);
  }

  // ------------------------------------------------------------------------------ changes

  async record(ctx: Context, input: RecordHqInstructionInput): Promise<HqInstruction> {
    return commit(ctx, 'recordHqInstruction', input, async (tx) => {
      const clean = cleanInstruction(input, tx.now);
      const units = await Promise.all(
        clean.unitIds.map(async (id) => {
          const unit = await this.units.get(tx.em, id);
          if (!unit || !unit.active) throw notFound('Member unit', id);
          return unit;
        }),
      );
      const instruction = tx.em.create(HqInstruction, {
        source: clean.source,
        receivedAt: clean.receivedAt,
        content: clean.content,
        priority: input.priority,
        recordedById: tx.viewer?.userId ?? null,
        recordedByName: tx.viewer?.displayName ?? '',
        fullyAcknowledgedAt: null,
      });
      for (const group of clean.groups)
        tx.em.create(HqInstructionDelivery, { instructionId: instruction.id, targetGroup: group, targetUnitId: null, deliveredAt: tx.now });
      for (const unit of units)
        tx.em.create(HqInstructionDelivery, {
          instructionId: instruction.id,
          targetGroup: null,
          targetUnitId: unit.id,
          targetUnitName: unit.name,
          deliveredAt: tx.now,
        });
      this.emit(tx, instruction, 'CREATED', clean.groups, clean.unitIds, ['created']);
      return instruction;
    });
  }

  /**
   * Signs for one delivery: someone of the target group, the target unit's liaison, or a leader.
   * The delivery row is locked, so of two people signing at once the second is told who was first.
   */
  async acknowledge(ctx: Context, input: AcknowledgeHqInstructionInput): Promise<HqInstruction> {
    return commit(ctx, 'acknowledgeHqInstruction', input, async (tx) => {
      const delivery = isUuid(input.deliveryId)
        ? await tx.em.findOne(HqInstructionDelivery, { id: input.deliveryId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!delivery || !hqInstructionPolicy.canSee(tx.viewer, delivery.targetUnitId ? [delivery.targetUnitId] : []))
        throw notFound('HQ instruction delivery', input.deliveryId);
      if (!hqInstructionPolicy.canAcknowledge(tx.viewer, delivery))
        throw forbidden(
          delivery.targetGroup
            ? `Only someone of the ${delivery.targetGroup} working group, or a leader, can sign for this copy.`
            : `Only ${delivery.targetUnitName}'s liaison, or a leader, can sign for this copy.`,
        );
      if (delivery.acknowledgedAt) {
        throw domainError(
          'CONFLICT',
          `${delivery.acknowledgedByName || 'Someone'} already signed for this copy at ${delivery.acknowledgedAt.toISOString()}.`,
          {
            reason: 'hq_instruction/already_acknowledged',
            acknowledgedBy: delivery.acknowledgedByName,
          },
        );
      }
      const note = (input.note ?? '').trim();
      if (note.length > HQ_INSTRUCTION_TEXT_LIMITS.note)
        throw domainError('BAD_USER_INPUT', `Keep the note to ${HQ_INSTRUCTION_TEXT_LIMITS.note} characters.`, { field: 'note' });
      delivery.acknowledgedAt = tx.now;
      delivery.acknowledgedById = tx.viewer?.userId ?? null;
      delivery.acknowledgedByName = tx.viewer?.displayName ?? '';
      delivery.acknowledgementNote = note;
      const instruction = await tx.em.findOneOrFail(
        HqInstruction,
        { id: delivery.instructionId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const all = await tx.em.find(HqInstructionDelivery, { instructionId: instruction.id });
      if (all.every((d) => d.acknowledgedAt !== null)) instruction.fullyAcknowledgedAt = tx.now;
      // The instruction's version moves with each acknowledgement, so a console holding it sees the change.
      instruction.updatedAt = tx.now;
      this.emit(
        tx,
        instruction,
        'UPDATED',
        all.flatMap((d) => (d.targetGroup ? [d.targetGroup] : [])),
        all.flatMap((d) => (d.targetUnitId ? [d.targetUnitId] : [])),
        ['deliveries'],
      );
      return instruction;
    });
  }

  // ------------------------------------------------------------------------------ internals

  private emit(
    tx: Tx,
    instruction: HqInstruction,
    kind: 'CREATED' | 'UPDATED',
    targetGroups: HqInstructionDelivery['targetGroup'][],
    targetUnitIds: string[],
    changed: string[],
  ): void {
    tx.emit({
      topic: HQ_INSTRUCTION_TOPIC,
      entityType: 'HqInstruction',
      entityId: instruction.id,
      kind,
      payload: {
        targetGroups: targetGroups.filter((g): g is NonNullable<typeof g> => g !== null),
        targetUnitIds,
        open: instruction.fullyAcknowledgedAt === null,
        changed,
      },
    });
  }

  private async withInstructions(em: EntityManager, deliveries: HqInstructionDelivery[]): Promise<WaitingDelivery[]> {
    const ids = [...new Set(deliveries.map((d) => d.instructionId))];
    const instructions = ids.length ? await em.find(HqInstruction, { id: { $in: ids } }) : [];
    const byId = new Map(instructions.map((i) => [i.id, i]));
    return deliveries.flatMap((delivery) => {
      const instruction = byId.get(delivery.instructionId);
      return instruction ? [{ delivery, instruction }] : [];
    });
  }
}
