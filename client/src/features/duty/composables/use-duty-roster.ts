import { useQuery } from '@urql/vue';
import { computed, ref, watch } from 'vue';
import { addHqDays, HOUR_MS, startOfHqDayOf } from '@cc/shared';
import { CheckInDutyShiftDocument, DeleteDutyShiftDocument, DutyRosterDocument, DutyShiftChangedDocument } from '@cc/shared/operations';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';
import { useKeyedMutation } from '../../../app/use-form-mutation';
import { reportError } from '../../../app/report-error';
import { mondayOf, todayAtHq, uncoveredOfWeek, weekDays, type RosterShiftRow } from './roster-week';

/**
 * One HQ week of the roster, live: every committed shift change (`dutyShiftChanged`) re-reads
 * the week, so the blocks and the 空岗 highlight (the shared `uncoveredHours`, the rule the
 * server alerts on) follow other planners and check-ins at once.
 */
export function useDutyRoster() {
  const monday = ref(mondayOf(todayAtHq()));
  const days = computed(() => weekDays(monday.value));
  const from = computed(() => startOfHqDayOf(monday.value));
  const to = computed(() => new Date(from.value.getTime() + 7 * 24 * HOUR_MS));

  const live = useLiveSubscription({
    query: DutyShiftChangedDocument,
    reload: async () => void (await reload()),
  });
  const roster = useQuery({
    query: DutyRosterDocument,
    variables: computed(() => ({ from: from.value.toISOString(), to: to.value.toISOString() })),
    requestPolicy: 'cache-and-network',
    pause: () => !live.ready.value,
  });
  const reload = () => roster.executeQuery({ requestPolicy: 'network-only' });
  watch(live.data, () => void reload());
  useLoadHealth({ error: roster.error, reload: () => void reload() });

  const shifts = computed<RosterShiftRow[]>(() => (roster.data.value?.dutyRoster ?? []).filter((s) => !s.deleted));
  const uncovered = computed(() => uncoveredOfWeek(shifts.value, monday.value));

  const sendCheckIn = useKeyedMutation(CheckInDutyShiftDocument);
  const sendDelete = useKeyedMutation(DeleteDutyShiftDocument);
  const busy = ref(false);
  async function act(send: () => Promise<{ error?: unknown }>): Promise<boolean> {
    busy.value = true;
    try {
      const result = await send();
      if (result.error) {
        reportError(result.error);
        return false;
      }
      await reload();
      return true;
    } finally {
      busy.value = false;
    }
  }

  return {
    monday,
    days,
    shifts,
    uncovered,
    fetching: roster.fetching,
    error: roster.error,
    busy,
    reload,
    previousWeek: () => (monday.value = addHqDays(monday.value, -7)),
    nextWeek: () => (monday.value = addHqDays(monday.value, 7)),
    thisWeek: () => (monday.value = mondayOf(todayAtHq())),
    checkIn: (shiftId: string) => act(() => sendCheckIn({ input: { shiftId } })),
    remove: (shiftId: string) => act(() => sendDelete({ input: { shiftId } })),
  };
}
