import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from '../../../core/database/base-entity';

export const SHIPMENT_STATUSES = ['PLANNED', 'IN_TRANSIT', 'DELIVERED', 'CANCELLED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

const ShipmentSchema = defineEntity({
  name: 'Shipment',
  tableName: 'shipment',
  properties: {
    ...baseProperties,
    requisitionId: p.uuid(),
    /** The dispatch order that carries it: one shipment per order, one order per source place. */
    orderId: p.uuid().unique(),
    orderNumber: p.string().length(24),
    fromPlaceId: p.uuid(),
    fromPlaceName: p.string().length(80),
    status: p.enum(SHIPMENT_STATUSES).length(12),
    departedAt: p.datetime().nullable(),
    arrivedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
  },
});

/**
 * The goods of an approved requisition that ride on one dispatch order, from one place. Its
 * status follows the order's steps in the same transaction (order-cargo.port.ts).
 */
export class Shipment extends ShipmentSchema.class {}
ShipmentSchema.setClass(Shipment);
export { ShipmentSchema };

const ShipmentLineSchema = defineEntity({
  name: 'ShipmentLine',
  tableName: 'shipment_line',
  properties: {
    ...baseProperties,
    shipmentId: p.uuid(),
    requisitionLineId: p.uuid(),
    itemId: p.uuid(),
    itemName: p.string().length(60),
    unitOfMeasure: p.string().length(10),
    quantity: p.integer(),
    /** The ledger's ISSUE entry posted when the order departed. */
    issueEntryId: p.uuid().nullable(),
    /** The ledger's REVERSAL putting the goods back when an order on the road was cancelled. */
    returnEntryId: p.uuid().nullable(),
  },
});

/** One item line of a shipment (the order's cargo, item by item). */
export class ShipmentLine extends ShipmentLineSchema.class {}
ShipmentLineSchema.setClass(ShipmentLine);
export { ShipmentLineSchema };
