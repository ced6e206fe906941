import type { EntityManager } from '@mikro-orm/postgresql';
import type { SupplyCategory, SupplyEntryKind, SupplyPlaceKind } from '@cc/shared';
import { isUuid } from '../../core/auth/ids';
import { unitScopeOf } from '../../core/auth/unit-scope';
import type { Viewer } from '../../core/context';
import { domainError } from '../../core/errors';
import { daysOfCover, riskReasons, USE_WINDOW_DAYS } from './forecast.rules';
import { likePattern } from './ledger.rules';
import type { StockBalanceFilter, SupplyLedgerFilter } from './logistics.inputs';
import type { StockBalanceType, SupplyEntryType } from './logistics.types';

const NOBODY = '00000000-0000-0000-0000-000000000000';

interface BalanceRow {
  item_id: string;
  item_name: string;
  unit_of_measure: string;
  category: SupplyCategory;
  cover_days_floor: number | null;
  place_id: string;
  place_name: string;
  place_kind: SupplyPlaceKind;
  reserved_for_unit_id: string | null;
  reserved_for_unit_name: string | null;
  quantity: string;
  minimum: number | null;
  used: string | null;
  updated_at: Date;
}

interface EntryRow {
  id: string;
  seq: string;
  kind: SupplyEntryKind;
  item_id: string;
  item_name: string;
  unit_of_measure: string;
  quantity: number;
  from_place_id: string | null;
  from_place_name: string | null;
  to_place_id: string | null;
  to_place_name: string | null;
  reserved_for_unit_id: string | null;
  reserved_for_unit_name: string | null;
  recipient_unit_id: string | null;
  recipient_unit_name: string | null;
  recipient_text: string;
  intake_id: string | null;
  reverses_entry_id: string | null;
  reversed_by_id: string | null;
  reason: string;
  note: string;
  posted_at: Date;
  posted_by_name: string;
  total?: string;
}

const ENTRY_COLUMNS = `e.id, e.seq, e.kind, e.item_id, i.name as item_name, i.unit_of_measure, e.quantity,
  e.from_place_id, fp.name as from_place_name, e.to_place_id, tp.name as to_place_name,
  e.reserved_for_unit_id, ru.name as reserved_for_unit_name, e.recipient_unit_id, cu.name as recipient_unit_name,
  e.recipient_text, e.intake_id, e.reverses_entry_id, rv.id as reversed_by_id, e.reason, e.note, e.posted_at, e.posted_by_name`;
const ENTRY_JOINS = `join supply_item i on i.id = e.item_id
  left join supply_place fp on fp.id = e.from_place_id
  left join supply_place tp on tp.id = e.to_place_id
  left join member_unit ru on ru.id = e.reserved_for_unit_id
  left join member_unit cu on cu.id = e.recipient_unit_id
  left join supply_entry rv on rv.reverses_entry_id = e.id`;

/**
 * The ledger's reads, each ONE statement whatever the number of rows (the bench's `stockBalances`
 * board: 100,000 ledger rows). Names are joined in; a unit liaison's rows are cut in SQL.
 */
