import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import type { CallUpStage } from '@cc/shared';
import {
  AdvanceCallUpDocument,
  CallUpChangedDocument,
  CallUpsDocument,
  OpenCallUpDocument,
  RequestSupplySupportDocument,
} from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/** Emergency call-ups (plan 5), live; opening one, moving it a step, asking the level above. */
export function useCallUps() {
  const live = useLiveSubscription({ query: CallUpChangedDocument, reload: async () => void (await reload()) });
  const list = useQuery({ query: CallUpsDocument, variables: { first: 20 }, pause: () => !live.ready.value });
  const reload = () => list.executeQuery({ requestPolicy: 'network-only' });
  useLoadHealth({ error: list.error, reload });
  const open = useKeyedMutation(OpenCallUpDocument);
  const advance = useKeyedMutation(AdvanceCallUpDocument);
  const request = useKeyedMutation(RequestSupplySupportDocument);
  const { busy, run } = useAction();
  return {
    callUps: computed(() => list.data.value?.callUps ?? []),
    fetching: list.fetching,
    error: list.error,
    reload,
    busy,
    open: (title: string, note: string) => run('open', () => open({ input: { title, note } })),
    advance: (callUpId: string, stage: CallUpStage, note: string, expectedVersion: number) =>
      run(callUpId, () => advance({ input: { callUpId, stage, note, expectedVersion } })),
    requestSupport: (callUpId: string, itemId: string, quantity: number, askedOf: string) =>
      run(callUpId, () => request({ input: { callUpId, itemId, quantity, askedOf } })),
  };
}
