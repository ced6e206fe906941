import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isHqDay, nextIntakeStep, SUPPLY_TEXT_LIMITS } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { unitScopeOf } from '../../core/auth/unit-scope';
import type { Context, Viewer } from '../../core/context';
import { domainError, notFound } from '../../core/errors';
import { commit, type Tx } from '../../core/unit-of-work';
import type { MemberUnitService } from '../identity/member-unit.service';
import { emitCatalogue } from './catalogue.service';
import type { SupplyLedgerService } from './ledger.service';
import { mayPostAt, optionalText, quantityOf } from './ledger.rules';
import type { AcceptSupplyIntakeInput, AdvanceSupplyIntakeInput } from './logistics.inputs';
import { SupplyIntake } from './supply-intake.entity';

/**
 * 入库 (plan 2 §2): every receipt is accepted, verified (quality checked), registered and put into
 * stock, in that order, each step with who and when; only the last posts the ledger entry. A
 * directed donation (定点捐赠) is stocked into its recipient's reserved bucket, never the pool; an
 * emergency purchase filed after the fact (先采购后备案) is marked so, with its purchase date.
 */
export class SupplyIntakeService {
  constructor(
    private readonly ledger: SupplyLedgerService,
    private readonly units: MemberUnitService,
  ) {}

  /** Open intakes first, then the latest stocked; a liaison sees the donations reserved for their unit. */
  list(em: EntityManager, viewer: Viewer | null, first: number): Promise<SupplyIntake[]> {
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'NONE') return Promise.resolve([]);
    const where = scope.kind === 'ALL' ? {} : { reservedForUnitId: scope.unitId };
    return em.find(SupplyIntake, where, {
      orderBy: { stockedAt: 'desc nulls first', acceptedAt: 'desc' },
      limit: Math.min(Math.max(first, 0), 200),
    });
  }

  accept(ctx: Context, input: AcceptSupplyIntakeInput): Promise<SupplyIntake> {
    return commit(ctx, 'acceptSupplyIntake', input, (tx) => this.acceptIn(tx, input));
  }

  async acceptIn(tx: Tx, input: AcceptSupplyIntakeInput): Promise<SupplyIntake> {
    const quantity = quantityOf('quantity', input.quantity);
    await this.ledger.item(tx.em, input.itemId);
    const place = await this.ledger.place(tx.em, input.placeId);
    if (place.kind === 'DEPOT' && !mayPostAt(place, tx.viewer?.userId)) throw notKeeper(place.name, place.keeperName);
    if (input.reservedForUnitId) {
      if (input.source !== 'DONATION') {
        throw domainError('BAD_USER_INPUT', 'Only a donation can be reserved for a unit (定点捐赠).', { field: 'reservedForUnitId' });
      }
      if (!(await this.units.get(tx.em, input.reservedForUnitId))) throw notFound('Member unit', input.reservedForUnitId);
    }
    const filedAfter = input.filedAfterPurchase ?? false;
    if (filedAfter) {
      if (input.source !== 'CENTRAL_PURCHASE') {
        throw domainError('BAD_USER_INPUT', 'Only a purchase is filed after the fact (先采购后备案).', { field: 'filedAfterPurchase' });
      }
      if (!input.purchasedOn || !isHqDay(input.purchasedOn)) {
        throw domainError('BAD_USER_INPUT', 'Give the day the emergency purchase was made, YYYY-MM-DD.', { field: 'purchasedOn' });
      }
    }
    const intake = tx.em.create(SupplyIntake, {
      itemId: input.itemId,
      placeId: place.id,
      quantity,
      source: input.source,
      supplier: optionalText('supplier', input.supplier, SUPPLY_TEXT_LIMITS.party),
      reservedForUnitId: input.reservedForUnitId ?? null,
      filedAfterPurchase: filedAfter,
      purchasedOn: filedAfter ? input.purchasedOn! : null,
      status: 'ACCEPTED',
      acceptedAt: tx.now,
      acceptedById: tx.viewer?.userId ?? null,
      acceptedByName: tx.viewer?.displayName ?? '',
      qualityNote: '',
      note: optionalText('note', input.note, SUPPLY_TEXT_LIMITS.note),
    });
    tx.em.persist(intake);
    emitCatalogue(tx, 'INTAKE', intake.id, intake.reservedForUnitId ? [intake.reservedForUnitId] : []);
    return intake;
  }

  advance(ctx: Context, input: AdvanceSupplyIntakeInput): Promise<SupplyIntake> {
    return commit(ctx, 'advanceSupplyIntake', input, (tx) => this.advanceIn(tx, input));
  }

  /** The next step, by the depot's keeper; at STOCKED the INTAKE entry is posted in the same transaction. */
  async advanceIn(tx: Tx, input: AdvanceSupplyIntakeInput): Promise<SupplyIntake> {
    const intake = isUuid(input.intakeId)
      ? await tx.em.findOne(SupplyIntake, { id: input.intakeId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!intake) throw notFound('Intake', input.intakeId);
    const expected = nextIntakeStep(intake.status);
    if (expected !== input.step) {
      throw domainError(
        'INVALID_TRANSITION',
        expected ? `This intake is ${intake.status}; its next step is ${expected}.` : 'This intake is already in stock.',
        { reason: 'supply/intake_step', status: intake.status, expected },
      );
    }
    const place = await this.ledger.place(tx.em, intake.placeId);
    if (place.kind === 'DEPOT' && !mayPostAt(place, tx.viewer?.userId)) throw notKeeper(place.name, place.keeperName);
    const who = { id: tx.viewer?.userId ?? null, name: tx.viewer?.displayName ?? '' };
    if (input.step === 'VERIFIED') {
      intake.verifiedAt = tx.now;
      intake.verifiedById = who.id;
      intake.verifiedByName = who.name;
      intake.qualityNote = optionalText('qualityNote', input.qualityNote, SUPPLY_TEXT_LIMITS.note);
    } else if (input.step === 'REGISTERED') {
      intake.registeredAt = tx.now;
      intake.registeredById = who.id;
      intake.registeredByName = who.name;
    } else {
      intake.stockedAt = tx.now;
      intake.stockedById = who.id;
      intake.stockedByName = who.name;
    }
    intake.status = input.step;
    if (input.step === 'STOCKED') {
      await this.ledger.post(tx, {
        kind: 'INTAKE',
        itemId: intake.itemId,
        quantity: intake.quantity,
        toPlaceId: intake.placeId,
        reservedForUnitId: intake.reservedForUnitId ?? null,
        intakeId: intake.id,
        note: intake.note,
      });
    }
    emitCatalogue(tx, 'INTAKE', intake.id, intake.reservedForUnitId ? [intake.reservedForUnitId] : []);
    return intake;
  }
}

function notKeeper(name: string, keeper: string) {
  return domainError('FORBIDDEN', `Only ${name}'s keeper (${keeper}) or their stand-in receives stock there (专人专库).`, {
    reason: 'supply/not_keeper',
  });
}
