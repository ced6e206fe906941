import type { EntityManager } from '@mikro-orm/postgresql';
import { SUPPLY_TEXT_LIMITS, type SupplyEntryKind } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { domainError, notFound } from '../../core/errors';
import type { Tx } from '../../core/unit-of-work';
import { keysInLockOrder, mayPostAt, optionalText, postingDepot, quantityOf, requiredText, type BalanceKey } from './ledger.rules';
import { SUPPLY_STOCK_TOPIC } from './logistics.events';
import { SupplyEntry } from './supply-entry.entity';
import { SupplyItem } from './supply-item.entity';
import { SupplyPlace } from './supply-place.entity';

/** One movement to post. Quantities are whole units of the item's measure. */
export interface Posting {
  kind: SupplyEntryKind;
  itemId: string;
  quantity: number;
  fromPlaceId?: string | null;
  toPlaceId?: string | null;
  /** The reserved bucket moved (a directed donation's recipient); null: the allocatable pool. */
  reservedForUnitId?: string | null;
  recipientUnitId?: string | null;
  recipientText?: string | null;
  intakeId?: string | null;
  reversesEntryId?: string | null;
  reason?: string | null;
  note?: string | null;
}

export interface PostingOptions {
  /**
   * 专人专库: refuse a posting at a depot by anyone but its keeper or stand-in (default). A module
   * posting on the system's behalf for an act already authorised elsewhere (a dispatch order's
   * arrival) may pass false and must say why at the call.
   */
  checkKeeper?: boolean;
}

export interface IssueRequest {
  itemId: string;
  placeId: string;
  quantity: number;
  recipientUnitId?: string | null;
  recipientText?: string | null;
  reservedForUnitId?: string | null;
  note?: string | null;
}

export interface TransferRequest {
  itemId: string;
  fromPlaceId: string;
  toPlaceId: string;
  quantity: number;
  reservedForUnitId?: string | null;
  note?: string | null;
}

/**
 * THE supply ledger (台账). Every movement is one appended entry; the balances follow from the
 * database's insert trigger in the same transaction. Before inserting, the balance rows a posting
 * touches are locked (`select … for update`) in the one order of ADR 0017 — item id, then place id,
 * then reserved-for unit — and the stock leaving is checked under the lock, so of concurrent issues
 * of the last units exactly those that fit succeed and the rest get CONFLICT
 * (`supply/insufficient_stock`); `quantity >= 0` in the database is the backstop.
 *
 * The methods take the caller's transaction (`Tx`): the requisition, allocation and dispatch
 * modules post inside THEIR unit of work. Several postings in one transaction: `postAll`, which
 * sorts them into the lock order first.
 */
export class SupplyLedgerService {
  /** Issues (出库) stock from a place to a recipient: a member unit and/or a named party. */
  issueIn(tx: Tx, request: IssueRequest, options: PostingOptions = {}): Promise<SupplyEntry> {
    return this.post(
      tx,
      {
        kind: 'ISSUE',
        itemId: request.itemId,
        quantity: request.quantity,
        fromPlaceId: request.placeId,
        reservedForUnitId: request.reservedForUnitId ?? null,
        recipientUnitId: request.recipientUnitId ?? null,
        recipientText: request.recipientText ?? null,
        note: request.note ?? null,
      },
      options,
    );
  }

  /** Moves stock between two places (e.g. a depot replenishing a checkpoint). */
  transferIn(tx: Tx, request: TransferRequest, options: PostingOptions = {}): Promise<SupplyEntry> {
    return this.post(
      tx,
      {
        kind: 'TRANSFER',
        itemId: request.itemId,
        quantity: request.quantity,
        fromPlaceId: request.fromPlaceId,
        toPlaceId: request.toPlaceId,
        reservedForUnitId: request.reservedForUnitId ?? null,
        note: request.note ?? null,
      },
      options,
    );
  }

  /**
   * A stock count (盘点): the place holds `counted`; the difference is posted as an ADJUSTMENT
   * with its reason. Counted under the row lock, so a concurrent issue is not lost.
   */
  async adjustIn(
    tx: Tx,
    request: { itemId: string; placeId: string; reservedForUnitId?: string | null; counted: number; reason: string },
    options: PostingOptions = {},
  ): Promise<SupplyEntry> {
    if (!Number.isInteger(request.counted) || request.counted < 0) {
      throw domainError('BAD_USER_INPUT', 'Give the counted quantity as a whole number, 0 or more.', { field: 'counted' });
    }
    const reserved = request.reservedForUnitId ?? null;
    await this.item(tx.em, request.itemId);
    await this.place(tx.em, request.placeId);
    const held =
      (await this.lock(tx.em, [{ itemId: request.itemId, placeId: request.placeId, reservedForUnitId: reserved }])).get(request.placeId) ??
      0;
    const delta = request.counted - held;
    if (delta === 0) {
      throw domainError('BAD_USER_INPUT', `The ledger already shows ${held}; there is nothing to adjust.`, {
        field: 'counted',
        reason: 'supply/count_matches',
      });
    }
    return this.post(
      tx,
      {
        kind: 'ADJUSTMENT',
        itemId: request.itemId,
        quantity: Math.abs(delta),
        fromPlaceId: delta < 0 ? request.placeId : null,
        toPlaceId: delta > 0 ? request.placeId : null,
        reservedForUnitId: reserved,
        reason: request.reason,
      },
      options,
    );
  }

