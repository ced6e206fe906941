import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import {
  CreateDirectiveFromDecisionDocument,
  MeetingChangedDocument,
  MeetingsDocument,
  RecordMeetingMinutesDocument,
  RequestMeetingDocument,
  ScheduleMeetingDocument,
} from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';
import { useLiveSubscription } from '../../../app/use-live-subscription';
import { useLoadHealth } from '../../../app/use-load-health';

/** The meetings list, kept live by `meetingChanged` (new ones re-read the list, cache-updates.ts). */
export function useMeetings() {
  const live = useLiveSubscription({
    query: MeetingChangedDocument,
    reload: async () => void (await list.executeQuery({ requestPolicy: 'network-only' })),
  });
  const list = useQuery({ query: MeetingsDocument, variables: { first: 50 }, pause: () => !live.ready.value });
  useLoadHealth({ error: list.error, reload: () => list.executeQuery({ requestPolicy: 'network-only' }) });
  return { meetings: computed(() => list.data.value?.meetings ?? []), fetching: list.fetching, error: list.error };
}

export const useScheduleMeeting = () =>
  useFormMutation(ScheduleMeetingDocument, (data) => data.scheduleMeeting, 'coordination.meetings.dialog.fieldErrors');
export const useRequestMeeting = () =>
  useFormMutation(RequestMeetingDocument, (data) => data.requestMeeting, 'coordination.meetings.dialog.fieldErrors');
export const useRecordMinutes = () =>
  useFormMutation(RecordMeetingMinutesDocument, (data) => data.recordMeetingMinutes, 'coordination.meetings.minutesDialog.fieldErrors');
export const useDecisionToDirective = () =>
  useFormMutation(
    CreateDirectiveFromDecisionDocument,
    (data) => data.createDirectiveFromDecision,
    'coordination.directives.dialog.fieldErrors',
  );
