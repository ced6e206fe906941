import { RecordIncidentReportedUpwardDocument } from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';

/** Records that an incident was reported upward (上报); a retried or double-clicked submit cannot record it twice. */
export function useReportUpward() {
  return useFormMutation(RecordIncidentReportedUpwardDocument, (data) => data.recordIncidentReportedUpward);
}
