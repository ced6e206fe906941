import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  DocumentChangedDocument,
  DocumentDocument,
  MarkDocumentReadDocument,
  RemindDocumentReadersDocument,
  SignDocumentDocument,
} from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * One document with its copies, kept live (a reader signing elsewhere shows here at once: the
 * change event carries the whole document), and the actions on it: mark read (阅知), sign for
 * (签收), remind (催办) those still waiting.
 */
export function useDocument(id: Ref<string>) {
  const live = useLiveSubscription({
    query: DocumentChangedDocument,
    reload: async () => void (await query.executeQuery({ requestPolicy: 'network-only' })),
  });
  const query = useQuery({ query: DocumentDocument, variables: computed(() => ({ id: id.value })), pause: () => !live.ready.value });
  useLoadHealth({ error: query.error, reload: () => query.executeQuery({ requestPolicy: 'network-only' }) });

  const { busy, run } = useAction();
  const sendRead = useKeyedMutation(MarkDocumentReadDocument);
  const sendSign = useKeyedMutation(SignDocumentDocument);
  const sendRemind = useKeyedMutation(RemindDocumentReadersDocument);

  return {
    document: computed(() => query.data.value?.document ?? null),
    fetching: query.fetching,
    error: query.error,
    busy,
    markRead: (routingId: string) => run(`read:${routingId}`, () => sendRead({ routingId })),
    sign: (routingId: string, note: string) => run(`sign:${routingId}`, () => sendSign({ input: { routingId, note } })),
    remind: () => run('remind', () => sendRemind({ documentId: id.value })),
  };
}