export class StockQueries {
  /** Balances with their 7-day use, days of cover and risk; nonzero ones and any with a minimum. */
  async balances(em: EntityManager, viewer: Viewer | null, filter: StockBalanceFilter | null, now: Date): Promise<StockBalanceType[]> {
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'NONE') return [];
    const since = new Date(now.getTime() - USE_WINDOW_DAYS * 86_400_000);
    const where = ['(b.quantity > 0 or m.minimum > 0)'];
    const params: unknown[] = [since, now, since, now];
    if (scope.kind === 'UNIT') {
      where.push('(p.unit_id = ? or b.reserved_for_unit_id = ?)');
      params.push(scope.unitId, scope.unitId);
    }
    for (const [column, value] of [
      ['b.item_id', filter?.itemId],
      ['b.place_id', filter?.placeId],
    ] as const) {
      if (!value) continue;
      if (!isUuid(value)) return [];
      where.push(`${column} = ?`);
      params.push(value);
    }
    if (filter?.category) {
      where.push('i.category = ?');
      params.push(filter.category);
    }
    const rows = await em.execute<BalanceRow[]>(
      `with used as (
         select item_id, from_place_id as place_id, sum(quantity) as q from supply_entry
          where kind in ('ISSUE', 'TRANSFER') and posted_at >= ? and posted_at <= ? group by 1, 2
         union all
         select r.item_id, r.to_place_id, -sum(r.quantity) from supply_entry r join supply_entry o on o.id = r.reverses_entry_id
          where r.kind = 'REVERSAL' and o.kind in ('ISSUE', 'TRANSFER') and r.posted_at >= ? and r.posted_at <= ? group by 1, 2
       ), rate as (select item_id, place_id, sum(q) as used from used group by 1, 2)
       select b.item_id, i.name as item_name, i.unit_of_measure, i.category, i.cover_days_floor,
              b.place_id, p.name as place_name, p.kind as place_kind, b.reserved_for_unit_id, u.name as reserved_for_unit_name,
              b.quantity, m.minimum, rate.used, b.updated_at
         from supply_balance b
         join supply_item i on i.id = b.item_id
         join supply_place p on p.id = b.place_id
         left join member_unit u on u.id = b.reserved_for_unit_id
         left join supply_stock_minimum m on m.item_id = b.item_id and m.place_id = b.place_id and b.reserved_for_unit_id is null
         left join rate on rate.item_id = b.item_id and rate.place_id = b.place_id and b.reserved_for_unit_id is null
        where ${where.join(' and ')}
        order by i.category, i.name, p.kind, p.name, b.reserved_for_unit_id nulls first`,
      params,
    );
    const balances = rows.map((r) => toBalance(r));
    return filter?.atRiskOnly ? balances.filter((b) => b.atRisk) : balances;
  }

  /** One page of the ledger, newest first, with the total (ids and total in one statement, rows joined in the same). */
  async ledger(
    em: EntityManager,
    viewer: Viewer | null,
    filter: SupplyLedgerFilter | null,
    first: number,
    offset: number,
  ): Promise<{ items: SupplyEntryType[]; total: number }> {
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'NONE') return { items: [], total: 0 };
    const limit = Math.min(Math.max(first, 0), 200);
    const skip = Math.max(offset, 0);
    const where: string[] = [];
    const params: unknown[] = [];
    if (scope.kind === 'UNIT') {
      where.push('(fp.unit_id = ? or tp.unit_id = ? or e.recipient_unit_id = ? or e.reserved_for_unit_id = ?)');
      params.push(scope.unitId, scope.unitId, scope.unitId, scope.unitId);
    }
    if (filter?.kind) {
      where.push('e.kind = ?');
      params.push(filter.kind);
    }
    if (filter?.itemId) {
      where.push('e.item_id = ?');
      params.push(isUuid(filter.itemId) ? filter.itemId : NOBODY);
    }
    if (filter?.placeId) {
      where.push('(e.from_place_id = ? or e.to_place_id = ?)');
      const id = isUuid(filter.placeId) ? filter.placeId : NOBODY;
      params.push(id, id);
    }
    const search = filter?.search?.trim();
    if (search) {
      if (search.length > 100) throw domainError('BAD_USER_INPUT', 'Search for at most 100 characters.', { field: 'search' });
      const like = likePattern(search);
      const seq = /^#?\d{1,15}$/.test(search) ? Number(search.replace('#', '')) : -1;
      where.push(`(e.seq = ? or i.name ilike ? or fp.name ilike ? or tp.name ilike ? or e.recipient_text ilike ?
        or cu.name ilike ? or e.note ilike ? or e.reason ilike ? or e.posted_by_name ilike ?)`);
      params.push(seq, like, like, like, like, like, like, like, like);
    }
    const rows = await em.execute<EntryRow[]>(
      `select ${ENTRY_COLUMNS}, count(*) over () as total from supply_entry e ${ENTRY_JOINS}
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by e.seq desc limit ? offset ?`,
      [...params, limit, skip],
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && skip > 0) {
      const [counted] = await em.execute<{ total: string }[]>(
        `select count(*) as total from supply_entry e ${ENTRY_JOINS} ${where.length ? `where ${where.join(' and ')}` : ''}`,
        params,
      );
      total = Number(counted?.total ?? 0);
    }
    return { items: rows.map(toEntry), total };
  }

  /** One entry as this viewer may see it; null when missing or another unit's. */
  async entry(em: EntityManager, viewer: Viewer | null, id: string): Promise<SupplyEntryType | null> {
    if (!isUuid(id)) return null;
    const scope = unitScopeOf(viewer);
    if (scope.kind === 'NONE') return null;
    const [row] = await em.execute<(EntryRow & { unit_ids: (string | null)[] })[]>(
      `select ${ENTRY_COLUMNS}, array[fp.unit_id, tp.unit_id, e.recipient_unit_id, e.reserved_for_unit_id] as unit_ids
         from supply_entry e ${ENTRY_JOINS} where e.id = ?`,
      [id],
    );
    if (!row) return null;
    if (scope.kind === 'UNIT' && !row.unit_ids.includes(scope.unitId)) return null;
    return toEntry(row);
  }
}

function toBalance(r: BalanceRow): StockBalanceType {
  const quantity = Number(r.quantity);
  const use = Math.max(Number(r.used ?? 0), 0) / USE_WINDOW_DAYS;
  const cover = r.reserved_for_unit_id ? null : daysOfCover(quantity, use);
  const risk = riskReasons({ quantity, minimum: r.minimum, daysOfCover: cover, coverDaysFloor: r.cover_days_floor });
  return {
    key: `${r.item_id}:${r.place_id}:${r.reserved_for_unit_id ?? ''}`,
    itemId: r.item_id,
    itemName: r.item_name,
    unitOfMeasure: r.unit_of_measure,
    category: r.category,
    placeId: r.place_id,
    placeName: r.place_name,
    placeKind: r.place_kind,
    reservedForUnitId: r.reserved_for_unit_id,
    reservedForUnitName: r.reserved_for_unit_name,
    quantity,
    minimum: r.minimum,
    dailyUse: Math.round(use * 100) / 100,
    daysOfCover: cover,
    atRisk: risk.length > 0,
    updatedAt: new Date(r.updated_at),
  };
}

function toEntry(r: EntryRow): SupplyEntryType {
  return {
    id: r.id,
    seq: Number(r.seq),
    kind: r.kind,
    itemId: r.item_id,
    itemName: r.item_name,
    unitOfMeasure: r.unit_of_measure,
    quantity: r.quantity,
    fromPlaceId: r.from_place_id,
    fromPlaceName: r.from_place_name,
    toPlaceId: r.to_place_id,
    toPlaceName: r.to_place_name,
    reservedForUnitId: r.reserved_for_unit_id,
    reservedForUnitName: r.reserved_for_unit_name,
    recipientUnitId: r.recipient_unit_id,
    recipientUnitName: r.recipient_unit_name,
    recipientText: r.recipient_text,
    intakeId: r.intake_id,
    reversesEntryId: r.reverses_entry_id,
    reversedById: r.reversed_by_id,
    reason: r.reason,
    note: r.note,
    postedAt: new Date(r.posted_at),
    postedByName: r.posted_by_name,
  };
}
