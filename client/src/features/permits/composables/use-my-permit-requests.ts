import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { MyPermitRequestsDocument, PermitRequestChangedDocument, type PermitRequestFieldsFragment } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

const LIST_SIZE = 100;

/** A liaison's own unit's requests (the server scopes them), newest first, live. */
export function useMyPermitRequests() {
  const live = useLiveSubscription({ query: PermitRequestChangedDocument, reload: async () => void (await reload()) });
  const list = useQuery({ query: MyPermitRequestsDocument, variables: { first: LIST_SIZE, offset: 0 }, pause: () => !live.ready.value });
  const reload = () => list.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: list.error, reload });
  const items = computed<PermitRequestFieldsFragment[]>(() => list.data.value?.myPermitRequests.items ?? []);
  // A status change updates its row in place (normalised cache); a request new to the list re-reads it.
  watch(live.data, (event) => {
    const request = event?.permitRequestChanged?.request;
    if (request && !items.value.some((r) => r.id === request.id)) void reload();
  });
  return { items, fetching: list.fetching, error: list.error, refresh: reload };
}
