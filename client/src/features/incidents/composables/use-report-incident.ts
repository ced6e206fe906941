import { ReportIncidentDocument } from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';

/** Reports an incident; a retried or double-clicked report cannot be logged twice. */
export function useReportIncident() {
  return useFormMutation(ReportIncidentDocument, (data) => data.reportIncident);
}
