import { useClientHandle } from '@urql/vue';
import { DutyCallSuggestionsDocument, type DutyCallSuggestionsQuery } from '@cc/shared/operations';

type Suggestions = DutyCallSuggestionsQuery['dutyCallSuggestions'];
const NONE: Suggestions = { callers: [], units: [] };

/** Recent callers and units starting with what is typed, for the entry form's autocompletes. */
export function useCallSuggestions() {
  const handle = useClientHandle();
  return async (prefix: string): Promise<Suggestions> => {
    if (!prefix.trim()) return NONE;
    const result = await handle.client
      .query(DutyCallSuggestionsDocument, { prefix: prefix.trim() }, { requestPolicy: 'network-only' })
      .toPromise();
    // A suggestion that does not come is no error worth interrupting a phone call for.
    return result.data?.dutyCallSuggestions ?? NONE;
  };
}
