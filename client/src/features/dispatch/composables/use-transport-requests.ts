import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import {
  CancelTransportRequestDocument,
  DispatchOrderChangedDocument,
  MyTransportRequestsDocument,
  RequestTransportDocument,
  type DispatchOrderFieldsFragment,
  type TransportRequestInput,
} from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useFormMutation, useKeyedMutation } from '../../../app/use-form-mutation';
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
  const cancelRequest = useKeyedMutation(CancelTransportRequestDocument);
  const { busy: cancelling, run } = useAction(reportDispatchError);

  const cancel = (order: DispatchOrderFieldsFragment, reason: string): Promise<DispatchOrderFieldsFragment | null> =>
    run(order.id, () => cancelRequest({ input: { orderId: order.id, reason } })).then((d) => d?.cancelTransportRequest ?? null);

  return {
    requests: computed(() => list.data.value?.myTransportRequests ?? []),
    fetching: list.fetching,
    error: list.error,
    request: (input: TransportRequestInput) => filing.submit({ input }),
    cancel,
    busy: filing.busy,
    cancelling,
    errors: filing.errors,
    clearErrors: filing.clearErrors,
  };
}
