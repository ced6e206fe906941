import { useQuery } from '@urql/vue';
import { computed, watch, type Ref } from 'vue';
import { IncidentChangedDocument, IncidentDetailDocument } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * One incident with its timeline, live: any committed change to it (a status step, a note, a
 * dispatch order linked to it) re-reads it, since the event carries the incident but not its timeline.
 */
export function useIncidentDetail(id: Ref<string>) {
  const detail = useQuery({
    query: IncidentDetailDocument,
    variables: computed(() => ({ id: id.value })),
    requestPolicy: 'cache-and-network',
  });
  const reload = () => detail.executeQuery({ requestPolicy: 'network-only' });

  const live = useLiveSubscription({ query: IncidentChangedDocument, reload: async () => void (await reload()) });
  watch(live.data, (event) => {
    if (event?.incidentChanged?.incident.id === id.value) void reload();
  });
  // Its timeline is not in the events: re-read it whenever the connection comes back.
  useLoadHealth({ error: detail.error, reload, reloadOnReturn: 'always' });

  return {
    incident: computed(() => detail.data.value?.incident ?? null),
    fetching: detail.fetching,
    error: detail.error,
    refresh: reload,
  };
}
