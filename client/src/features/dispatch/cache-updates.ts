import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';
import { cachedLists, insertKey, olderThan, placeInLists, relink } from '../../app/cache-lists';
import type {
  DispatchOrderChangedSubscription,
  DispatchOrderFieldsFragment,
  DispatchOrderStatus,
  VehicleChangedSubscription,
} from '@cc/shared/operations';

type Placed = Pick<DispatchOrderFieldsFragment, 'id' | 'status' | 'priority' | 'requestedAt' | 'number' | 'createdAt'>;

const ACTIVE: readonly DispatchOrderStatus[] = ['REQUESTED', 'OPEN', 'ASSIGNED', 'DEPARTED', 'ARRIVED'];

/** The server's order for a list (dispatch-order.service.ts `list`), mirrored. */
function comesBefore(a: Placed, b: Placed, queue: boolean): boolean {
  if (queue) {
    if (a.priority !== b.priority) return a.priority < b.priority;
    const at = Date.parse(a.requestedAt) - Date.parse(b.requestedAt);
    if (at !== 0) return at < 0;
    return a.number < b.number;
  }
  const created = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return created !== 0 ? created > 0 : a.number > b.number;
}

/**
 * Puts an order into every cached `dispatchOrders` list whose status filter it matches, in
 * that list's order, and takes it out of lists it no longer matches (an order that completes
 * leaves the active queue). Fields of listed orders update in place through the normalised cache.
 */
export function placeDispatchOrder(cache: Cache, order: Placed): void {
  const key = cache.keyOfEntity({ __typename: 'DispatchOrder', id: order.id });
  if (!key) return;
  const read = (k: string): Placed => ({
    id: String(cache.resolve(k, 'id')),
    status: cache.resolve(k, 'status') as DispatchOrderStatus,
    priority: Number(cache.resolve(k, 'priority')),
    requestedAt: String(cache.resolve(k, 'requestedAt')),
    number: String(cache.resolve(k, 'number')),
    createdAt: String(cache.resolve(k, 'createdAt')),
  });
  // Unlike the other lists, a listed order may move (its priority changed), so it is placed anew each time.
  for (const list of cachedLists(cache, 'Query', 'dispatchOrders')) {
    const statuses = list.arguments?.['status'] as DispatchOrderStatus[] | null | undefined;
    const belongs = !statuses || statuses.length === 0 || statuses.includes(order.status);
    const others = list.keys.filter((k) => k !== key);
    if (!belongs) {
      if (others.length !== list.keys.length) relink(cache, 'Query', 'dispatchOrders', list, others);
      continue;
    }
    const queue = !!statuses && statuses.length > 0 && statuses.every((s) => ACTIVE.includes(s));
    const next = insertKey(others, key, (k) => comesBefore(order, read(k), queue));
    if (next.join() !== list.keys.join()) relink(cache, 'Query', 'dispatchOrders', list, next);
  }
}

/**
 * A unit liaison's own list (`myTransportRequests`, newest first): the server streams a liaison
 * only their unit's orders, so any order arriving here that is not listed yet belongs at the top.
 */
function placeOwnRequest(cache: Cache, order: Placed): void {
  const key = cache.keyOfEntity({ __typename: 'DispatchOrder', id: order.id });
  if (key) placeInLists(cache, 'Query', 'myTransportRequests', key, { comesAfter: olderThan(cache, 'createdAt', order.createdAt) });
}

/** A vehicle that joined the fleet goes into its company's list on the board, by plate. */
function placeNewVehicle(cache: Cache, vehicle: { id: string; companyId: string; plate: string }): void {
  const company = cache.keyOfEntity({ __typename: 'TransportCompany', id: vehicle.companyId });
  const key = cache.keyOfEntity({ __typename: 'Vehicle', id: vehicle.id });
  if (!company || !key) return;
  placeInLists(cache, company, 'vehicles', key, { comesAfter: (k) => String(cache.resolve(k, 'plate')) > vehicle.plate });
}

/** Wrappers and answers that are not records of their own. */
export const dispatchCacheKeys: KeyingConfig = {
  VehicleChange: () => null,
  DispatchOrderChange: () => null,
  StandbyBoard: () => null,
  VehicleSuggestions: () => null,
  VehicleSuggestion: () => null,
  VehicleHistory: () => null,
  DispatchFigures: () => null,
  CompanyFigures: () => null,
};

type OrderResult = Record<string, Placed | null | undefined>;
const placeFrom = (field: string) => (result: unknown, _args: unknown, cache: Cache) => {
  const order = (result as OrderResult)[field];
  if (order) placeDispatchOrder(cache, order);
};

export const dispatchCacheUpdates: UpdatesConfig = {
  Subscription: {
    dispatchOrderChanged(result, _args, cache) {
      const change = (result as DispatchOrderChangedSubscription).dispatchOrderChanged;
      if (!change) return;
      placeDispatchOrder(cache, change.order);
      if (change.order.requestingUnitId) placeOwnRequest(cache, change.order);
    },
    vehicleChanged(result, _args, cache) {
      const change = (result as VehicleChangedSubscription).vehicleChanged;
      if (change?.kind === 'CREATED') placeNewVehicle(cache, change.vehicle);
    },
  },
  Mutation: {
    // The dispatcher who acts sees the result at once; the subscription event that follows is a no-op.
    createDispatchOrder: placeFrom('createDispatchOrder'),
    assignVehicles: placeFrom('assignVehicles'),
    markOrderDeparted: placeFrom('markOrderDeparted'),
    markOrderArrived: placeFrom('markOrderArrived'),
    completeDispatchOrder: placeFrom('completeDispatchOrder'),
    cancelDispatchOrder: placeFrom('cancelDispatchOrder'),
    requestTransport(result, _args, cache) {
      const order = (result as OrderResult)['requestTransport'];
      if (order) placeOwnRequest(cache, order);
    },
  },
};
