import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { DutyCallChangedDocument, DutyForwardInboxDocument, type DutyForwardInboxQuery } from '@cc/shared/operations';
import { useFreshIds } from '../../../app/use-fresh-ids';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

const FRESH_FOR_MS = 6_000;
const INBOX_SIZE = 100;

/**
 * The calls forwarded to the viewer's group or unit (the server decides which), unacknowledged
 * first, live: an acknowledgement updates its forward in place; a forward the list does not
 * hold yet re-reads the inbox, since only the server knows whether it is addressed to us.
 */
export function useForwardInbox() {
  const live = useLiveSubscription({ query: DutyCallChangedDocument, reload: async () => void (await reload()) });
  const inbox = useQuery({
    query: DutyForwardInboxDocument,
    variables: { first: INBOX_SIZE },
    pause: () => !live.ready.value,
  });
  const reload = () => inbox.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: inbox.error, reload });

  const forwards = computed<DutyForwardInboxQuery['dutyForwardInbox']>(() => inbox.data.value?.dutyForwardInbox ?? []);
  const { fresh, mark } = useFreshIds(FRESH_FOR_MS);
  watch(live.data, (event) => {
    const call = event?.dutyCallChanged?.call;
    if (!call) return;
    const listed = new Set(forwards.value.map((f) => f.id));
    const unseen = call.forwards.filter((f) => !listed.has(f.id));
    if (unseen.length === 0) return;
    unseen.forEach((f) => mark(f.id));
    void reload();
  });

  return { forwards, fresh, fetching: inbox.fetching, error: inbox.error, refresh: reload };
}
