import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { mayUse } from '@cc/shared';
import { DutyMemberUnitsDocument, type DutyMemberUnitsQuery } from '@cc/shared/operations';
import { useSession } from '../../auth/composables/use-session';

export type DutyUnit = DutyMemberUnitsQuery['dutyMemberUnits'][number];

/** The active member units, for the caller's unit and forwarding; read once per page, from the cache after. */
export function useDutyUnits() {
  const { roles } = useSession();
  const query = useQuery({ query: DutyMemberUnitsDocument, pause: () => !mayUse('dutyMemberUnits', roles.value) });
  const units = computed<readonly DutyUnit[]>(() => query.data.value?.dutyMemberUnits ?? []);

  /** Units whose name or code contains the text typed. */
  function matching(text: string): DutyUnit[] {
    const needle = text.trim().toLowerCase();
    if (!needle) return [];
    return units.value.filter((u) => u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle));
  }
  /** The unit of exactly this name, if the typed text names one. */
  function named(text: string): DutyUnit | undefined {
    const name = text.trim();
    return units.value.find((u) => u.name === name);
  }
  return { units, matching, named };
}