  /**
   * Reverses an entry (冲销): a new entry moving the same quantity back, naming the one it reverses.
   * An entry is reversed at most once (the entry's row lock queues two attempts; the unique index
   * is the backstop); a reversal is not itself reversed — post the movement again instead.
   */
  async reverseIn(tx: Tx, request: { entryId: string; reason: string }, options: PostingOptions = {}): Promise<SupplyEntry> {
    const reason = requiredText('reason', request.reason, SUPPLY_TEXT_LIMITS.reason, 'the reason for the reversal');
    if (!isUuid(request.entryId)) throw notFound('Ledger entry', request.entryId);
    const [row] = await tx.em.execute<{ id: string }[]>('select id from supply_entry where id = ? for update', [request.entryId]);
    if (!row) throw notFound('Ledger entry', request.entryId);
    const original = await tx.em.findOneOrFail(SupplyEntry, { id: request.entryId });
    if (original.kind === 'REVERSAL') {
      throw domainError('INVALID_TRANSITION', 'A reversal is not reversed; post the movement again instead.', {
        reason: 'supply/reversal_of_reversal',
      });
    }
    const [done] = await tx.em.execute<{ id: string }[]>('select id from supply_entry where reverses_entry_id = ?', [original.id]);
    if (done) {
      throw domainError('CONFLICT', 'This entry has already been reversed.', { reason: 'supply/already_reversed', reversalId: done.id });
    }
    return this.post(
      tx,
      {
        kind: 'REVERSAL',
        itemId: original.itemId,
        quantity: original.quantity,
        fromPlaceId: original.toPlaceId ?? null,
        toPlaceId: original.fromPlaceId ?? null,
        reservedForUnitId: original.reservedForUnitId ?? null,
        recipientUnitId: original.recipientUnitId ?? null,
        reversesEntryId: original.id,
        reason,
      },
      options,
    );
  }

  /** Several postings in one transaction, locked in the one order (so no deadlock between two such batches). */
  async postAll(tx: Tx, postings: readonly Posting[], options: PostingOptions = {}): Promise<SupplyEntry[]> {
    const firstPlace = (p: Posting) => [p.fromPlaceId, p.toPlaceId].filter(Boolean).sort()[0] ?? '';
    const ordered = [...postings].sort((a, b) =>
      a.itemId === b.itemId ? (firstPlace(a) < firstPlace(b) ? -1 : 1) : a.itemId < b.itemId ? -1 : 1,
    );
    const entries: SupplyEntry[] = [];
    for (const posting of ordered) entries.push(await this.post(tx, posting, options));
    return entries;
  }

