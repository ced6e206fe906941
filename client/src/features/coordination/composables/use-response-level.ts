import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import {
  ResponseLevelChangedDocument,
  ResponseLevelDocument,
  ResponseLevelHistoryDocument,
  SetResponseLevelDocument,
} from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';

/**
 * The HQ's response level for the header: read once, then kept live by `responseLevelChanged`
 * (each change invalidates the cached level, cache-updates.ts, and the query reads it again).
 */
export function useResponseLevel() {
  const live = useLiveSubscription({
    query: ResponseLevelChangedDocument,
    reload: async () => void (await current.executeQuery({ requestPolicy: 'network-only' })),
  });
  const current = useQuery({ query: ResponseLevelDocument, pause: () => !live.ready.value, requestPolicy: 'cache-and-network' });
  return { state: computed(() => current.data.value?.responseLevel ?? null) };
}

/** The history of changes, newest first (the response-level page). */
export function useResponseLevelHistory() {
  const history = useQuery({ query: ResponseLevelHistoryDocument, variables: { first: 50 } });
  return { history: computed(() => history.data.value?.responseLevelHistory ?? []), fetching: history.fetching, error: history.error };
}

/** A leader sets the level; a double click or a retry sets it once. */
export function useSetResponseLevel() {
  return useFormMutation(SetResponseLevelDocument, (data) => data.setResponseLevel, 'coordination.responseLevel.dialog.fieldErrors');
}
