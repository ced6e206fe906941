import { useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import {
  CancelTransportRequestDocument,
  DispatchOrderChangedDocument,
  MyTransportRequestsDocument,
  RequestTransportDocument,
  type DispatchOrderFieldsFragment,
} from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { reportDispatchError } from './dispatch-errors';

/**
 * A unit liaison's transport requests: their own unit's only (the server scopes them), kept
 * live by `dispatchOrderChanged` (which carries only their unit's orders), plus filing a new
 * one and withdrawing one no vehicle is on yet.
 */
export function useTransportRequests() {
  const live = useLiveSubscription({
    query: DispatchOrderChangedDocument,
    reload: async () => {
      await list.executeQuery({ requestPolicy: 'network-only' });
    },
  });
  const list = useQuery({ query: MyTransportRequestsDocument, variables: { first: 100 }, pause: () => !live.ready.value });

  const filing = useFormMutation(RequestTransportDocument, (data) => data.requestTransport);
  const cancelMutation = useMutation(CancelTransportRequestDocument);
  const cancelling = ref<string | null>(null);

  async function cancel(order: DispatchOrderFieldsFragment, reason: string): Promise<DispatchOrderFieldsFragment | null> {
    cancelling.value = order.id;
    try {
      const result = await cancelMutation.executeMutation({ input: { orderId: order.id, reason } });
      if (result.error) {
        reportDispatchError(result.error);
        return null;
      }
      return result.data?.cancelTransportRequest ?? null;
    } catch (error) {
      reportDispatchError(error);
      return null;
    } finally {
      cancelling.value = null;
    }
  }

  return {
    requests: computed(() => list.data.value?.myTransportRequests ?? []),
    fetching: list.fetching,
    error: list.error,
    request: filing.submit,
    cancel,
    busy: filing.busy,
    cancelling,
    errors: filing.errors,
    clearErrors: filing.clearErrors,
  };
}
