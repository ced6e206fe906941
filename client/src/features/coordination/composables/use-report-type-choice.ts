import { useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import { DailyReportTypesDocument } from '@cc/shared/operations';

/** The active report types, and the one a roll-up or calendar shows (the first until someone picks). */
export function useReportTypeChoice() {
  const types = useQuery({ query: DailyReportTypesDocument, variables: { includeInactive: false } });
  const typeId = ref<string | null>(null);
  const list = computed(() => types.data.value?.dailyReportTypes ?? []);
  watch(list, (all) => {
    if (!typeId.value || !all.some((t) => t.id === typeId.value)) typeId.value = all[0]?.id ?? null;
  });
  return { types: list, typeId, error: types.error };
}
