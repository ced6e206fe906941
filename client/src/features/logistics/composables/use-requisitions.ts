import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { RequisitionStatus } from '@cc/shared';
import {
  DecideRequisitionDocument,
  FileRequisitionDocument,
  RequisitionChangedDocument,
  RequisitionItemChoicesDocument,
  RequisitionsDocument,
  WithdrawRequisitionDocument,
} from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useFormMutation, useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * Requisitions, kept live by `requisitionChanged`: the server scopes both (a liaison gets their
 * unit's only), so the same view serves the liaison's own list and the officer's queue.
 * A change refetches the lists (a decision moves a requisition between them).
 */
export function useRequisitions() {
  const live = useLiveSubscription({ query: RequisitionChangedDocument, reload: async () => void (await reloadAll()) });
  const pause = () => !live.ready.value;
  const queue = useQuery({ query: RequisitionsDocument, variables: { status: ['SUBMITTED'] as RequisitionStatus[], first: 20 }, pause });
  const recent = useQuery({ query: RequisitionsDocument, variables: { first: 20 }, pause });
  async function reloadAll(): Promise<void> {
    await Promise.all([queue.executeQuery({ requestPolicy: 'network-only' }), recent.executeQuery({ requestPolicy: 'network-only' })]);
  }
  useLoadHealth({ error: recent.error, reload: reloadAll });
  return {
    live,
    queue: computed(() => queue.data.value?.requisitions ?? []),
    recent: computed(() => recent.data.value?.requisitions ?? []),
    fetching: computed(() => queue.fetching.value || recent.fetching.value),
    error: recent.error,
    reload: reloadAll,
  };
}

export function useFileRequisition() {
  const items = useQuery({ query: RequisitionItemChoicesDocument });
  return {
    items: computed(() => (items.data.value?.supplyItems ?? []).filter((i) => i.active)),
    ...useFormMutation(FileRequisitionDocument, (data) => data.fileRequisition, 'logistics.requisitions'),
  };
}

export function useDecideRequisition() {
  return useFormMutation(DecideRequisitionDocument, (data) => data.decideRequisition, 'logistics.requisitions');
}

export function useWithdrawRequisition() {
  const send = useKeyedMutation(WithdrawRequisitionDocument);
  const { busy, run } = useAction();
  return { busy, withdraw: (requisitionId: string) => run(requisitionId, () => send({ input: { requisitionId } })) };
}
