import { ref, type Ref } from 'vue';
import { reportError } from './report-error';

/**
 * A person's actions on records (acknowledge, assign, cancel…): `run(id, work)` marks `busy`
 * with the record being worked on, sends the work, and answers its data — or null after a
 * refusal or failure has gone to `report` (the one error helper, unless the feature explains
 * its own conflicts first). `busy` is cleared in `finally`, however the work ends.
 */
export function useAction<Id = string>(report: (error: unknown) => void = reportError) {
  const busy = ref(null) as Ref<Id | null>;

  async function run<Data>(id: Id, work: () => Promise<{ data?: Data | null; error?: unknown }>): Promise<Data | null> {
    busy.value = id;
    try {
      const result = await work();
      if (result.error) {
        report(result.error);
        return null;
      }
      return result.data ?? null;
    } catch (error) {
      report(error);
      return null;
    } finally {
      busy.value = null;
    }
  }

  return { busy, run };
}
