import { onScopeDispose, ref } from 'vue';

/**
 * Ids of records that changed live in the last `ms` milliseconds, for a brief highlight on a
 * live board: `mark(id)` adds one, a timer takes it out again, and timers end with the view.
 */
export function useFreshIds(ms: number) {
  const fresh = ref(new Set<string>());
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function mark(id: string): void {
    fresh.value = new Set(fresh.value).add(id);
    const timer = setTimeout(() => {
      timers.delete(timer);
      const next = new Set(fresh.value);
      next.delete(id);
      fresh.value = next;
    }, ms);
    timers.add(timer);
  }
  onScopeDispose(() => timers.forEach(clearTimeout));

  return { fresh, mark };
}
