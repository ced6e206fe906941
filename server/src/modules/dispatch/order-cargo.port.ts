import type { DispatchOrderStatus } from '@cc/shared';
import type { Tx } from '../../core/unit-of-work';

/** The order as the cargo's owner sees it at a step: enough to find its shipment, nothing to change. */
export interface SteppedOrder {
  readonly id: string;
  readonly number: string;
  readonly requisitionId: string | null;
  readonly from: DispatchOrderStatus;
  readonly to: DispatchOrderStatus;
}

/**
 * What an order's goods do when the order moves: a module whose goods ride on dispatch orders
 * (logistics: the items of a requisition's shipment) implements it, and dispatch calls it inside
 * the order step's own transaction, after the order's new status is set. Stock therefore leaves
 * the depot in the same commit as DEPARTED and arrives with ARRIVED; a step the cargo refuses
 * (it throws a domain error) leaves the order, its vehicles and the stock as they were. Called
 * for every order; an order with no goods of the implementer's is none of its business.
 *
 * Dispatch is built before logistics (modules/index.ts), so the port is late-bound: dispatch
 * gets a function that returns it once the modules are wired (ADR 0018).
 */
export interface OrderCargoPort {
  orderStepped(tx: Tx, order: SteppedOrder): Promise<void>;
}
