import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { MemberUnitsDocument, type MemberUnitFieldsFragment } from '@cc/shared/operations';

/** Every member unit (active first, as the server orders them). */
export function useMemberUnits() {
  const query = useQuery({ query: MemberUnitsDocument });
  const units = computed<readonly MemberUnitFieldsFragment[]>(() => query.data.value?.memberUnits ?? []);
  return {
    units,
    activeUnits: computed(() => units.value.filter((u) => u.active)),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
