import { useQuery } from '@urql/vue';
import { computed, watch, type Ref } from 'vue';
import { DutyCallChangedDocument, DutyCallDocument } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * One call with its forwards, outcomes and corrections, live: its forwards (and their
 * acknowledgements) come with every event and update in place; outcomes and corrections are
 * not in the events, so a change to this call re-reads it.
 */
export function useDutyCall(id: Ref<string>) {
  const detail = useQuery({
    query: DutyCallDocument,
    variables: computed(() => ({ id: id.value })),
    requestPolicy: 'cache-and-network',
  });
  const reload = () => detail.executeQuery({ requestPolicy: 'network-only' });

  const live = useLiveSubscription({ query: DutyCallChangedDocument, reload: async () => void (await reload()) });
  watch(live.data, (event) => {
    if (event?.dutyCallChanged?.call?.id === id.value) void reload();
  });
  useLoadHealth({ error: detail.error, reload, reloadOnReturn: 'always' });

  return {
    call: computed(() => detail.data.value?.dutyCall ?? null),
    fetching: detail.fetching,
    error: detail.error,
    refresh: reload,
  };
}
