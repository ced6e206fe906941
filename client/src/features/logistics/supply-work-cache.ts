import type { Cache, KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';

/** Refetches every cached `requisitions` list: a change may move a requisition between the queue and the rest. */
function invalidateRequisitionLists(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'requisitions') cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
  }
}

/** Requisitions, the supply day and call-ups: wrappers and parts that are not records of their own. */
export const supplyWorkCacheKeys: KeyingConfig = {
  RequisitionChange: () => null,
  SupplyDayChange: () => null,
  CallUpChange: () => null,
  SupplyDayTimes: () => null,
  SupplyDayDeadlines: () => null,
  SupplySummary: () => null,
  SupplySummaryIntake: () => null,
  SupplySummaryIssue: () => null,
  SupplySummaryAllocation: () => null,
  SupplySummaryBalance: () => null,
};

export const supplyWorkCacheUpdates: UpdatesConfig = {
  Subscription: {
    requisitionChanged: (_result, _args, cache) => invalidateRequisitionLists(cache),
    callUpChanged: (_result, _args, cache) => cache.invalidate('Query', 'callUps'),
  },
  Mutation: {
    fileRequisition: (_result, _args, cache) => invalidateRequisitionLists(cache),
    decideRequisition: (_result, _args, cache) => invalidateRequisitionLists(cache),
    withdrawRequisition: (_result, _args, cache) => invalidateRequisitionLists(cache),
    openCallUp: (_result, _args, cache) => cache.invalidate('Query', 'callUps'),
  },
};
