import { useQuery } from '@urql/vue';
import { computed, watch } from 'vue';
import { DocumentChangedDocument, MarkDocumentReadDocument, MyDocumentInboxDocument, SignDocumentDocument } from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * The signed-in person's copies still to read or sign. A change to any document they can see
 * re-reads the inbox (a new copy for them, or one signed from another console, leaves or joins it).
 */
export function useDocumentInbox() {
  const reload = async () => void (await inbox.executeQuery({ requestPolicy: 'network-only' }));
  const live = useLiveSubscription({ query: DocumentChangedDocument, reload });
  watch(live.data, () => void reload());
  const inbox = useQuery({ query: MyDocumentInboxDocument, pause: () => !live.ready.value, requestPolicy: 'network-only' });
  useLoadHealth({ error: inbox.error, reload });

  const { busy, run } = useAction();
  const sendRead = useKeyedMutation(MarkDocumentReadDocument);
  const sendSign = useKeyedMutation(SignDocumentDocument);
  const after = async <T>(work: Promise<T>) => {
    const result = await work;
    await reload();
    return result;
  };

  return {
    copies: computed(() => inbox.data.value?.myDocumentInbox ?? []),
    fetching: inbox.fetching,
    error: inbox.error,
    busy,
    markRead: (routingId: string) => after(run(`read:${routingId}`, () => sendRead({ routingId }))),
    sign: (routingId: string, note: string) => after(run(`sign:${routingId}`, () => sendSign({ input: { routingId, note } }))),
  };
}