  /** Posts one entry: validates, checks the keeper, locks and checks the balances, appends, flushes (so the trigger runs now). */
  async post(tx: Tx, posting: Posting, options: PostingOptions = {}): Promise<SupplyEntry> {
    const quantity = quantityOf('quantity', posting.quantity);
    const item = await this.item(tx.em, posting.itemId);
    const from = posting.fromPlaceId ? await this.place(tx.em, posting.fromPlaceId, 'fromPlaceId') : null;
    const to = posting.toPlaceId ? await this.place(tx.em, posting.toPlaceId, 'toPlaceId') : null;
    if (!from && !to) throw domainError('BAD_USER_INPUT', 'Name the place the stock leaves or enters.', { field: 'placeId' });
    if (from && to && from.id === to.id) {
      throw domainError('BAD_USER_INPUT', 'A transfer needs two different places.', { field: 'toPlaceId', reason: 'supply/same_place' });
    }
    if (posting.kind !== 'REVERSAL') {
      for (const place of [from, to]) {
        if (place && !place.active) {
          throw domainError('CONFLICT', `${place.name} is closed; it takes no new postings.`, { reason: 'supply/place_inactive' });
        }
      }
    }
    const reserved = posting.reservedForUnitId ?? null;
    if (posting.kind === 'ISSUE') this.checkRecipient(item, reserved, posting.recipientUnitId ?? null, posting.recipientText ?? '');
    if (posting.kind === 'TRANSFER' && to?.kind === 'UNIT' && item.channelUnitId && to.unitId !== item.channelUnitId) {
      throw domainError('CONFLICT', `${item.name} is allocated through its channel only; it cannot go to another unit.`, {
        reason: 'supply/channel_restricted',
      });
    }
    if (options.checkKeeper !== false) {
      const depot = postingDepot(from, to);
      if (depot && !mayPostAt(depot, tx.viewer?.userId)) {
        const place = depot === from ? from : to!;
        throw domainError('FORBIDDEN', `Only ${place.name}'s keeper (${place.keeperName}) or their stand-in posts there (专人专库).`, {
          reason: 'supply/not_keeper',
          placeId: place.id,
        });
      }
    }
    const keys: BalanceKey[] = [];
    if (from) keys.push({ itemId: item.id, placeId: from.id, reservedForUnitId: reserved });
    if (to) keys.push({ itemId: item.id, placeId: to.id, reservedForUnitId: reserved });
    const locked = await this.lock(tx.em, keys);
    if (from) {
      const available = locked.get(from.id) ?? 0;
      if (available < quantity) {
        throw domainError(
          'CONFLICT',
          `${from.name} holds ${available} ${item.unitOfMeasure} of ${item.name}${reserved ? ' reserved for that unit' : ''}; ${quantity} cannot leave it.`,
          { reason: 'supply/insufficient_stock', available, requested: quantity, itemId: item.id, placeId: from.id },
        );
      }
    }
    const entry = tx.em.create(SupplyEntry, {
      kind: posting.kind,
      itemId: item.id,
      quantity,
      fromPlaceId: from?.id ?? null,
      toPlaceId: to?.id ?? null,
      reservedForUnitId: reserved,
      recipientUnitId: posting.recipientUnitId ?? null,
      recipientText: optionalText('recipientText', posting.recipientText, SUPPLY_TEXT_LIMITS.party),
      intakeId: posting.intakeId ?? null,
      reversesEntryId: posting.reversesEntryId ?? null,
      reason:
        posting.kind === 'ADJUSTMENT' || posting.kind === 'REVERSAL'
          ? requiredText('reason', posting.reason, SUPPLY_TEXT_LIMITS.reason, 'the reason')
          : optionalText('reason', posting.reason, SUPPLY_TEXT_LIMITS.reason),
      note: optionalText('note', posting.note, SUPPLY_TEXT_LIMITS.note),
      postedAt: tx.now,
      postedById: tx.viewer?.userId ?? null,
      postedByName: tx.viewer?.displayName ?? '',
    });
    tx.em.persist(entry);
    await tx.em.flush();
    const unitIds = [from?.unitId, to?.unitId, reserved, posting.recipientUnitId].filter((u): u is string => !!u);
    tx.emit({
      topic: SUPPLY_STOCK_TOPIC,
      entityType: 'SupplyEntry',
      entityId: entry.id,
      kind: 'CREATED',
      payload: {
        kind: entry.kind,
        itemId: item.id,
        placeIds: [from?.id, to?.id].filter((p): p is string => !!p),
        unitIds: [...new Set(unitIds)],
        quantity,
      },
    });
    return entry;
  }

  /**
   * Locks the balance rows of `keys` in the one order, creating the missing ones (at 0) first, and
   * returns each place's quantity. Two statements whatever the number of keys.
   */
  async lock(em: EntityManager, keys: readonly BalanceKey[]): Promise<Map<string, number>> {
    const ordered = keysInLockOrder(keys);
    const values = ordered.map(() => '(?::uuid, ?::uuid, ?::uuid, 0, now())').join(', ');
    const params = ordered.flatMap((k) => [k.itemId, k.placeId, k.reservedForUnitId]);
    await em.execute(
      `insert into supply_balance (item_id, place_id, reserved_for_unit_id, quantity, updated_at) values ${values}
       on conflict (item_id, place_id, reserved_for_unit_id) do nothing`,
      params,
    );
    const where = ordered.map(() => '(item_id = ? and place_id = ? and reserved_for_unit_id is not distinct from ?::uuid)').join(' or ');
    const rows = await em.execute<{ place_id: string; quantity: string }[]>(
      `select place_id, quantity from supply_balance where ${where} order by item_id, place_id, reserved_for_unit_id nulls first for update`,
      params,
    );
    return new Map(rows.map((r) => [r.place_id, Number(r.quantity)]));
  }

  private checkRecipient(item: SupplyItem, reserved: string | null, recipientUnitId: string | null, recipientText: string): void {
    if (!recipientUnitId && !recipientText.trim()) {
      throw domainError('BAD_USER_INPUT', 'Name who receives it: a member unit or a party.', { field: 'recipientUnitId' });
    }
    if (reserved && recipientUnitId !== reserved) {
      throw domainError('CONFLICT', 'This stock is a directed donation (定点捐赠); only its recipient unit may receive it.', {
        reason: 'supply/reserved_for_other_unit',
        reservedForUnitId: reserved,
      });
    }
    if (item.channelUnitId && recipientUnitId !== item.channelUnitId) {
      throw domainError('CONFLICT', `${item.name} is allocated through its channel only (专物专用); issue it to that unit.`, {
        reason: 'supply/channel_restricted',
        channelUnitId: item.channelUnitId,
      });
    }
  }

  async item(em: EntityManager, id: string): Promise<SupplyItem> {
    const item = isUuid(id) ? await em.findOne(SupplyItem, { id }) : null;
    if (!item) throw notFound('Supply item', id);
    return item;
  }

  async place(em: EntityManager, id: string, field = 'placeId'): Promise<SupplyPlace> {
    const place = isUuid(id) ? await em.findOne(SupplyPlace, { id }) : null;
    if (!place) throw domainError('NOT_FOUND', `Place ${id} does not exist.`, { reason: 'not_found', id, field });
    return place;
  }
}
