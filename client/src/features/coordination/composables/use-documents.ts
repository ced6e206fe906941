import { useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { DocumentChangedDocument, DocumentsDocument } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/** The document register (收文、发文), searchable, kept live by `documentChanged` (cache-updates.ts places new ones). */
export function useDocuments() {
  const search = ref('');
  const live = useLiveSubscription({
    query: DocumentChangedDocument,
    reload: async () => void (await list.executeQuery({ requestPolicy: 'network-only' })),
  });
  const list = useQuery({
    query: DocumentsDocument,
    variables: computed(() => ({ search: search.value.trim(), first: 50, offset: 0 })),
    pause: () => !live.ready.value,
  });
  useLoadHealth({ error: list.error, reload: () => list.executeQuery({ requestPolicy: 'network-only' }) });
  return {
    search,
    documents: computed(() => list.data.value?.documents ?? []),
    fetching: list.fetching,
    error: list.error,
    refresh: () => list.executeQuery({ requestPolicy: 'network-only' }),
  };
}
