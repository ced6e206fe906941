import type { DispatchOrderService } from '../../dispatch/dispatch-order.service';
import type { MemberUnitService } from '../../identity/member-unit.service';
import { Migration0016RequisitionsAndPlans } from './migrations/0016-requisitions-and-plans';
import { RequisitionLineSchema, RequisitionSchema } from './requisition.entity';
import { REQUISITION_TOPIC } from './requisition.events';
import { RequisitionFields, RequisitionResolver, ShipmentFields } from './requisition.resolver';
import { RequisitionService } from './requisition.service';
import type { RequisitionStock } from './requisition-stock.port';
import { ShipmentLineSchema, ShipmentSchema } from './shipment.entity';
import { RequisitionShipments } from './shipments';

/**
 * Requisitions and their shipments: a part of the logistics module (its manifest spreads these
 * lists into its own). `shipments` is the cargo port dispatch calls at each order step.
 */
export function createRequisitionsPart(deps: { stock: RequisitionStock; orders: DispatchOrderService; units: MemberUnitService }) {
  const requisitions = new RequisitionService(deps.stock, deps.orders, deps.units);
  const shipments = new RequisitionShipments(deps.stock);
  return {
    entities: [RequisitionSchema, RequisitionLineSchema, ShipmentSchema, ShipmentLineSchema],
    resolvers: [new RequisitionResolver(requisitions), new RequisitionFields(requisitions), new ShipmentFields(requisitions)],
    migrations: [{ name: '0016-requisitions-and-plans', class: Migration0016RequisitionsAndPlans }],
    topics: [REQUISITION_TOPIC],
    requisitions,
    shipments,
  };
}
