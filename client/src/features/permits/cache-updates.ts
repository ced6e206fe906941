import type { KeyingConfig, UpdatesConfig } from '@urql/exchange-graphcache';

/** Wrappers and pages that are not records of their own. */
export const permitsCacheKeys: KeyingConfig = {
  PermitQueuePage: () => null,
  PermitRequestPage: () => null,
  TrafficPermitPage: () => null,
  PermitRequestChange: () => null,
  TrafficPermitChange: () => null,
};

/**
 * Lists (queue, a unit's requests, issued permits) are re-read by their views when a change
 * arrives, since membership and order depend on the server (green first, then age); the records
 * themselves update in place through the normalised cache. Mutations need no updater: their
 * results are records the cache already keys.
 */
export const permitsCacheUpdates: UpdatesConfig = {};
