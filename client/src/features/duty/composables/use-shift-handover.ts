import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import {
  CurrentShiftHandoverDocument,
  GenerateShiftHandoverDocument,
  ShiftHandoverChangedDocument,
  ShiftHandoversDocument,
  SignShiftHandoverDocument,
  UpdateShiftHandoverNoteDocument,
  type HandoverSignerRole,
} from '@cc/shared/operations';
import { useAction } from '../../../app/use-action';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * The current shift's handover (or, once both have signed, the last one) and the recent ones,
 * kept live by `shiftHandoverChanged`: a signature on another console shows at once.
 */
export function useShiftHandover() {
  const live = useLiveSubscription({
    query: ShiftHandoverChangedDocument,
    reload: async () => {
      await Promise.all([current.executeQuery({ requestPolicy: 'network-only' }), recent.executeQuery({ requestPolicy: 'network-only' })]);
    },
  });
  const current = useQuery({ query: CurrentShiftHandoverDocument, pause: () => !live.ready.value });
  const recent = useQuery({ query: ShiftHandoversDocument, variables: { first: 10 }, pause: () => !live.ready.value });
  const error = computed(() => current.error.value ?? recent.error.value);
  useLoadHealth({
    error,
    reload: () =>
      Promise.all([current.executeQuery({ requestPolicy: 'network-only' }), recent.executeQuery({ requestPolicy: 'network-only' })]),
  });

  const history = computed(() => recent.data.value?.shiftHandovers ?? []);
  /** What the page shows: the handover in the making, else the last one handed over. */
  const shown = computed(() => current.data.value?.currentShiftHandover ?? history.value[0] ?? null);

  const generateMutation = useKeyedMutation(GenerateShiftHandoverDocument);
  const noteMutation = useKeyedMutation(UpdateShiftHandoverNoteDocument);
  const signMutation = useKeyedMutation(SignShiftHandoverDocument);
  const { busy, run } = useAction<'generate' | 'note' | HandoverSignerRole>();

  return {
    shown,
    history,
    fetching: computed(() => current.fetching.value || recent.fetching.value),
    error,
    busy,
    /** For the officer's shift window, or (none given) the last 8 hours ending now. */
    generate: (window: { shiftStartedAt?: string | null; shiftEndsAt?: string | null } = {}) =>
      run('generate', () => generateMutation({ input: window })),
    saveNote: (handoverId: string, note: string, expectedVersion: number) =>
      run('note', () => noteMutation({ input: { handoverId, note, expectedVersion } })),
    sign: (handoverId: string, role: HandoverSignerRole) => run(role, () => signMutation({ input: { handoverId, role } })),
  };
}
