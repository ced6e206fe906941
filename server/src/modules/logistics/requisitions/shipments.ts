import { LockMode } from '@mikro-orm/core';
import { requisitionStatusFromShipments } from '@cc/shared';
import type { Tx } from '../../../core/unit-of-work';
import type { OrderCargoPort, SteppedOrder } from '../../dispatch/order-cargo.port';
import { Requisition } from './requisition.entity';
import type { RequisitionStock } from './requisition-stock.port';
import { emit } from './requisition.service';
import { Shipment, ShipmentLine } from './shipment.entity';

/**
 * The items of a requisition's shipment follow its dispatch order, inside the order step's own
 * transaction (dispatch calls this through its cargo port, ADR 0018):
 *   DEPARTED  → each line is ISSUED from the source place to the unit (stock leaves the depot);
 *   ARRIVED   → the shipment is delivered (the unit has its goods); the last one delivers the requisition;
 *   CANCELLED → before departure the claim is dropped; on the road, each issue is REVERSED (the goods return).
 * A refused posting (stock gone meanwhile) throws, and the order step does not happen either.
 */
export class RequisitionShipments implements OrderCargoPort {
  constructor(private readonly stock: RequisitionStock) {}

  async orderStepped(tx: Tx, order: SteppedOrder): Promise<void> {
    if (!order.requisitionId) return;
    const shipment = await tx.em.findOne(Shipment, { orderId: order.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!shipment) return;
    const requisition = await tx.em.findOne(
      Requisition,
      { id: shipment.requisitionId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!requisition) return;
    const lines = await tx.em.find(ShipmentLine, { shipmentId: shipment.id }, { orderBy: { itemName: 'asc' } });
    if (order.to === 'DEPARTED' && shipment.status === 'PLANNED') {
      for (const line of lines) {
        line.issueEntryId = await this.stock.issue(tx, {
          itemId: line.itemId,
          placeId: shipment.fromPlaceId,
          quantity: line.quantity,
          recipientUnitId: requisition.unitId,
          note: `${requisition.number} · ${order.number}`,
        });
      }
      shipment.status = 'IN_TRANSIT';
      shipment.departedAt = tx.now;
    } else if (order.to === 'ARRIVED' && shipment.status === 'IN_TRANSIT') {
      shipment.status = 'DELIVERED';
      shipment.arrivedAt = tx.now;
    } else if (order.to === 'CANCELLED' && (shipment.status === 'PLANNED' || shipment.status === 'IN_TRANSIT')) {
      for (const line of lines) {
        if (line.issueEntryId && !line.returnEntryId) {
          line.returnEntryId = await this.stock.reverse(tx, line.issueEntryId, `调度单 ${order.number} 取消，物资退回`);
        }
      }
      shipment.status = 'CANCELLED';
      shipment.cancelledAt = tx.now;
    } else {
      return;
    }
    await this.follow(tx, requisition);
  }

  /** The requisition's status from all its shipments (shared rule). */
  private async follow(tx: Tx, requisition: Requisition): Promise<void> {
    if (requisition.status !== 'APPROVED' && requisition.status !== 'PARTIALLY_APPROVED' && requisition.status !== 'IN_TRANSIT') return;
    await tx.em.flush();
    const shipments = await tx.em.find(Shipment, { requisitionId: requisition.id });
    const decided = requisition.status === 'IN_TRANSIT' ? await this.decidedStatus(tx, requisition) : requisition.status;
    const next = requisitionStatusFromShipments(
      decided,
      shipments.map((s) => s.status),
    );
    if (next !== requisition.status) {
      requisition.status = next;
      if (next === 'DELIVERED') requisition.deliveredAt = tx.now;
    }
    emit(tx, requisition, ['status', 'shipments']);
  }

  /** Whether it was approved in full or in part, read back from its lines (the status no longer says). */
  private async decidedStatus(tx: Tx, requisition: Requisition): Promise<'APPROVED' | 'PARTIALLY_APPROVED'> {
    const [row] = await tx.em.execute<{ partial: boolean }[]>(
      'select bool_or(coalesce(approved, 0) < requested) as partial from requisition_line where requisition_id = ?',
      [requisition.id],
    );
    return row?.partial ? 'PARTIALLY_APPROVED' : 'APPROVED';
  }
}
