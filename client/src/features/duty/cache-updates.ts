import type { Cache, KeyingConfig, UpdatesConfig, Variables } from '@urql/exchange-graphcache';
import { hqDay } from '@cc/shared';
import { DutyLogDocument, type DutyCallChangedSubscription, type DutyCallFieldsFragment, type DutyLogFilter } from '@cc/shared/operations';

/** Whether a call belongs in a log page asked for with `filter` (the server's filter, mirrored). */
export function matchesDutyLogFilter(call: DutyCallFieldsFragment, filter: DutyLogFilter | null | undefined, today: string): boolean {
  const f = filter ?? {};
  if (hqDay(new Date(call.receivedAt)) !== (f.day ?? today)) return false;
  if (f.category && call.category !== f.category) return false;
  if (f.urgency && call.urgency !== f.urgency) return false;
  if (f.status && call.status !== f.status) return false;
  if (f.forwardedTo && !call.forwards.some((fw) => fw.targetGroup === f.forwardedTo)) return false;
  const needle = f.search?.trim().toLowerCase();
  if (needle) {
    const haystack = [call.number, call.callerName, call.callerPhone, call.unit?.name, call.unitText, call.summary, call.notes];
    if (!haystack.some((text) => text?.toLowerCase().includes(needle))) return false;
  }
  return true;
}

/**
 * Puts a call into the first page of every cached day log it belongs to, newest first, and
 * counts it in the page's total. A call already listed only updates in place (normalised cache).
 * Pages further on are left alone: the call shifts them by one, which the next load shows.
 */
export function placeDutyCall(cache: Cache, call: DutyCallFieldsFragment): void {
  const today = hqDay(new Date());
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'dutyLog') continue;
    const args = (field.arguments ?? {}) as Variables & { filter?: DutyLogFilter | null; offset?: number };
    if ((args.offset ?? 0) !== 0 || !matchesDutyLogFilter(call, args.filter, today)) continue;
    // The console always sends filter, first and offset, so these arguments are the query's variables.
    cache.updateQuery({ query: DutyLogDocument, variables: args }, (data) => {
      if (!data || data.dutyLog.items.some((c) => c.id === call.id)) return data;
      const at = Date.parse(call.receivedAt);
      const items = [...data.dutyLog.items];
      const index = items.findIndex((c) => Date.parse(c.receivedAt) < at);
      items.splice(index < 0 ? items.length : index, 0, call);
      return { ...data, dutyLog: { ...data.dutyLog, items, total: data.dutyLog.total + 1 } };
    });
  }
}

/** Wrappers and answers that are not records of their own. */
export const dutyCacheKeys: KeyingConfig = {
  DutyCallChange: () => null,
  DutyLogPage: () => null,
  DutyCallSuggestions: () => null,
  DutyCallerSuggestion: () => null,
};

type CallResult = Record<string, DutyCallFieldsFragment | null | undefined>;
const placeFrom = (field: string) => (result: unknown, _args: unknown, cache: Cache) => {
  const call = (result as CallResult)[field];
  if (call) placeDutyCall(cache, call);
};

export const dutyCacheUpdates: UpdatesConfig = {
  Subscription: {
    dutyCallChanged(result, _args, cache) {
      const change = (result as DutyCallChangedSubscription).dutyCallChanged;
      if (change?.call) placeDutyCall(cache, change.call);
    },
  },
  Mutation: {
    /*
     * The officer sees their call at once; the live event that follows is a no-op. Without an
     * updater graphcache would take a new call for "something created" and drop every cached call.
     */
    logDutyCall: placeFrom('logDutyCall'),
    forwardDutyCall: placeFrom('forwardDutyCall'),
    acknowledgeDutyForward: placeFrom('acknowledgeDutyForward'),
    claimDutyCall: placeFrom('claimDutyCall'),
    closeDutyCall: placeFrom('closeDutyCall'),
    correctDutyCall: placeFrom('correctDutyCall'),
    convertDutyCallToIncident: placeFrom('convertDutyCallToIncident'),
    convertDutyCallToDispatchOrder: placeFrom('convertDutyCallToDispatchOrder'),
  },
};
