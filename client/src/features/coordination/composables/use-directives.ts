import { useQuery } from '@urql/vue';
import { computed, reactive } from 'vue';
import type { WorkingGroup } from '@cc/shared';
import { DirectiveChangedDocument, DirectivesDocument, DirectiveUnitsDocument } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/**
 * The directives board, kept live by `directiveChanged`: new directives are placed by
 * cache-updates.ts, an assignee's step updates the listed directive in place.
 */
export function useDirectives() {
  const filter = reactive({ onlyOpen: true, onlyOverdue: false, group: null as WorkingGroup | null, unitId: null as string | null });
  const live = useLiveSubscription({
    query: DirectiveChangedDocument,
    reload: async () => void (await list.executeQuery({ requestPolicy: 'network-only' })),
  });
  const list = useQuery({
    query: DirectivesDocument,
    variables: computed(() => ({ first: 100, filter: { ...filter } })),
    pause: () => !live.ready.value,
  });
  useLoadHealth({ error: list.error, reload: () => list.executeQuery({ requestPolicy: 'network-only' }) });
  return {
    filter,
    directives: computed(() => list.data.value?.directives ?? []),
    fetching: list.fetching,
    error: list.error,
    refresh: () => list.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** The member units a directive may be assigned to (coordinators and leaders). */
export function useDirectiveUnits(enabled: () => boolean) {
  const units = useQuery({ query: DirectiveUnitsDocument, pause: () => !enabled() });
  return computed(() => units.data.value?.directiveUnits ?? []);
}
