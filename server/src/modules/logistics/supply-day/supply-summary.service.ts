import type { EntityManager } from '@mikro-orm/postgresql';
import { hqDayRange, isHqDay } from '@cc/shared';
import { domainError } from '../../../core/errors';
import { SupplyDaySummary } from './supply-day.entity';

export interface SummaryIntakeRow {
  source: string;
  itemName: string;
  unitOfMeasure: string;
  quantity: number;
}
export interface SummaryIssueRow {
  itemName: string;
  unitOfMeasure: string;
  recipient: string;
  quantity: number;
}
export interface SummaryAllocationRow {
  requisitionNumber: string;
  unitName: string;
  orderNumber: string;
  fromPlaceName: string;
  itemName: string;
  unitOfMeasure: string;
  quantity: number;
  status: string;
}
export interface SummaryBalanceRow {
  itemName: string;
  unitOfMeasure: string;
  placeName: string;
  quantity: number;
}
export interface SupplySummary {
  day: string;
  intakeBySource: SummaryIntakeRow[];
  issues: SummaryIssueRow[];
  allocations: SummaryAllocationRow[];
  balances: SummaryBalanceRow[];
  readyAt: Date | null;
  readyByName: string;
}

/**
 * The day's summary (下午17:30前 …当天生产、采购、入库及调配情况, plan 2 §3.5): intake by source,
 * issues net of reversals, the day's allocations (shipments approved that day), and the balances
 * now. Read-only; the oversight role (纪委备案) may read it. Each part is one statement.
 */
export class SupplySummaryService {
  async summary(em: EntityManager, day: string): Promise<SupplySummary> {
    if (!isHqDay(day)) throw domainError('BAD_USER_INPUT', 'A day is written YYYY-MM-DD (HQ time).', { field: 'day' });
    const { start, end } = hqDayRange(day);
    const [intake, issues, allocations, balances, ready] = await Promise.all([
      em.execute<{ source: string; item_name: string; unit_of_measure: string; quantity: string }[]>(
        `select si.source, i.name as item_name, i.unit_of_measure, sum(e.quantity) as quantity
           from supply_entry e join supply_intake si on si.id = e.intake_id join supply_item i on i.id = e.item_id
          where e.kind = 'INTAKE' and e.posted_at >= ? and e.posted_at < ?
          group by si.source, i.name, i.unit_of_measure order by si.source, i.name`,
        [start, end],
      ),
      em.execute<{ item_name: string; unit_of_measure: string; recipient: string; quantity: string }[]>(
        `select i.name as item_name, i.unit_of_measure, coalesce(u.name, nullif(e.recipient_text, ''), '') as recipient,
                sum(e.quantity) - coalesce(sum(r.quantity), 0) as quantity
           from supply_entry e join supply_item i on i.id = e.item_id
           left join member_unit u on u.id = e.recipient_unit_id
           left join supply_entry r on r.reverses_entry_id = e.id and r.posted_at < ?
          where e.kind = 'ISSUE' and e.posted_at >= ? and e.posted_at < ?
          group by i.name, i.unit_of_measure, 3 order by i.name, 3`,
        [end, start, end],
      ),
      em.execute<
        {
          number: string;
          unit_name: string;
          order_number: string;
          from_place_name: string;
          item_name: string;
          unit_of_measure: string;
          quantity: number;
          status: string;
        }[]
      >(
        `select r.number, r.unit_name, s.order_number, s.from_place_name, l.item_name, l.unit_of_measure, l.quantity, s.status
           from shipment s join requisition r on r.id = s.requisition_id join shipment_line l on l.shipment_id = s.id
          where s.created_at >= ? and s.created_at < ?
          order by r.number, s.order_number, l.item_name`,
        [start, end],
      ),
      em.execute<{ item_name: string; unit_of_measure: string; place_name: string; quantity: string }[]>(
        `select i.name as item_name, i.unit_of_measure, p.name as place_name, sum(b.quantity) as quantity
           from supply_balance b join supply_item i on i.id = b.item_id join supply_place p on p.id = b.place_id
          group by i.name, i.unit_of_measure, p.name having sum(b.quantity) > 0 order by i.name, p.name`,
      ),
      em.findOne(SupplyDaySummary, { day }),
    ]);
    return {
      day,
      intakeBySource: intake.map((r) => ({
        source: r.source,
        itemName: r.item_name,
        unitOfMeasure: r.unit_of_measure,
        quantity: Number(r.quantity),
      })),
      issues: issues
        .map((r) => ({ itemName: r.item_name, unitOfMeasure: r.unit_of_measure, recipient: r.recipient, quantity: Number(r.quantity) }))
        .filter((r) => r.quantity > 0),
      allocations: allocations.map((r) => ({
        requisitionNumber: r.number,
        unitName: r.unit_name,
        orderNumber: r.order_number,
        fromPlaceName: r.from_place_name,
        itemName: r.item_name,
        unitOfMeasure: r.unit_of_measure,
        quantity: Number(r.quantity),
        status: r.status,
      })),
      balances: balances.map((r) => ({
        itemName: r.item_name,
        unitOfMeasure: r.unit_of_measure,
        placeName: r.place_name,
        quantity: Number(r.quantity),
      })),
      readyAt: ready?.readyAt ?? null,
      readyByName: ready?.readyByName ?? '',
    };
  }
}
