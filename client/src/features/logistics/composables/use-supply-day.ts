import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  ApproveAllocationPlanDocument,
  EditAllocationPlanDocument,
  MarkSupplySummaryReadyDocument,
  ProposeAllocationPlanDocument,
  SupplyDayChangedDocument,
  SupplyDayDocument,
} from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/** The supply day (today unless a day is given), live: deadlines, plan, deliveries, summary. */
export function useSupplyDay(day: Ref<string | null>) {
  const live = useLiveSubscription({ query: SupplyDayChangedDocument, reload: async () => void (await reload()) });
  const query = useQuery({ query: SupplyDayDocument, variables: computed(() => ({ day: day.value })), pause: () => !live.ready.value });
  const reload = () => query.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: query.error, reload });

  const propose = useKeyedMutation(ProposeAllocationPlanDocument);
  const edit = useKeyedMutation(EditAllocationPlanDocument);
  const approve = useKeyedMutation(ApproveAllocationPlanDocument);
  const markReady = useKeyedMutation(MarkSupplySummaryReadyDocument);
  const { busy, run } = useAction();
  return {
    supplyDay: computed(() => query.data.value?.supplyDay ?? null),
    fetching: query.fetching,
    error: query.error,
    reload,
    busy,
    propose: (d: string, keyUnitIds: string[]) => run('propose', () => propose({ input: { day: d, keyUnitIds } })),
    save: (planId: string, lines: { lineId: string; quantity: number }[], expectedVersion: number) =>
      run('save', () => edit({ input: { planId, lines, expectedVersion } })),
    approve: (planId: string, expectedVersion: number) => run('approve', () => approve({ input: { planId, expectedVersion } })),
    markSummaryReady: (d: string) => run('summary', () => markReady({ input: { day: d } })),
  };
}
