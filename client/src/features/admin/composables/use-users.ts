import { useQuery } from '@urql/vue';
import { computed, reactive } from 'vue';
import { UsersDocument, type UserFieldsFragment } from '@cc/shared/operations';

/** The user list with its filters (search text, whether deactivated people show). */
export function useUsers() {
  const filters = reactive({ search: '', showInactive: false });
  const query = useQuery({ query: UsersDocument });
  const all = computed<readonly UserFieldsFragment[]>(() => query.data.value?.users ?? []);
  const users = computed(() => {
    const needle = filters.search.trim().toLowerCase();
    return all.value.filter(
      (u) =>
        (filters.showInactive || u.active) &&
        (!needle || u.username.includes(needle) || u.displayName.toLowerCase().includes(needle) || u.phone.includes(needle)),
    );
  });
  return {
    filters,
    users,
    inactiveCount: computed(() => all.value.filter((u) => !u.active).length),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
