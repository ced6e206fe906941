import { useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { AcknowledgeHqInstructionDocument, HqInstructionChangedDocument, HqInstructionsDocument } from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * The HQ instructions list, kept live by `hqInstructionChanged` (cache-updates.ts places new
 * ones; acknowledgements update the listed copies in place), and signing for a copy (签收).
 */
export function useHqInstructions() {
  const onlyOpen = ref(false);
  const live = useLiveSubscription({
    query: HqInstructionChangedDocument,
    reload: async () => void (await list.executeQuery({ requestPolicy: 'network-only' })),
  });
  const list = useQuery({
    query: HqInstructionsDocument,
    variables: computed(() => ({ first: 50, onlyOpen: onlyOpen.value })),
    pause: () => !live.ready.value,
  });
  useLoadHealth({ error: list.error, reload: () => list.executeQuery({ requestPolicy: 'network-only' }) });

  const send = useKeyedMutation(AcknowledgeHqInstructionDocument);
  const { busy, run } = useAction();
  const acknowledge = (deliveryId: string) => run(deliveryId, () => send({ input: { deliveryId } }));

  return {
    onlyOpen,
    instructions: computed(() => list.data.value?.hqInstructions ?? []),
    fetching: list.fetching,
    error: list.error,
    refresh: () => list.executeQuery({ requestPolicy: 'network-only' }),
    acknowledging: busy,
    acknowledge,
  };
}
