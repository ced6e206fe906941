import { LogDutyCallDocument } from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';

/** Logs a call; a double Enter or a retry after a lost answer logs it once (idempotency key). */
export function useLogCall() {
  return useFormMutation(LogDutyCallDocument, (data) => data.logDutyCall, 'duty.entry.fieldErrors');
}
