import { CreateDispatchOrderDocument } from '@cc/shared/operations';
import { useFormMutation } from '../../../app/use-form-mutation';

/** Raises a dispatch order; a retried or double-clicked order cannot be raised twice. */
export function useCreateDispatchOrder() {
  return useFormMutation(CreateDispatchOrderDocument, (data) => data.createDispatchOrder);
}
