import { useMutation, useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import {
  CancelTransportRequestDocument,
  DispatchOrderChangedDocument,
  MyTransportRequestsDocument,
  RequestTransportDocument,
  type DispatchOrderFieldsFragment,
  type TransportRequestInput,
} from '@cc/shared/operations';
import { fieldErrors, reportError } from '../../../app/report-error';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { reportDispatchError } from './dispatch-errors';

const newKey = () => crypto.randomUUID();

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

  const requestMutation = useMutation(RequestTransportDocument);
  const cancelMutation = useMutation(CancelTransportRequestDocument);
  const busy = ref(false);
  const cancelling = ref<string | null>(null);
  const errors = ref<Record<string, string>>({});
  let idempotencyKey = newKey();

  async function request(input: TransportRequestInput): Promise<DispatchOrderFieldsFragment | null> {
    busy.value = true;
    errors.value = {};
    try {
      const result = await requestMutation.executeMutation(
        { input },
        { fetchOptions: { credentials: 'include', headers: { 'Idempotency-Key': idempotencyKey } } },
      );
      if (result.error) {
        const byField = fieldErrors(result.error);
        if (Object.keys(byField).length > 0) errors.value = byField;
        else reportError(result.error);
        return null;
      }
      idempotencyKey = newKey();
      return result.data?.requestTransport ?? null;
    } catch (error) {
      reportError(error);
      return null;
    } finally {
      busy.value = false;
    }
  }

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
    request,
    cancel,
    busy,
    cancelling,
    errors,
    clearErrors: () => (errors.value = {}),
  };
}
